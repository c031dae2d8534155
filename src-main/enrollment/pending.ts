// Settling a 待核实 payment at the desk: who it may belong to, recording it against the person
// the clerk chose (the policy's quote decides the amounts, a difference needs a reason), or
// dismissing it with a reason.
import { formatYuan } from '../domain/money';
import { categoryLabel } from '../domain/policy/compile';
import { activeEnrollment } from '../ledger/enrollments';
import { getOpenPending, settlePending } from '../ledger/pending';
import { getPerson } from '../ledger/roster';
import { nearIdNumbers, personWithIdNumber, personsNamed } from '../ledger/search';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import type { PaymentCandidate, PendingPayment } from '../types/imports';
import type { Enrollment } from '../types/enroll';
import type { PersonSummary } from '../types/reports';
import { enrollOne, quotePerson, scopeRefusal } from './enroll';
import { policyFor } from './policy';

export function mustGetOpenPending(ctx: Context, id: number): PendingPayment {
  const q = getOpenPending(ctx.db, id);
  if (!q) throw new Refusal('conflict', '这条待核实缴费已处理，或其导入批次已撤销。');
  return q;
}

export function paymentCandidates(ctx: Context, pending: PendingPayment): PaymentCandidate[] {
  const found = new Map<number, { person: PersonSummary; why: string }>();
  const add = (people: PersonSummary[], why: string) =>
    people.forEach((p) => {
      const had = found.get(p.id);
      found.set(p.id, { person: p, why: had ? `${had.why}、${why}` : why });
    });
  const same = personWithIdNumber(ctx.db, pending.idNumber);
  if (same) add([same], '身份证号相同');
  add(nearIdNumbers(ctx.db, pending.idNumber), '身份证号仅差一位或两位颠倒');
  if (pending.name) add(personsNamed(ctx.db, pending.name), '姓名相同');
  const policy = policyFor(ctx, pending.coverageYear);
  return [...found.values()].map(({ person, why }) => {
    const p = getPerson(ctx.db, person.id)!;
    const enrolled = activeEnrollment(ctx.db, p.id, pending.coverageYear);
    const refusal = scopeRefusal(p);
    const quotes =
      enrolled || refusal
        ? []
        : ([1, 2] as const).map((tier) => {
            try {
              const q = quotePerson(ctx, policy, p, { tier, paidOn: pending.paidOn });
              return {
                tier,
                eligible: q.eligible,
                reason: q.reason,
                personalFen: q.personalFen,
                subsidyFen: q.subsidyFen,
                subsidyLabel: q.category ? categoryLabel(policy, q.category) : '',
                difference: q.eligible ? (paymentDifference(pending, q)?.text ?? null) : null,
              };
            } catch (e) {
              if (!(e instanceof Refusal)) throw e;
              return { tier, eligible: false, reason: e.message, personalFen: 0, subsidyFen: 0, subsidyLabel: '', difference: null };
            }
          });
    return { person, version: p.version, why, enrolledReceipt: enrolled?.receiptNo ?? null, refusal, quotes };
  });
}

/**
 * Where the file and the quote disagree, in the clerk's words, and the note kept with the
 * record: the person's part and the department's part (代缴金额), each where the file gave it.
 */
export function paymentDifference(pending: PendingPayment, q: { personalFen: number; subsidyFen: number }): { text: string; note: string } | null {
  const texts: string[] = [];
  const notes: string[] = [];
  const say = (what: string, file: number, quoted: number, noteWord: string) => {
    const d = file - quoted;
    if (d === 0) return;
    notes.push(`${noteWord} ${formatYuan(d)} 元`);
    // A department paid for someone the ledger does not hold as subsidised: say that, not "多 266 元".
    texts.push(
      noteWord === '代缴差额' && quoted === 0
        ? `文件中代缴金额 ${formatYuan(file)} 元，但台账中此人在缴费日没有认定的资助身份，按政策不资助`
        : `文件中${what} ${formatYuan(file)} 元，按政策为 ${formatYuan(quoted)} 元，${d > 0 ? '多' : '少'} ${formatYuan(Math.abs(d))} 元`,
    );
  };
  if (pending.amountFen !== null) say('个人缴费', pending.amountFen, q.personalFen, '差额');
  if (pending.subsidyFen !== null) say('代缴金额', pending.subsidyFen, q.subsidyFen, '代缴差额');
  return texts.length ? { text: texts.join('；'), note: notes.join('，') } : null;
}

export function recordPending(ctx: Context, pending: PendingPayment, a: { personId: number; tier: 1 | 2; differenceReason?: string | undefined }): Enrollment {
  if (pending.reverses)
    throw new Refusal(
      'invalid_input',
      `这一行是冲销（${pending.reverses}），不是缴费，不能登记为参保。找到被冲销的缴费后在人员信息中作废它，再把这一行标为已处理。`,
    );
  const p = getPerson(ctx.db, a.personId);
  if (!p) throw new Refusal('not_found', '找不到这个人员，可能编号有误。');
  const q = quotePerson(ctx, policyFor(ctx, pending.coverageYear), p, { tier: a.tier, paidOn: pending.paidOn });
  const difference = q.eligible ? paymentDifference(pending, q) : null;
  if (difference && !a.differenceReason) throw new Refusal('conflict', `${difference.text}。请填写差额原因后再确认登记。`, 'differenceReason');
  const e = enrollOne(ctx, p, { coverageYear: pending.coverageYear, tier: a.tier, paidOn: pending.paidOn, channel: pending.channel });
  const note = difference ? `${difference.note}：${a.differenceReason}` : null;
  settlePending(ctx.db, pending.id, { resolution: 'recorded', by: actorOf(ctx), at: ctx.now().toISOString(), note, enrollmentId: e.id });
  audit(ctx, {
    action: 'payments.resolve',
    entity: 'pending_payment',
    entityId: pending.id,
    before: pending,
    after: { enrollmentId: e.id, receiptNo: e.receiptNo, note },
  });
  return e;
}

export function dismissPending(ctx: Context, pending: PendingPayment, reason: string): void {
  settlePending(ctx.db, pending.id, { resolution: 'dismissed', by: actorOf(ctx), at: ctx.now().toISOString(), note: reason, enrollmentId: null });
  audit(ctx, { action: 'payments.dismiss', entity: 'pending_payment', entityId: pending.id, before: pending, after: { reason } });
}
