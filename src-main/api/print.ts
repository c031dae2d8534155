// The data behind the print center's documents. The screens lay them out; the numbers, the
// masking and the wording of each amount come from here, so paper and ledger agree.
import { z } from 'zod';
import { TIER_LABELS, type Tier } from '../domain/codes';
import { addDays, chinaDate } from '../domain/dates';
import { formatYuan2 } from '../domain/money';
import { categoryLabel, compilePolicy, departmentLabel } from '../domain/policy/compile';
import { subsidisedEnrollments } from '../ledger/enrollments';
import { getOffice, getVillage, listVillages, officeTitle } from '../ledger/office';
import { getHousehold } from '../ledger/roster';
import { targets } from '../ledger/reports';
import type { HouseholdNotice, NoticeJob, PublicList, RefundSlip, VillageNotice } from '../types/print';
import { maskId } from '../enrollment/ids';
import { policyFor, policyInForce } from '../enrollment/policy';
import { householdNotice, householdsInOrder, noticeJobs } from '../enrollment/notice';
import { refundSlip } from '../enrollment/refund-slip';
import { historyLookup } from '../enrollment/history';
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

  'print.refundSlip': reads('clerk', z.object({ refundId: idOf('退费'), fullId: z.boolean().optional() }), (ctx, arg): RefundSlip =>
    refundSlip(ctx, arg.refundId, arg.fullId),
  ),

  'print.householdNotice': reads(
    'clerk',
    z.object({ householdId: idOf('家庭户'), coverageYear, fullId: z.boolean().optional(), on: isoDate('通知日期').optional() }),
    (ctx, arg): HouseholdNotice => {
      const h = getHousehold(ctx.db, arg.householdId);
      if (!h) throw new Refusal('not_found', '找不到这个家庭户。');
      return householdNotice(ctx, h, { coverageYear: arg.coverageYear, today: arg.on ?? chinaDate(ctx.now()), fullId: arg.fullId });
    },
  ),

  // A village's or the township's notices, a page at a time: the screen shows progress and may stop.
  'print.householdNotices': reads(
    'clerk',
    z.object({
      coverageYear,
      villageId: idOf('村/社区').optional(),
      offset: z.number().int().min(0).max(10_000_000),
      limit: z.number().int().min(1).max(500),
      on: isoDate('通知日期').optional(),
      // Only households with someone left to pay: a batch is handed out to collect money.
      owing: z.boolean().optional(),
    }),
    (ctx, arg): { total: number; notices: HouseholdNotice[]; skipped: number } => {
      if (arg.villageId && !getVillage(ctx.db, arg.villageId)) throw new Refusal('not_found', '找不到这个村/社区。');
      const all = householdsInOrder(ctx.db, arg.villageId);
      const today = arg.on ?? chinaDate(ctx.now());
      const lookup = historyLookup(ctx);
      const page = all
        .slice(arg.offset, arg.offset + arg.limit)
        .map((id) => householdNotice(ctx, getHousehold(ctx.db, id)!, { coverageYear: arg.coverageYear, today }, lookup));
      // The page counts households read, so the caller pages on by `limit` whatever was left out.
      const notices = arg.owing ? page.filter((n) => n.members.some((m) => m.options.length > 0)) : page;
      return { total: all.length, notices, skipped: page.length - notices.length };
    },
  ),

  'print.noticeJobs': reads('clerk', z.object({ villageId: idOf('村/社区').optional() }), (ctx, arg): NoticeJob[] => {
    if (arg.villageId && !getVillage(ctx.db, arg.villageId)) throw new Refusal('not_found', '找不到这个村/社区。');
    return noticeJobs(ctx.db, arg.villageId);
  }),

  'print.publicList': reads(
    'clerk',
    z.object({ coverageYear, villageId: idOf('村/社区').optional(), on: isoDate('公示日期').optional() }),
    (ctx, arg): PublicList => {
      const policy = policyFor(ctx, arg.coverageYear);
      // Posted on the day printed, for the office's number of days (设置), that day counted.
      const from = arg.on ?? chinaDate(ctx.now());
      const office = getOffice(ctx.db);
      const rows = subsidisedEnrollments(ctx.db, arg.coverageYear, 'villageDepartment', arg.villageId);
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
        publicFrom: from,
        publicTo: addDays(from, office.publicDays - 1),
        phone: office.phone,
        address: office.address,
      };
    },
  ),

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
