import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quote } from '../../../src-main/domain/policy/quote';
import { fixture, policy } from '../../helpers/policies';

interface Case {
  name: string;
  facts: Record<string, unknown>;
  expect: Record<string, unknown>;
  warning?: string;
  noWarning?: string;
  reason?: string;
  citation?: string;
  comparison?: string[];
}

const files = fs.readdirSync(path.resolve('test/fixtures/quotes')).filter((f) => f.endsWith('.yaml'));

describe.each(files)('%s', (file) => {
  const { policy: id, cases } = fixture<{ policy: string; cases: Case[] }>(`quotes/${file}`);

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const q = quote(policy(id), c.facts);
    expect(q).toMatchObject(c.expect);
    expect(q.policy).toBe(id);
    if (c.warning) expect(q.warnings.join('\n')).toContain(c.warning);
    if (c.noWarning) expect(q.warnings.join('\n')).not.toContain(c.noWarning);
    if (c.reason) expect(q.reason).toContain(c.reason);
    if (c.citation) expect(q.basis.map((b) => b.citation)).toContain(c.citation);
    if (c.comparison) expect(q.comparison.map((x) => x.category)).toEqual(c.comparison);
    // Invariants every case must keep.
    expect(q.subsidyFen + q.personalFen).toBe(q.feeFen);
    if (q.eligible) {
      expect(q.reason).toBeNull();
      expect(q.basis.length).toBeGreaterThan(0);
    } else {
      expect(q.reason).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the basis of a quote', () => {
  it('cites the notice clause for each step and marks rulings as rulings', () => {
    const q = quote(policy('cq-youyang-2024'), { paidOn: '2024-04-10', categories: ['low_income_rural', 'min_living'] });
    const cites = q.basis.map((b) => b.citation);
    expect(cites).toContain('酉阳医保发〔2023〕52号 四'); // scope
    // The window, where 酉阳 is silent: the city's rule, named by 农坝 only as where its words are quoted from.
    expect(cites).toContain('渝医保发〔2023〕24号（文字引自农坝府发〔2023〕42号 二(2)）');
    expect(cites.some((c) => c.startsWith('农坝府发'))).toBe(false);
    expect(cites).toContain('酉阳医保发〔2023〕52号 二(二)'); // the subsidy
    const exemption = q.basis.find((b) => b.citation === '酉阳医保发〔2023〕52号 三')!;
    expect(exemption.ruling).toBe(true);
    expect(exemption.note).toContain('次日');
    expect(q.basis.filter((b) => !b.ruling).every((b) => b.note === undefined)).toBe(true);
  });

  it('adds the 就高 clause only when several subsidies competed', () => {
    const one = quote(policy('cq-fengdu-lizi-2024'), { paidOn: '2023-11-01', categories: ['min_living'] });
    const two = quote(policy('cq-fengdu-lizi-2024'), { paidOn: '2023-11-01', categories: ['min_living', 'destitute'] });
    const highest = '栗子府发〔2023〕87号 二(四)3';
    expect(one.basis.some((b) => b.citation === highest && b.text.includes('就高'))).toBe(false);
    expect(two.basis.some((b) => b.citation === highest && b.text.includes('就高'))).toBe(true);
  });
});

describe('malformed facts are refused, not quoted', () => {
  const p = policy('cq-yunyang-nongba-2024');
  it.each([
    [{}, '缴费日期'],
    [{ paidOn: '2024-02-30' }, '不是有效的'],
    [{ paidOn: '2023-11-01', idNumber: '50023520240303002X' }, '校验位'],
    [{ paidOn: '2023-11-01', idNumber: 500235202403030020 }, '不能是数字'],
    [{ paidOn: '2023-11-01', idNumber: '500235202403030023', birthDate: '2024-03-04' }, '不一致'],
    [{ paidOn: '2023-11-01', categories: ['poor'] }, '不认识的人员类别代码「poor」'],
    [{ paidOn: '2023-11-01', tier: 3 }, '档次'],
    [{ paidOn: '2023-11-01', residence: 'mars' }, '参保范围'],
    [{ paidOn: '2023-11-01', lapsedYears: -1 }, '断保年数'],
    [{ paidOn: '2023-11-01', colour: 'red' }, '不认识的字段'],
  ])('%j', (facts, message) => {
    expect(() => quote(p, facts)).toThrow(message);
  });

  it('answers an unknown category with the codes there are, naming no file', () => {
    const message = (() => {
      try {
        quote(p, { paidOn: '2023-11-01', categories: ['dibao'] });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/可用的代码：.*min_living（城乡低保对象）.*clergy（宗教教职人员）/);
    expect(message).not.toMatch(/\.(md|ts)\b/);
  });

  it('refuses to quote the abstract municipal base', () => {
    expect(() => quote(policy('cq-2024'), { paidOn: '2023-11-01' })).toThrow(/基础政策/);
  });
});
