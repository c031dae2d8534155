import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../../src-main/excel/table';
import { dispatch, handlers } from '../../../src-main/api/index';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv, writeXlsx } from '../../helpers/files';
import { idFor } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-import-');
  await t.ok('villages.add', { code: '001', name: '幸福村' });
  await t.ok('villages.add', { code: '002', name: '农坝社区' });
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const junk = (n: number) => Array.from({ length: n }, (_, i) => `备用${i + 1}`);
const HEADERS = ['序号', '村（居）', '户号', '姓名', '与户主关系', '公民身份号码', '联系电话', ...junk(20)];
const row = (i: number, village: string, household: string, name: string, relation: string, id: string | number, phone = '') => [
  i,
  village,
  household,
  name,
  relation,
  id,
  phone,
  ...junk(20).map(() => 'x'),
];

async function rosterFile(): Promise<string> {
  const good = idFor('1960-05-01', 11);
  return writeXlsx(path.join(dir, '花名册.xlsx'), {
    title: '农坝镇2024年户籍人口花名册',
    headers: HEADERS,
    rows: [
      row(1, '幸福村', '0001', '张三', '户主', good, '13812345678'),
      row(2, '幸福', '0001', '李梅', '配偶', idFor('1962-08-08', 22)),
      row(3, '农坝社区', '0002', '王五', '户主', idFor('1970-01-01', 33)),
      row(4, '幸福村', '0003', '错校验', '户主', good.slice(0, 17) + (good[17] === '0' ? '1' : '0')),
      row(5, '幸福村', '0003', '数字号', '户主', '500235196005010000'),
      row(6, '幸福村', '0001', '张三', '户主', good),
      row(7, '红旗村', '0009', '外村人', '户主', idFor('1980-01-01', 44)),
    ],
  });
}

describe('roster import', () => {
  it('finds the header under the title, maps the columns, and reports every bad row', async () => {
    const p = await t.ok('import.preview', { kind: 'roster', file: await rosterFile() });
    expect(p.rows).toBe(7);
    expect(p.mapping).toMatchObject({ village: 1, householdNumber: 2, name: 3, relation: 4, idNumber: 5, phone: 6 });
    expect(p.counts).toEqual({ add: 3, update: 0, unchanged: 0, leaving: 0, problems: 4 });
    expect(p.problems.map((x) => [x.row, x.field])).toEqual([
      [6, 'idNumber'],
      [7, 'idNumber'],
      [8, 'idNumber'],
      [9, 'village'],
    ]);
    expect(p.problems[0]!.message).toContain('校验位');
    expect(p.problems[1]!.message).toContain('存成了数字');
    expect(p.problems[2]!.message).toContain('与第 3 行重复');
    expect(p.problems[3]!.message).toContain('“红旗村”不在');
  });

  it('writes a report .xlsx with the original columns and the problem next to them', async () => {
    const p = await t.ok('import.preview', { kind: 'roster', file: await rosterFile() });
    const { file: report, rows: problemRows } = await t.ok('import.report', { token: p.token });
    expect(problemRows).toBe(4);
    expect(path.dirname(report)).toBe(path.join(t.ctx.dataDir, 'reports'));
    const rows: string[][] = [];
    await readTable(report, (c) => rows.push(c));
    expect(rows[0]!.slice(0, 3)).toEqual(['行号', '序号', '村（居）']);
    expect(rows[0]!.at(-1)).toBe('问题说明');
    expect(rows[2]).toContain('500235196005010000');
    expect(rows[2]!.at(-1)).toContain('存成了数字');
  });

  it('commits the good rows in one batch, updates on re-import, and undoes a whole batch', async () => {
    const file = await rosterFile();
    const p = await t.ok('import.preview', { kind: 'roster', file });
    const batch = await t.ok('import.commit', { token: p.token });
    expect(batch.counts).toEqual({ rows: 7, add: 3, update: 0, households: 2, unchanged: 0, leaving: 0, problems: 4 });
    // A second click (or a retry after a lost answer) is told it landed, and writes nothing twice.
    expect(await t.call('import.commit', { token: p.token })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `这次导入已经写入台账（第 ${batch.id} 批，「${batch.fileName}」），没有再写一次。` },
    });
    const found = await t.ok('roster.search', { q: '张三' });
    expect(found[0]).toMatchObject({ villageName: '幸福村', householdNumber: '0001', phone: '13812345678' });
    const h = await t.ok('roster.getHousehold', { id: found[0]!.householdId });
    expect(h.household.headName).toBe('张三');
    expect(h.members.map((m) => m.name)).toEqual(['张三', '李梅']);

    const again = await t.ok('import.preview', { kind: 'roster', file });
    expect(again.counts).toMatchObject({ add: 0, unchanged: 3 });

    await t.ok('import.undo', { batchId: batch.id });
    expect(await t.ok('roster.search', { q: '张三' })).toEqual([]);
    expect((await t.ok('import.batches', {}))[0]!.undoneAt).not.toBeNull();
    expect(await t.call('import.undo', { batchId: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps one dry run of a roster: a new one replaces the one before, staging file and all', async () => {
    const file = await rosterFile();
    const staged = () => fs.readdirSync(path.join(t.ctx.dataDir, 'imports'));
    const first = await t.ok('import.preview', { kind: 'roster', file });
    expect(staged()).toEqual([`${first.token}.sqlite`]);
    const second = await t.ok('import.preview', { kind: 'roster', file });
    expect(staged()).toEqual([`${second.token}.sqlite`]);
    expect(await t.call('import.commit', { token: first.token })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await t.ok('import.commit', { token: second.token });
    expect(staged()).toEqual([]);
  });

  it('keeps a few dry runs of a kind across windows, and tells the window whose dry run gave way', async () => {
    const file = await rosterFile();
    const tokens: string[] = [];
    for (let w = 1; w <= 5; w++) {
      const r = await dispatch(handlers, t.ctx, 'import.preview', { kind: 'roster', file }, `window:${w}`);
      tokens.push((r as { value: { token: string } }).value.token);
    }
    const first = await dispatch(handlers, t.ctx, 'import.commit', { token: tokens[0] }, 'window:1');
    expect(first).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!first.ok) expect(first.error.message).toContain('同时最多保留 4 次');
    expect(await dispatch(handlers, t.ctx, 'import.commit', { token: tokens[4] }, 'window:5')).toMatchObject({ ok: true });
  });

  it('runs the same on this thread when no worker is configured', async () => {
    t.ctx.importWorker = undefined;
    const file = await rosterFile();
    const p = await t.ok('import.preview', { kind: 'roster', file });
    expect(p.counts).toMatchObject({ add: 3, problems: 4 });
    expect((await t.ok('import.commit', { token: p.token })).counts).toMatchObject({ add: 3, households: 2 });
  });

  it('refuses to commit a dry run that the desk has overtaken, and writes nothing', async () => {
    const p = await t.ok('import.preview', { kind: 'roster', file: await rosterFile() });
    const village = (await t.ok('villages.list', {})).find((v) => v.name === '农坝社区')!;
    const h = await t.ok('roster.addHousehold', { villageId: village.id, number: '0002' });
    await t.ok('roster.addPerson', { idNumber: idFor('1970-01-01', 33), name: '王五', householdId: h.id });
    const r = await t.call('import.commit', { token: p.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('请重新试导入') } });
    expect(t.ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1);
    expect(t.ctx.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('will not undo a batch whose persons were enrolled since', async () => {
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const p = await t.ok('import.preview', { kind: 'roster', file: await rosterFile() });
    const batch = await t.ok('import.commit', { token: p.token });
    const [zs] = await t.ok('roster.search', { q: '王五' });
    await t.ok('enroll.person', { personId: zs!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    const r = await t.call('import.undo', { batchId: batch.id });
    expect(r).toMatchObject({ ok: false, error: { field: 'keepLater' } });
    if (!r.ok) expect(r.error.message).toMatch(/其中 1 人又被改过[\s\S]*· 王五（身份证号 [\d…X]+）已由.+登记 2024 年度参保（收据号 \d+）/);
    expect(await t.ok('roster.search', { q: '张三' })).toHaveLength(1);
    // The clerk chooses to undo the rest: 王五, who paid, stays with his household; the others go.
    const done = await t.ok('import.undo', { batchId: batch.id, keepLater: true });
    expect(done.keptLater).toEqual([expect.stringMatching(/^王五/)]);
    expect(await t.ok('roster.search', { q: '张三' })).toHaveLength(0);
    expect((await t.ok('roster.getPerson', { id: zs!.id })).person.name).toBe('王五');
  });

  it('flags a name that differs from the ledger for the same ID', async () => {
    const p = await t.ok('import.preview', { kind: 'roster', file: await rosterFile() });
    await t.ok('import.commit', { token: p.token });
    const file = writeCsv(
      path.join(dir, 'again.csv'),
      [
        ['姓名', '身份证号码', '村', '户号'],
        ['张叁', idFor('1960-05-01', 11), '幸福村', '0001'],
      ],
      'gb18030',
    );
    const q = await t.ok('import.preview', { kind: 'roster', file });
    expect(q.problems[0]!.message).toContain('台账中此身份证号登记的姓名是「张三」');
  });

  it('remembers the clerk’s column mapping for the next file of the same layout, as a suggestion the header words can overrule', async () => {
    const file = writeCsv(path.join(dir, 'odd.csv'), [
      ['名字', '证件号', '所在村', '户号', '备注'],
      ['赵六', idFor('1990-01-01', 55), '幸福村', '0100', ''],
    ]);
    const first = await t.ok('import.preview', { kind: 'roster', file });
    expect(first.mapping).toMatchObject({ name: 0, idNumber: 1, village: 2, householdNumber: 3 });
    // The clerk says the household number is in 备注 for this department's files.
    const corrected = await t.ok('import.preview', { kind: 'roster', file, mapping: { name: 0, idNumber: 1, village: 2, householdNumber: 4 } });
    expect(corrected.counts.problems).toBe(1);
    const file2 = writeCsv(path.join(dir, 'odd2.csv'), [
      ['名字', '证件号', '所在村', '户号', '备注'],
      ['孙七', idFor('1991-01-01', 57), '幸福村', 'x', '0200'],
    ]);
    const withRow = await t.ok('import.preview', { kind: 'roster', file: file2, mapping: { name: 0, idNumber: 1, village: 2, householdNumber: 4 } });
    await t.ok('import.commit', { token: withRow.token });
    // Saved, but 户号 heads another column than the one the clerk chose: the header words win,
    // and the dry run says what was set aside (issue 24: a remembered layout is a suggestion).
    const next = await t.ok('import.preview', { kind: 'roster', file: file2 });
    expect(next.mapping.householdNumber).toBe(3);
    expect(next.mappingSource).toBe('header');
    expect(next.layoutDisagreements.map((d) => d.message)).toEqual(['“户号”：上次保存的是 E 列“备注”，表头文字说是 D 列“户号”']);
    // Where the clerk's columns agree with the words (备注 is no field's word), they are used as saved.
    const file3 = writeCsv(path.join(dir, 'odd3.csv'), [
      ['名字', '证件号', '所在村', '编号', '备注'],
      ['周八', idFor('1992-01-01', 59), '幸福村', 'x', '0300'],
    ]);
    const saved = await t.ok('import.preview', { kind: 'roster', file: file3, mapping: { name: 0, idNumber: 1, village: 2, householdNumber: 4 } });
    await t.ok('import.commit', { token: saved.token });
    const again = await t.ok('import.preview', { kind: 'roster', file: file3 });
    expect(again).toMatchObject({ mappingSource: 'remembered', mapping: { householdNumber: 4 } });
  }, 60_000);

  it('refuses files it cannot read, in Chinese, and imports nothing', async () => {
    const xls = path.join(dir, 'a.xls');
    fs.writeFileSync(xls, 'x');
    expect(await t.call('import.preview', { kind: 'roster', file: xls })).toMatchObject({ ok: false, error: { field: 'file' } });
    const noHeader = writeCsv(path.join(dir, 'nohead.csv'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    const r = await t.call('import.preview', { kind: 'roster', file: noHeader });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('找不到表头行');
  });

  it.runIf(hasSoffice)(
    'imports an .xlsx written by LibreOffice, IDs stored as numbers reported as lost',
    async () => {
      const csv = writeCsv(path.join(dir, 'lo.csv'), [
        ['姓名', '身份证号', '村', '户号'],
        ['周八', idFor('1975-03-03', 61), '幸福村', '0300'],
        ['吴九', idFor('1976-04-04', 63), '幸福村', '0300'],
      ]);
      // Opened without marking the ID column as text: LibreOffice stores the numbers.
      const xlsx = soffice(csv, 'xlsx', dir, 'CSV:44,34,76,1');
      const p = await t.ok('import.preview', { kind: 'roster', file: xlsx });
      expect(p.counts.problems).toBe(2);
      expect(p.problems.every((x) => x.field === 'idNumber')).toBe(true);
    },
    180_000,
  );
});
