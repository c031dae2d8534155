import type { PersonSummary } from './reports';

/** What starting a new season needs: its policy, its targets, and the categories to renew. */
export interface NewSeason {
  year: number;
  /** The office's policy for the year, if chosen. */
  chosen: string | null;
  /** The newest policy file for the region the office ran last year, when none is chosen. */
  suggested: { id: string; region: string } | null;
  /** The season's 集中参保期, from the chosen (or suggested) policy. */
  window: { from: string | null; to: string } | null;
  targets: { lastYear: { villages: number; total: number }; thisYear: { villages: number; total: number } };
  /** Categories ended or ending before this season's window closes, per department. */
  ending: { department: string; count: number }[];
}

export type EndingCategory = PersonSummary & { code: string; department: string | null; departmentLabel: string; validTo: string };
