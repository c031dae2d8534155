// The data behind the print center's documents. The screens lay them out; the numbers, the
// masking and the wording of each amount come from here, so paper and ledger agree.
import { z } from 'zod';
import { OUT_OF_COUNTY, OUT_OF_SCOPE, TIER_LABELS, type Tier } from '../domain/codes';
import { chinaDate } from '../domain/dates';
import { formatYuan2 } from '../domain/money';
import { categoryLabel, compilePolicy, departmentLabel, windowAfter, windowOn } from '../domain/policy/compile';
import { activeEnrollment, listEnrollments } from '../ledger/enrollments';
import { getOffice, getVillage, listVillages, officeTitle } from '../ledger/office';
import { getHousehold, householdMembers } from '../ledger/roster';
import { targets } from '../ledger/reports';
import type { HouseholdNotice, NoticeTierOption, PublicList, VillageNotice } from '../types/print';
import { quotePerson } from '../enrollment/enroll';
import { maskId, paperId } from '../enrollment/ids';
import { policyFor, policyInForce } from '../enrollment/policy';
import { attachmentForm } from '../ledger/forms';
import type { Form } from '../domain/forms/form';
import { coverageYear, idOf, isoDate } from './fields';
import type { Context } from './handler';
import { Refusal, reads } from './handler';

const officeTitleOf = (ctx: Context) => officeTitle(getOffice(ctx.db));

export const printHandlers = {
  // The county's attachments, as the form the xlsx is written from: the paper and the file agree.
  'print.form': reads(
    'clerk',
    z.object({
      kind: z.enum(['fujian1', 'fujian2', 'fujian3', 'fujian4', 'fujian5'], { error: '表格类型不对。' }),
      coverageYear,
      villageId: idOf('村/社区').optional(),
    }),
    (ctx, arg): Form => {
      const policy = policyInForce(ctx, arg.coverageYear);
      if (arg.kind === 'fujian1' && !policy) throw new Refusal('not_found', '这一年度还没有选择政策。');
      return attachmentForm(ctx.db, arg.kind, { coverageYear: arg.coverageYear, policy, villageId: arg.villageId });
    },
  ),

  'print.householdNotice': reads(
    'clerk',
    z.object({ householdId: idOf('家庭户'), coverageYear, fullId: z.boolean().optional(), on: isoDate('通知日期').optional() }),
    (ctx, arg): HouseholdNotice => {
      const h = getHousehold(ctx.db, arg.householdId);
      if (!h) throw new Refusal('not_found', '找不到这个家庭户。');
      const policy = policyFor(ctx, arg.coverageYear);
      const today = arg.on ?? chinaDate(ctx.now());
      // The window a notice printed today points to: the one open today, else the next to open.
      const c = compilePolicy(policy);
      const w = windowOn(c, today) ?? windowAfter(c, today) ?? null;
      // Amounts as of the day the window allows payment: today, or the window's first day.
      const paidOn = w && w.from && w.from > today ? w.from : today;
      const office = getOffice(ctx.db);
      const members = householdMembers(ctx.db, h.id).map((p) => {
        const base = {
          personId: p.id,
          name: p.name,
          idNumber: paperId(p.idNumber, office, arg.fullId),
          relation: p.relation,
          personalFen: null as Partial<Record<Tier, number>> | null,
        };
        const enrolled = activeEnrollment(ctx.db, p.id, arg.coverageYear);
        if (enrolled) return { ...base, enrolledReceipt: enrolled.receiptNo, notDue: null, options: [] };
        const notDue =
          p.status !== 'active'
            ? `${OUT_OF_SCOPE[p.status]}，不在参保范围`
            : p.outOfCounty
              ? `已在县外参保（${OUT_OF_COUNTY[p.outOfCounty]}）`
              : p.employeeInsured
                ? '已参加职工医保'
                : null;
        if (notDue) return { ...base, enrolledReceipt: null, notDue, options: [] };
        const options: NoticeTierOption[] = [];
        const personalFen: Partial<Record<Tier, number>> = {};
        let reason: string | null = null;
        for (const tier of [1, 2] as Tier[]) {
          if (!policy.tiers[String(tier) as '1' | '2']) continue;
          const q = quotePerson(ctx, policy, p, { tier, paidOn });
          if (!q.eligible) {
            reason = q.reason;
            continue;
          }
          personalFen[tier] = q.personalFen;
          options.push({
            tier,
            tierLabel: TIER_LABELS[tier],
            feeYuan: formatYuan2(q.feeFen),
            subsidyYuan: formatYuan2(q.subsidyFen),
            personalYuan: formatYuan2(q.personalFen),
            subsidyLabel: q.category ? `${categoryLabel(policy, q.category)}（${q.department ? departmentLabel(policy, q.department) : ''}）` : '',
          });
        }
        return { ...base, enrolledReceipt: null, notDue: options.length ? null : reason, options, personalFen };
      });
      const totals = ([1, 2] as Tier[]).flatMap((tier) => {
        const paying = members.filter((m) => m.personalFen?.[tier] !== undefined);
        return paying.length
          ? [{ tier, tierLabel: TIER_LABELS[tier], persons: paying.length, personalYuan: formatYuan2(paying.reduce((s, m) => s + m.personalFen![tier]!, 0)) }]
          : [];
      });
      return {
        officeTitle: officeTitleOf(ctx),
        coverageYear: arg.coverageYear,
        villageName: h.villageName,
        householdNumber: h.number,
        headName: h.headName ?? members[0]?.name ?? '',
        members: members.map(({ personalFen: _, ...m }) => m),
        totals,
        window: w ? { label: w.label, from: w.from, to: w.to, text: w.basis.text, cite: w.basis.citation } : null,
        channels: policy.paymentChannels?.items ?? [],
        channelsCite: policy.paymentChannels?.cite ?? '',
        sources: policy.sources.map((s) => s.number),
        printedOn: today,
      };
    },
  ),

  'print.publicList': reads('clerk', z.object({ coverageYear, villageId: idOf('村/社区').optional() }), (ctx, arg): PublicList => {
    const policy = policyFor(ctx, arg.coverageYear);
    const where = `e.coverage_year = ? AND e.status = 'active' AND e.subsidy_fen > 0${arg.villageId ? ' AND v.id = ?' : ''} ORDER BY v.code, e.department, p.name`;
    const rows = listEnrollments(ctx.db, where, ...(arg.villageId ? [arg.coverageYear, arg.villageId] : [arg.coverageYear]));
    const village = arg.villageId ? getVillage(ctx.db, arg.villageId) : undefined;
    if (arg.villageId && !village) throw new Refusal('not_found', '找不到这个村/社区。');
    return {
      officeTitle: officeTitleOf(ctx),
      coverageYear: arg.coverageYear,
      villageName: village?.name ?? null,
      rows: rows.map((e) => ({
        villageName: e.villageName,
        name: e.personName,
        idNumber: maskId(e.idNumber),
        categoryLabel: e.category ? categoryLabel(policy, e.category) : '',
        departmentLabel: e.department ? departmentLabel(policy, e.department) : '',
        tierLabel: e.tier ? TIER_LABELS[e.tier] : '',
        subsidyYuan: formatYuan2(e.subsidyFen),
      })),
      totalYuan: formatYuan2(rows.reduce((s, e) => s + e.subsidyFen, 0)),
    };
  }),

  'print.villageNotice': reads('clerk', z.object({ coverageYear }), (ctx, arg): VillageNotice => {
    const policy = policyFor(ctx, arg.coverageYear);
    const office = getOffice(ctx.db);
    const tg = targets(ctx.db, arg.coverageYear);
    return {
      officeTitle: officeTitleOf(ctx),
      townshipName: office.townshipName,
      coverageYear: arg.coverageYear,
      region: policy.region,
      sources: policy.sources.map((s) => ({ number: s.number, title: s.title })),
      tiers: (['1', '2'] as const).flatMap((t) => {
        const f = policy.tiers[t];
        return f ? [{ tierLabel: TIER_LABELS[Number(t) as Tier], feeYuan: formatYuan2(f.feeFen), cite: f.cite }] : [];
      }),
      windows: compilePolicy(policy).windows.map((w) => ({ label: w.label, from: w.from, to: w.to, text: w.basis.text })),
      channels: policy.paymentChannels?.items ?? [],
      targets: listVillages(ctx.db, false).map((v) => ({ villageName: v.name, target: tg.get(v.id) ?? 0 })),
      printedOn: chinaDate(ctx.now()),
    };
  }),
};
