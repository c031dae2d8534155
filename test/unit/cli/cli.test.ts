import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/ledger';
import { fixture } from '../../helpers/policies';

const dir = tempDir('canbao-cli-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// The same entry `npm run -s cli` runs, without npm's own start-up in between.
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function input(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('canbao cli', () => {
  it('lists the policies with region and year', () => {
    const r = cli('policies');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cq-yunyang-nongba-2024\t重庆市云阳县农坝镇\t2024');
    expect(r.out.trim().split('\n')).toHaveLength(6);
  });

  it('quotes one person as a JSON object', () => {
    const r = cli('quote', '--input', input('one.json', { paidOn: '2023-11-01', categories: ['min_living'] }), '--policy', 'cq-yunyang-nongba-2024');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ eligible: true, subsidyFen: 34200, personalFen: 3800, department: 'civil_affairs' });
  });

  it('quotes an array in order, each item naming its own policy, and exits 0 when not eligible', () => {
    const r = cli(
      'quote',
      '--input',
      input('many.json', [
        { policy: 'cq-youyang-2025', paidOn: '2024-10-01', categories: ['min_living'] },
        { paidOn: '2024-10-01' },
        { policy: 'jx-gaoan-ruizhou-2024', paidOn: '2023-11-01', student: 'college' },
      ]),
      '--policy',
      'cq-yunyang-nongba-2024',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { policy: string; eligible: boolean; personalFen: number }[];
    expect(out.map((q) => [q.policy, q.eligible, q.personalFen])).toEqual([
      ['cq-youyang-2025', true, 4000],
      ['cq-yunyang-nongba-2024', false, 0],
      ['jx-gaoan-ruizhou-2024', true, 0],
    ]);
  });

  const DEFAULT = ['--policy', 'cq-yunyang-nongba-2024'];
  it.each([
    ['an unknown policy', [{ paidOn: '2023-11-01', policy: 'cq-2099' }], DEFAULT, '第 1 项：政策「cq-2099」不存在'],
    ['a bad date', [{ paidOn: '2023-11-01' }, { paidOn: '2023-11-31' }], DEFAULT, '第 2 项：缴费日期（paidOn）“2023-11-31”不是有效的'],
    ['a bad ID check digit', { paidOn: '2023-11-01', idNumber: '500235202403030024' }, DEFAULT, '校验位不对'],
    ['an unknown code', [{ paidOn: '2023-11-01', categories: ['dibao'] }], DEFAULT, '第 1 项：不认识的人员类别代码「dibao」'],
    ['no policy at all', { paidOn: '2023-11-01' }, [], '没有指定政策'],
  ])('answers %s with the item’s own Chinese error, and exits 0', (_what, value, extra, message) => {
    const r = cli('quote', '--input', input('bad.json', value), ...extra);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { error?: string } | { error?: string }[];
    expect(JSON.stringify(out)).toContain(message);
    expect(r.err).toContain(message);
  });

  it('quotes every item of a batch: a bad item gets its own error, the others their quotes', () => {
    const r = cli(
      'quote',
      '--input',
      input('mixed.json', [
        { paidOn: '2023-11-01', categories: ['min_living'] },
        { paidOn: '2023-11-01', idNumber: '50023520240303002X' },
        { paidOn: '2024-02-30' },
      ]),
      ...DEFAULT,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as ({ eligible: boolean; personalFen: number } & { error?: string })[];
    expect(out[0]).toMatchObject({ eligible: true, personalFen: 3800 });
    expect(out[1]!.error).toContain('第 2 项：身份证号校验位不对');
    expect(out[2]!.error).toContain('第 3 项：缴费日期（paidOn）“2024-02-30”不是有效的');
  });

  it('fails the run when the file cannot be read at all', () => {
    const r = cli('quote', '--input', '/nonexistent/facts.json', ...DEFAULT);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('读不到文件');
  });

  it('refuses a file that is not JSON', () => {
    const r = cli('quote', '--input', input('bad.txt', '{ paidOn: 2023 '), '--policy', 'cq-yunyang-nongba-2024');
    expect(r.code).toBe(1);
    expect(r.err).toContain('不是有效的 JSON');
  });

  it('prints 农坝 附件1 with every row of the seed', () => {
    const r = cli('table', '--policy', 'cq-yunyang-nongba-2024');
    expect(r.code).toBe(0);
    const expected = fixture<{ title: string; rows: [string, string, string, number, number][] }>('policies/nongba-fujian1.yaml');
    expect(r.out.split('\n')[0]).toBe(expected.title);
    const body = r.out.split('\n').slice(4).filter(Boolean);
    expect(body).toHaveLength(expected.rows.length);
    body.forEach((line, i) => {
      const [, , tier, subsidy, personal] = expected.rows[i]!;
      expect(line.trim().split(/\s+/).slice(-3)).toEqual([tier, String(subsidy), String(personal)]);
    });
  });

  it('explains its usage when called wrongly', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法');
  });
});
