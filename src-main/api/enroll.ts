import { z } from 'zod';
import { DEPARTMENTS, OUT_OF_COUNTY, OUT_OF_SCOPE, TIER_LABELS } from '../domain/codes';
import { chineseCapitals, formatYuan2 } from '../domain/money';
import { categoryLabel, departmentLabel } from '../domain/policy/compile';
import { getOffice, officeTitle } from '../ledger/office';
import { chinaDate } from '../domain/dates';
import { FactsError } from '../domain/policy/facts';
import { QuoteError, quote as computeQuote, type Quote } from '../domain/policy/quote';
import type { Policy } from '../domain/policy/schema';
import * as repo from '../ledger/enrollments';
import { categoriesOn, householdMembers } from '../ledger/roster';
import type { DeskFacts, Enrollment, Person, Receipt } from './contract';
import { coverageYear, idOf, isoDate, tier } from './fields';
import type { Context } from './handler';
import { Refusal, actorOf, audit, reads, writes } from './handler';
import { mustGetPerson } from './roster';

const deskFacts = {
  lapsedYears: z.number().int().min(0).max(100).optional(),
  continuousYears: z.number().int().min(0).max(100).optional(),
  employeeInsuranceEndedOn: isoDate('职工医保停保日期').optional(),
  dischargedOn: isoDate('退出现役日期').optional(),
  specialEventOn: isoDate('特殊情形发生日期').optional(),
  guardianInsured: z.boolean().optional(),
};

const channel = z.string({ error: '请选择缴费方式。' }).trim().min(1, '请选择缴费方式。').max(20, '缴费方式不能超过 20 个字。');

/** 500235196005010117 → 500235********0117: enough to tell people apart on paper. */
export const maskId = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

/**
 * An ID number on a receipt or household notice (rules.md, "IDs on papers"): full only when
 * the office's setting says so; a caller may ask for the masked one, never for more.
 */
export const paperId = (id: string, office: { receiptFullId: boolean }, askedFull?: boolean) => (office.receiptFullId && askedFull !== false ? id : maskId(id));

export function policyFor(ctx: Context, year: number): Policy {
  const id = repo.officePolicy(ctx.db, year);
  if (!id) throw new Refusal('conflict', `还没有选择 ${year} 年度适用的政策，请先在“政策”中设置。`);
  const p = ctx.policies.get(id);
  if (!p) throw new Refusal('conflict', `${year} 年度设置的政策「${id}」已不在政策文件中，请重新选择。`);
  return p;
}

export function scopeRefusal(p: Person): string | null {
  if (p.status !== 'active') return `「${p.name}」已标记为${OUT_OF_SCOPE[p.status]}${p.statusOn ? `（${p.statusOn}）` : ''}，不在参保范围。`;
  if (p.outOfCounty) return `「${p.name}」已在县外参保（${OUT_OF_COUNTY[p.outOfCounty]}），无需在本地参保。`;
  return null;
}

/** The quote for a person in the ledger: facts come from the roster and the certified categories on the payment date. */
export function quotePerson(ctx: Context, policy: Policy, p: Person, a: DeskFacts & { tier?: 1 | 2; paidOn: string }, categoriesDate = a.paidOn): Quote {
  try {
    return computeQuote(policy, {
      idNumber: p.idNumber,
      residence: p.residence,
      employeeInsured: p.employeeInsured,
      student: p.student,
      categories: categoriesOn(ctx.db, p.id, categoriesDate) as never,
      tier: a.tier ?? 1,
      paidOn: a.paidOn,
      ...(a.lapsedYears !== undefined ? { lapsedYears: a.lapsedYears } : {}),
      ...(a.continuousYears !== undefined ? { continuousYears: a.continuousYears } : {}),
      ...(a.employeeInsuranceEndedOn ? { employeeInsuranceEndedOn: a.employeeInsuranceEndedOn } : {}),
      ...(a.dischargedOn ? { dischargedOn: a.dischargedOn } : {}),
      ...(a.specialEventOn ? { specialEventOn: a.specialEventOn } : {}),
      ...(a.guardianInsured !== undefined ? { guardianInsured: a.guardianInsured } : {}),
    });
  } catch (e) {
    if (e instanceof FactsError || e instanceof QuoteError) throw new Refusal('invalid_input', e.message);
    throw e;
  }
}

export function enrollOne(ctx: Context, p: Person, a: DeskFacts & { coverageYear: number; tier?: 1 | 2; paidOn: string; channel: string }): Enrollment {
  if (a.paidOn > chinaDate(ctx.now())) throw new Refusal('invalid_input', '缴费日期不能晚于今天。', 'paidOn');
  const scope = scopeRefusal(p);
  if (scope) throw new Refusal('conflict', scope);
  const existing = repo.activeEnrollment(ctx.db, p.id, a.coverageYear);
  if (existing) throw new Refusal('conflict', `「${p.name}」已登记 ${a.coverageYear} 年度参保（收据号 ${existing.receiptNo}）。如需更改，请先作废原记录。`);
  const policy = policyFor(ctx, a.coverageYear);
  const q = quotePerson(ctx, policy, p, a);
  if (!q.eligible) throw new Refusal('conflict', `「${p.name}」不能参保：${q.reason}`);
  const id = repo.insertEnrollment(
    ctx.db,
    { personId: p.id, coverageYear: a.coverageYear, policyId: policy.id, paidOn: a.paidOn, channel: a.channel, quote: q, createdBy: actorOf(ctx) },
    ctx.now().toISOString(),
  );
  const e = repo.getEnrollment(ctx.db, id)!;
  audit(ctx, { action: 'enroll.person', entity: 'enrollment', entityId: id, after: { ...e, quote: undefined } });
  return e;
}

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
    return quotePerson(ctx, policyFor(ctx, arg.coverageYear), p, arg);
  }),

  'enroll.person': writes('clerk', z.object({ personId: idOf('人员'), ...enrollFields }), (ctx, arg) => enrollOne(ctx, mustGetPerson(ctx, arg.personId), arg)),

  'enroll.household': writes('clerk', z.object({ householdId: idOf('户'), ...enrollFields }), (ctx, arg) => {
    const members = householdMembers(ctx.db, arg.householdId);
    if (!members.length) throw new Refusal('not_found', '这一户没有成员。');
    const enrolled: Enrollment[] = [];
    const skipped: { personId: number; name: string; reason: string }[] = [];
    for (const p of members) {
      try {
        enrolled.push(enrollOne(ctx, p, arg));
      } catch (e) {
        if (!(e instanceof Refusal) || (e.code === 'invalid_input' && e.field === 'paidOn')) throw e;
        skipped.push({ personId: p.id, name: p.name, reason: e.message });
      }
    }
    return { enrolled, skipped };
  }),

  'enroll.void': writes('clerk',
    z.object({ id: idOf('参保记录'), reason: z.string({ error: '请填写作废原因。' }).trim().min(2, '请填写作废原因（至少 2 个字）。').max(200) }),
    (ctx, arg) => {
      const before = mustGetEnrollment(ctx, arg.id);
      if (before.status === 'voided') throw new Refusal('conflict', `收据 ${before.receiptNo} 已于 ${before.voidedAt?.slice(0, 10)} 作废。`);
      repo.voidEnrollment(ctx.db, arg.id, arg.reason, actorOf(ctx), ctx.now().toISOString());
      const after = mustGetEnrollment(ctx, arg.id);
      audit(ctx, { action: 'enroll.void', entity: 'enrollment', entityId: arg.id, before: { status: before.status }, after: { status: after.status, reason: arg.reason } });
      return after;
    },
  ),

  'enroll.refund': writes('clerk', z.object({ id: idOf('参保记录') }), (ctx, arg) => {
    const e = mustGetEnrollment(ctx, arg.id);
    if (e.status !== 'active') throw new Refusal('conflict', '已作废的记录不能退费。');
    const policy = ctx.policies.get(e.policyId);
    const rule = policy?.refund;
    if (!policy || !rule) throw new Refusal('conflict', '本地政策没有“缴费后认定资助身份退费”的规定。');
    if (repo.refundsOf(ctx.db, e.id) > 0) throw new Refusal('conflict', `收据 ${e.receiptNo} 已办理过退费。`);
    // Identities certified by the end of the refund window count; later ones do not.
    const windowEnd = rule.withinWindows.map((w) => policy.windows[w]!.to).sort().at(-1)!;
    const today = chinaDate(ctx.now());
    const asOf = today < windowEnd ? today : windowEnd;
    const p = mustGetPerson(ctx, e.personId);
    const requote = quotePerson(ctx, policy, p, { tier: e.tier ?? 1, paidOn: e.paidOn }, asOf);
    const amount = e.personalFen - requote.personalFen;
    if (amount <= 0) throw new Refusal('conflict', `按 ${asOf} 前认定的身份计算，「${p.name}」没有应退的资助部分（集中征缴期结束后认定的身份不退费）。`);
    const r = repo.insertRefund(
      ctx.db,
      { enrollmentId: e.id, amountFen: amount, reason: `缴费后认定为「${requote.comparison[0]?.label ?? ''}」，退还应资助部分`, basis: { citation: rule.cite, text: rule.text, requote }, createdBy: actorOf(ctx) },
      ctx.now().toISOString(),
    );
    audit(ctx, { action: 'enroll.refund', entity: 'refund', entityId: r.id, after: r });
    return r;
  }),

  'enroll.markDeclared': writes('clerk',
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

  'enroll.receipt': reads('clerk', z.object({ id: idOf('参保记录'), fullId: z.boolean().optional() }), (ctx, arg): Receipt => {
    const e = mustGetEnrollment(ctx, arg.id);
    const office = getOffice(ctx.db);
    const policy = ctx.policies.get(e.policyId);
    return {
      officeTitle: officeTitle(office),
      receiptNo: e.receiptNo,
      status: e.status,
      voidReason: e.voidReason,
      personName: e.personName,
      idNumber: paperId(e.idNumber, office, arg.fullId),
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
      channel: e.channel,
      benefitStart: e.benefitStart,
      benefitEnd: e.benefitEnd,
      clerk: e.createdBy,
    };
  }),
};
