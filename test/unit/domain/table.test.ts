import { describe, expect, it } from 'vitest';
import { TIER_LABELS } from '../../../src-main/domain/codes';
import { formatYuan } from '../../../src-main/domain/money';
import { renderSubsidyTable, subsidyTable } from '../../../src-main/domain/policy/table';
import { fixture, policies, policy } from '../../helpers/policies';

type Row = [string, string, string, number, number];

describe('筹资对照表', () => {
  it('reproduces every row of 农坝 附件1 (seed 001), in order', () => {
    const expected = fixture<{ title: string; rows: Row[] }>('policies/nongba-fujian1.yaml');
    const table = subsidyTable(policy('cq-yunyang-nongba-2024'));
    expect(table.title).toBe(expected.title);
    const got = table.rows.map((r) => [r.department, r.category, TIER_LABELS[r.tier], Number(formatYuan(r.subsidyFen)), Number(formatYuan(r.personalFen))]);
    expect(got).toEqual(expected.rows);
  });

  it('prints the merged-cell layout: department and category on their first row only', () => {
    const text = renderSubsidyTable(subsidyTable(policy('cq-yunyang-nongba-2024')));
    const lines = text.split('\n');
    expect(lines[0]).toBe('农坝镇2024年度城乡居民基本医疗保险筹资对照表');
    expect(lines.filter((l) => l.startsWith('民政局'))).toHaveLength(1);
    expect(lines.some((l) => /^\s+城乡低保对象\s+一档\s+342\s+38$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+二档\s+380\s+375$/.test(l))).toBe(true);
  });

  it('gives every policy a table whose rows add up', () => {
    for (const p of policies.values()) {
      const t = subsidyTable(p);
      expect(t.rows.length, p.id).toBeGreaterThan(2);
      for (const r of t.rows) {
        expect(r.personalFen, `${p.id} ${r.category}`).toBeGreaterThanOrEqual(0);
        expect(r.subsidyFen + r.personalFen, `${p.id} ${r.category}`).toBe(p.tiers[String(r.tier) as '1' | '2']!.feeFen);
      }
    }
  });

  it('shows one tier only for 瑞州 and its relabelled categories', () => {
    const t = subsidyTable(policy('jx-gaoan-ruizhou-2024'));
    expect(new Set(t.rows.map((r) => r.tier))).toEqual(new Set([1]));
    expect(t.rows).toContainEqual({ department: '乡村振兴局', category: '脱贫不稳定人口', tier: 1, subsidyFen: 32000, personalFen: 6000 });
  });
});
