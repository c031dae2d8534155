// Two notices side by side (issue 17): only what changed, each line with both clauses.
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../../src-main/domain/policy/compare';
import { policies } from '../../helpers/policies';

const get = (id: string) => policies.get(id)!;

describe('酉阳 2024 → 酉阳 2025', () => {
  const changes = comparePolicies(get('cq-youyang-2024'), get('cq-youyang-2025'));
  const line = (item: string) => changes.find((c) => c.item === item);

  it.each([
    ['一档个人缴费标准', '缴费标准', '380 元', '400 元', '酉阳医保发〔2023〕52号 二(一)', '酉阳医保发〔2024〕37号 二(一)'],
    ['二档个人缴费标准', '缴费标准', '755 元', '775 元', '酉阳医保发〔2023〕52号 二(一)', '酉阳医保发〔2024〕37号 二(一)'],
    [
      '城乡低保对象（民政局）一档',
      '资助标准',
      '342 元（个人缴 38 元）',
      '360 元（个人缴 40 元）',
      '酉阳医保发〔2023〕52号 二(二)',
      '酉阳医保发〔2024〕37号 二(二)',
    ],
    [
      '在乡老复员军人（退役军人事务局）二档',
      '资助标准',
      '755 元（二档全额资助）',
      '775 元（二档全额资助）',
      '酉阳医保发〔2023〕52号 二(二)',
      '酉阳医保发〔2024〕37号 二(二)',
    ],
    ['断保人员待遇等待期', '等待期', '未规定', '3 个月，每多断保 1 年加 1 个月', null, '酉阳医保发〔2024〕37号 三(二)'],
    [
      '免等待期：上年出生的新生儿 90 日内',
      '等待期',
      '未规定',
      expect.stringContaining('新生儿'),
      null,
      '酉阳医保发〔2024〕37号 三(二)；酉阳医保发〔2023〕52号 三',
    ],
    [
      '集中参保期',
      '缴费时段',
      '2023-10-01 至 2023-12-31，参保年度1月1日起享受待遇',
      '2024-09-13 至 2024-12-31，参保年度1月1日起享受待遇',
      '酉阳医保发〔2023〕52号 一',
      '酉阳医保发〔2024〕37号 一',
    ],
    ['3月1日以后', '缴费时段', '未规定', '2025-03-01 至 2025-12-31，等待期 3 个月', null, '酉阳医保发〔2024〕37号 三(二)'],
    [
      '大病保险起付线',
      '待遇',
      expect.stringMatching(/^17833 元/),
      expect.stringMatching(/^18797 元/),
      '酉阳医保发〔2023〕52号 三',
      '酉阳医保发〔2024〕37号 三(四)',
    ],
  ])('%s (%s): %s → %s', (item, topic, before, after, citeBefore, citeAfter) => {
    expect(line(item)).toEqual({ topic, item, before, after, citeBefore, citeAfter });
  });

  it('leaves out what did not change: 1–2 月 is the same rule a year on, though 2024 ended on 02-29', () => {
    expect(line('1月1日至2月28日')).toBeUndefined();
    expect(changes.filter((c) => c.topic === '缴费时段').map((c) => c.item)).toEqual(['集中参保期', '3月1日以后', '3月1日至6月30日', '7月1日至9月30日']);
  });
});

describe('any policy against itself', () => {
  it.each([...policies.values()].filter((p) => !p.abstract).map((p) => [p.id, p] as const))('%s: no changes', (_id, p) => {
    expect(comparePolicies(p, p)).toEqual([]);
  });

  it('and reversed, every line swaps sides', () => {
    const ab = comparePolicies(get('cq-youyang-2024'), get('cq-youyang-2025'));
    const ba = comparePolicies(get('cq-youyang-2025'), get('cq-youyang-2024'));
    const key = (c: (typeof ab)[number]) => `${c.topic}|${c.item}`;
    expect(new Map(ba.map((c) => [key(c), [c.after, c.before]]))).toEqual(new Map(ab.map((c) => [key(c), [c.before, c.after]])));
  });
});
