// Two notices side by side (issue 17): what changed between last year's policy and this year's,
// each line with the clause of each side. Lines that did not change are left out.
import { PERSON_CATEGORIES, TIER_LABELS, type Tier } from '../codes';
import { formatYuan } from '../money';
import { compilePolicy, type Basis, type CompiledPolicy, type CompiledWindow } from './compile';
import type { BenefitRule, Policy } from './schema';

export type CompareTopic = '缴费标准' | '财政补助' | '缴费时段' | '资助标准' | '等待期' | '待遇';

export interface PolicyChange {
  topic: CompareTopic;
  item: string;
  /** 未规定 where that side has no such rule. */
  before: string;
  after: string;
  citeBefore: string | null;
  citeAfter: string | null;
}

const NONE = '未规定';
const yuan = (fen: number) => `${formatYuan(fen)} 元`;

function benefitWords(b: BenefitRule): string {
  switch (b.start) {
    case 'coverage_start':
      return '参保年度1月1日起享受待遇';
    case 'next_month':
      return '缴费次月1日起享受待遇';
    case 'next_day':
      return '缴费次日起享受待遇';
    case 'wait_days':
      return `等待期 ${b.days} 日`;
    case 'wait_months':
      return `等待期 ${b.months} 个月`;
  }
}

const windowWords = (w: CompiledWindow) => `${w.from ?? '此前'} 至 ${w.to}，${w.plusFiscal ? '另缴财政补助部分，' : ''}${benefitWords(w.benefit)}`;

interface Side {
  value: string;
  cite: string | null;
}
const side = (value: string | undefined, b?: Basis | null): Side => ({ value: value ?? NONE, cite: value === undefined ? null : (b?.citation ?? null) });

/** The lines of one topic, keyed so the two years' entries meet: a window by id, a category by code and tier. */
type Lines = Map<string, { item: string } & Side>;

function fees(c: CompiledPolicy): Lines {
  const out: Lines = new Map();
  for (const t of [1, 2] as Tier[]) {
    const fen = c.tierFeeFen[t];
    if (fen !== undefined) out.set(`tier${t}`, { item: `${TIER_LABELS[t]}个人缴费标准`, ...side(yuan(fen), c.tierBasis[t]) });
    const college = c.collegeFeeFen?.[t];
    if (college !== undefined) out.set(`college${t}`, { item: `大学生${TIER_LABELS[t]}缴费标准`, ...side(yuan(college), c.collegeBasis) });
  }
  return out;
}

function fiscal(c: CompiledPolicy): Lines {
  return new Map(c.fiscalBasis ? [['fiscal', { item: '财政补助部分（按规定须全额缴费时另缴）', ...side(yuan(c.fiscalFen), c.fiscalBasis) }]] : []);
}

function windows(c: CompiledPolicy): Lines {
  return new Map(c.windows.map((w) => [w.id, { item: w.label, ...side(windowWords(w), w.basis) }]));
}

function subsidies(c: CompiledPolicy): Lines {
  const out: Lines = new Map();
  for (const [code, cat] of c.categories) {
    for (const t of cat.fullTier2 ? ([2] as Tier[]) : c.tiers) {
      const fen = cat.amountFen[t];
      if (fen === undefined) continue;
      const words = cat.fullTier2 ? `${yuan(fen)}（二档全额资助）` : `${yuan(fen)}（个人缴 ${yuan(Math.max(0, c.tierFeeFen[t]! - fen))}）`;
      out.set(`${code}:${t}`, { item: `${cat.label}（${cat.departmentLabel}）${TIER_LABELS[t]}`, ...side(words, cat.basis) });
    }
  }
  return out;
}

function waiting(c: CompiledPolicy): Lines {
  const out: Lines = new Map();
  if (c.lapse)
    out.set('lapse', {
      item: '断保人员待遇等待期',
      ...side(`${c.lapse.baseMonths} 个月，每多断保 1 年加 ${c.lapse.extraMonthsPerYear} 个月`, c.lapse.basis),
    });
  if (c.newborn)
    out.set('newborn', {
      item: '新生儿',
      ...side(`出生 ${c.newborn.withinDays} 日内参保，自出生之日起享受待遇${c.newborn.followsGuardian ? '；随参保监护人' : ''}`, c.newborn.basis),
    });
  for (const e of c.exemptions) out.set(`exempt:${e.kind}:${e.id}`, { item: `免等待期：${exemptionName(e)}`, ...side(e.basisEntry.text, e.basisEntry) });
  return out;
}

function exemptionName(e: CompiledPolicy['exemptions'][number]): string {
  switch (e.kind) {
    case 'continuous_insured':
      return `连续参保 ${e.minYears} 年以上`;
    case 'employee_insurance_ended':
      return `${e.minContinuousYears ? `连续参保 ${e.minContinuousYears} 年以上、` : ''}职工医保中断 ${e.withinMonths} 个月内`;
    case 'newborn':
      return `上年出生的新生儿 ${e.withinDays} 日内`;
    case 'discharged':
      return `退出现役 ${e.withinMonths} 个月内`;
    case 'special_event':
      return `特殊情形发生 ${e.withinDays} 日内`;
    case 'subsidized':
      return '资助参保人员';
    case 'category':
      return `${e.categories.map((code) => PERSON_CATEGORIES[code as keyof typeof PERSON_CATEGORIES] ?? code).join('、')}${e.withinDays ? ` ${e.withinDays} 日内` : ''}`;
  }
}

/** The benefit parameters the policy files name, in the notices' words. */
const BENEFIT_NAMES: Record<string, string> = {
  criticalIllnessThreshold: '大病保险起付线',
  criticalIllnessTilt: '大病保险倾斜支付',
  prenatalCheckCap: '产前检查补助限额',
  vaginalDelivery: '住院分娩定额补助',
  outpatientCap: '门诊统筹支付限额',
  continuityIncentive: '连续参保激励',
  employeeAccountForRelatives: '职工医保个人账户代缴近亲属',
};

function benefits(p: Policy): Lines {
  const out: Lines = new Map();
  for (const [key, b] of Object.entries(p.benefits ?? {})) {
    const amount =
      b.fen !== undefined
        ? yuan(b.fen)
        : b.tiers
          ? Object.entries(b.tiers)
              .map(([t, x]) => `${TIER_LABELS[Number(t) as Tier]} ${yuan(x.fen)}`)
              .join('，')
          : '';
    out.set(key, {
      item: BENEFIT_NAMES[key] ?? b.text.slice(0, 24),
      ...side(amount ? `${amount}（${b.text}）` : b.text, { citation: b.cite, text: b.text, ruling: false }),
    });
  }
  return out;
}

const TOPICS: [CompareTopic, (c: CompiledPolicy) => Lines][] = [
  ['缴费标准', fees],
  ['财政补助', fiscal],
  ['缴费时段', windows],
  ['资助标准', subsidies],
  ['等待期', waiting],
  ['待遇', (c) => benefits(c.policy)],
];

/** Every line that differs between the two policies, topic by topic, in the newer policy's order. */
export function comparePolicies(before: Policy, after: Policy): PolicyChange[] {
  const [a, b] = [compilePolicy(before), compilePolicy(after)];
  const out: PolicyChange[] = [];
  for (const [topic, lines] of TOPICS) {
    const [x, y] = [lines(a), lines(b)];
    for (const key of new Set([...y.keys(), ...x.keys()])) {
      const l = x.get(key);
      const r = y.get(key);
      // A window's dates move every year: what matters is whether the rule of it changed.
      if (l && r && comparable(topic, l.value, a) === comparable(topic, r.value, b)) continue;
      out.push({
        topic,
        item: (r ?? l)!.item,
        before: l?.value ?? NONE,
        after: r?.value ?? NONE,
        citeBefore: l?.cite ?? null,
        citeAfter: r?.cite ?? null,
      });
    }
  }
  return out;
}

/** A window's dates shifted by a whole year are the same window; so is the end of February in a leap year. */
function comparable(topic: CompareTopic, value: string, c: CompiledPolicy): string {
  if (topic !== '缴费时段') return value;
  return value.replace(/(\d{4})-(\d\d-\d\d)/g, (_, y: string, md: string) => `${Number(y) - c.coverageYear}:${md === '02-29' ? '02-28' : md}`);
}
