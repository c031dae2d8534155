import type { Policy } from './schema';

type Fail = (field: string, problem: string) => Error;

const RULE_MAPS = ['tiers', 'windows', 'categories', 'waitingExemptions', 'outOfScopeFacts', 'benefits'] as const;
const RULE_OBJECTS = [
  'scope',
  'college',
  'fiscalSubsidy',
  'newborn',
  'lapse',
  'highestOnly',
  'zeroDeclaration',
  'refund',
  'assessment',
  'paymentChannels',
] as const;
// Changing only how a code is called is not a rule, so it needs no citation of its own.
const PRESENTATION_ONLY = new Set(['label']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every rule a file states carries that file's own citation: a county file that changes a
 * municipal rule must say on what grounds, even when it changes a single date.
 */
export function checkOwnCitations(raw: Record<string, unknown>, fail: Fail): void {
  for (const key of RULE_OBJECTS) {
    const v = raw[key];
    if (isObject(v) && typeof v.cite !== 'string') throw fail(`${key}.cite`, '缺少出处（cite）：每条规则都要写明文号和条款');
  }
  for (const key of RULE_MAPS) {
    const map = raw[key];
    if (!isObject(map)) continue;
    for (const [code, v] of Object.entries(map)) {
      if (!isObject(v)) continue;
      const changesRule = Object.keys(v).some((k) => !PRESENTATION_ONLY.has(k));
      if (changesRule && typeof v.cite !== 'string') throw fail(`${key}.${code}.cite`, '缺少出处（cite）：本文件改写了这条规则，要写明依据的文号和条款');
    }
  }
}

export function amountFen(p: Policy, a: { fen: number } | { percentOfTier1: number }): number {
  if ('fen' in a) return a.fen;
  return (p.tiers['1']!.feeFen * a.percentOfTier1) / 100;
}

export function checkSemantics(p: Policy, fail: Fail): void {
  if (!p.tiers['1']) throw fail('tiers.1', '缺少一档缴费标准');
  if (p.college && !p.college.fees && !p.college.fundedBy) throw fail('college', '大学生规则要写 fees（缴费标准）或 fundedBy（由哪个部门全额负担）');

  const windows = Object.entries(p.windows);
  if (!windows.length) throw fail('windows', '至少要有一个缴费时段');
  for (const [id, w] of windows) {
    if (w.from === null && !p.abstract) throw fail(`windows.${id}.from`, '缺少起始日期（只有基础政策 abstract: true 可以不写）');
    if (w.from !== null && w.from > w.to) throw fail(`windows.${id}`, `起始日期 ${w.from} 晚于截止日期 ${w.to}`);
    if (w.to > `${p.coverageYear}-12-31`) throw fail(`windows.${id}.to`, `截止日期 ${w.to} 超出了 ${p.coverageYear} 参保年度`);
    if (w.fee === 'standard_plus_fiscal' && !p.fiscalSubsidy)
      throw fail(`windows.${id}.fee`, '按“个人缴费+财政补助”收费，但没有写财政补助标准（fiscalSubsidy）');
  }
  const sorted = windows.filter(([, w]) => w.from !== null).sort(([, a], [, b]) => (a.from! < b.from! ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const [, prev] = sorted[i - 1]!;
    const [id, w] = sorted[i]!;
    // A gap between windows is allowed: a quote for a date in it says nothing covers it.
    if (w.from! <= prev.to) throw fail(`windows.${id}`, `缴费时段「${w.label}」（${w.from}—${w.to}）与「${prev.label}」（${prev.from}—${prev.to}）重叠`);
  }

  for (const [code, c] of Object.entries(p.categories)) {
    if (!c) continue;
    if (c.fullTier2) {
      if (!p.tiers['2']) throw fail(`categories.${code}.fullTier2`, '本政策没有二档，不能按二档全额资助');
      continue;
    }
    for (const tier of Object.keys(p.tiers) as ('1' | '2')[]) {
      const a = c.amounts?.[tier];
      if (!a) throw fail(`categories.${code}.amounts.${tier}`, `缺少${tier === '1' ? '一' : '二'}档的资助金额`);
      const f = amountFen(p, a);
      if (!Number.isInteger(f)) throw fail(`categories.${code}.amounts.${tier}`, `按百分比算出的资助金额 ${f} 分不是整分`);
      const fee = p.tiers[tier]!.feeFen;
      if (f > fee) throw fail(`categories.${code}.amounts.${tier}`, `资助金额 ${f} 分超过该档个人缴费标准 ${fee} 分`);
    }
    for (const tier of Object.keys(c.amounts ?? {})) {
      if (!(tier in p.tiers)) throw fail(`categories.${code}.amounts.${tier}`, `本政策没有${tier === '1' ? '一' : '二'}档`);
    }
  }

  for (const [id, e] of Object.entries(p.waitingExemptions ?? {})) {
    if (e.kind === 'continuous_insured') {
      for (const w of e.windows ?? []) if (!(w in p.windows)) throw fail(`waitingExemptions.${id}.windows`, `没有名为「${w}」的缴费时段`);
    }
  }
  for (const w of p.refund?.withinWindows ?? []) if (!(w in p.windows)) throw fail('refund.withinWindows', `没有名为「${w}」的缴费时段`);

  const bands = p.assessment?.bands ?? [];
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.minPercent >= bands[i - 1]!.minPercent) throw fail(`assessment.bands.${i}`, '考核分档要按完成率从高到低排列');
  }
  if (bands.length && bands[bands.length - 1]!.minPercent !== 0) throw fail('assessment.bands', '最后一档的完成率下限应为 0，才能覆盖所有情况');
}
