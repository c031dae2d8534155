// A remembered layout is a suggestion (issue 24, item 6). A mislabelled file was committed with
// the clerk's mapping (姓名 ↔ 与户主关系 swapped); the next honest file with the same header row
// must not import three persons named 户主: the saved layout disagrees with the header words,
// so it is set aside, and the dry run says which mapping it used and why.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layoutDisagreements } from '../../../src-main/excel/layouts';
import { headerWords } from '../../../src-main/policies/header-words';
import { openTestLedger, tempDirs, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';

const dirs = tempDirs();
let t: TestLedger;
let dir: string;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = dirs.fresh();
  await t.ok('villages.add', { code: '001', name: '幸福村' });
});
afterEach(() => {
  t.close();
  dirs.cleanup();
});

const HEADERS = ['村', '户号', '姓名', '与户主关系', '公民身份号码'];
const file = (rows: (string | number)[][]) => writeCsv(path.join(dir, `花名册-${Math.random()}.csv`), [HEADERS, ...rows]);
const namesOf = async (household: string) =>
  (await t.ok('roster.search', { q: household === '0001' ? '张' : '王' })).filter((p) => p.householdNumber === household).map((p) => p.name);

describe('a layout saved from a mislabelled file', () => {
  it('is not applied to an honest file with the same header row, and the dry run says why', async () => {
    // 姓名 holds the relation and 与户主关系 the name: the clerk maps them by hand and commits.
    const mislabelled = file([
      ['幸福村', '0001', '户主', '张三', idFor('1960-05-01', 11)],
      ['幸福村', '0001', '配偶', '张李梅', idFor('1962-08-08', 22)],
      ['幸福村', '0001', '子', '张小', idFor('1990-03-03', 13)],
    ]);
    const first = await t.ok('import.preview', {
      kind: 'roster',
      file: mislabelled,
      headerRow: 1,
      mapping: { village: 0, householdNumber: 1, relation: 2, name: 3, idNumber: 4 },
    });
    expect(first).toMatchObject({ mappingSource: 'clerk', mappingNote: '按您选的列对应', layoutDisagreements: [] });
    await t.ok('import.commit', { token: first.token });
    expect((await namesOf('0001')).sort()).toEqual(['张三', '张小', '张李梅']);

    // The next file is honest, under the very same header row.
    const honest = () =>
      file([
        ['幸福村', '0002', '王五', '户主', idFor('1970-01-01', 33)],
        ['幸福村', '0002', '王赵六', '配偶', idFor('1972-02-02', 44)],
        ['幸福村', '0002', '王小', '子', idFor('1995-04-04', 35)],
      ]);
    const disagreements = [
      { field: 'relation', saved: 2, header: 3, message: '“与户主关系”：上次保存的是 C 列“姓名”，表头文字说是 D 列“与户主关系”' },
      { field: 'name', saved: 3, header: 2, message: '“姓名”：上次保存的是 D 列“与户主关系”，表头文字说是 C 列“姓名”' },
    ];
    const said = {
      mappingSource: 'header',
      mappingNote: '按表头文字：上次保存的列对应（2024-01-10）与表头文字不符，没有使用',
      layoutDisagreements: disagreements,
    };
    const p = await t.ok('import.preview', { kind: 'roster', file: honest() });
    expect(p).toMatchObject({ ...said, mapping: { village: 0, householdNumber: 1, name: 2, relation: 3, idNumber: 4 } });
    expect(p.counts).toMatchObject({ add: 3, problems: 0 });
    // The column picker opens on the same words and the same disagreement.
    expect(await t.ok('import.columns', { kind: 'roster', file: honest() })).toMatchObject({ ...said, headerRow: 1, mapping: p.mapping });

    await t.ok('import.commit', { token: p.token });
    expect((await namesOf('0002')).sort()).toEqual(['王五', '王小', '王赵六']);
    expect(await t.ok('roster.search', { q: '户主' })).toEqual([]);

    // The honest commit saved the header words' mapping: the next such file uses it, and says so.
    expect(await t.ok('import.preview', { kind: 'roster', file: honest() })).toMatchObject({
      mappingSource: 'remembered',
      mappingNote: '按上次保存的列对应（2024-01-10）',
      layoutDisagreements: [],
    });
  }, 60_000);

  it('is refused with the disagreement named when the header words alone do not find every column', async () => {
    // The mapping is chosen alike on either thread; the test above goes through the worker.
    t.ctx.importWorker = undefined;
    // A 资助花名册 with a 编号 the clerk read as the household number: no header word says so.
    const rows = (n: string) => [
      ['村', '编号', '姓名', '与户主关系', '公民身份号码'],
      ['幸福村', '0003', n, '户主', idFor('1980-06-06', 17)],
    ];
    const first = await t.ok('import.preview', {
      kind: 'roster',
      file: writeCsv(path.join(dir, 'a.csv'), rows('户主')),
      headerRow: 1,
      mapping: { village: 0, householdNumber: 1, relation: 2, name: 3, idNumber: 4 },
    });
    await t.ok('import.commit', { token: first.token });
    const r = await t.call('import.preview', { kind: 'roster', file: writeCsv(path.join(dir, 'b.csv'), rows('孙七')) });
    expect(r).toMatchObject({
      ok: false,
      error: {
        field: 'file',
        message: expect.stringMatching(/^按表头文字：上次保存的列对应（2024-01-10）与表头文字不符，没有使用（“与户主关系”：.*）。文件缺少必需的列：户号/),
      },
    });
  });
});

describe('a saved layout that agrees with the header words', () => {
  it('is used as saved where the words name nothing, and the dry run says so', async () => {
    t.ctx.importWorker = undefined;
    const rows = [
      ['行政村', '家庭编号', '户内姓名', '公民身份号码'],
      ['幸福村', '0009', '钱八', idFor('1966-06-06', 19)],
    ];
    const first = await t.ok('import.preview', {
      kind: 'roster',
      file: writeCsv(path.join(dir, 'x.csv'), rows),
      headerRow: 1,
      mapping: { village: 0, householdNumber: 1, name: 2, idNumber: 3 },
    });
    await t.ok('import.commit', { token: first.token });
    const again = await t.ok('import.preview', { kind: 'roster', file: writeCsv(path.join(dir, 'y.csv'), rows) });
    expect(again).toMatchObject({
      mappingSource: 'remembered',
      mappingNote: '按上次保存的列对应（2024-01-10）',
      layoutDisagreements: [],
      mapping: { village: 0, householdNumber: 1, name: 2, idNumber: 3 },
    });
  });
});

describe('what counts as a disagreement', () => {
  const words = headerWords();
  it('is a field put where the words name another, or away from where they name it', () => {
    const headers = ['姓名', '关系', '备注', '身份证号'];
    expect(layoutDisagreements(words, headers, { name: 0, category: 1, idNumber: 3 })).toEqual([
      { field: 'category', saved: 1, header: null, message: '“人员类别”：上次保存的是 B 列“关系”，表头文字说这一列是“与户主关系”' },
    ]);
    expect(layoutDisagreements(words, headers, { name: 2, idNumber: 3 })).toEqual([
      { field: 'name', saved: 2, header: 0, message: '“姓名”：上次保存的是 C 列“备注”，表头文字说是 A 列“姓名”' },
    ]);
  });

  it('is not a field left out, one under a header the words do not know, or one of two columns the words both name', () => {
    expect(layoutDisagreements(words, ['姓名', '身份证号', '电话'], { idNumber: 1 })).toEqual([]);
    expect(layoutDisagreements(words, ['对象', '公民号'], { name: 0, idNumber: 1 })).toEqual([]);
    expect(layoutDisagreements(words, ['姓名', '身份证号', '参保人姓名'], { name: 2, idNumber: 1 })).toEqual([]);
  });
});
