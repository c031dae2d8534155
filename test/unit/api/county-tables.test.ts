// The tables a county edits (issue 24, item 5): a bad edit is named — file, line, fault — by
// office.tables and by every import that needs the table, which refuses instead of failing
// inside; the fixed file is taken at the next import, without a restart. Real YAML files in a
// temporary resources folder, as the county would leave them.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countyTables, defaultResourcesDir, TABLE_FILES } from '../../../src-main/policies/county-tables';
import { openTestLedger, tempDirs, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';

const dirs = tempDirs();
let t: TestLedger;
let resources: string;
let files: string;
const table = (key: keyof typeof TABLE_FILES) => path.join(resources, TABLE_FILES[key]);
const shipped = (key: keyof typeof TABLE_FILES) => fs.readFileSync(path.join(defaultResourcesDir(), TABLE_FILES[key]), 'utf8');
/** The 1-based line of the `nth` line of `text` that holds `part`. */
const lineOf = (text: string, part: string, nth = 1) => {
  let seen = 0;
  return text.split('\n').findIndex((l) => l.includes(part) && ++seen === nth) + 1;
};

beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  resources = dirs.fresh();
  files = dirs.fresh();
  for (const key of ['aliases', 'headers'] as const) {
    fs.mkdirSync(path.dirname(table(key)), { recursive: true });
    fs.writeFileSync(table(key), shipped(key));
  }
  t.ctx.tables = countyTables(resources);
});
afterEach(() => {
  t.close();
  dirs.cleanup();
});

const faultsOf = async (file: string) => (await t.ok('office.tables', {})).find((x) => x.file === file)!.faults;

describe('categories.yaml with an alias under two codes', () => {
  it('refuses the department list naming the file, line and fault, lists it, and imports again once fixed', async () => {
    const { persons } = await seedHousehold(t, [{ name: '甲', birth: '1950-01-01' }]);
    const list = () =>
      writeCsv(path.join(files, `低保名单-${Math.random()}.csv`), [
        ['姓名', '身份证号', '人员类别'],
        ['甲', persons[0]!.idNumber, '低保'],
      ]);
    const preview = async () =>
      t.call('import.preview', { kind: 'categories', file: list(), options: { department: 'civil_affairs', validFrom: '2024-01-01' } });

    // A county's slip: 低保 written under 特困 too. Read as it was, a 低保 list would certify 特困人员.
    const text = shipped('aliases').replace('  destitute:\n', '  destitute:\n    - { alias: 低保, source: departments }\n');
    fs.writeFileSync(table('aliases'), text);
    const [edit, other] = [lineOf(text, '{ alias: 低保, source: departments }'), lineOf(text, '{ alias: 低保, source: departments }', 2)];
    const fault = `categories.yaml 第 ${other} 行：“低保”同时列在 destitute 和 min_living 下（另一处在第 ${edit} 行）`;

    const refused = await preview();
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(fault) } });
    expect(await t.call('import.preview', { kind: 'payments', file: list(), options: { coverageYear: 2024, paidOn: '2024-01-02' } })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining(fault) },
    });
    expect(await faultsOf('categories.yaml')).toEqual([{ line: other, message: expect.stringContaining('同时列在 destitute 和 min_living 下'), text: fault }]);
    expect(await faultsOf('headers.yaml')).toEqual([]);
    // An import that does not read categories is not held up by that table.
    const situations = writeCsv(path.join(files, '县外.csv'), [
      ['姓名', '身份证号', '县外参保情况'],
      ['甲', persons[0]!.idNumber, '在外地参加居民医保'],
    ]);
    expect(await t.call('import.preview', { kind: 'situations', file: situations })).toMatchObject({ ok: true });

    // Fixed in place, no restart: the same list is read as 低保 again.
    fs.writeFileSync(table('aliases'), shipped('aliases'));
    expect(await faultsOf('categories.yaml')).toEqual([]);
    const p = await t.ok('import.preview', { kind: 'categories', file: list(), options: { department: 'civil_affairs', validFrom: '2024-01-01' } });
    expect(p.counts).toMatchObject({ certify: 1, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    const person = await t.ok('roster.getPerson', { id: persons[0]!.id });
    expect(person.categories.map((c) => c.code)).toEqual(['min_living']);
  });
});

describe('headers.yaml with a YAML syntax error', () => {
  it('refuses every import and the column picker naming the line, lists it, and reads files again once fixed', async () => {
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    const roster = () =>
      writeCsv(path.join(files, `花名册-${Math.random()}.csv`), [
        ['村', '户号', '姓名', '与户主关系', '公民身份号码'],
        ['幸福村', '0001', '张三', '户主', idFor('1960-05-01', 11)],
        ['幸福村', '0001', '李梅', '配偶', idFor('1962-08-08', 22)],
      ]);
    // An unclosed brace, as a hand edit leaves one.
    const text = shipped('headers').replace('    - { word: 户编号, source: offices }', '    - { word: 户编号, source: offices');
    fs.writeFileSync(table('headers'), text);

    const [fault] = await faultsOf('headers.yaml');
    expect(fault!.text).toMatch(/^headers\.yaml 第 \d+ 行：不是有效的 YAML：/);
    expect(fault!.line! - lineOf(text, '{ word: 户编号,')).toBeOneOf([0, 1]);
    const named = { ok: false, error: { code: 'unavailable', message: expect.stringContaining(fault!.text) } };
    expect(await t.call('import.preview', { kind: 'roster', file: roster() })).toMatchObject(named);
    expect(await t.call('import.preview', { kind: 'situations', file: roster() })).toMatchObject(named);
    expect(await t.call('import.columns', { kind: 'roster', file: roster() })).toMatchObject(named);
    expect(await t.call('targets.import', { coverageYear: 2024, file: roster() })).toMatchObject(named);

    fs.writeFileSync(table('headers'), shipped('headers'));
    expect(await faultsOf('headers.yaml')).toEqual([]);
    const p = await t.ok('import.preview', { kind: 'roster', file: roster() });
    expect(p.counts).toMatchObject({ add: 2, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    expect((await t.ok('roster.search', { q: '李梅' })).map((x) => x.name)).toEqual(['李梅']);
  }, 60_000);
});

describe('a table the county added a word to', () => {
  it('is taken at the next import without a restart', async () => {
    // On this thread: the test above hands the words to the worker.
    t.ctx.importWorker = undefined;
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    const file = () =>
      writeCsv(path.join(files, `花名册-${Math.random()}.csv`), [
        ['村', '户号', '参合人', '与户主关系', '公民身份号码'],
        ['幸福村', '0001', '张三', '户主', idFor('1960-05-01', 11)],
      ]);
    expect(await t.call('import.preview', { kind: 'roster', file: file() })).toMatchObject({ ok: false, error: { message: expect.stringContaining('姓名') } });
    fs.writeFileSync(
      table('headers'),
      shipped('headers').replace('    - { word: 名字, source: offices }\n', '    - { word: 名字, source: offices }\n    - { word: 参合人, source: offices }\n'),
    );
    const p = await t.ok('import.preview', { kind: 'roster', file: file() });
    expect(p.counts).toMatchObject({ add: 1, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    expect((await t.ok('roster.search', { q: '张三' })).map((x) => x.name)).toEqual(['张三']);
  });
});
