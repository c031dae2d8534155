// The desk's enrollment handlers: input checked here, the rules in src-main/enrollment/.
import { z } from 'zod';
import { TIER_LABELS, DEPARTMENTS } from '../domain/codes';
import { chineseCapitals, formatYuan2 } from '../domain/money';
import { categoryLabel, departmentLabel } from '../domain/policy/compile';
import { DEFAULT_CHANNEL, channelFor, channelOnPaper } from '../domain/policy/channels';
import { getOffice, officeTitle } from '../ledger/office';
import * as repo from '../ledger/enrollments';
import { enrollHousehold, enrollOne, quotePerson, scopeRefusal } from '../enrollment/enroll';
import { paperId } from '../enrollment/ids';
import { policyFor } from '../enrollment/policy';
import { refund } from '../enrollment/refund';
import type { Enrollment, Receipt } from './contract';
import { coverageYear, idOf, isoDate, tier } from './fields';
import type { Context } from './handler';
import { NO_USER, Refusal, actorOf, audit, reads, writes } from './handler';
import { mustGetPerson } from './roster';
import { findUser } from '../ledger/users';
import { asSeen, asSeenHousehold, seen } from './seen';
import { householdMembers } from '../ledger/roster';

const deskFacts = {
  lapsedYears: z.number().int().min(0).max(100).optional(),
  continuousYears: z.number().int().min(0).max(100).optional(),
  employeeInsuranceEndedOn: isoDate('职工医保停保日期').optional(),
  dischargedOn: isoDate('退出现役日期').optional(),
  specialEventOn: isoDate('特殊情形发生日期').optional(),
  guardianInsured: z.boolean().optional(),
};

const channel = z.string({ error: '请选择缴费方式。' }).trim().min(1, '请选择缴费方式。').max(20, '缴费方式不能超过 20 个字。');

function mustGetEnrollment(ctx: Context, id: number): Enrollment {
  const e = repo.getEnrollment(ctx.db, id);
  if (!e) throw new Refusal('not_found', '找不到这条参保记录。');
  return e;
}

const enrollFields = {
  coverageYear,
  tier: tier.optional(),
  paidOn: isoDate('缴费日期'),
  channel,
  ...deskFacts,
};

export const enrollHandlers = {
  'enroll.quote': reads('clerk', z.object({ personId: idOf('人员'), ...enrollFields, channel: channel.optional() }), (ctx, arg) => {
    const p = mustGetPerson(ctx, arg.personId);
    const scope = scopeRefusal(p);
    if (scope) throw new Refusal('conflict', scope);
    const q = quotePerson(ctx, policyFor(ctx, arg.coverageYear), p, arg);
    // The channel the enrollment would be recorded under: the desk shows it before saving.
    return { ...q, channel: channelFor(q, arg.channel ?? DEFAULT_CHANNEL) };
  }),

  'enroll.person': writes('clerk', z.object({ personId: idOf('人员'), ...enrollFields, seen }), (ctx, arg) => {
    const p = mustGetPerson(ctx, arg.personId);
    asSeen(ctx, p, arg.seen);
    return enrollOne(ctx, p, { ...arg, atDesk: true });
  }),

  'enroll.household': writes(
    'clerk',
    z.object({
      householdId: idOf('户'),
      ...enrollFields,
      tiers: z
        .array(z.object({ personId: idOf('人员'), tier }))
        .max(200)
        .optional(),
      /** The members as the screen showed them, each with their version. */
      seen: z
        .array(z.object({ personId: idOf('人员'), version: z.number().int().min(0) }))
        .max(200)
        .optional(),
    }),
    (ctx, arg) => {
      if (arg.seen) asSeenHousehold(ctx, householdMembers(ctx.db, arg.householdId), arg.seen);
      return enrollHousehold(ctx, arg.householdId, arg);
    },
  ),

  'enroll.void': writes(
    'clerk',
    z.object({ id: idOf('参保记录'), reason: z.string({ error: '请填写作废原因。' }).trim().min(2, '请填写作废原因（至少 2 个字）。').max(200), seen }),
    (ctx, arg) => {
      const before = mustGetEnrollment(ctx, arg.id);
      asSeen(ctx, mustGetPerson(ctx, before.personId), arg.seen);
      if (before.status === 'voided') throw new Refusal('conflict', `收据 ${before.receiptNo} 已于 ${before.voidedAt?.slice(0, 10)} 作废。`);
      repo.voidEnrollment(ctx.db, arg.id, arg.reason, actorOf(ctx), ctx.now().toISOString());
      const after = mustGetEnrollment(ctx, arg.id);
      audit(ctx, {
        action: 'enroll.void',
        entity: 'enrollment',
        entityId: arg.id,
        before: { status: before.status },
        after: { status: after.status, reason: arg.reason, personId: before.personId, receiptNo: before.receiptNo },
      });
      return after;
    },
  ),

  'enroll.refund': writes('clerk', z.object({ id: idOf('参保记录'), seen }), (ctx, arg) => {
    const e = mustGetEnrollment(ctx, arg.id);
    asSeen(ctx, mustGetPerson(ctx, e.personId), arg.seen);
    return refund(ctx, e);
  }),

  'enroll.markDeclared': writes(
    'clerk',
    z.object({ ids: z.array(idOf('参保记录')).min(1, '请选择要标记的记录。').max(10000), on: isoDate('零申报日期') }),
    (ctx, arg) => {
      for (const id of arg.ids) {
        const e = mustGetEnrollment(ctx, id);
        if (!e.zeroDeclaration || e.status !== 'active') throw new Refusal('conflict', `收据 ${e.receiptNo}（${e.personName}）不是有效的零申报记录。`);
      }
      const declared = repo.markDeclared(ctx.db, arg.ids, arg.on, actorOf(ctx));
      audit(ctx, { action: 'enroll.markDeclared', entity: 'enrollment', entityId: arg.ids.join(','), after: { on: arg.on, declared } });
      return { declared };
    },
  ),

  'enroll.get': reads('clerk', z.object({ id: idOf('参保记录') }), (ctx, arg) => mustGetEnrollment(ctx, arg.id)),

  'enroll.receipt': reads('clerk', z.object({ id: idOf('参保记录'), fullId: z.boolean().optional() }), (ctx, arg): Receipt =>
    receiptOf(ctx, mustGetEnrollment(ctx, arg.id), arg.fullId),
  ),

  // A day's receipts, or an import batch's (税务's payments recorded at once), in receipt-number
  // order, to print them in one go (three to an A4 if asked).
  'enroll.receiptsOn': reads(
    'clerk',
    z
      .object({ paidOn: isoDate('缴费日期').optional(), batchId: idOf('导入批次').optional(), fullId: z.boolean().optional() })
      .refine((a) => (a.paidOn === undefined) !== (a.batchId === undefined), { message: '请选择缴费日期或导入批次（二者选一）。' }),
    (ctx, arg): Receipt[] => {
      const rows = arg.batchId !== undefined ? repo.receiptsOfBatch(ctx.db, arg.batchId) : repo.receiptsPaidOn(ctx.db, arg.paidOn!);
      return rows.map((e) => receiptOf(ctx, e, arg.fullId));
    },
  ),
};

function receiptOf(ctx: Context, e: Enrollment, fullId: boolean | undefined): Receipt {
  const office = getOffice(ctx.db);
  const policy = ctx.policies.get(e.policyId);
  return {
    officeTitle: officeTitle(office),
    receiptNo: e.receiptNo,
    status: e.status,
    voidReason: e.voidReason,
    personName: e.personName,
    idNumber: paperId(e.idNumber, office, fullId),
    villageName: e.villageName,
    coverageYear: e.coverageYear,
    tierLabel: e.tier ? TIER_LABELS[e.tier] : '随监护人参保',
    feeYuan: formatYuan2(e.feeFen),
    subsidyYuan: formatYuan2(e.subsidyFen),
    subsidyLabel: e.category ? categoryLabel(policy, e.category) : '',
    departmentLabel: e.department ? (policy ? departmentLabel(policy, e.department) : DEPARTMENTS[e.department]) : '',
    personalYuan: formatYuan2(e.personalFen),
    personalCapitals: chineseCapitals(e.personalFen),
    paidOn: e.paidOn,
    // Nothing was paid in cash for a fully funded person: the department's 零申报 says how it was paid.
    channel: channelOnPaper(e.personalFen, e.channel),
    benefitStart: e.benefitStart,
    benefitEnd: e.benefitEnd,
    // The ledger records the login name; the paper carries the person's name (李经办, not clerk).
    // Without users (the office has set none) there is no name to print: a line to sign on instead.
    clerk: e.createdBy === NO_USER ? '' : (findUser(ctx.db, e.createdBy)?.displayName ?? e.createdBy),
  };
}
