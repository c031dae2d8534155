// 退费单: the paper the resident signs when the subsidy part of a payment is handed back. The
// amounts come from the ledger as recorded, so the slip says what the drawer says.
import { chinaDate } from '../domain/dates';
import { chineseCapitals, formatYuan2 } from '../domain/money';
import { getEnrollment, getRefund } from '../ledger/enrollments';
import { getOffice, officeTitle } from '../ledger/office';
import { findUser } from '../ledger/users';
import { NO_USER, Refusal, type Context } from '../service/context';
import type { RefundSlip } from '../types/print';
import { paperId } from './ids';

export function refundSlip(ctx: Context, refundId: number, fullId?: boolean): RefundSlip {
  const r = getRefund(ctx.db, refundId);
  const e = r && getEnrollment(ctx.db, r.enrollmentId);
  if (!r || !e) throw new Refusal('not_found', '找不到这笔退费。');
  const office = getOffice(ctx.db);
  return {
    officeTitle: officeTitle(office),
    receiptNo: e.receiptNo,
    coverageYear: e.coverageYear,
    personName: e.personName,
    idNumber: paperId(e.idNumber, office, fullId),
    villageName: e.villageName,
    paidOn: e.paidOn,
    paidYuan: formatYuan2(e.personalFen),
    refundedYuan: formatYuan2(r.amountFen),
    refundedCapitals: chineseCapitals(r.amountFen),
    netYuan: formatYuan2(e.personalFen - r.amountFen),
    reason: r.reason,
    basis: [r.basis.citation, r.basis.text].filter(Boolean).join('：'),
    refundedOn: chinaDate(new Date(r.createdAt)),
    clerk: r.createdBy === NO_USER ? '' : (findUser(ctx.db, r.createdBy)?.displayName ?? r.createdBy),
  };
}
