// A household's payment notice (缴费通知单): each member's amounts per tier as the policy quotes
// them on the day the window lets them pay, who need not pay and why, and the household's total.
import type { Database } from 'better-sqlite3';
import { TIER_LABELS, type Department, type PersonCategory, type Tier } from '../domain/codes';
import { outOfScope } from '../domain/policy/scope';
import { formatYuan2 } from '../domain/money';
import { noBenefitThisYear } from '../domain/policy/quote';
import { categoryLabel, compilePolicy, departmentLabel, windowAfter, windowOn } from '../domain/policy/compile';
import { activeEnrollment } from '../ledger/enrollments';
import { getOffice, officeTitle } from '../ledger/office';
import { householdMembers, householdsWithMembers, type getHousehold } from '../ledger/roster';
import type { HouseholdNotice, NoticeJob, NoticeTierOption } from '../types/print';
import type { Context } from '../service/context';
import { quotePerson } from './enroll';
import { historyLookup, type HistoryLookup } from './history';
import { paperId } from './ids';
import { policyFor } from './policy';

export function householdNotice(
  ctx: Context,
  h: NonNullable<ReturnType<typeof getHousehold>>,
  arg: { coverageYear: number; today: string; fullId?: boolean | undefined },
  lookup: HistoryLookup = historyLookup(ctx),
): HouseholdNotice {
  const today = arg.today;
  const policy = policyFor(ctx, arg.coverageYear);
  // The window a notice printed today points to: the one open today, else the next to open.
  const c = compilePolicy(policy);
  const w = windowOn(c, today) ?? windowAfter(c, today) ?? null;
  // Amounts as of the day the window allows payment: today, or the window's first day.
  const paidOn = w && w.from && w.from > today ? w.from : today;
  const office = getOffice(ctx.db);
  const labelOf = (category: PersonCategory, department: Department | null) =>
    `${categoryLabel(policy, category)}（${department ? departmentLabel(policy, department) : ''}）`;
  const members = householdMembers(ctx.db, h.id).map((p) => {
    const base = {
      personId: p.id,
      version: p.version,
      name: p.name,
      idNumber: paperId(p.idNumber, office, arg.fullId),
      relation: p.relation,
      personalFen: null as Partial<Record<Tier, number>> | null,
      benefitAfterYear: null as string | null,
    };
    const enrolled = activeEnrollment(ctx.db, p.id, arg.coverageYear);
    if (enrolled)
      return {
        ...base,
        enrolledReceipt: enrolled.receiptNo,
        enrolledTier: enrolled.tier,
        subsidyLabel: enrolled.category ? labelOf(enrolled.category, enrolled.department) : '',
        notDue: null,
        options: [],
      };
    const unpaid = { enrolledReceipt: null, enrolledTier: null };
    const notDue = outOfScope(p)?.short ?? null;
    if (notDue) return { ...base, ...unpaid, subsidyLabel: '', notDue, options: [] };
    const options: NoticeTierOption[] = [];
    const personalFen: Partial<Record<Tier, number>> = {};
    let reason: string | null = null;
    let benefitAfterYear: string | null = null;
    for (const tier of [1, 2] as Tier[]) {
      if (!policy.tiers[String(tier) as '1' | '2']) continue;
      const q = quotePerson(ctx, policy, p, { tier, paidOn }, paidOn, lookup);
      if (!q.eligible) {
        reason = q.reason;
        continue;
      }
      // A group funded in tier 2 alone is quoted in tier 2 whatever was asked: shown once, under 二档.
      const actual = q.tier ?? tier;
      if (options.some((o) => o.tier === actual)) continue;
      personalFen[actual] = q.personalFen;
      if (noBenefitThisYear(q)) benefitAfterYear = q.benefitStart;
      options.push({
        tier: actual,
        tierLabel: TIER_LABELS[actual],
        feeYuan: formatYuan2(q.feeFen),
        subsidyYuan: formatYuan2(q.subsidyFen),
        personalYuan: formatYuan2(q.personalFen),
        subsidyLabel: q.category ? labelOf(q.category, q.department) : '',
      });
    }
    return { ...base, ...unpaid, subsidyLabel: options[0]?.subsidyLabel ?? '', notDue: options.length ? null : reason, options, personalFen, benefitAfterYear };
  });
  const totals = ([1, 2] as Tier[]).flatMap((tier) => {
    const paying = members.filter((m) => m.personalFen?.[tier] !== undefined);
    return paying.length
      ? [{ tier, tierLabel: TIER_LABELS[tier], persons: paying.length, personalYuan: formatYuan2(paying.reduce((s, m) => s + m.personalFen![tier]!, 0)) }]
      : [];
  });
  return {
    officeTitle: officeTitle(office),
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
}

/** Households in the order papers go out: village by village, then 户号 as numbers (2 before 10). */
function orderedHouseholds(db: Database, villageId?: number) {
  const rows = householdsWithMembers(db, villageId);
  const byNumber = new Intl.Collator('zh-CN', { numeric: true });
  // Codes that read alike as numbers (01 and 1) are two villages still: never interleaved.
  return rows.sort((a, b) => byNumber.compare(a.code, b.code) || a.villageId - b.villageId || byNumber.compare(a.number, b.number) || a.id - b.id);
}

export const householdsInOrder = (db: Database, villageId?: number): number[] => orderedHouseholds(db, villageId).map((r) => r.id);

/** At most this many households in one print job: its pages, its memory and its wait stay those of a village. */
export const NOTICE_JOB_SIZE = 500;

/**
 * A batch of notices as print jobs the clerk starts one after another: a village at a time, a
 * village of more than NOTICE_JOB_SIZE households in runs of that many. Each job is a village's
 * offset and count in that village's order (print.householdNotices pages through it).
 */
export function noticeJobs(db: Database, villageId?: number, size = NOTICE_JOB_SIZE): NoticeJob[] {
  // Each village's households apart, in the order papers go out, whatever lies next to what.
  const byVillage = new Map<number, ReturnType<typeof orderedHouseholds>>();
  for (const r of orderedHouseholds(db, villageId)) {
    const rows = byVillage.get(r.villageId);
    if (rows) rows.push(r);
    else byVillage.set(r.villageId, [r]);
  }
  const jobs: NoticeJob[] = [];
  for (const rows of byVillage.values())
    for (let at = 0; at < rows.length; at += size) {
      const last = Math.min(rows.length, at + size) - 1;
      jobs.push({
        villageId: rows[0]!.villageId,
        villageName: rows[0]!.villageName,
        offset: at,
        count: last - at + 1,
        from: rows[at]!.number,
        to: rows[last]!.number,
      });
    }
  return jobs;
}
