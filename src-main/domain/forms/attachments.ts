// The county's attachments (seed 001's 附件1–5, seed 003's 指导性任务表) as
// docs/forms.md reconstructs them: their words copied exactly, quirks
// included (附件2 and 附件3 head their village rows 乡镇名称; 附件3 carries the county's name).
import { OUT_OF_COUNTY, OUT_OF_SCOPE, TIER_LABELS, type OutOfCounty } from '../codes';
import type { SubsidyTableRow } from '../policy/table';
import { rateBp } from '../progress';
import { int, rate, span, text, yuan, type Form, type FormCell, type FormRow } from './form';

export interface Place {
  county: string;
  township: string;
  coverageYear: number;
}

const FORM = { lines: [], landscape: false, textColumns: [] } satisfies Partial<Form>;

/** Runs of equal keys over consecutive rows: [first, length]. */
function runs<T>(xs: T[], key: (x: T) => string): [number, number][] {
  const out: [number, number][] = [];
  xs.forEach((x, i) => {
    const last = out.at(-1);
    if (last && key(xs[last[0]]!) === key(x)) last[1]++;
    else out.push([i, 1]);
  });
  return out;
}

/** Writes `cell` over `n` rows of column `col` from row `first`, covering the rest. */
function mergeDown(body: FormRow[], first: number, n: number, col: number, cell: FormCell): void {
  body[first]![col] = n > 1 ? { ...cell, rowSpan: n } : cell;
  for (let i = first + 1; i < first + n; i++) body[i]![col] = null;
}

/**
 * 附件1 筹资对照表: the department merged over its rows, each category over its tiers, a
 * category's 资助标准 over both tiers where they are the same (the seed leaves the 二档 blank),
 * and categories of one tier side by side (the four 优抚 groups) sharing one 参保档次 and one
 * 资助标准 cell.
 */
export function fujian1(title: string, rows: SubsidyTableRow[]): Form {
  const body: FormRow[] = rows.map((r) => [text(r.department), text(r.category), text(TIER_LABELS[r.tier]), yuan(r.subsidyFen), yuan(r.personalFen)]);
  for (const [first, n] of runs(rows, (r) => r.department)) mergeDown(body, first, n, 0, text(rows[first]!.department));
  const categories = runs(rows, (r) => `${r.department}|${r.category}`);
  for (const [first, n] of categories) {
    mergeDown(body, first, n, 1, text(rows[first]!.category));
    const amounts = rows.slice(first, first + n);
    if (n > 1 && amounts.every((r) => r.subsidyFen === amounts[0]!.subsidyFen)) mergeDown(body, first, n, 3, yuan(amounts[0]!.subsidyFen));
  }
  // One-row categories next to each other in one department, same tier and amount.
  const single = categories.filter(([, n]) => n === 1).map(([i]) => i);
  // (i - k) stays the same along rows that follow each other.
  const groups = runs(
    single.map((i, k) => ({ i, k, r: rows[i]! })),
    (x) => `${x.r.department}|${x.r.tier}|${x.r.subsidyFen}|${x.i - x.k}`,
  );
  for (const [first, n] of groups) {
    if (n < 2) continue;
    const i = single[first]!;
    mergeDown(body, i, n, 2, text(TIER_LABELS[rows[i]!.tier]));
    mergeDown(body, i, n, 3, yuan(rows[i]!.subsidyFen));
  }
  return {
    ...FORM,
    label: '附件1',
    title,
    widths: [24, 40, 10, 12, 14],
    head: [
      [span('资助部门', 2, 1), span('特殊人员类别', 2, 1), span('参保档次', 2, 1), text('资助标准'), span('自筹金额(元)', 2, 1)],
      [null, null, null, text('金额(元)'), null],
    ],
    body,
  };
}

export interface VillageTarget {
  name: string;
  target: number;
}

/** 附件2 参保目标任务分解表: 乡镇名称 over the village rows, then 合计. */
export function fujian2(p: Place, villages: VillageTarget[]): Form {
  const total = villages.reduce((s, v) => s + v.target, 0);
  return {
    ...FORM,
    label: '附件2',
    title: `${p.township}${p.coverageYear}年度城乡居民基本医疗保险参保目标任务分解表`,
    widths: [30, 28],
    head: [[text('乡镇名称'), text(`${p.coverageYear}年参保目标任务数`)]],
    body: [...villages.map((v) => [text(v.name), int(v.target)]), [text('合计'), int(total)]],
  };
}

/** 瑞州's 指导性任务表 (seed 003): 村居 | 年指导性任务数 | 备注, no 合计. */
export function guidanceTargets(p: Place, villages: VillageTarget[]): Form {
  return {
    ...FORM,
    label: '',
    title: `${p.township}${p.coverageYear}年度城乡居民医保参保指导性任务表`,
    widths: [26, 24, 24],
    head: [[text('村居'), text(`${p.coverageYear}年指导性任务数`), text('备注')]],
    body: villages.map((v) => [text(v.name), int(v.target), text('')]),
  };
}

export interface VillageProgressRow extends VillageTarget {
  enrolled: number;
}

/** 附件3 筹资进度表: titled with the county, each header cell over two rows, 完成率 a rate, 合计. No 排名. */
export function fujian3(p: Place, villages: VillageProgressRow[]): Form {
  const t = villages.reduce((s, v) => s + v.target, 0);
  const e = villages.reduce((s, v) => s + v.enrolled, 0);
  const row = (name: string, target: number, enrolled: number): FormRow => [text(name), int(target), int(enrolled), rate(rateBp(enrolled, target))];
  return {
    ...FORM,
    label: '附件3',
    title: `${p.county}${p.coverageYear}年度城乡居民基本医疗保险筹资进度表`,
    widths: [24, 14, 14, 16],
    head: [
      [span('乡镇名称', 2, 1), span('应参保人数', 2, 1), span('实际参保人数', 2, 1), span('完成率（100%）', 2, 1)],
      [null, null, null, null],
    ],
    body: [...villages.map((v) => row(v.name, v.target, v.enrolled)), row('合计', t, e)],
  };
}

export interface OutOfCountyPerson {
  village: string;
  name: string;
  idNumber: string;
  phone: string;
  kind: OutOfCounty;
  place: string;
}

/** Rows the seed's 附件4 numbers before its "......" line, for the villages to fill. */
export const FUJIAN4_NUMBERED = 14;

/** 附件4 县外参加基本医疗保险情况明细表: 填报单位 and 年 月 日, rows numbered to at least 14, then "......". */
export function fujian4(p: Place, persons: OutOfCountyPerson[]): Form {
  const body: FormRow[] = persons.map((x, i) => [
    int(i + 1),
    text(p.township),
    text(x.village),
    text(x.name),
    text(x.idNumber),
    text(x.phone),
    text(OUT_OF_COUNTY[x.kind]),
    text(x.place, { align: 'left' }),
  ]);
  for (let i = persons.length; i < FUJIAN4_NUMBERED; i++) body.push([int(i + 1), ...Array.from({ length: 7 }, () => text(''))]);
  body.push([text('......'), ...Array.from({ length: 7 }, () => text(''))]);
  return {
    ...FORM,
    label: '附件4',
    title: `${p.township}${p.coverageYear}年度县外参加基本医疗保险情况明细表`,
    lines: [{ left: `填报单位：${p.township}`, right: '年\u3000\u3000月\u3000\u3000日' }],
    widths: [6, 10, 12, 10, 21, 13, 34, 44],
    head: [
      [
        text('序号'),
        text('乡镇'),
        text('村'),
        text('姓名'),
        text('身份证号'),
        text('联系电话'),
        text('县外参保情况（下拉框选择）'),
        text('现参保地（职工医保填写到单位，居民医保填写到街道，大学生填写大学名称）'),
      ],
    ],
    body,
    landscape: true,
    textColumns: [4, 5],
    dropdown: { column: 6, options: Object.values(OUT_OF_COUNTY) },
  };
}

export interface Fujian5Counts {
  name: string;
  population: number;
  notInScope: { empty_registration: number; deceased: number; abroad: number; total: number };
  outOfCounty: Record<OutOfCounty, number> & { total: number };
}

/** 附件5 参加基本医疗保险情况汇总表: thirteen columns under a two-row header; the population is the year before's. */
export function fujian5(p: Place, rows: Fujian5Counts[]): Form {
  const kinds = Object.keys(OUT_OF_COUNTY) as OutOfCounty[];
  const scope = ['empty_registration', 'deceased', 'abroad'] as const;
  return {
    ...FORM,
    label: '附件5',
    title: `${p.township}${p.coverageYear}年度参加基本医疗保险情况汇总表`,
    widths: [14, 10, 7, 7, 7, 7, 14, 12, 14, 12, 7, 7, 7],
    head: [
      [
        span('乡镇', 2, 1),
        span(`${p.coverageYear - 1}年户籍人数`, 2, 1),
        span('不在参保范围内人数', 1, 4),
        null,
        null,
        null,
        span('县外参加基本医疗保险人数', 1, 7),
        ...Array<null>(6).fill(null),
      ],
      [null, null, ...scope.map((k) => text(OUT_OF_SCOPE[k])), text('合计'), ...kinds.map((k) => text(OUT_OF_COUNTY[k])), text('合计')],
    ],
    body: rows.map((r) => [
      text(r.name),
      int(r.population),
      ...scope.map((k) => int(r.notInScope[k])),
      int(r.notInScope.total),
      ...kinds.map((k) => int(r.outOfCounty[k])),
      int(r.outOfCounty.total),
    ]),
    landscape: true,
  };
}
