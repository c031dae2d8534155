// A year's insurance record written by an import, kept undoable: what the row was before is
// stored with the batch, and undo puts it back (or removes the row the batch added).
import type { Database } from 'better-sqlite3';
import type { BatchChanges } from '../ledger/import-batches';
import { sql } from '../ledger/statements';

export type Scheme = 'resident' | 'employee';

interface Prior {
  insured: number;
  /** Absent in batches written before 医保's endings were kept: 0. */
  ended?: number;
  division: string;
  source: string;
  setAt: string;
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
  const prior = sql(
    db,
    'SELECT insured, ended, division, source, set_at AS setAt FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND scheme = ?',
  );
  const put = sql(
    db,
    `INSERT INTO insurance_history (person_id, coverage_year, scheme, insured, ended, division, source, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET insured = excluded.insured, ended = excluded.ended, division = excluded.division, source = excluded.source, set_at = excluded.set_at`,
  );
  return (personId, h) => {
    const was = (prior.get(personId, h.year, h.scheme) as Prior | undefined) ?? null;
    changes.add('insurance_history', personId, was ? 'update' : 'insert', { year: h.year, scheme: h.scheme, prior: was });
    put.run(personId, h.year, h.scheme, h.insured ? 1 : 0, h.ended ? 1 : 0, h.division, source, at);
  };
}

/** Undoes one recorded insurance_history change. */
export function restoreHistory(db: Database, personId: number, before: unknown): void {
  const b = before as { year: number; scheme: Scheme; prior: Prior | null };
  if (b.prior)
    sql(
      db,
      'UPDATE insurance_history SET insured = ?, ended = ?, division = ?, source = ?, set_at = ? WHERE person_id = ? AND coverage_year = ? AND scheme = ?',
    ).run(b.prior.insured, b.prior.ended ?? 0, b.prior.division, b.prior.source, b.prior.setAt, personId, b.year, b.scheme);
  else sql(db, 'DELETE FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND scheme = ?').run(personId, b.year, b.scheme);
}
