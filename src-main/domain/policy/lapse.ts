// Lapsed and continuous years read from a person's insurance history, year by year, as
// rules.md "History decides a lapse" says: an unknown year is never a lapse and never
// continuity; a run of known years that ends in unknown ones gives only a minimum.

export type YearState = 'insured' | 'not_insured' | 'unknown';

export interface YearRecord {
  year: number;
  state: YearState;
  /** Where the state comes from, in the clerk's words ('' for unknown). */
  source: string;
}

export interface HistoryReading {
  lapsedYears: number;
  /** True when earlier years are unknown, so the person may have lapsed longer. */
  lapsedAtLeast: boolean;
  continuousYears: number;
  continuousAtLeast: boolean;
  /** The year before the coverage year is unknown: neither count can be read. */
  unknown: boolean;
  /** The years read, oldest first. */
  years: YearRecord[];
  /** "2023 未参保、2024 未参保：断保 2 年" */
  text: string;
}

/** Neighbouring years of one state, so ten insured years read as one phrase. */
function runs(years: YearRecord[]): YearRecord[][] {
  const out: YearRecord[][] = [];
  for (const y of years) {
    const g = out[out.length - 1];
    if (g && g[0]!.state === y.state) g.push(y);
    else out.push([y]);
  }
  return out;
}

const STATE_WORDS: Record<YearState, string> = { insured: '已参保', not_insured: '未参保', unknown: '情况不明' };

/** How far back a count goes: further than any waiting rule adds months for. */
export const YEARS_READ = 10;

/**
 * The years read back from the year before `coverageYear`, newest first, down to the year after
 * the birth year: the birth year is the newborn's, whom every notice exempts from waiting (a
 * ruling), and the years before it none the person could have been insured in. Reading stops
 * at the first year that ends the run (an unknown one, or one of the other state).
 */
function readBack<T>(coverageYear: number, birthYear: number | null, get: (year: number) => T, stateOf: (t: T) => YearState): T[] {
  const out: T[] = [];
  const first = Math.max(coverageYear - YEARS_READ, birthYear === null ? -Infinity : birthYear + 1);
  let lead: YearState | undefined;
  for (let y = coverageYear - 1; y >= first; y--) {
    const t = get(y);
    const s = stateOf(t);
    out.push(t);
    lead ??= s;
    if (s === 'unknown' || s !== lead) break;
  }
  return out;
}

export type LapseCounts = Omit<HistoryReading, 'years' | 'text'>;

/** The counts of a run of states read back (newest first). */
function countRun(states: YearState[]): LapseCounts {
  const lead = states[0] ?? 'insured';
  const endsUnknown = states.length > 0 && states[states.length - 1] === 'unknown';
  let run = 0;
  while (run < states.length && states[run] === lead) run++;
  const n = lead === 'unknown' ? 0 : run;
  return {
    lapsedYears: lead === 'not_insured' ? n : 0,
    lapsedAtLeast: lead === 'not_insured' && endsUnknown,
    continuousYears: lead === 'insured' ? n : 0,
    continuousAtLeast: lead === 'insured' && endsUnknown,
    unknown: lead === 'unknown',
  };
}

/** The counts alone, for a whole roster at once (no words, no records). */
export function lapseCounts(coverageYear: number, birthYear: number | null, stateOf: (year: number) => YearState): LapseCounts {
  return countRun(readBack(coverageYear, birthYear, stateOf, (s) => s));
}

/** The person's years read back, with the counts and the words the desk shows. */
export function readHistory(coverageYear: number, birthYear: number | null, stateOf: (year: number) => YearRecord): HistoryReading {
  const records = readBack(coverageYear, birthYear, stateOf, (r) => r.state);
  const reading: HistoryReading = { ...countRun(records.map((r) => r.state)), years: [...records].reverse(), text: '' };
  reading.text = describe(reading, coverageYear);
  return reading;
}

function describe(r: HistoryReading, coverageYear: number): string {
  if (!r.years.length) return `${coverageYear} 年以前无应参保年度`;
  const told = runs(r.years)
    .map((g) =>
      (g.length > 2 ? [`${g[0]!.year} 至 ${g[g.length - 1]!.year} ${STATE_WORDS[g[0]!.state]}`] : g.map((y) => `${y.year} ${STATE_WORDS[y.state]}`)).join('、'),
    )
    .join('、');
  if (r.unknown) return `${told}：无法判断是否断保`;
  if (r.lapsedYears > 0) return `${told}：${r.lapsedAtLeast ? '至少' : ''}断保 ${r.lapsedYears} 年`;
  return `${told}：${r.continuousAtLeast ? '至少' : ''}连续参保 ${r.continuousYears} 年`;
}
