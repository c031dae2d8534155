// 税务's own files (issue 15): 代缴明细 (two title rows; the department's part and the payment
// date) and 请款明细 (the department's and the person's parts, no date), reconciled with the
// quote row by row; and the office's 代缴明细 export read back through the same import.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv } from '../../helpers/files';
import { idFor, nongbaHousehold } from '../../helpers/people';

const PEOPLE = [
  { name: '低保甲', id: idFor('1950-01-01', 11), code: 'min_living' },
  { name: '特困乙', id: idFor('1951-01-01', 13), code: 'destitute' },
  { name: '普通丙', id: idFor('1952-01-01', 15), code: null },
  { name: '低保丁', id: idFor('1953-01-01', 17), code: 'min_living' },
  { name: '低保戊', id: idFor('1954-01-01', 19), code: 'min_living' },
] as const;
const STRANGER = idFor('1960-01-01', 21, '110105');

let dir: string;
const opened: TestLedger[] = [];
beforeEach(() => {
  dir = tempDir('canbao-tax-');
});
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A ledger of 农坝 with the five people above and their categories. */
async function ledger(): Promise<{ t: TestLedger; ids: Record<string, number> }> {
  const t = openTestLedger('2023-11-22T02:00:00Z');
  opened.push(t);
  return { t, ids: await nongbaHousehold(t, PEOPLE) };
}

const reasons = async (t: TestLedger) => Object.fromEntries((await t.ok('payments.pending', { coverageYear: 2024 })).map((x) => [x.name, x.reason]));

describe('税务’s 代缴明细', () => {
  it.runIf(hasSoffice)(
    'records the rows whose 代缴类别 and 代缴金额 agree with the quote on the payment date, and says why each other row waits',
    async () => {
      const { t, ids } = await ledger();
      const rows = [
        ['2024年度城乡居民基本医疗保险代缴明细', '', '', '', '', '', '', '', ''],
        ['代缴单位：云阳县民政局', '', '', '', '', '', '', '', ''],
        ['序号', '街道乡镇', '姓名', '身份证件类型', '身份证件号码', '人员编号', '代缴类别', '代缴金额', '个人缴费日期'],
        ['1', '农坝镇', '低保甲', '居民身份证', PEOPLE[0].id, '50000012345', '民政城乡低保对象', '342', '2023-11-05'],
        ['2', '农坝镇', '特困乙', '居民身份证', PEOPLE[1].id, '50000012346', '民政特困人员', '380', '2023-11-05'],
        ['3', '农坝镇', '普通丙', '居民身份证', PEOPLE[2].id, '50000012347', '民政城乡低保对象', '342', '2023-11-06'],
        ['4', '农坝镇', '低保丁', '居民身份证', PEOPLE[3].id, '50000012348', '民政特困人员', '380', '2023-11-06'],
        ['5', '农坝镇', '低保戊', '居民身份证', PEOPLE[4].id, '50000012349', '民政城乡低保对象', '300', '2023-11-06'],
        ['6', '农坝镇', '外人', '居民身份证', STRANGER, '50000012350', '民政城乡低保对象', '342', '2023-11-06'],
      ];
      // LibreOffice keeps the ID and person-number columns as text, as 税务's export does.
      const file = soffice(writeCsv(path.join(dir, '代缴明细.csv'), rows), 'xlsx', dir, 'CSV:44,34,76,1,5/2/6/2');
      const p = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
      expect(p.counts).toEqual({ record: 2, pending: 4, unchanged: 0, problems: 0 });
      await t.ok('import.commit', { token: p.token });
      const e = (name: string) => t.ok('roster.getPerson', { id: ids[name]! }).then((d) => d.enrollments[0]);
      expect(await e('低保甲')).toMatchObject({ personalFen: 3800, subsidyFen: 34200, paidOn: '2023-11-05', channel: '税务代缴' });
      expect(await e('特困乙')).toMatchObject({ personalFen: 0, subsidyFen: 38000, zeroDeclaration: true });
      const why = await reasons(t);
      expect(why['普通丙']).toMatch(/^未认定资助身份：文件中代缴类别为“民政城乡低保对象”/);
      expect(why['低保丁']).toBe('身份不符：文件中代缴类别为“民政特困人员”，台账中按政策的资助身份是“城乡低保对象”。');
      expect(why['低保戊']).toBe('金额不符：代缴金额 300 元与按政策计算的一档资助 342 元不符。');
      expect(why['外人']).toBe('不在台账：台账中没有此人。');
      // The department's part waits with the row, and settling it shows the difference.
      const pending = (await t.ok('payments.pending', { coverageYear: 2024 })).find((x) => x.name === '低保戊')!;
      expect(pending).toMatchObject({ amountFen: null, subsidyFen: 30000, categoryLabel: '民政城乡低保对象' });
      const [c] = await t.ok('payments.candidates', { id: pending.id });
      expect(c!.quotes[0]!.difference).toBe('文件中代缴金额 300 元，按政策为 342 元，少 42 元');
      const unsubsidised = (await t.ok('payments.pending', { coverageYear: 2024 })).find((x) => x.name === '普通丙')!;
      const [u] = await t.ok('payments.candidates', { id: unsubsidised.id });
      expect(u!.quotes[0]!.difference).toBe('文件中代缴金额 342 元，但台账中此人在缴费日没有认定的资助身份，按政策不资助');
    },
    180_000,
  );

  it('reads back the office’s own 代缴明细 export into a ledger that lacks the enrollments', async () => {
    const a = await ledger();
    for (const name of ['低保甲', '特困乙'])
      await a.t.ok('enroll.person', { personId: a.ids[name]!, coverageYear: 2024, paidOn: '2023-11-05', channel: '税务代缴' });
    const { file, rows } = await a.t.ok('export.write', { kind: 'taxSubsidized', coverageYear: 2024 });
    expect(rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).text).toBe('农坝镇2024年度代缴明细');
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '序号',
      '街道乡镇',
      '姓名',
      '身份证件类型',
      '身份证件号码',
      '人员编号',
      '代缴类别',
      '代缴金额',
      '个人缴费日期',
    ]);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '农坝镇', '低保甲', '居民身份证', PEOPLE[0].id, undefined, '民政城乡低保对象', 342, '2023-11-05']);

    const b = await ledger();
    const copy = path.join(b.t.ctx.dataDir, '代缴明细-回读.xlsx');
    fs.copyFileSync(file, copy);
    const p = await b.t.ok('import.preview', { kind: 'payments', file: copy, options: { coverageYear: 2024 } });
    expect(p.counts).toEqual({ record: 2, pending: 0, unchanged: 0, problems: 0 });
  });
});

describe('payments dated after today', () => {
  it('are a row’s problem in the dry run, not a refusal of the whole file at commit', async () => {
    const { t } = await ledger();
    const file = writeCsv(path.join(dir, '未来.csv'), [
      ['证件号码', '姓名', '费款所属期', '代缴类别', '代缴金额', '个人缴费日期'],
      [PEOPLE[0].id, '低保甲', '2024', '民政城乡低保对象', '342', '2023-12-20'],
      [PEOPLE[1].id, '特困乙', '2024', '民政特困人员', '380', '2023-11-05'],
    ]);
    const p = await t.ok('import.preview', { kind: 'payments', file });
    expect(p.counts).toEqual({ record: 1, pending: 0, unchanged: 0, problems: 1 });
    expect(p.problems[0]).toMatchObject({ row: 2, field: 'paidOn', message: '缴费日期 2023-12-20 晚于今天，请核对。' });
    expect((await t.ok('import.commit', { token: p.token })).counts).toMatchObject({ record: 1 });
  });
});

describe('a 代缴 row read strictly', () => {
  it('takes the day of a payment moment (2023-11-05 10:23:45), and waits a 代缴类别 that names two groups', async () => {
    const { t } = await ledger();
    const file = writeCsv(path.join(dir, '时刻.csv'), [
      ['证件号码', '姓名', '费款所属期', '代缴类别', '代缴金额', '个人缴费日期'],
      [PEOPLE[0].id, '低保甲', '2024', '民政城乡低保对象', '342', '2023-11-05 10:23:45'],
      [PEOPLE[3].id, '低保丁', '2024', '民政城乡低保对象、民政特困人员', '342', '2023-11-05 10:24:02'],
    ]);
    const p = await t.ok('import.preview', { kind: 'payments', file });
    expect(p.counts).toEqual({ record: 1, pending: 1, unchanged: 0, problems: 0 });
    expect(p.pending[0]).toMatchObject({
      row: 3,
      message: '身份不符：代缴类别“民政城乡低保对象、民政特困人员”写了 2 个类别，一笔代缴只对应一个类别，请核对。',
    });
    await t.ok('import.commit', { token: p.token });
    expect((await t.ok('payments.pending', { coverageYear: 2024 }))[0]).toMatchObject({ name: '低保丁', paidOn: '2023-11-05' });
  });
});

describe('税务’s 请款明细', () => {
  it('takes the batch’s date, and checks both the department’s and the person’s parts (a GBK CSV)', async () => {
    const { t, ids } = await ledger();
    const file = writeCsv(
      path.join(dir, '请款明细.csv'),
      [
        ['序号', '镇（街）', '姓名', '身份证号码', '人员编号', '代缴类别', '参保类别', '代缴金额', '个人缴费金额', '缴费总额', '请款批次'],
        ['1', '农坝镇', '低保甲', PEOPLE[0].id, '50000012345', '民政城乡低保对象', '城乡居民', '342.00', '38.00', '380.00', '2023年第1批'],
        ['2', '农坝镇', '低保戊', PEOPLE[4].id, '50000012349', '民政城乡低保对象', '城乡居民', '342.00', '40.00', '382.00', '2023年第1批'],
      ],
      'gb18030',
    );
    const refused = await t.call('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('缴费日期') } });
    const p = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024, paidOn: '2023-11-06' } });
    expect(p.counts).toEqual({ record: 1, pending: 1, unchanged: 0, problems: 0 });
    const batch = await t.ok('import.commit', { token: p.token });
    expect((await t.ok('roster.getPerson', { id: ids['低保甲']! })).enrollments[0]).toMatchObject({ paidOn: '2023-11-06', personalFen: 3800 });
    // The batch's receipts print together; the desk's of the same day are not the batch's.
    await t.ok('enroll.person', { personId: ids['普通丙']!, coverageYear: 2024, paidOn: '2023-11-06', channel: '现金' });
    expect((await t.ok('enroll.receiptsOn', { batchId: batch.id })).map((r) => r.personName)).toEqual(['低保甲']);
    expect((await t.ok('enroll.receiptsOn', { paidOn: '2023-11-06' })).map((r) => r.personName)).toEqual(['低保甲', '普通丙']);
    expect((await t.call('enroll.receiptsOn', {})).ok).toBe(false);
    expect((await reasons(t))['低保戊']).toBe('金额不符：缴费金额 40 元与按政策计算的一档 38 元不符。');
    // The same file again adds nothing: the recorded payment and the waiting one are each named once.
    const again = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024, paidOn: '2023-11-06' } });
    expect(again.counts).toEqual({ record: 0, pending: 0, unchanged: 2, problems: 0 });
    expect(again.writable).toBe(false);
    expect(again.already.map((x) => x.message)).toEqual([
      expect.stringMatching(/^这笔缴费已登记（2024 年度，收据号 \d+，2023-11-06），没有重复导入。$/),
      expect.stringMatching(/^这笔缴费已在第 \d+ 批导入的第 3 行，正在待核实，没有重复列入。$/),
    ]);
    expect(await t.ok('payments.pending', { coverageYear: 2024 })).toHaveLength(1);
  });
});
