// 医保's 困难人员参保核实 list in its own sixteen columns, written by LibreOffice, and a plain
// status sheet in GBK (issue 15): who is in 职工医保, who is insured outside the county (from
// the 所属区划 against the county's code), and what each year was; a dry-run diff; undo.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv } from '../../helpers/files';
import { idFor } from '../../helpers/people';
import { YIBAO_VERIFY_HEADERS } from '../../helpers/layouts';

const HEADERS: string[] = [...YIBAO_VERIFY_HEADERS];
const NAMES = ['职工甲', '县外乙', '市外丙', '本县丁', '断保戊', '暂停己', '学生庚', '不明辛'] as const;
const ID = Object.fromEntries(NAMES.map((n, i) => [n, idFor(`19${60 + i}-02-01`, 11 + 2 * i)])) as Record<(typeof NAMES)[number], string>;

let t: TestLedger;
let dir: string;
const pid: Record<string, number> = {};
beforeEach(async () => {
  t = openTestLedger('2023-11-22T02:00:00Z');
  dir = tempDir('canbao-insurance-');
  await t.ok('office.update', { county: '云阳县', townshipName: '农坝镇' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
  const h = await t.ok('roster.addHousehold', { villageId: v.id, number: '1' });
  for (const n of NAMES) pid[n] = (await t.ok('roster.addPerson', { idNumber: ID[n], name: n, householdId: h.id })).id;
  // The desk had 暂停己 as in 职工医保.
  // Set at the desk, so recorded for the working year (2024) too: 医保's list then corrects it.
  await t.ok('roster.setInsurance', { id: pid['暂停己']!, employeeInsured: true });
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const row = (name: (typeof NAMES)[number] | '外人', id: string, cells: Partial<Record<(typeof HEADERS)[number], string>>) =>
  HEADERS.map((h) => (h === '姓名' ? name : h === '身份证号' ? id : (cells[h] ?? '')));

const ROWS = [
  row('职工甲', ID['职工甲'], {
    职工医保所属区划: '500235',
    是否参保职工: '是',
    是否参保居民: '否',
    参保类型: '职工基本医疗保险',
    '参保年度(职工)': '2024',
    职工医保参保状态: '参保缴费',
  }),
  row('县外乙', ID['县外乙'], {
    居民医保所属区划: '500101',
    是否参保职工: '否',
    是否参保居民: '是',
    '参保年度(居民)': '2024',
    居民医保参保状态: '正常参保',
    资助金额: '0',
    个人缴费金额: '380',
  }),
  row('市外丙', ID['市外丙'], { 职工医保所属区划: '510104000000', 是否参保职工: '是', '参保年度(职工)': '2024', 职工医保参保状态: '参保缴费' }),
  row('本县丁', ID['本县丁'], {
    居民医保所属区划: '500235',
    是否参保居民: '是',
    '参保年度(居民)': '2023',
    居民医保参保状态: '正常参保',
    特殊人员身份类别: '特困人员-7131',
  }),
  row('断保戊', ID['断保戊'], { 是否参保居民: '否', '参保年度(居民)': '2023', 居民医保参保状态: '未参保' }),
  row('暂停己', ID['暂停己'], { 职工医保所属区划: '500235', 是否参保职工: '是', '参保年度(职工)': '2024', 职工医保参保状态: '暂停缴费' }),
  row('学生庚', ID['学生庚'], { 居民医保所属区划: '420111', '参保年度(居民)': '2024', 大学生医保参保状态: '正常参保' }),
  row('不明辛', ID['不明辛'], { 居民医保所属区划: '湖北省武汉市洪山区', 是否参保居民: '是', '参保年度(居民)': '2024' }),
  row('外人', idFor('1980-01-01', 91, '110105'), { 是否参保居民: '是' }),
];

const facts = () =>
  t.ctx.db.prepare('SELECT name, employee_insured AS e, out_of_county AS o, out_of_county_place AS place FROM persons ORDER BY id').all() as {
    name: string;
    e: number;
    o: string | null;
    place: string;
  }[];
const history = () =>
  t.ctx.db
    .prepare(
      'SELECT p.name, h.coverage_year AS year, h.scheme, h.insured FROM insurance_history h JOIN persons p ON p.id = h.person_id ORDER BY p.id, year, scheme',
    )
    .all();

describe('医保’s 困难人员参保核实', () => {
  it.runIf(hasSoffice)(
    'sets 职工医保 and the 县外 kind from each row’s 所属区划, records each year, shows the diff, and undoes it',
    async () => {
      const title = [['云阳县困难人员参保核实情况表', ...Array(15).fill('')]];
      // LibreOffice keeps the ID, the two divisions and 金保号 as text, as the 医保 export does.
      const file = soffice(writeCsv(path.join(dir, '困难人员参保核实.csv'), [...title, HEADERS, ...ROWS]), 'xlsx', dir, 'CSV:44,34,76,1,2/2/3/2/4/2/10/2');

      // The divisions are codes: without the county's own, nothing can be placed.
      const refused = await t.call('import.preview', { kind: 'insurance', file });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toContain('还没有填写本县的区划代码');
      await t.ok('office.update', { county: '云阳县', townshipName: '农坝镇', countyCode: '500235' });

      const before = facts();
      const p = await t.ok('import.preview', { kind: 'insurance', file });
      expect(p.counts).toEqual({ apply: 5, history: 7, unchanged: 0, problems: 2 });
      expect(p.problems.map((x) => [x.row, x.field])).toEqual([
        [10, 'residentDivision'],
        [11, 'idNumber'],
      ]);
      const diff = Object.fromEntries(p.changes.map((c) => [c.name, c.what]));
      expect(diff).toEqual({
        职工甲: ['职工医保：未参加 → 已参加', '2024 年职工医保：已参保（500235）'],
        县外乙: ['县外参保：无 → 县外市内参加居民医保（大学生医保）（500101）', '2024 年居民医保：已参保（500101）'],
        市外丙: ['职工医保：未参加 → 已参加', '县外参保：无 → 市外参加职工医保（510104000000）', '2024 年职工医保：已参保（510104000000）'],
        本县丁: ['2023 年居民医保：已参保（500235）'],
        断保戊: ['2023 年居民医保：未参保'],
        暂停己: ['职工医保：已参加 → 未参加', '2024 年职工医保：已参保 → 未参保（500235）'],
        学生庚: ['县外参保：无 → 市外参加居民医保（大学生医保）（420111）', '2024 年居民医保：已参保（420111）'],
      });
      expect(facts()).toEqual(before);

      const batch = await t.ok('import.commit', { token: p.token });
      expect(batch.counts).toMatchObject({ rows: 9, apply: 5, history: 7, problems: 2 });
      const after = Object.fromEntries(facts().map((f) => [f.name, [f.e, f.o]]));
      expect(after).toMatchObject({
        职工甲: [1, null],
        县外乙: [0, 'in_city_resident'],
        市外丙: [1, 'out_city_employee'],
        本县丁: [0, null],
        暂停己: [0, null],
        学生庚: [0, 'out_city_resident'],
        不明辛: [0, null],
      });
      expect(history()).toEqual([
        { name: '职工甲', year: 2024, scheme: 'employee', insured: 1 },
        { name: '县外乙', year: 2024, scheme: 'resident', insured: 1 },
        { name: '市外丙', year: 2024, scheme: 'employee', insured: 1 },
        { name: '本县丁', year: 2023, scheme: 'resident', insured: 1 },
        { name: '断保戊', year: 2023, scheme: 'resident', insured: 0 },
        { name: '暂停己', year: 2024, scheme: 'employee', insured: 0 },
        { name: '学生庚', year: 2024, scheme: 'resident', insured: 1 },
      ]);
      // The same list again changes nothing.
      const again = await t.ok('import.preview', { kind: 'insurance', file });
      expect(again.counts).toMatchObject({ apply: 0, history: 0, unchanged: 7 });
      expect(again.writable).toBe(false);

      await t.ok('import.undo', { batchId: batch.id });
      expect(facts()).toEqual(before);
      // Only the desk's own word from before the batch is left.
      expect(history()).toEqual([{ name: '暂停己', year: 2024, scheme: 'employee', insured: 1 }]);
    },
    180_000,
  );

  it('reads a plain status sheet (身份证号, 年度, 参保状态, 参保类型) in GBK as history only', async () => {
    const file = writeCsv(
      path.join(dir, '参保状态.csv'),
      [
        ['身份证号', '年度', '参保状态', '参保类型'],
        [ID['断保戊'], '2022', '未参保', '城乡居民基本医疗保险'],
        [ID['断保戊'] + ' ', '2021', '参保缴费', '城乡居民基本医疗保险'],
        [ID['职工甲'], '2021', '参保缴费', '职工基本医疗保险'],
        [ID['断保戊'], '2022', '参保缴费', '城乡居民基本医疗保险'],
      ],
      'gb18030',
    );
    const p = await t.ok('import.preview', { kind: 'insurance', file });
    // A row per person and year; the same year twice is the clerk's to settle.
    expect(p.counts).toEqual({ apply: 0, history: 3, unchanged: 0, problems: 1 });
    expect(p.problems[0]).toMatchObject({ row: 5, message: '与第 2 行是同一人同一年度的参保情况。' });
    await t.ok('import.commit', { token: p.token });
    expect(history()).toEqual([
      { name: '职工甲', year: 2021, scheme: 'employee', insured: 1 },
      { name: '断保戊', year: 2021, scheme: 'resident', insured: 1 },
      { name: '断保戊', year: 2022, scheme: 'resident', insured: 0 },
      // The desk's word from the setup, untouched by a sheet of other years.
      { name: '暂停己', year: 2024, scheme: 'employee', insured: 1 },
    ]);
    // 2021 is older than last year: history only, the person's facts stay.
    expect(facts().find((f) => f.name === '职工甲')).toMatchObject({ e: 0, o: null });
  });
});
