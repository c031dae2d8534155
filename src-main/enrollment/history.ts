// A person's insurance years as the ledger knows them: for the quote's lapse count and the
// drawer's row of years.
import { readHistory, type HistoryReading, type YearRecord } from '../domain/policy/lapse';
import { completeYears, yearStates } from '../ledger/insurance-years';
import type { Context } from '../service/context';
import type { Person } from '../types/roster';

/** What a run of quotes shares: the years known for the whole roster, read once. */
export interface HistoryLookup {
  complete: Map<number, string>;
}

export const historyLookup = (ctx: Context): HistoryLookup => ({ complete: completeYears(ctx.db) });

/** The person's years before the coverage year, as the ledger knows them. */
export function personHistory(ctx: Context, coverageYear: number, p: Person, lookup: HistoryLookup = historyLookup(ctx)): HistoryReading {
  return readHistory(coverageYear, Number(p.birthDate.slice(0, 4)), yearStates(ctx.db, p, lookup.complete));
}

/** The years the drawer shows: the office's latest year and the three before it, oldest first. */
export function yearRow(ctx: Context, p: Person, lastYear: number): YearRecord[] {
  const state = yearStates(ctx.db, p, completeYears(ctx.db));
  const born = Number(p.birthDate.slice(0, 4));
  const out: YearRecord[] = [];
  for (let y = Math.max(lastYear - 3, born); y <= lastYear; y++) out.push(state(y));
  return out;
}
