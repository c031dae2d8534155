// The 待核实 list: payments from the 医保/税务 files that waited for the clerk, and how each was settled.
import type { Database } from 'better-sqlite3';
import type { PaymentRecord } from '../domain/import/rows';
import type { PendingPayment, SettledPayment } from '../types/imports';
import { sql } from './statements';

const COLUMNS = `q.id, q.batch_id AS batchId, q.row_number AS row, q.id_number AS idNumber, q.name, q.paid_on AS paidOn,
  CASE WHEN q.personal_known THEN q.amount_fen END AS amountFen, q.subsidy_fen AS subsidyFen, q.category_label AS categoryLabel,
  q.tier, q.channel, q.coverage_year AS coverageYear, q.reason, q.reverses`;
const FROM = 'FROM pending_payments q JOIN import_batches b ON b.id = q.batch_id';
// Open: not settled, and its batch not undone.
const OPEN = 'q.resolved_at IS NULL AND b.undone_at IS NULL';

export function openPending(db: Database, year: number): PendingPayment[] {
  return sql(db, `SELECT ${COLUMNS} ${FROM} WHERE q.coverage_year = ? AND ${OPEN} ORDER BY q.paid_on, q.id`).all(year) as PendingPayment[];
}

export function openPendingCount(db: Database, year: number): number {
  return sql(db, `SELECT count(*) ${FROM} WHERE q.coverage_year = ? AND ${OPEN}`).pluck().get(year) as number;
}

/** The same payment (person, year, day and amounts) still waiting from an earlier batch, if any. */
export function sameOpenPending(
  db: Database,
  r: { idNumber: string; coverageYear: number; paidOn: string; amountFen: number | null; subsidyFen: number | null; reverses?: string | undefined },
): { batchId: number; row: number } | undefined {
  return sql(
    db,
    `SELECT q.batch_id AS batchId, q.row_number AS row ${FROM}
     WHERE q.id_number = ? AND q.coverage_year = ? AND q.paid_on = ? AND q.amount_fen = ? AND q.personal_known = ? AND q.subsidy_fen IS ? AND q.reverses IS ? AND ${OPEN} LIMIT 1`,
  ).get(r.idNumber, r.coverageYear, r.paidOn, r.amountFen ?? 0, r.amountFen === null ? 0 : 1, r.subsidyFen, r.reverses ?? null) as
    { batchId: number; row: number } | undefined;
}

/** A payment of an import's row put on the list to wait for the clerk; its id. */
export function addPending(db: Database, batchId: number, r: PaymentRecord, coverageYear: number, reason: string, reverses?: string): number {
  return Number(
    sql(
      db,
      `INSERT INTO pending_payments (batch_id, row_number, id_number, name, paid_on, amount_fen, personal_known, subsidy_fen, category_label, tier, channel, coverage_year, reason, reverses)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      batchId,
      r.row,
      r.idNumber,
      r.name,
      r.paidOn,
      r.amountFen ?? 0,
      r.amountFen === null ? 0 : 1,
      r.subsidyFen,
      r.categoryLabel,
      r.tier,
      r.channel,
      coverageYear,
      reason,
      reverses ?? null,
    ).lastInsertRowid,
  );
}

/** An open one. */
export function getOpenPending(db: Database, id: number): PendingPayment | undefined {
  return sql(db, `SELECT ${COLUMNS} ${FROM} WHERE q.id = ? AND ${OPEN}`).get(id) as PendingPayment | undefined;
}

export function settledPending(db: Database, year: number): SettledPayment[] {
  return sql(
    db,
    `SELECT ${COLUMNS}, q.resolution, q.resolved_at AS resolvedAt, q.resolved_by AS resolvedBy, q.resolution_note AS note,
       e.receipt_no AS receiptNo, p.name AS recordedFor
     ${FROM} LEFT JOIN enrollments e ON e.id = q.enrollment_id LEFT JOIN persons p ON p.id = e.person_id
     WHERE q.coverage_year = ? AND q.resolution IN ('recorded', 'dismissed') ORDER BY q.resolved_at DESC, q.id DESC`,
  ).all(year) as SettledPayment[];
}

export function settlePending(
  db: Database,
  id: number,
  s: { resolution: 'recorded' | 'dismissed'; by: string; at: string; note: string | null; enrollmentId: number | null },
): void {
  sql(db, 'UPDATE pending_payments SET resolution = ?, resolved_at = ?, resolved_by = ?, resolution_note = ?, enrollment_id = ? WHERE id = ?').run(
    s.resolution,
    s.at,
    s.by,
    s.note,
    s.enrollmentId,
    id,
  );
}

/** Undoing a batch closes what is still open of it; what the clerk settled stays as settled. */
export function closeBatchPending(db: Database, batchId: number, at: string): void {
  sql(db, "UPDATE pending_payments SET resolved_at = ?, resolution = 'undone' WHERE batch_id = ? AND resolved_at IS NULL").run(at, batchId);
}

/** Enrollments the clerk recorded from this batch's pending rows that are still in force. */
export function recordedFromBatch(db: Database, batchId: number): { receiptNo: string; name: string }[] {
  return sql(
    db,
    `SELECT e.receipt_no AS receiptNo, p.name FROM pending_payments q JOIN enrollments e ON e.id = q.enrollment_id JOIN persons p ON p.id = e.person_id
     WHERE q.batch_id = ? AND q.resolution = 'recorded' AND e.status = 'active' ORDER BY q.id`,
  ).all(batchId) as { receiptNo: string; name: string }[];
}
