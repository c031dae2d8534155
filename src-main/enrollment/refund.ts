// 退费 (瑞州): a person certified for a subsidy after paying, within the policy's windows,
// gets back the part the subsidy would have paid.
import { addDays, chinaDate } from '../domain/dates';
import * as repo from '../ledger/enrollments';
import { getPerson } from '../ledger/roster';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import type { Enrollment, Quote, Refund } from '../types/enroll';
import { quotePerson } from './enroll';

type Due = { ok: true; amountFen: number; requote: Quote; cite: string; text: string } | { ok: false; code: 'conflict' | 'not_found'; message: string };

/**
 * What a refund of this enrollment would give back today, or why there is none. The drawer
 * offers 退费 only where this says yes, and the refund itself takes it from here: the button and
 * the handler cannot disagree.
 */
export function refundDue(ctx: Context, e: Enrollment): Due {
  const no = (message: string, code: 'conflict' | 'not_found' = 'conflict'): Due => ({ ok: false, code, message });
  if (e.status !== 'active') return no('已作废的记录不能退费。');
  const policy = ctx.policies.get(e.policyId);
  const rule = policy?.refund;
  if (!policy || !rule) return no('本地政策没有“缴费后认定资助身份退费”的规定。');
  if (repo.refundsOf(ctx.db, e.id) > 0) return no(`收据 ${e.receiptNo} 已办理过退费。`);
  // Identities certified by the end of the refund window count; after it, those certified while
  // the person still waited (三(二) refuses only one "已参保且进入待遇享受期": docs/rules.md "瑞州 refunds").
  const windowEnd = rule.withinWindows
    .map((w) => policy.windows[w]!.to)
    .sort()
    .at(-1)!;
  const today = chinaDate(ctx.now());
  const lastWaitingDay = addDays(e.benefitStart, -1);
  const until = lastWaitingDay > windowEnd ? lastWaitingDay : windowEnd;
  const asOf = today < until ? today : until;
  const p = getPerson(ctx.db, e.personId);
  if (!p) return no('找不到这条记录的参保人。', 'not_found');
  let requote: Quote;
  try {
    requote = quotePerson(ctx, policy, p, { tier: e.tier ?? 1, paidOn: e.paidOn }, asOf);
  } catch (err) {
    // A person the quote now refuses (moved out of scope since) has no refund to offer either.
    if (err instanceof Refusal) return no(err.message);
    throw err;
  }
  const amountFen = e.personalFen - requote.personalFen;
  if (amountFen <= 0) return no(`按 ${asOf} 前认定的身份计算，「${p.name}」没有应退的资助部分（集中征缴期结束后、已进入待遇享受期才认定的身份不退费）。`);
  return { ok: true, amountFen, requote, cite: rule.cite, text: rule.text };
}

export function refund(ctx: Context, e: Enrollment): Refund {
  const due = refundDue(ctx, e);
  if (!due.ok) throw new Refusal(due.code, due.message);
  const r = repo.insertRefund(
    ctx.db,
    {
      enrollmentId: e.id,
      amountFen: due.amountFen,
      reason: `缴费后认定为「${due.requote.comparison[0]?.label ?? ''}」，退还应资助部分`,
      basis: { citation: due.cite, text: due.text, requote: due.requote },
      createdBy: actorOf(ctx),
    },
    ctx.now().toISOString(),
  );
  audit(ctx, { action: 'enroll.refund', entity: 'refund', entityId: r.id, after: r });
  return r;
}
