// The subsidy comparison table (筹资对照表, 农坝 附件1): for each department and category,
// each tier's subsidy and what the person pays, at the standard (centralized) fee.
import { TIER_LABELS, type Tier } from '../codes';
import { formatYuan } from '../money';
import { compilePolicy } from './compile';
import type { Policy } from './schema';

export interface SubsidyTableRow {
  department: string;
  category: string;
  tier: Tier;
  subsidyFen: number;
  personalFen: number;
}

export interface SubsidyTable {
  title: string;
  rows: SubsidyTableRow[];
}

export const TABLE_HEADERS = ['资助部门', '特殊人员类别', '参保档次', '资助金额(元)', '个人自付(元)'] as const;

export function subsidyTable(policy: Policy): SubsidyTable {
  const c = compilePolicy(policy);
  const labels = policy.table ?? { selfFundedDepartment: '居民自筹', ordinaryLabel: '普通人员' };
  const rows: SubsidyTableRow[] = [];
  for (const t of c.tiers) {
    rows.push({ department: labels.selfFundedDepartment, category: labels.ordinaryLabel, tier: t, subsidyFen: 0, personalFen: c.tierFeeFen[t]! });
  }
  for (const code of inTableOrder(c)) {
    const cat = c.categories.get(code)!;
    const tiers: Tier[] = cat.fullTier2 ? [2] : c.tiers;
    for (const t of tiers) {
      const subsidyFen = cat.amountFen[t]!;
      rows.push({ department: cat.departmentLabel, category: cat.label, tier: t, subsidyFen, personalFen: c.tierFeeFen[t]! - subsidyFen });
    }
  }
  return { title: labels.title ?? `${policy.region}${policy.coverageYear}年度城乡居民基本医疗保险筹资对照表`, rows };
}

/** The policy's categories in 附件1's order: by department in order of first appearance, then as listed. */
export const categoryOrder = (policy: Policy): string[] => inTableOrder(compilePolicy(policy));

/** Grouped by department in order of first appearance, as the notices print them. */
function inTableOrder(c: ReturnType<typeof compilePolicy>) {
  const departments = [...new Set([...c.categories.values()].map((cat) => cat.department))];
  return departments.flatMap((d) => [...c.categories].filter(([, cat]) => cat.department === d).map(([code]) => code));
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

/** As printed: a department or category is named on its first row only (merged cells). */
export function renderSubsidyTable(table: SubsidyTable): string {
  const cells = table.rows.map((r, i) => {
    const prev = table.rows[i - 1];
    const newDept = !prev || prev.department !== r.department;
    const newCat = newDept || prev!.category !== r.category;
    return [newDept ? r.department : '', newCat ? r.category : '', TIER_LABELS[r.tier], formatYuan(r.subsidyFen), formatYuan(r.personalFen)];
  });
  const all = [[...TABLE_HEADERS], ...cells];
  const widths = TABLE_HEADERS.map((_, col) => Math.max(...all.map((row) => width(row[col]!))));
  const line = (row: string[]) =>
    row
      .map((c, col) => pad(c, widths[col]!))
      .join('  ')
      .trimEnd();
  return [table.title, '', line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}
