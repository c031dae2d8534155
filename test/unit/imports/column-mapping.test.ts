// A layout the program does not know: the clerk sees the first rows, points at the header row
// and the columns, and the dry run takes them; the next file of that layout reads itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeEach(() => {
  t = openTestLedger('2023-11-22T02:00:00Z');
  dir = tempDir('canbao-columns-');
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('columns the clerk maps before the dry run', () => {
  it('a department list with headers of its own: refused at first, then read as the clerk maps it, then by itself', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '甲', birth: '1950-01-01' },
      { name: '乙', birth: '1951-01-01' },
    ]);
    const rows = (a: string, b: string) => [
      ['某某街道2023年11月救助花名册', '', ''],
      ['编号', '救助对象', '公民号', '救助种类'].slice(1),
      [a, persons[0]!.idNumber, '城乡低保'],
      [b, persons[1]!.idNumber, '特困供养'],
    ];
    const file = writeCsv(path.join(dir, '救助花名册.csv'), rows('甲', '乙'));
    const refused = await t.call('import.preview', { kind: 'categories', file, options: { department: 'civil_affairs', validFrom: '2023-11-01' } });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('找不到表头行') } });

    // The picker starts on the header row under the title, told by its shape: no word of it is known.
    const cols = await t.ok('import.columns', { kind: 'categories', file });
    expect(cols.headerRow).toBe(2);
    expect(cols.mapping).toEqual({});
    expect(cols.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(cols.rows[1]!.cells).toEqual(['救助对象', '公民号', '救助种类']);
    expect(cols.fields[0]).toEqual({ key: 'idNumber', required: true });
    expect(cols.fields.map((f) => f.key)).toContain('category');

    const p = await t.ok('import.preview', {
      kind: 'categories',
      file,
      headerRow: 2,
      mapping: { name: 0, idNumber: 1, category: 2 },
      options: { department: 'civil_affairs', validFrom: '2023-11-01' },
    });
    expect(p.counts).toMatchObject({ certify: 2, problems: 0 });
    await t.ok('import.commit', { token: p.token });

    // Next month's list in the same layout: no mapping, no header row named.
    const next = writeCsv(path.join(dir, '救助花名册12月.csv'), rows('甲', '乙'));
    const again = await t.ok('import.columns', { kind: 'categories', file: next });
    expect(again.headerRow).toBe(2);
    expect(again.mapping).toEqual({ name: 0, idNumber: 1, category: 2 });
    const p2 = await t.ok('import.preview', { kind: 'categories', file: next, options: { department: 'civil_affairs', validFrom: '2023-12-01' } });
    expect(p2.counts).toMatchObject({ certify: 0, unchanged: 2, problems: 0 });
  });

  it('says so when the header row named is not among the first rows', async () => {
    await seedHousehold(t, [{ name: '甲', birth: '1950-01-01' }]);
    const file = writeCsv(path.join(dir, 'x.csv'), [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(
      await t.call('import.preview', { kind: 'categories', file, headerRow: 40, mapping: { idNumber: 0 }, options: { department: 'civil_affairs' } }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('第 40 行不在文件开头') },
    });
  });

  it('village targets under headers the program does not know, mapped once', async () => {
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    await t.ok('villages.add', { code: '002', name: '团结村' });
    const rows = [
      ['单位', '指标'],
      ['幸福村', '100'],
      ['团结村', '200'],
      ['合计', '300'],
    ];
    const file = writeCsv(path.join(dir, '指标.csv'), rows);
    expect(await t.call('targets.import', { coverageYear: 2024, file })).toMatchObject({ ok: false });
    const cols = await t.ok('import.columns', { kind: 'targets', file: writeCsv(path.join(dir, '指标-看.csv'), rows) });
    expect(cols.fields.map((f) => f.key)).toEqual(['village', 'target']);
    const first = writeCsv(path.join(dir, '指标-1.csv'), rows);
    expect(await t.ok('targets.import', { coverageYear: 2024, file: first, headerRow: 1, mapping: { village: 0, target: 1 } })).toEqual({
      villages: 2,
      total: 300,
    });
    const second = writeCsv(path.join(dir, '指标-2.csv'), rows);
    expect(await t.ok('targets.import', { coverageYear: 2025, file: second })).toEqual({ villages: 2, total: 300 });
  });
});

describe('what the clerk maps is held to the file', () => {
  it('refuses one column for two fields, and a column the file does not have', async () => {
    const { persons } = await seedHousehold(t, [{ name: '甲', birth: '1950-01-01' }]);
    const file = writeCsv(path.join(dir, 'l.csv'), [
      ['对象', '号码', '种类'],
      ['甲', persons[0]!.idNumber, '低保'],
    ]);
    const base = { kind: 'categories' as const, file, headerRow: 1, options: { department: 'civil_affairs' as const, validFrom: '2023-11-01' } };
    expect(await t.call('import.preview', { ...base, mapping: { name: 1, idNumber: 1 } })).toMatchObject({
      ok: false,
      error: { field: 'mapping', message: '第 2 列不能同时作为“姓名”和“身份证号”，请改正列对应关系。' },
    });
    expect(await t.call('import.preview', { ...base, mapping: { idNumber: 40 } })).toMatchObject({
      ok: false,
      error: { message: '“身份证号”指定的是第 41 列，文件没有这么多列。请改正列对应关系。' },
    });
  });

  it('a targets sheet headed with another year is refused, not taken for this one', async () => {
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    const file = writeCsv(path.join(dir, '2023.csv'), [
      ['村居', '2023年参保目标任务数'],
      ['幸福村', '777'],
    ]);
    expect(await t.call('targets.import', { coverageYear: 2024, file })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('与所选的 2024 年度不符') },
    });
  });

  it('a short village name is matched only where one village has it', async () => {
    for (const [i, name] of ['团结村', '团结社区', '石门村'].entries()) await t.ok('villages.add', { code: String(i + 1), name });
    const rows = (v: string) =>
      writeCsv(path.join(dir, `${v}-${Math.random()}.csv`), [
        ['村居', '2024年指导性任务数'],
        [v, '10'],
      ]);
    expect(await t.call('targets.import', { coverageYear: 2024, file: rows('团结') })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('“团结”不在本乡镇') },
    });
    expect(await t.ok('targets.import', { coverageYear: 2024, file: rows('团结村委会') })).toEqual({ villages: 1, total: 10 });
    expect(await t.ok('targets.import', { coverageYear: 2024, file: rows('石门') })).toEqual({ villages: 1, total: 10 });
    const progress = await t.ok('reports.progress', { coverageYear: 2024 });
    expect(progress.map((p) => [p.villageName, p.target])).toEqual([
      ['团结村', 10],
      ['团结社区', 0],
      ['石门村', 10],
    ]);
  });
});

describe('a list with no header at all', () => {
  it('is read from its first row when the clerk says so, and no layout is remembered for it', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '甲', birth: '1950-01-01' },
      { name: '乙', birth: '1951-01-01' },
    ]);
    const file = writeCsv(
      path.join(dir, '无表头.csv'),
      persons.map((p) => [p.name, p.idNumber, '城乡低保']),
    );
    const base = { kind: 'categories' as const, file, options: { department: 'civil_affairs' as const, validFrom: '2023-11-01' } };
    expect(await t.call('import.preview', { ...base, headerRow: 0 })).toMatchObject({
      ok: false,
      error: { message: '文件缺少必需的列：身份证号。请在列对应关系中指定。' },
    });
    const p = await t.ok('import.preview', { ...base, headerRow: 0, mapping: { name: 0, idNumber: 1, category: 2 } });
    expect(p.counts).toMatchObject({ certify: 2, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    expect(t.ctx.db.prepare("SELECT count(*) FROM import_layouts WHERE kind = 'categories'").pluck().get()).toBe(0);
  });
});
