import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyError } from '../../../src-main/domain/policy/resolve';
import { loadPolicies } from '../../../src-main/policies/load';
import { tempDir } from '../../helpers/ledger';
import { POLICY_DIR, policies } from '../../helpers/policies';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The shipped files plus one more (or one replaced), in a fresh folder. */
function withFile(name: string, text: string): string {
  const dir = tempDir('canbao-policies-');
  dirs.push(dir);
  for (const f of fs.readdirSync(POLICY_DIR)) fs.copyFileSync(path.join(POLICY_DIR, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const CHILD = (body: string) => `id: test-town-2024
extends: cq-2024
region: 测试镇
coverageYear: 2024
sources: [{ number: 测试发〔2023〕1号, title: 测试通知, date: 2023-10-01 }]
windows:
  centralized: { from: 2023-10-01, cite: 测试发〔2023〕1号 一, text: 集中参保期 }
${body}`;

function refusal(dir: string): PolicyError {
  try {
    loadPolicies(dir);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('the policy was accepted');
}

describe('loading policy files', () => {
  it('loads the six shipped policies with their ids, regions and years', () => {
    expect([...policies.keys()].sort()).toEqual([
      'cq-2024',
      'cq-fengdu-lizi-2024',
      'cq-youyang-2024',
      'cq-youyang-2025',
      'cq-yunyang-nongba-2024',
      'jx-gaoan-ruizhou-2024',
    ]);
    expect(policies.get('cq-youyang-2025')!.coverageYear).toBe(2025);
  });

  it('resolves extends: the child overrides, the base fills the gaps, abstract is not inherited', () => {
    const lizi = policies.get('cq-fengdu-lizi-2024')!;
    expect(lizi.abstract).toBeUndefined();
    expect(lizi.windows.centralized!.from).toBe('2023-10-11');
    expect(lizi.windows.centralized!.to).toBe('2023-12-31');
    expect(lizi.windows.mar_jun!.cite).toBe('农坝府发〔2023〕42号 二(2)');
    expect(lizi.categories.severe_disability!.department).toBe('civil_affairs');
    expect(lizi.categories.fp_reward!.amounts!['1']).toEqual({ fen: 30400 });
    const youyang = policies.get('cq-youyang-2024')!;
    expect(youyang.categories.min_living!.amounts!['1']).toEqual({ percentOfTier1: 90 });
  });

  it('accepts a well-formed county file extending the base', () => {
    const loaded = loadPolicies(withFile('test-town-2024.yaml', CHILD('')));
    expect(loaded.get('test-town-2024')!.windows.centralized!.from).toBe('2023-10-01');
  });

  it.each([
    [
      'an unknown category code',
      CHILD('categories:\n  poor_people: { department: civil_affairs, amounts: { "1": { fen: 100 }, "2": { fen: 100 } }, cite: 一, text: 二 }'),
      'categories.poor_people',
      '未知的资助类别代码「poor_people」',
    ],
    [
      'an unknown department code',
      CHILD('categories:\n  min_living: { department: police, cite: 一, text: 二 }'),
      'categories.min_living.department',
      '未知的资助认定部门代码「police」',
    ],
    [
      'overlapping windows',
      CHILD('  extra: { label: 加开时段, from: 2024-02-01, to: 2024-03-15, fee: standard, benefit: { start: next_month }, cite: 一, text: 二 }'),
      'windows.',
      '重叠',
    ],
    [
      'an amount that is not an integer of fen',
      CHILD('categories:\n  min_living: { amounts: { "1": { fen: 342.5 }, "2": { fen: 38000 } }, cite: 一, text: 二 }'),
      'categories.min_living.amounts.1',
      '以分为单位的整数',
    ],
    [
      'a subsidy above the fee',
      CHILD('categories:\n  min_living: { amounts: { "1": { fen: 38100 }, "2": { fen: 38000 } }, cite: 一, text: 二 }'),
      'categories.min_living.amounts.1',
      '超过该档个人缴费标准',
    ],
    [
      'a changed rule without its own citation',
      CHILD('categories:\n  min_living: { amounts: { "1": { fen: 30000 }, "2": { fen: 38000 } } }'),
      'categories.min_living.cite',
      '缺少出处',
    ],
    ['a window ending after the coverage year', CHILD('  jul_sep: { to: 2025-01-31, cite: 一, text: 二 }'), 'windows.jul_sep.to', '超出了 2024 参保年度'],
    ['an unknown parent', CHILD('').replace('extends: cq-2024', 'extends: cq-2023'), 'extends', '不存在'],
    ['a window without a start date', CHILD('').replace('from: 2023-10-01, ', ''), 'windows.centralized.from', '缺少起始日期'],
  ])('refuses %s, naming the file and the field, in Chinese', (_what, text, field, problem) => {
    const e = refusal(withFile('test-town-2024.yaml', text));
    expect(e.file).toBe('test-town-2024.yaml');
    expect(e.field).toContain(field);
    expect(e.problem).toContain(problem);
    expect(e.message).toBe(`${e.file}：${e.field}：${e.problem}`);
  });

  it('answers an unknown code with the codes that may be written there, naming no file of ours', () => {
    const key = refusal(withFile('test-town-2024.yaml', CHILD('categories:\n  poor_people: { cite: 一, text: 二 }'))).problem;
    expect(key).toContain('可用的代码：destitute（特困人员）、orphan（城乡孤儿）');
    const value = refusal(withFile('test-town-2024.yaml', CHILD('categories:\n  min_living: { department: police, cite: 一, text: 二 }'))).problem;
    expect(value).toContain('可用的代码：civil_affairs（民政局）、veterans（退役军人事务局）');
    for (const problem of [key, value]) expect(problem).not.toMatch(/\.(md|ts)\b/);
  });

  it('refuses a file whose id is not its name, and YAML that does not parse', () => {
    expect(refusal(withFile('other-name.yaml', CHILD(''))).problem).toContain('与文件名不一致');
    const bad = refusal(withFile('test-town-2024.yaml', 'id: [unclosed'));
    expect(bad.problem).toContain('不是有效的 YAML');
  });
});
