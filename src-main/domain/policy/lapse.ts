// Lapsed and continuous years read from a person's insurance history, year by year, as
// docs/rules.md "History decides a lapse" says: an unknown year is never a lapse and never
// continuity; the break is the run just before the coverage year; a run of known years that
// ends in unknown ones gives only a minimum.
import { addDays } from '../dates';

export type YearState = 'insured' | 'not_insured' | 'unknown';

/** Why a year reads as it does, where a warning turns on it. */
export type YearBasis = 'record' | 'absence' | 'ended';

export interface YearRecord {
  year: number;
  state: YearState;
  /** Where the state comes from, in the clerk's words ('' for unknown with nothing said). */
  source: string;
  /**
   * 'absence': not insured only because the year is known and no record names the person
   * (未见参保记录); 'ended': unknown because 医保 says the insurance ended or paused that year.
   */
  basis?: YearBasis;
}

/** What one record says of a person's 居民医保 in a year. */
export type Evidence = 'insured' | 'not_insured' | 'ended';

/**
 * The one rule for a person's year (docs/rules.md "A person's year"): any record of insurance wins (a
 * payment is evidence, a 未参保 a lack of it); then a record that says not insured; a record that
 * the insurance ended or paused leaves the year unknown, even in a year known for everyone (the
 * row is more specific than the office's mark); otherwise a known year means not insured.
 */
export function yearState(evidence: Iterable<Evidence>, yearKnown: boolean): { state: YearState; basis: YearBasis | null } {
  let said = false;
  let ended = false;
  for (const e of evidence) {
    if (e === 'insured') return { state: 'insured', basis: 'record' };
    if (e === 'not_insured') said = true;
    else ended = true;
  }
  if (said) return { state: 'not_insured', basis: 'record' };
  if (ended) return { state: 'unknown', basis: 'ended' };
  return yearKnown ? { state: 'not_insured', basis: 'absence' } : { state: 'unknown', basis: null };
}

/** The days after birth a newborn may join on its own (every notice here says 90). */
export const NEWBORN_DAYS = 90;

/**
 * The first coverage year a person could have been insured in. The birth year counts only when
 * on its 31 December the child was past its 90 days: born 2024-03-10 and not enrolled lapsed
 * 2024; born 2024-11-15 could still have joined in 2025 and did not lapse.
 */
export function firstInsurableYear(birthDate: string): number {
  const y = Number(birthDate.slice(0, 4));
  return addDays(birthDate, NEWBORN_DAYS) < `${y}-12-31` ? y : y + 1;
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
 * The years read back from the year before `coverageYear`, newest first, down to the first year
 * the person could have been insured in (firstInsurableYear). Reading stops at the first year
 * that ends the run (an unknown one, or one of the other state).
 */
function readBack<T>(coverageYear: number, firstYear: number | null, get: (year: number) => T, stateOf: (t: T) => YearState): T[] {
  const out: T[] = [];
  const first = Math.max(coverageYear - YEARS_READ, firstYear ?? -Infinity);
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
export function lapseCounts(coverageYear: number, firstYear: number | null, stateOf: (year: number) => YearState): LapseCounts {
  return countRun(readBack(coverageYear, firstYear, stateOf, (s) => s));
}

/** The person's years read back, with the counts and the words the desk shows. */
export function readHistory(coverageYear: number, firstYear: number | null, stateOf: (year: number) => YearRecord): HistoryReading {
  const records = readBack(coverageYear, firstYear, stateOf, (r) => r.state);
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

/** Years the desk typed over the history's reading. */
export interface DeskYears {
  lapsedYears?: number | undefined;
  continuousYears?: number | undefined;
}

export interface QuoteHistory {
  /** "2023 未参保、2024 未参保：断保 2 年，待遇等待期 4 个月" */
  text: string;
  lapsedYears: number;
  continuousYears: number;
  years: YearRecord[];
  /** What the desk typed instead of the reading, if anything. */
  typed: DeskYears | null;
  /** The clause of the wait applied for the lapse, if one was. */
  citation: string | null;
}
