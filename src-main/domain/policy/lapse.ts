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
 * Reads back from the year before `coverageYear`, down to the year after the birth year: the
 * birth year is the newborn's, whom every notice exempts from waiting (a ruling), and the years
 * before it none the person could have been insured in. The count stops there as known.
 */
export function readHistory(coverageYear: number, birthYear: number | null, stateOf: (year: number) => YearRecord): HistoryReading {
  const years: YearRecord[] = [];
  const first = Math.max(coverageYear - YEARS_READ, birthYear === null ? -Infinity : birthYear + 1);
  for (let y = coverageYear - 1; y >= first; y--) {
    const r = stateOf(y);
    years.push(r);
    // Enough read: the run that counts has ended.
    if (r.state === 'unknown' || (years.length > 1 && r.state !== years[0]!.state)) break;
  }
  const last = years[0]?.state ?? 'insured';
  const run = years.filter((r, i) => i === 0 || r.state === years[0]!.state).length;
  const endsUnknown = years.length > 0 && years[years.length - 1]!.state === 'unknown';
  const runLength = years.length === 0 ? 0 : endsUnknown ? years.length - 1 : run;
  const reading: HistoryReading = {
    lapsedYears: last === 'not_insured' ? runLength : 0,
    lapsedAtLeast: last === 'not_insured' && endsUnknown,
    continuousYears: last === 'insured' ? runLength : 0,
    continuousAtLeast: last === 'insured' && endsUnknown,
    unknown: last === 'unknown',
    years: [...years].reverse(),
    text: '',
  };
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
