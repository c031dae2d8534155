import type { YearRecord } from '../domain/policy/lapse';

export type { YearRecord };

/** One way a year became known for the whole roster (docs/rules.md "Which files make a year known"). */
export interface KnownWayView {
  id: number;
  /** The import of the township's full list (file and batch), or null for the office's mark. */
  batch: { id: number; fileName: string; undone: boolean } | null;
  /** How many of the roster the list named, or the mark turned into 未参保. */
  persons: number;
  by: string;
  at: string;
  withdrawn: { by: string; at: string } | null;
  inForce: boolean;
}

/** A coverage year as the lapse count sees it: whether it is known for the whole roster, and how. */
export interface HistoryYear {
  year: number;
  /** The office's policy for the year, if it ran the year in canbao. */
  policyId: string | null;
  /** Why the year is known for everyone, in the clerk's words, or null while it is not. */
  known: string | null;
  /** Every way the year became known, those withdrawn or undone too, in order. */
  ways: KnownWayView[];
  /** The office may mark it: it ran the year in canbao, and has no mark in force. */
  canMark: boolean;
}

/** What marking a year would do, shown before the admin confirms. */
export interface MarkPreview {
  year: number;
  /** Persons on the roster the mark turns from 情况不明 into 未参保 for the year. */
  turns: number;
}
