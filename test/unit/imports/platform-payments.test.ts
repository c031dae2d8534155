// The 医保 platform's 居民缴费明细 (issue 29): a payment is named by its 电子税票号码 with the
// person, the scheme and the year, so the same payment in a 代缴明细 and this file is recorded
// once; a reversal listed as such in headers.yaml voids the payment it names (and its undo puts
// it back); a value nobody listed is shown, never acted on; a 职工医保 row is no 居民 payment but
// insured elsewhere; the person's, the state's and the other parts are checked. Files written by
// LibreOffice and iconv (GBK), read through the one payments import.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv } from '../../helpers/files';
import { idFor, nongbaHousehold } from '../../helpers/people';

const P = {
  甲: { name: '低保甲', id: idFor('1950-01-01', 11), code: 'min_living' },
  丙: { name: '普通丙', id: idFor('1952-01-01', 15), code: null },
  丁: { name: '职工丁', id: idFor('1953-01-01', 17), code: null },
  戊: { name: '普通戊', id: idFor('1954-01-01', 19), code: null },
  己: { name: '普通己', id: idFor('1955-01-01', 23), code: null },
} as const;

const HEAD = [
  '人员编号',
  '人员姓名',
  '证件号码',
  '险种类型',
  '电子税票号码',
  '费款所属期',
  '个人缴费金额',
  '财政补助金额',
  '其他缴费金额',
  '缴费总金额',
  '缴费时间',
  '核销标志',
  '缴费标志',
];
type Row = [
  name: string,
  id: string,
  scheme: string,
  ticket: string,
  personal: string,
  fiscal: string,
  other: string,
  total: string,
  at: string,
  revs: string,
  paid: string,
];
const rowsOf = (rows: Row[]) => [HEAD, ...rows.map((r, i) => [`5001${i}`, r[0], r[1], r[2], r[3], '2024', ...r.slice(4)])];

let dir: string;
const opened: TestLedger[] = [];
beforeEach(() => {
  dir = tempDir('canbao-platform-');
});
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ledger(): Promise<{ t: TestLedger; ids: Record<string, number> }> {
  const t = openTestLedger('2023-11-22T02:00:00Z');
  opened.push(t);
  return { t, ids: await nongbaHousehold(t, Object.values(P)) };
}

/** The file as an .xlsx LibreOffice wrote, the ID and ticket columns kept as text. */
const xlsx = (name: string, rows: Row[]) => soffice(writeCsv(path.join(dir, `${name}.csv`), rowsOf(rows)), 'xlsx', dir, 'CSV:44,34,76,1,1/2/2/2/3/2/5/2');

const enrollment = async (t: TestLedger, id: number) => (await t.ok('roster.getPerson', { id })).enrollments.find((e) => e.status === 'active');

describe('医保’s 居民缴费明细', () => {
  it.runIf(hasSoffice)(
    'records each payment once across files, reconciles its three parts, reads 职工医保 as insured elsewhere and shows an unknown flag without acting on it',
    async () => {
      const { t, ids } = await ledger();
      // 税务's 代缴明细 first: 低保甲's department part, the same payment the platform shows below.
      const daijiao = soffice(
        writeCsv(path.join(dir, '代缴明细.csv'), [
          ['姓名', '身份证件号码', '代缴类别', '代缴金额', '个人缴费日期'],
          [P.甲.name, P.甲.id, '民政城乡低保对象', '342', '2023-11-05'],
        ]),
        'xlsx',
        dir,
        'CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2',
      );
      const d = await t.ok('import.preview', { kind: 'payments', file: daijiao, options: { coverageYear: 2024 } });
      expect(d.counts).toMatchObject({ record: 1, pending: 0 });
      await t.ok('import.commit', { token: d.token });

      const file = xlsx('居民缴费明细', [
        [P.甲.name, P.甲.id, '390', 'T-0001', '38', '640', '342', '1020', '2023-11-05 09:12:00', 'Z', '1'],
        [P.丙.name, P.丙.id, '城乡居民基本医疗保险', 'T-0002', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1'],
        [P.丁.name, P.丁.id, '310', 'T-0003', '1200', '0', '0', '1200', '2023-11-06 11:00:00', 'Z', '1'],
        [P.戊.name, P.戊.id, '390', 'T-0004', '380', '640', '0', '1020', '2023-11-07 10:00:00', 'C', '1'],
        [P.己.name, P.己.id, '390', 'T-0005', '380', '640', '0', '1000', '2023-11-07 11:00:00', 'Z', '1'],
      ]);
      const p = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
      expect(p.counts).toEqual({ record: 1, pending: 0, unchanged: 1, problems: 2, reverse: 0, insured: 1 });
      expect(p.already[0]!.message).toMatch(/^这笔缴费已登记（2024 年度，收据号 /);
      expect(p.problems.map((x) => [x.row, x.message])).toEqual([
        [5, expect.stringMatching(/^核销标志“C”不在表头文字对照表（headers.yaml 的 values）中/)],
        [6, '缴费总金额 1000 元不等于个人缴费 380 元、财政补助 640 元与其他缴费 0 元之和 1020 元，请核对。'],
      ]);
      // Each value the file holds, with its rows and how it was read: C is read as nothing.
      expect(p.flags).toEqual(
        expect.arrayContaining([
          { field: 'reversalFlag', label: '核销标志', value: 'Z', rows: 4, reading: '正常缴费' },
          { field: 'reversalFlag', label: '核销标志', value: 'C', rows: 1, reading: null },
          { field: 'insuranceType', label: '险种类型', value: '310', rows: 1, reading: '职工医保' },
        ]),
      );
      expect(p.changes).toEqual([{ row: 4, name: P.丁.name, idNumber: P.丁.id, what: expect.arrayContaining([expect.stringMatching(/职工医保/)]) }]);
      await t.ok('import.commit', { token: p.token });
      expect(await enrollment(t, ids[P.丙.name]!)).toMatchObject({ personalFen: 38000, subsidyFen: 0, paidOn: '2023-11-06' });
      expect(await enrollment(t, ids[P.戊.name]!)).toBeUndefined();
      expect((await t.ok('roster.getPerson', { id: ids[P.丁.name]! })).person.employeeInsured).toBe(true);
      // 低保甲 paid once, whichever file said so.
      expect((await t.ok('roster.getPerson', { id: ids[P.甲.name]! })).enrollments).toHaveLength(1);

      // The same detail again: nothing new, each payment named by its 税票.
      const again = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
      expect(again.counts).toMatchObject({ record: 0, pending: 0, unchanged: 3 });
      expect(again.already.map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^这笔缴费已登记（电子税票号码 T-0002，收据号 /)]));

      // 低保甲's payment came from the 代缴明细 without a 税票; the detail named it, so its reversal finds it.
      const reversal = writeCsv(
        path.join(dir, '冲红.csv'),
        rowsOf([[P.甲.name, P.甲.id, '390', 'T-0001', '-38', '-640', '-342', '-1020', '2023-11-20 10:00:00', '冲红', '1']]),
        'gbk',
      );
      const r = await t.ok('import.preview', { kind: 'payments', file: reversal, options: { coverageYear: 2024 } });
      expect(r.counts).toMatchObject({ reverse: 1, pending: 0, problems: 0 });
      await t.ok('import.commit', { token: r.token });
      expect(await enrollment(t, ids[P.甲.name]!)).toBeUndefined();
    },
    180_000,
  );

  it.runIf(hasSoffice)(
    'a reversal listed in headers.yaml voids the payment it names and its undo puts it back; one naming nothing waits and is never recorded',
    async () => {
      const { t, ids } = await ledger();
      const first = xlsx('缴费', [[P.丙.name, P.丙.id, '390', 'T-0100', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1']]);
      const a = await t.ok('import.preview', { kind: 'payments', file: first, options: { coverageYear: 2024 } });
      await t.ok('import.commit', { token: a.token });
      const paid = (await enrollment(t, ids[P.丙.name]!))!;

      const reversal = xlsx('冲红', [
        [P.丙.name, P.丙.id, '390', 'T-0100', '-380', '-640', '0', '-1020', '2023-11-20 10:00:00', '冲红', '1'],
        [P.戊.name, P.戊.id, '390', 'T-0999', '-380', '-640', '0', '-1020', '2023-11-20 10:00:00', '冲红', '1'],
      ]);
      const r = await t.ok('import.preview', { kind: 'payments', file: reversal, options: { coverageYear: 2024 } });
      expect(r.counts).toMatchObject({ record: 0, pending: 1, reverse: 1, problems: 0 });
      expect(r.changes).toEqual([{ row: 2, name: P.丙.name, idNumber: P.丙.id, what: [`冲销：作废收据号 ${paid.receiptNo} 的缴费（电子税票号码 T-0100）`] }]);
      expect(r.pending[0]!.message).toBe('冲销：台账中没有它冲销的那笔缴费（电子税票号码 T-0999），没有作废任何缴费。');
      await t.ok('import.commit', { token: r.token });
      expect(await enrollment(t, ids[P.丙.name]!)).toBeUndefined();
      const voided = (await t.ok('roster.getPerson', { id: ids[P.丙.name]! })).enrollments[0]!;
      expect(voided).toMatchObject({ status: 'voided', voidReason: expect.stringMatching(/^医保缴费明细冲销（电子税票号码 T-0100，导入批次 #\d+ 第 2 行）$/) });

      // The reversal of nothing waits on 待核实 and cannot be recorded as anyone's payment.
      const waiting = (await t.ok('payments.pending', { coverageYear: 2024 })).find((x) => x.name === P.戊.name)!;
      expect(waiting.reverses).toBe('电子税票号码 T-0999');
      const person = await t.ok('roster.getPerson', { id: ids[P.戊.name]! });
      const refused = await t.call('payments.resolve', { id: waiting.id, personId: ids[P.戊.name]!, tier: 1, seen: person.person.version });
      expect(refused).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^这一行是冲销（电子税票号码 T-0999），不是缴费，不能登记为参保。/) },
      });

      // Imported again, the reversal is done already.
      const again = await t.ok('import.preview', { kind: 'payments', file: reversal, options: { coverageYear: 2024 } });
      expect(again.counts).toMatchObject({ reverse: 0, pending: 0, unchanged: 2 });

      // Undone, the payment is in force again with its receipt.
      const batch = (await t.ok('import.batches', {})).find((b) => b.fileName === '冲红.xlsx')!;
      await t.ok('import.undo', { batchId: batch.id });
      expect(await enrollment(t, ids[P.丙.name]!)).toMatchObject({ receiptNo: paid.receiptNo, status: 'active' });
    },
    180_000,
  );

  it('reads a reversal listed above its payment, one of a payment another file recorded, and a detail id only with its person', async () => {
    const { t, ids } = await ledger();
    const csv = (name: string, rows: Row[], extra?: { head: string; cells: string[] }) => {
      const all = rowsOf(rows);
      if (extra) all.forEach((r, i) => r.push(i === 0 ? extra.head : extra.cells[i - 1]!));
      return writeCsv(path.join(dir, name), all, 'gbk');
    };
    const preview = (file: string) => t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
    const commit = async (file: string) => t.ok('import.commit', { token: (await preview(file)).token });

    // Newest first: the 冲红 above the payment it undoes. Neither is recorded.
    const newest = await preview(
      csv('倒序.csv', [
        [P.丙.name, P.丙.id, '390', 'T-7', '-380', '-640', '0', '-1020', '2023-11-20 10:00:00', '冲红', '1'],
        [P.丙.name, P.丙.id, '390', 'T-7', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1'],
      ]),
    );
    expect(newest.counts).toMatchObject({ record: 0, pending: 0, reverse: 0, unchanged: 1 });
    expect(newest.already[0]!.message).toBe('冲销第 3 行的缴费（电子税票号码 T-7）：两行都没有登记。');

    // 低保甲's payment from a 代缴明细; the platform's file names it and reverses it in the same file.
    await t.ok('enroll.person', { personId: ids[P.甲.name]!, coverageYear: 2024, paidOn: '2023-11-05', channel: '税务代缴' });
    const both = await preview(
      csv('代缴后冲红.csv', [
        [P.甲.name, P.甲.id, '390', 'T-8', '38', '640', '342', '1020', '2023-11-05 09:12:00', 'Z', '1'],
        [P.甲.name, P.甲.id, '390', 'T-8', '-38', '-640', '-342', '-1020', '2023-11-21 09:12:00', '冲红', '1'],
      ]),
    );
    expect(both.counts).toMatchObject({ reverse: 1, pending: 0 });

    // 缴费明细编号 1 in two offices' files names two payments: each is recorded.
    const detail = { head: '缴费明细编号', cells: ['1'] };
    await commit(csv('丙.csv', [[P.丙.name, P.丙.id, '390', '', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1']], detail));
    const wu = await preview(csv('戊.csv', [[P.戊.name, P.戊.id, '390', '', '380', '640', '0', '1020', '2023-11-07 10:00:00', 'Z', '1']], detail));
    expect(wu.counts).toMatchObject({ record: 1, unchanged: 0 });
  });

  it('an undone file names no payment: its reversal later is not taken as done', async () => {
    const { t, ids } = await ledger();
    const file = (name: string, rows: Row[]) => writeCsv(path.join(dir, name), rowsOf(rows), 'gbk');
    const first = await t.ok('import.preview', {
      kind: 'payments',
      file: file('缴费.csv', [[P.丙.name, P.丙.id, '390', 'T-1', '380', '640', '0', '1020', '2023-11-06 10:00:00', 'Z', '1']]),
      options: { coverageYear: 2024 },
    });
    const batch = await t.ok('import.commit', { token: first.token });
    await t.ok('import.undo', { batchId: batch.id });
    // Recorded again at the desk, then the platform reverses T-1: nothing says which record that was.
    await t.ok('enroll.person', { personId: ids[P.丙.name]!, coverageYear: 2024, paidOn: '2023-11-08', channel: '现金' });
    const r = await t.ok('import.preview', {
      kind: 'payments',
      file: file('冲红.csv', [[P.丙.name, P.丙.id, '390', 'T-1', '-380', '-640', '0', '-1020', '2023-11-20 10:00:00', '冲红', '1']]),
      options: { coverageYear: 2024 },
    });
    expect(r.counts).toMatchObject({ reverse: 0, pending: 1, unchanged: 0 });
    expect(r.pending[0]!.message).toBe('冲销：台账中没有它冲销的那笔缴费（电子税票号码 T-1），没有作废任何缴费。');
  });

  it('a village’s payment list with a 参保类型 column is no platform file: its words are not read as the platform’s codes', async () => {
    const { t, ids } = await ledger();
    const file = writeCsv(
      path.join(dir, '村缴费.csv'),
      [
        ['姓名', '身份证号', '参保类型', '缴费金额', '缴费日期', '参保年度'],
        [P.丙.name, P.丙.id, '居民医保一档', '380', '2023-11-06', '2024'],
      ],
      'gbk',
    );
    const p = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
    expect(p.counts).toEqual({ record: 1, pending: 0, unchanged: 0, problems: 0 });
    await t.ok('import.commit', { token: p.token });
    expect(await enrollment(t, ids[P.丙.name]!)).toMatchObject({ personalFen: 38000 });
  });

  it('reads the platform’s field codes in a GBK CSV the same way', async () => {
    const { t, ids } = await ledger();
    const codes = [
      'psn_no',
      'psn_name',
      'certno',
      'insutype',
      'elec_taxrpt_no',
      'cashym',
      'psn_clct_amt',
      'finsubs_amt',
      'oth_clct_amt',
      'clct_sumamt',
      'clct_time',
      'revs_flag',
      'clct_flag',
    ];
    const file = writeCsv(
      path.join(t.ctx.dataDir, '缴费明细-gbk.csv'),
      [
        codes,
        ['50010', P.甲.name, P.甲.id, '390', 'T-0200', '202401', '38', '640', '342', '1020', '2023-11-05 09:12:00', 'Z', '1'],
        // The state's part missing in the 集中参保期: the quote has 640 of it, so the row waits.
        ['50011', P.丙.name, P.丙.id, '390', 'T-0201', '202401', '380', '0', '0', '380', '2023-11-05 09:30:00', 'Z', '1'],
        // 未缴费 is listed as no payment; 0 is listed nowhere: shown, never guessed.
        ['50012', P.己.name, P.己.id, '390', 'T-0202', '202401', '380', '640', '0', '1020', '2023-11-05 09:40:00', 'Z', '未缴费'],
        ['50013', P.戊.name, P.戊.id, '390', 'T-0203', '202401', '380', '640', '0', '1020', '2023-11-05 09:50:00', 'Z', '0'],
      ],
      'gbk',
    );
    const p = await t.ok('import.preview', { kind: 'payments', file, options: { coverageYear: 2024 } });
    expect(p.counts).toMatchObject({ record: 1, pending: 1, unchanged: 1, problems: 1 });
    expect(p.already[0]!.message).toBe('缴费标志“未缴费”表示没有缴费：不是一笔缴费，没有导入。');
    expect(p.problems[0]!.message).toMatch(/^缴费标志“0”不在表头文字对照表（headers.yaml 的 values）中，看不出这一行是否已缴费，没有导入。/);
    expect(p.pending[0]!.message).toBe('金额不符：财政补助金额 0 元与按政策在 2023-11-05 缴费的财政补助 640 元不符。');
    await t.ok('import.commit', { token: p.token });
    expect(await enrollment(t, ids[P.甲.name]!)).toMatchObject({ personalFen: 3800, subsidyFen: 34200, coverageYear: 2024 });
  });
});
