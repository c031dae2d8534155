import type { YearRecord } from '../domain/policy/lapse';

export type { YearRecord };

/** A coverage year as the lapse count sees it: whether it is known for the whole roster, and why. */
export interface HistoryYear {
  year: number;
  /** The office's policy for the year, if it ran the year in canbao. */
  policyId: string | null;
  /** Why the year is known for everyone (payment records imported, or marked), or null. */
  complete: string | null;
  /** The office marked the year complete: who and when. */
  marked: { by: string; at: string } | null;
  /** Payment records imported for the year (committed, not undone). */
  paymentsImported: boolean;
}
