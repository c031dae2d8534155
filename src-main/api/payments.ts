// Payments an import could not match to the quote, waiting for the clerk (待核实).
import { z } from 'zod';
import { sql } from '../ledger/statements';
import type { PendingPayment } from './contract';
import { coverageYear } from './fields';
import { reads } from './handler';

export const paymentHandlers = {
  'payments.pending': reads(
    'clerk',
    z.object({ coverageYear }),
    (ctx, arg) =>
      sql(
        ctx.db,
        `SELECT q.id, q.batch_id AS batchId, q.row_number AS row, q.id_number AS idNumber, q.name, q.paid_on AS paidOn, q.amount_fen AS amountFen, q.tier, q.channel, q.coverage_year AS coverageYear, q.reason
       FROM pending_payments q JOIN import_batches b ON b.id = q.batch_id
       WHERE q.coverage_year = ? AND q.resolved_at IS NULL AND b.undone_at IS NULL ORDER BY q.paid_on, q.id`,
      ).all(arg.coverageYear) as PendingPayment[],
  ),
};
