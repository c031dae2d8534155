// The quote asks the history: lapsed and continuous years the desk did not type come from
// the ledger's reading of the person's years, and the quote says how it read them.
import type { CompiledExemption, CompiledPolicy } from './compile';
import type { DeskYears, HistoryReading, QuoteHistory } from './lapse';
import type { Quote } from './quote';

const continuityRule = (c: CompiledPolicy): (CompiledExemption & { kind: 'continuous_insured' }) | null =>
  (c.exemptions.find((e) => e.kind === 'continuous_insured') as (CompiledExemption & { kind: 'continuous_insured' }) | undefined) ?? null;

/** Whether any rule of the policy turns on the years before: a lapse wait or an exemption that counts continuous years. */
export const asksHistory = (c: CompiledPolicy): boolean =>
  c.lapse !== null || continuityRule(c) !== null || c.exemptions.some((e) => e.kind === 'employee_insurance_ended' && e.minContinuousYears !== undefined);

/** The counts the quote is given: the desk's where it typed them, the reading's otherwise. */
export function yearsForQuote(r: HistoryReading, typed: DeskYears): { lapsedYears: number; continuousYears: number } {
  return { lapsedYears: typed.lapsedYears ?? r.lapsedYears, continuousYears: typed.continuousYears ?? r.continuousYears };
}

const typedOnly = (t: DeskYears): DeskYears | null => {
  const out: DeskYears = {};
  if (t.lapsedYears !== undefined) out.lapsedYears = t.lapsedYears;
  if (t.continuousYears !== undefined) out.continuousYears = t.continuousYears;
  return Object.keys(out).length ? out : null;
};

/** The quote with its history told and the warnings the reading calls for. */
export function withHistory(c: CompiledPolicy, q: Quote, r: HistoryReading, typed: DeskYears): Quote {
  const used = yearsForQuote(r, typed);
  const lapseApplied = c.lapse !== null && q.basis.includes(c.lapse.basis);
  const months = lapseApplied ? c.lapse!.baseMonths + (used.lapsedYears - 1) * c.lapse!.extraMonthsPerYear : 0;
  const told = typed.lapsedYears !== undefined || typed.continuousYears !== undefined ? `${r.text}（参保记录推算）` : r.text;
  const parts = [told];
  if (typed.lapsedYears !== undefined) parts.push(`断保年数按经办人填写：${typed.lapsedYears} 年`);
  if (typed.continuousYears !== undefined) parts.push(`连续参保年数按经办人填写：${typed.continuousYears} 年`);
  if (lapseApplied) parts.push(`待遇等待期 ${months} 个月`);
  const warnings = [...q.warnings];
  const earliest = r.years[0]?.year;
  if (c.lapse && typed.lapsedYears === undefined) {
    const before = r.years[r.years.length - 1];
    if (r.unknown)
      warnings.push(
        before?.basis === 'ended'
          ? `${before.year} 年是否参保不明（${before.source}：可能只参保了该年的一部分），未按断保计算。请向参保人核实；曾断保的，填写断保年数。`
          : `${c.coverageYear - 1} 年是否参保不明（未取得该年度本乡镇的全部参保名单，也未标记该年度参保记录齐全），未按断保计算。请向参保人核实；曾断保的，填写断保年数。`,
      );
    else if (r.lapsedAtLeast && earliest !== undefined)
      warnings.push(`${earliest} 年及以前是否参保不明，按已知的断保 ${r.lapsedYears} 年计算；更早的年份如也断保，等待期还要增加。`);
    // A lapse that rests only on a name missing from a list: the person may be insured elsewhere.
    const absent = lapseApplied ? r.years.filter((y) => y.state === 'not_insured' && y.basis === 'absence').map((y) => y.year) : [];
    if (absent.length)
      warnings.push(
        `${absent.join('、')} 年未见参保记录（按该年度全部名单或本所标记，名单中没有此人），按断保计算；此人如在职工医保或县外参保，请核实后在人员信息中登记。`,
      );
  }
  const rule = continuityRule(c);
  if (rule && typed.continuousYears === undefined && (r.unknown || r.continuousAtLeast) && r.continuousYears < rule.minYears) {
    // Only where the exemption would move the start: inside its windows, for a quote that waits.
    const inWindow = !rule.windows || (q.window !== null && rule.windows.includes(q.window));
    if (inWindow && q.eligible && q.benefitStart !== null && q.benefitStart > c.coverageStart)
      warnings.push(
        `连续参保年数无法从参保记录确定（已知 ${r.continuousYears} 年），未按“连续参保 ${rule.minYears} 年以上免等待期”计算；已连续参保的，请填写连续参保年数。`,
      );
  }
  const history: QuoteHistory = {
    text: parts.join('，'),
    lapsedYears: used.lapsedYears,
    continuousYears: used.continuousYears,
    years: r.years,
    typed: typedOnly(typed),
    citation: lapseApplied ? c.lapse!.basis.citation : null,
  };
  return { ...q, warnings, history };
}
