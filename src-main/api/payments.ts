// Payments an import could not match to the quote, waiting for the clerk (待核实), and settling them.
import { asSeen, seen } from './seen';
import { mustGetPerson } from './roster';
import { z } from 'zod';
import { openPending, settledPending } from '../ledger/pending';
import { dismissPending, mustGetOpenPending, paymentCandidates, recordPending } from '../enrollment/pending';
import { coverageYear, idOf, tier } from './fields';
import { reads, writes } from './handler';

const pendingId = idOf('待核实缴费');
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}。` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）。`)
    .max(200, `${what}不能超过 200 个字。`);

export const paymentHandlers = {
  'payments.pending': reads('clerk', z.object({ coverageYear }), (ctx, arg) => openPending(ctx.db, arg.coverageYear)),

  'payments.settled': reads('clerk', z.object({ coverageYear }), (ctx, arg) => settledPending(ctx.db, arg.coverageYear)),

  'payments.candidates': reads('clerk', z.object({ id: pendingId }), (ctx, arg) => paymentCandidates(ctx, mustGetOpenPending(ctx, arg.id))),

  'payments.resolve': writes(
    'clerk',
    z.object({ id: pendingId, personId: idOf('人员'), tier, differenceReason: reason('差额原因').optional(), seen }),
    (ctx, arg) => {
      asSeen(ctx, mustGetPerson(ctx, arg.personId), arg.seen);
      return recordPending(ctx, mustGetOpenPending(ctx, arg.id), arg);
    },
  ),

  'payments.dismiss': writes('clerk', z.object({ id: pendingId, reason: reason('不予登记的原因') }), (ctx, arg) => {
    dismissPending(ctx, mustGetOpenPending(ctx, arg.id), arg.reason);
    return { dismissed: arg.id };
  }),
};
