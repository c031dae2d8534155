import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2024-10-20T02:00:00Z');
});
afterEach(() => t.close());

// Next year's notice for a town, written as an office would: it extends the city's policy.
const NEXT_YEAR = `id: cq-test-town-2024
extends: cq-2024
region: 重庆市测试县测试镇
coverageYear: 2024
sources:
  - number: 测试府发〔2023〕1号
    title: 测试镇关于做好2024年度城乡居民医保参保缴费工作的通知
    date: 2023-10-20
windows:
  centralized:
    from: 2023-10-20
    cite: 测试府发〔2023〕1号 二
    text: 集中参保期为2023年10月20日至2023年12月31日
`;

function write(name: string, text: string): string {
  const file = path.join(t.ctx.dataDir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('importing a policy file', () => {
  it('checks it against the others, keeps it beside the ledger and puts it in force at once', async () => {
    const s = await t.ok('policies.import', { file: write('upload-1', NEXT_YEAR), name: '测试镇2024.yaml' });
    expect(s).toMatchObject({ id: 'cq-test-town-2024', region: '重庆市测试县测试镇', coverageYear: 2024 });
    expect(fs.existsSync(path.join(t.ctx.dataDir, 'policies', 'cq-test-town-2024.yaml'))).toBe(true);
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-test-town-2024' });
    const table = await t.ok('policies.table', { policyId: 'cq-test-town-2024' });
    expect(table.rows.find((r) => r.category === '城乡低保对象' && r.tier === 1)).toMatchObject({ subsidyFen: 34200, personalFen: 3800 });
    // A corrected copy replaces the office's own file.
    await t.ok('policies.import', { file: write('upload-2', NEXT_YEAR.replace('测试县测试镇', '测试县新测试镇')), name: '测试镇2024.yaml' });
    expect((await t.ok('policies.list', {})).find((p) => p.id === 'cq-test-town-2024')?.region).toBe('重庆市测试县新测试镇');
  });

  it.each([
    ['a rule without its citation', NEXT_YEAR.replace('    cite: 测试府发〔2023〕1号 二\n', ''), '测试镇2024.yaml：windows.centralized.cite：缺少出处'],
    ['a broken YAML line', `${NEXT_YEAR}tiers: [\n`, '不是有效的 YAML'],
    ['an id a bundled policy has', NEXT_YEAR.replace('cq-test-town-2024', 'cq-yunyang-nongba-2024'), '政策编号 cq-yunyang-nongba-2024 与'],
    ['an unknown category code', `${NEXT_YEAR}categories:\n  poor_person: { label: 贫困 }\n`, '未知的资助类别代码「poor_person」'],
  ])('refuses %s with a plain message and keeps nothing', async (_, text, message) => {
    const r = await t.call('policies.import', { file: write('upload', text), name: '测试镇2024.yaml' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toContain(message);
    expect(fs.existsSync(path.join(t.ctx.dataDir, 'policies'))).toBe(false);
    expect((await t.ok('policies.list', {})).some((p) => p.id === 'cq-test-town-2024')).toBe(false);
  });

  it('refuses a file that is not a .yaml policy', async () => {
    expect(await t.call('policies.import', { file: write('x.xlsx', 'PK'), name: '花名册.xlsx' })).toMatchObject({
      ok: false,
      error: { message: '「花名册.xlsx」不是政策文件：政策文件是 .yaml 文本文件。' },
    });
  });
});
