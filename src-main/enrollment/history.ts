// A person's insurance years as the ledger knows them: for the quote's lapse count and the
// drawer's row of years.
import { firstInsurableYear, readHistory, type HistoryReading, type YearRecord } from '../domain/policy/lapse';
import { yearStates } from '../ledger/insurance-years';
import { completeYears } from '../ledger/known-years';
import type { Context } from '../service/context';
import type { Person } from '../types/roster';

/** What a run of quotes shares: the years known for the whole roster, read once. */
export interface HistoryLookup {
  complete: Map<number, string>;
}

export const historyLookup = (ctx: Context): HistoryLookup => ({ complete: completeYears(ctx.db) });

/** The person's years before the coverage year, as the ledger knows them. */
export function personHistory(ctx: Context, coverageYear: number, p: Person, lookup: HistoryLookup = historyLookup(ctx)): HistoryReading {
  return readHistory(coverageYear, firstInsurableYear(p.birthDate), yearStates(ctx.db, p, lookup.complete));
}

/** The years the drawer shows: the office's latest year and the three before it, oldest first. */
export function yearRow(ctx: Context, p: Person, lastYear: number): YearRecord[] {
  const state = yearStates(ctx.db, p, completeYears(ctx.db));
  const first = firstInsurableYear(p.birthDate);
  const out: YearRecord[] = [];
  for (let y = Math.max(lastYear - 3, first); y <= lastYear; y++) out.push(state(y));
  return out;
}
