// quote(policy, facts): for one person paying on one date in one tier, whether they are in
// scope, which subsidy wins (就高), what they pay, and from when to when they are covered,
// with the clause behind each step. Follows docs/rules.md.
import { PERSON_CATEGORIES, RESIDENCES, SUBSIDY_CATEGORIES, TIER_LABELS, isCode, type Department, type SubsidyCategory, type Tier } from '../codes';
import { addDays, addMonths, firstOfNextMonth, maxDate } from '../dates';
import { compilePolicy, windowOn, type Basis, type CompiledCategory, type CompiledExemption, type CompiledPolicy, type CompiledWindow } from './compile';
import { checkFacts, type CheckedFacts, type Facts } from './facts';
import type { QuoteHistory } from './lapse';
import type { Policy } from './schema';
import { EMPLOYEE_INSURED } from './scope';

export interface SubsidyCandidate {
  category: SubsidyCategory | null;
  label: string;
  department: Department;
  subsidyFen: number;
}

export interface Quote {
  policy: string;
  coverageYear: number;
  eligible: boolean;
  reason: string | null;
  tier: Tier | null;
  feeFen: number;
  subsidyFen: number;
  personalFen: number;
  /**
   * The state's part (财政补助) of this payment, where the notice states it: 0 when the person
   * pays it too (全额缴费 windows). What the 医保 platform's 居民缴费明细 is checked against.
   */
  fiscalFen: number | null;
  category: SubsidyCategory | null;
  department: Department | null;
  zeroDeclaration: boolean;
  benefitStart: string | null;
  benefitEnd: string | null;
  /** The payment window applied, by its id in the policy file. */
  window: string | null;
  /** Every subsidy the person could have had, highest first: the 就高 comparison. */
  comparison: SubsidyCandidate[];
  warnings: string[];
  basis: Basis[];
  /** How the years before were read from the ledger, where a rule of the policy turns on them. */
  history?: QuoteHistory;
}

export class QuoteError extends Error {}

interface Draft {
  c: CompiledPolicy;
  warnings: string[];
  basis: Basis[];
}

/** A quote with nothing to pay and no period: the shape both refusals and free cover share. */
function emptyQuote(d: Draft, eligible: boolean, reason: string | null, basis: Basis[]): Quote {
  return {
    policy: d.c.id,
    coverageYear: d.c.coverageYear,
    eligible,
    reason,
    tier: null,
    feeFen: 0,
    subsidyFen: 0,
    personalFen: 0,
    fiscalFen: null,
    category: null,
    department: null,
    zeroDeclaration: false,
    benefitStart: null,
    benefitEnd: null,
    window: null,
    comparison: [],
    warnings: d.warnings,
    basis: [...d.basis, ...basis],
  };
}

const refuse = (d: Draft, reason: string, ...basis: Basis[]): Quote => emptyQuote(d, false, reason, basis);

function startByRule(c: CompiledPolicy, w: CompiledWindow, paidOn: string): string {
  const b = w.benefit;
  switch (b.start) {
    case 'coverage_start':
      return c.coverageStart;
    case 'next_month':
      return firstOfNextMonth(paidOn);
    case 'next_day':
      return addDays(paidOn, 1);
    case 'wait_days':
      return addDays(paidOn, b.days);
    case 'wait_months':
      return addMonths(paidOn, b.months);
  }
}

const within = (event: string | null, on: string, until: (e: string) => string) => event !== null && event <= on && on <= until(event);

/** Whether an exemption applies, and a warning when it applies on the clerk's word alone. */
function exemptionApplies(e: CompiledExemption, f: CheckedFacts, w: CompiledWindow | undefined, subsidized: boolean): boolean | string {
  switch (e.kind) {
    case 'continuous_insured':
      return (f.continuousYears ?? 0) >= e.minYears && (!e.windows || (w !== undefined && e.windows.includes(w.id)));
    case 'employee_insurance_ended':
      return within(f.employeeInsuranceEndedOn, f.paidOn, (d) => addMonths(d, e.withinMonths)) && (f.continuousYears ?? 0) >= (e.minContinuousYears ?? 0);
    case 'newborn':
      return f.birthDate !== null && within(f.birthDate, f.paidOn, (d) => addDays(d, e.withinDays));
    case 'discharged':
      return within(f.dischargedOn, f.paidOn, (d) => addMonths(d, e.withinMonths));
    case 'special_event':
      return within(f.specialEventOn, f.paidOn, (d) => addDays(d, e.withinDays));
    case 'subsidized':
      return subsidized;
    case 'category': {
      const held = e.categories.find((code) => f.categories.has(code));
      if (!held) return false;
      if (e.withinDays === undefined) return true;
      if (f.specialEventOn === null)
        return `按「${PERSON_CATEGORIES[held as keyof typeof PERSON_CATEGORIES]}」免等待期，请核实身份取得不超过 ${e.withinDays} 日。`;
      return within(f.specialEventOn, f.paidOn, (d) => addDays(d, e.withinDays!));
    }
  }
}

/** Whether the person holds the category: by its own code, or by a code the policy files under it. */
const holds = (f: CheckedFacts, cat: CompiledCategory) => f.categories.has(cat.code) || (cat.heldBy.length > 0 && cat.heldBy.some((x) => f.categories.has(x)));

function subsidyCandidates(d: Draft, f: CheckedFacts, tier: Tier, feeFen: number): SubsidyCandidate[] {
  const { c } = d;
  const out: SubsidyCandidate[] = [];
  for (const code of c.categoryOrder) {
    const cat = c.categories.get(code)!;
    if (!holds(f, cat)) continue;
    const excluding = cat.excludedBy.find((x) => f.categories.has(x));
    if (excluding) {
      d.warnings.push(`「${cat.label}」不含${PERSON_CATEGORIES[excluding as keyof typeof PERSON_CATEGORIES]}，未按此类别资助。`);
      continue;
    }
    out.push({ category: cat.code, label: cat.label, department: cat.department, subsidyFen: Math.min(cat.amountFen[tier] ?? 0, feeFen) });
  }
  // A stable sort keeps the policy's order among equal amounts, so ties go to the first listed.
  return out.sort((a, b) => b.subsidyFen - a.subsidyFen);
}

/** The words a quote whose benefits start after its year ends carries: the desk confirms before taking money. */
export const NO_BENEFIT_THIS_YEAR = '缴费后本年度内不能享受待遇';

/** Whether a quote's benefits start only after its coverage year ends. */
export const noBenefitThisYear = (q: Pick<Quote, 'benefitStart' | 'benefitEnd'>): boolean =>
  q.benefitStart !== null && q.benefitEnd !== null && q.benefitStart > q.benefitEnd;

/**
 * A 职工医保 switcher inside the months whose continuous years fall short of the rule's (or are
 * not known): the wait applies, and the desk is asked for the years.
 */
function warnShortContinuity(d: Draft, f: CheckedFacts): void {
  for (const e of d.c.exemptions) {
    if (e.kind !== 'employee_insurance_ended' || !e.minContinuousYears) continue;
    if (!within(f.employeeInsuranceEndedOn, f.paidOn, (x) => addMonths(x, e.withinMonths))) continue;
    const years = f.continuousYears;
    if (years !== null && years >= e.minContinuousYears) continue;
    d.warnings.push(
      years === null || years === 0
        ? `职工医保停保 ${e.withinMonths} 个月内参保的，须已连续参保 ${e.minContinuousYears} 年（含）以上才免等待期；连续参保年数不明，按等待期计算。请向参保人核实后填写连续参保年数。`
        : `职工医保停保 ${e.withinMonths} 个月内参保的，须已连续参保 ${e.minContinuousYears} 年（含）以上才免等待期；按连续参保 ${years} 年，未免等待期。年数有误的，请核实后填写。`,
    );
  }
}

export function quote(policy: Policy, facts: Facts | unknown): Quote {
  const c = compilePolicy(policy);
  if (policy.abstract) {
    throw new QuoteError(
      `${policy.region} ${policy.coverageYear} 年度政策（${policy.sources[0]!.number}）是基础政策，集中参保期等由各区县、乡镇通知规定，不能直接计算；请选用具体地区的政策。`,
    );
  }
  const f = checkFacts(facts);
  const d: Draft = { c, warnings: [], basis: [c.scopeBasis] };

  // Scope.
  if (f.employeeInsured) return refuse(d, `${EMPLOYEE_INSURED.long}。`);
  for (const code of f.categories) {
    const out = c.outOfScope.get(code);
    if (out) return refuse(d, out.reason, out.basis);
  }
  if (!c.residences.has(f.residence)) return refuse(d, `本地政策的参保范围不包括「${RESIDENCES[f.residence]}」人员。`);
  if (f.birthDate !== null && f.birthDate > f.paidOn) return refuse(d, `缴费日期 ${f.paidOn} 早于出生日期 ${f.birthDate}。`);
  if (f.birthDate !== null && f.birthDate > c.coverageEnd) return refuse(d, `出生日期 ${f.birthDate} 晚于 ${c.coverageYear} 参保年度。`);

  // Newborns of the coverage year: their own window, their own start.
  const bornThisYear = f.birthDate !== null && f.birthDate >= c.coverageStart;
  const nb = c.newborn;
  if (bornThisYear && nb) {
    if (f.guardianInsured && nb.followsGuardian) {
      d.warnings.push(`随法定监护人参保，无需缴费；如需独立参保，须在出生后 ${nb.withinDays} 日内缴费。`);
      return { ...emptyQuote(d, true, null, [nb.basis]), benefitStart: f.birthDate, benefitEnd: c.coverageEnd };
    }
  }
  const newbornRule = bornThisYear && nb !== null && f.paidOn <= addDays(f.birthDate!, nb.withinDays);

  // Window.
  const w = windowOn(c, f.paidOn);
  // A newborn within its days pays the standard part whatever the window: 栗子's 不享受财政补助 is for late payers.
  const noSubsidy = !newbornRule && w?.noSubsidy === true;
  let beyondDeadline: CompiledExemption | undefined;
  if (!w && !newbornRule) {
    const first = c.windows.find((x) => x.from !== null)!;
    const last = c.windows[c.windows.length - 1]!;
    if (f.paidOn < first.from!) return refuse(d, `${c.coverageYear} 年度的缴费从 ${first.from} 开始，${f.paidOn} 还不能缴费。`, first.basis);
    if (f.paidOn > c.coverageEnd) return refuse(d, `${f.paidOn} 已过 ${c.coverageYear} 参保年度。`, last.basis);
    if (f.paidOn > last.to) {
      beyondDeadline = c.exemptions.find((e) => e.beyondDeadline && exemptionApplies(e, f, undefined, false) === true);
      if (!beyondDeadline) return refuse(d, `${c.coverageYear} 年度最迟缴费日期为 ${last.to}，之后不能再参加本年度居民医保。`, last.basis);
    } else {
      return refuse(d, `${f.paidOn} 不在通知规定的任何缴费时段内，无法计算。`);
    }
  }

  // Tier and fee.
  let tier: Tier = f.tier;
  // A tier the notice does not have is not quoted (docs/rules.md "Tiers a region does not have"): the desk offers the region's own.
  if (!c.tierFeeFen[tier])
    return refuse(
      d,
      `本地只设${c.tiers.map((t) => TIER_LABELS[t]).join('、')}，没有${TIER_LABELS[tier]}，不能按${TIER_LABELS[tier]}参保。`,
      c.tierBasis[c.tiers[0]!]!,
    );
  const fullTier2 =
    c.tiers.includes(2) &&
    c.categoryOrder.some(
      (code) => holds(f, c.categories.get(code)!) && c.categories.get(code)!.fullTier2 && !c.categories.get(code)!.excludedBy.some((x) => f.categories.has(x)),
    );
  if (fullTier2 && tier !== 2 && !noSubsidy) {
    d.warnings.push('按二档全额资助，以二档参保。');
    tier = 2;
  }
  const college = f.student === 'college';
  const collegeFee = college ? c.collegeFeeFen?.[tier] : undefined;
  const standardFen = collegeFee ?? c.tierFeeFen[tier]!;
  d.basis.push(collegeFee !== undefined ? c.collegeBasis! : c.tierBasis[tier]!);
  let feeFen = standardFen;
  const paysFiscal = w !== undefined && !newbornRule && w.plusFiscal;
  if (w && !newbornRule) {
    d.basis.push(w.basis);
    if (w.plusFiscal) {
      feeFen += c.fiscalFen;
      d.basis.push(c.fiscalBasis!);
      d.warnings.push(`此时段缴费不享受财政补助，须另缴财政补助部分 ${c.fiscalFen / 100} 元。`);
    }
    if (w.warning) d.warnings.push(w.warning);
  }

  // Subsidy: the single highest (就高), never a sum.
  for (const code of f.categories) {
    if (isCode(SUBSIDY_CATEGORIES, code) && !c.categories.has(code)) {
      d.warnings.push(`本地政策没有「${SUBSIDY_CATEGORIES[code]}」的资助规定，未计算资助。`);
    }
  }
  const comparison = noSubsidy ? [] : subsidyCandidates(d, f, tier, feeFen);
  if (noSubsidy && c.categoryOrder.some((code) => holds(f, c.categories.get(code)!))) d.warnings.push('此时段缴费不享受资助，所需资金全额由个人承担。');
  if (college && c.collegeFundedBy) {
    comparison.unshift({ category: null, label: '高校大学生', department: c.collegeFundedBy, subsidyFen: standardFen });
    d.basis.push(c.collegeBasis!);
  }
  const winner = comparison[0] ?? null;
  const subsidyFen = winner ? Math.min(winner.subsidyFen, feeFen) : 0;
  if (winner?.category) {
    d.basis.push(c.categories.get(winner.category)!.basis);
    if (comparison.length > 1) d.basis.push(c.highestBasis);
  }
  const personalFen = feeFen - subsidyFen;
  const zeroDeclaration = personalFen === 0 && subsidyFen > 0;
  if (zeroDeclaration && c.zeroBasis) d.basis.push(c.zeroBasis);

  // Benefit period.
  const subsidized = winner !== null && winner.category !== null && winner.subsidyFen > 0;
  const exempt = (e: CompiledExemption) => exemptionApplies(e, f, w, subsidized) === true;
  // A 特殊群体 whose exemption lifts the lapse's wait is covered as if they had not lapsed.
  const lapseLifted = c.lapse && f.lapsedYears > 0 && !newbornRule ? c.exemptions.find((e) => e.liftsLapse && exempt(e)) : undefined;
  if (lapseLifted) d.basis.push(lapseLifted.basisEntry);
  warnShortContinuity(d, f);
  let benefitStart: string;
  if (newbornRule) {
    benefitStart = f.birthDate!;
    d.basis.push(nb!.basis);
  } else if (c.lapse && f.lapsedYears > 0 && !lapseLifted) {
    const months = c.lapse.baseMonths + (f.lapsedYears - 1) * c.lapse.extraMonthsPerYear;
    benefitStart = addMonths(f.paidOn, months);
    d.basis.push(c.lapse.basis);
    if (c.lapse.warning) d.warnings.push(c.lapse.warning);
  } else if (beyondDeadline) {
    benefitStart = beyondDeadline.benefit === 'next_day' ? addDays(f.paidOn, 1) : c.coverageStart;
    d.basis.push(beyondDeadline.basisEntry);
  } else {
    benefitStart = startByRule(c, w!, f.paidOn);
    const waits = w!.benefit.start === 'wait_days' || w!.benefit.start === 'wait_months';
    if (waits) {
      for (const e of c.exemptions) {
        const applies = exemptionApplies(e, f, w, subsidized);
        if (!applies) continue;
        if (typeof applies === 'string') d.warnings.push(applies);
        const start = e.benefit === 'next_day' ? addDays(f.paidOn, 1) : c.coverageStart;
        if (start < benefitStart) {
          benefitStart = start;
          if (!d.basis.includes(e.basisEntry)) d.basis.push(e.basisEntry);
        }
      }
    }
  }
  for (const e of c.exemptions) if (e.warning && d.basis.includes(e.basisEntry) && !d.warnings.includes(e.warning)) d.warnings.push(e.warning);
  if (!newbornRule) benefitStart = maxDate(benefitStart, c.coverageStart);
  // Still a payment the person may make (docs/rules.md "A wait past 31 December"): said, and the desk asks first.
  if (benefitStart > c.coverageEnd) d.warnings.push(`${NO_BENEFIT_THIS_YEAR}：按规定 ${benefitStart} 才能开始享受待遇，已超出 ${c.coverageYear} 参保年度。`);

  return {
    policy: c.id,
    coverageYear: c.coverageYear,
    eligible: true,
    reason: null,
    tier,
    feeFen,
    subsidyFen,
    personalFen,
    fiscalFen: c.fiscalFen > 0 ? (paysFiscal ? 0 : c.fiscalFen) : null,
    category: winner?.category ?? null,
    department: winner?.department ?? null,
    zeroDeclaration,
    benefitStart,
    benefitEnd: c.coverageEnd,
    window: w?.id ?? null,
    comparison,
    warnings: d.warnings,
    basis: d.basis,
  };
}
