// A year's insurance record written by an import, kept undoable: what the row was before is
// stored with the batch, and undo puts it back (or removes the row the batch added).
import type { Database } from 'better-sqlite3';
import type { BatchChanges } from '../ledger/import-batches';
import { dropHistory, historyRecord, putBackHistory, putHistory, type HistoryRecord } from '../ledger/insurance-years';

export type Scheme = 'resident' | 'employee';

interface Prior extends Omit<HistoryRecord, 'ended'> {
  /** Absent in batches written before 医保's endings were kept: 0. */
  ended?: number;
}

export interface HistoryRow {
  year: number;
  scheme: Scheme;
  insured: boolean;
  /** 医保 said the insurance ended or paused that year. */
  ended?: boolean;
  division: string;
}

/** A writer for one batch: each call records the row's earlier state in the batch's changes. */
export function historyWriter(db: Database, changes: BatchChanges, source: string, at: string): (personId: number, h: HistoryRow) => void {
  return (personId, h) => {
    const was: Prior | null = historyRecord(db, personId, h.year, h.scheme) ?? null;
    changes.add('insurance_history', personId, was ? 'update' : 'insert', { year: h.year, scheme: h.scheme, prior: was });
    putHistory(db, personId, h, source, at);
  };
}

/** Undoes one recorded insurance_history change. */
export function restoreHistory(db: Database, personId: number, before: unknown): void {
  const b = before as { year: number; scheme: Scheme; prior: Prior | null };
  if (b.prior) putBackHistory(db, personId, b.year, b.scheme, { ...b.prior, ended: b.prior.ended ?? 0 });
  else dropHistory(db, personId, b.year, b.scheme);
}
