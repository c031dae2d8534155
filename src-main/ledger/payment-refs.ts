// What names a payment a 医保 file recorded (docs/rules.md "医保's payment details"): its
// 电子税票号码 key or the detail's own id, kept beside the enrollment.
import type { Database } from 'better-sqlite3';
import type { PaymentKeys } from '../domain/import/platform-payment';
import { sql } from './statements';

export interface HeldPayment {
  enrollmentId: number;
  personId: number;
  receiptNo: string;
  paidOn: string;
  batchId: number;
}

// A batch undone names nothing any more: its refs stay with the rows it wrote, as history.
function named(db: Database, k: PaymentKeys, status: 'active' | 'voided'): HeldPayment | undefined {
  if (!k.taxKey && !k.detailId) return undefined;
  return sql(
    db,
    `SELECT e.id AS enrollmentId, e.person_id AS personId, e.receipt_no AS receiptNo, e.paid_on AS paidOn, r.batch_id AS batchId
     FROM payment_refs r JOIN enrollments e ON e.id = r.enrollment_id JOIN import_batches b ON b.id = r.batch_id
     WHERE e.status = ? AND (r.detail_id = ? OR r.tax_key = ?) AND b.undone_at IS NULL ORDER BY r.id DESC LIMIT 1`,
  ).get(status, k.detailId, k.taxKey) as HeldPayment | undefined;
}

/** The payment in force that these keys name, if the ledger holds one (a voided one names nothing). */
export const heldPayment = (db: Database, k: PaymentKeys) => named(db, k, 'active');

/** A payment these keys named that has been voided since (a reversal imported again finds it done). */
export const reversedPayment = (db: Database, k: PaymentKeys) => named(db, k, 'voided');

export function addPaymentRef(db: Database, r: { enrollmentId: number; batchId: number; keys: PaymentKeys }): number {
  return Number(
    sql(db, 'INSERT INTO payment_refs (enrollment_id, batch_id, tax_key, detail_id) VALUES (?, ?, ?, ?)').run(
      r.enrollmentId,
      r.batchId,
      r.keys.taxKey,
      r.keys.detailId,
    ).lastInsertRowid,
  );
}
