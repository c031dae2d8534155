// The second season (issues 17 and 25): 酉阳 2025 quotes without desk facts, the lapse counted
// from the ledger's own 2024 enrollments, imported payment records and 医保's history, a year
// known only by a confirmed full list or the office's mark (docs/rules.md "Which files make a year known"). Real
// ledger, real CSV files.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';
import { STATE_CODES, rosterYears, yearStates } from '../../../src-main/ledger/insurance-years';
import { completeYears } from '../../../src-main/ledger/known-years';
import { workingYear } from '../../../src-main/domain/working-year';

let t: TestLedger;
let dir: string;
let people: Awaited<ReturnType<typeof seedHousehold>>['persons'];
const who = (name: string) => people.find((p) => p.name === name)!;

// 2024-10-10: 酉阳 2025's centralized window (2024-09-13 – 12-31) is open.
const PAID = '2024-10-10';
const quote2025 = (name: string, extra: { lapsedYears?: number; continuousYears?: number } = {}) =>
  t.ok('enroll.quote', { personId: who(name).id, coverageYear: 2025, tier: 1, paidOn: PAID, ...extra });

async function importCsv(kind: 'payments' | 'insurance', name: string, rows: string[][], o: { options?: { coverageYear: number }; fullList?: number[] } = {}) {
  const file = writeCsv(path.join(dir, name), rows);
  const p = await t.ok('import.preview', { kind, file, ...(o.options ? { options: o.options } : {}) });
  await t.ok('import.commit', { token: p.token, ...(o.fullList ? { fullList: o.fullList } : {}) });
  return p;
}

/** The office's mark, as the 政策 page makes it: shown the count first, then confirmed with it. */
async function markYear(year: number) {
  const { turns } = await t.ok('history.previewMark', { year });
  return t.ok('history.markYear', { year, turns });
}

const TAX_HEADER = ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'];
const DAIJIAO_HEADER = ['证件号码', '姓名', '费款所属期', '代缴类别', '代缴金额', '缴费日期'];

/** 税务's 缴费明细 of the whole township for 2024: 网缴丙 and the ten neighbours paid online. */
const fullTaxList = () => [
  TAX_HEADER,
  [who('网缴丙').idNumber, '网缴丙', '2024', '380', '2023-11-06', '微信'],
  ...neighbours.map((n) => [n.idNumber, n.name, '2024', '380', '2023-11-07', '微信']),
];
let neighbours: typeof people;

beforeEach(async () => {
  t = openTestLedger('2024-10-10T02:00:00Z');
  dir = tempDir('canbao-season-');
  people = (
    await seedHousehold(
      t,
      [
        { name: '续保甲', birth: '1960-05-01', relation: '户主' },
        { name: '未缴乙', birth: '1962-03-12', relation: '配偶' },
        { name: '网缴丙', birth: '1985-07-07', relation: '子' },
        { name: '断保丁', birth: '1988-02-02', relation: '儿媳' },
        { name: '新生戊', birth: '2024-09-01', relation: '孙子' },
      ],
      { policyId: 'cq-youyang-2024', year: 2024 },
    )
  ).persons;
  // A township's full list names more than 10 persons and 1 % of the roster: the neighbours make it one.
  neighbours = (
    await seedHousehold(
      t,
      Array.from({ length: 10 }, (_, i) => ({ name: `邻居${i + 1}`, birth: `19${70 + i}-04-0${1 + (i % 9)}` })),
      { policyId: 'cq-youyang-2024', year: 2024 },
    )
  ).persons;
  await t.ok('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
  await t.ok('enroll.person', { personId: who('续保甲').id, coverageYear: 2024, tier: 1, paidOn: '2023-11-05', channel: '现金' });
});
afterEach(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('酉阳 2025 asks the history', () => {
  it('quotes a person enrolled through canbao in 2024 as continuously insured, without desk facts', async () => {
    const q = await quote2025('续保甲');
    expect(q).toMatchObject({ eligible: true, benefitStart: '2025-01-01', personalFen: 40000 });
    expect(q.history).toMatchObject({ lapsedYears: 0, continuousYears: 1, typed: null, citation: null, text: '2023 情况不明、2024 已参保：至少连续参保 1 年' });
    expect(q.warnings.join()).not.toContain('是否参保不明');
  });

  it('does not count an unknown 2024 as a lapse: it warns and asks the desk', async () => {
    const q = await quote2025('未缴乙');
    expect(q.benefitStart).toBe('2025-01-01');
    expect(q.history).toMatchObject({ lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' });
    expect(q.warnings).toContain(
      '2024 年是否参保不明（未取得该年度本乡镇的全部参保名单，也未标记该年度参保记录齐全），未按断保计算。请向参保人核实；曾断保的，填写断保年数。',
    );
  });

  describe('a 代缴明细 names only those a department paid for', () => {
    it('one person’s 代缴 leaves 2024 unknown for everyone else, and can never be the full list', async () => {
      const file = writeCsv(path.join(dir, '代缴明细2024.csv'), [DAIJIAO_HEADER, [who('网缴丙').idNumber, '网缴丙', '2024', '低保对象', '342', '2023-11-06']]);
      const p = await t.ok('import.preview', { kind: 'payments', file });
      expect(p.years).toEqual([
        {
          year: 2024,
          rows: 1,
          persons: 1,
          warnings: [expect.stringContaining('只有 1 人')],
          fullList: '代缴明细、请款明细只列部门代缴的人员，不能作为本乡镇的全部名单。',
        },
      ]);
      expect(await t.call('import.commit', { token: p.token, fullList: [2024] })).toMatchObject({
        ok: false,
        error: { field: 'fullList', message: expect.stringContaining('代缴明细') },
      });
      await t.ok('import.commit', { token: p.token });
      const q = await quote2025('未缴乙');
      expect(q).toMatchObject({ benefitStart: '2025-01-01', history: { lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' } });
      expect(q.warnings.join()).toContain('2024 年是否参保不明');
      expect((await t.ok('history.years', {})).find((y) => y.year === 2024)).toMatchObject({ known: null });
    });

    it('then the office’s mark makes 2024 known: the same person waits 3 months, warned 未见参保记录', async () => {
      await importCsv('payments', '代缴明细2024.csv', [DAIJIAO_HEADER, [who('网缴丙').idNumber, '网缴丙', '2024', '低保对象', '342', '2023-11-06']]);
      await markYear(2024);
      const q = await quote2025('未缴乙');
      expect(q.benefitStart).toBe('2025-01-10');
      expect(q.history).toMatchObject({ lapsedYears: 1, text: '2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月' });
      expect(q.history!.years[1]).toEqual({
        year: 2024,
        state: 'not_insured',
        source: '本所已标记 2024 年度参保记录齐全，其中没有此人：未见参保记录',
        basis: 'absence',
      });
      expect(q.warnings.join()).toContain('2024 年未见参保记录');
      expect(q.warnings.join()).toContain('职工医保或县外参保');
    });
  });

  describe('a 税务 缴费明细 of the whole township', () => {
    it('the dry run names its years and how many of the roster they name; unconfirmed, the year stays unknown', async () => {
      const p = await importCsv('payments', '税务2024缴费.csv', fullTaxList());
      expect(p.years).toEqual([{ year: 2024, rows: 11, persons: 11, warnings: [], fullList: true }]);
      expect((await quote2025('未缴乙')).history).toMatchObject({ lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' });
    });

    describe('confirmed as the full list', () => {
      beforeEach(async () => {
        const p = await importCsv('payments', '税务2024缴费.csv', fullTaxList(), { fullList: [2024] });
        expect(p.counts).toMatchObject({ record: 11 });
      });

      it('a person on the roster with no 2024 record waits 3 months from payment, warned about earlier years and absence', async () => {
        const q = await quote2025('未缴乙');
        expect(q.benefitStart).toBe('2025-01-10');
        expect(q.history).toMatchObject({ lapsedYears: 1, text: '2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月' });
        expect(q.history!.years[1]).toMatchObject({
          year: 2024,
          state: 'not_insured',
          source: '已导入本乡镇 2024 年度全部参保名单（税务2024缴费.csv），其中没有此人：未见参保记录',
        });
        expect(q.warnings).toContain('2023 年及以前是否参保不明，按已知的断保 1 年计算；更早的年份如也断保，等待期还要增加。');
        expect(q.basis.map((b) => b.citation)).toContain('酉阳医保发〔2024〕37号 三(二)');
      });

      it('the imported payment counts as insured: no wait', async () => {
        const q = await quote2025('网缴丙');
        expect(q).toMatchObject({ benefitStart: '2025-01-01', history: { lapsedYears: 0, continuousYears: 1 } });
      });

      it('with 医保’s history showing 2023 lapsed too, the wait is 4 months', async () => {
        await importCsv('insurance', '参保状态.csv', [
          ['身份证号', '年度', '参保状态', '参保类型'],
          [who('断保丁').idNumber, '2023', '未参保', '城乡居民基本医疗保险'],
          [who('断保丁').idNumber, '2022', '参保缴费', '城乡居民基本医疗保险'],
        ]);
        const q = await quote2025('断保丁');
        expect(q.benefitStart).toBe('2025-02-10');
        expect(q.history).toMatchObject({
          lapsedYears: 2,
          text: '2022 已参保、2023 未参保、2024 未参保：断保 2 年，待遇等待期 4 个月',
          citation: '酉阳医保发〔2024〕37号 三(二)',
        });
        expect(q.warnings.join()).not.toContain('是否参保不明');
      });

      it('the break is the run just before the year: 2023 not insured and 2024 insured is no lapse', async () => {
        await importCsv('insurance', '参保状态.csv', [
          ['身份证号', '年度', '参保状态', '参保类型'],
          [who('网缴丙').idNumber, '2023', '未参保', '城乡居民基本医疗保险'],
        ]);
        expect((await quote2025('网缴丙')).history).toMatchObject({ lapsedYears: 0, continuousYears: 1, text: '2023 未参保、2024 已参保：连续参保 1 年' });
      });

      it('a 医保 row of 终止参保 for 2024 is more specific than the full list: that year unknown, with the warning', async () => {
        await importCsv('insurance', '参保状态.csv', [
          ['身份证号', '年度', '居民医保参保状态'],
          [who('未缴乙').idNumber, '2024', '终止参保'],
        ]);
        const q = await quote2025('未缴乙');
        expect(q).toMatchObject({ benefitStart: '2025-01-01', history: { lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' } });
        expect(q.warnings.join()).toContain('居民医保终止或暂停参保（参保状态.csv）');
      });

      it('a 医保 row saying only 是否参保职工 = 否 says nothing of 居民医保: the year reads from the list', async () => {
        await importCsv('insurance', '参保状态.csv', [
          ['身份证号', '年度', '是否参保职工'],
          [who('网缴丙').idNumber, '2024', '否'],
        ]);
        expect((await quote2025('网缴丙')).history).toMatchObject({ lapsedYears: 0, continuousYears: 1 });
      });

      it('the way the year became known is shown, and withdrawing it makes 2024 unknown again', async () => {
        const y = (await t.ok('history.years', {})).find((x) => x.year === 2024)!;
        expect(y).toMatchObject({
          known: '已导入本乡镇 2024 年度全部参保名单（税务2024缴费.csv）',
          ways: [{ batch: { fileName: '税务2024缴费.csv', undone: false }, persons: 11, withdrawn: null, inForce: true }],
          canMark: true,
        });
        const after = await t.ok('history.withdraw', { id: y.ways[0]!.id });
        expect(after.find((x) => x.year === 2024)).toMatchObject({ known: null, ways: [{ inForce: false, withdrawn: { by: expect.any(String) } }] });
        expect((await quote2025('未缴乙')).history).toMatchObject({ lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' });
      });

      it('undoing the import makes 2024 unknown again', async () => {
        const [batch] = await t.ok('import.batches', {});
        await t.ok('import.undo', { batchId: batch!.id });
        expect((await quote2025('未缴乙')).history).toMatchObject({ lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' });
      });

      it('what the desk types overrides the history, and the enrollment’s audit keeps both', async () => {
        const q = await quote2025('未缴乙', { lapsedYears: 0 });
        expect(q.benefitStart).toBe('2025-01-01');
        expect(q.history).toMatchObject({
          typed: { lapsedYears: 0 },
          text: '2023 情况不明、2024 未参保：至少断保 1 年（参保记录推算），断保年数按经办人填写：0 年',
        });
        expect(q.warnings.join()).not.toContain('是否参保不明');
        const e = await t.ok('enroll.person', { personId: who('未缴乙').id, coverageYear: 2025, tier: 1, paidOn: PAID, channel: '现金', lapsedYears: 0 });
        const logged = t.ctx.db
          .prepare("SELECT after_json FROM audit_log WHERE action = 'enroll.person' AND entity_id = ?")
          .pluck()
          .get(String(e.id)) as string;
        expect(JSON.parse(logged)).toMatchObject({ typed: { lapsedYears: 0 }, history: expect.stringContaining('至少断保 1 年') });
      });
    });

    it('a file whose rows are all recorded already still makes its year known when confirmed', async () => {
      await importCsv('payments', '税务2024缴费.csv', fullTaxList());
      const p = await importCsv('payments', '税务2024缴费-再导.csv', fullTaxList(), { fullList: [2024] });
      expect(p.counts).toMatchObject({ record: 0, pending: 0, unchanged: 11 });
      expect(p.writable).toBe(false);
      expect((await t.ok('history.years', {})).find((y) => y.year === 2024)).toMatchObject({ known: expect.stringContaining('税务2024缴费-再导.csv') });
      expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
    });

    it('a mistyped 参保年度 (one row of 2024 in a 2025 file, rows for 1900 and 2023) is warned and cannot be confirmed', async () => {
      const file = writeCsv(path.join(dir, '税务2025缴费.csv'), [
        TAX_HEADER,
        ...neighbours.map((n) => [n.idNumber, n.name, '2025', '400', '2024-10-01', '微信']),
        [who('网缴丙').idNumber, '网缴丙', '2024', '400', '2024-10-01', '微信'],
        [who('续保甲').idNumber, '续保甲', '1900', '400', '2024-10-01', '微信'],
        [who('断保丁').idNumber, '断保丁', '2023', '400', '2024-10-01', '微信'],
      ]);
      const p = await t.ok('import.preview', { kind: 'payments', file });
      expect(p.years.map((y) => [y.year, y.persons, y.fullList === true, y.warnings.length])).toEqual([
        [1900, 1, false, 2],
        [2023, 1, false, 2],
        [2024, 1, false, 1],
        [2025, 10, true, 0],
      ]);
      expect(p.years[0]!.warnings[0]).toContain('既不是本年度（2025）也不是上一年度');
      expect(await t.call('import.commit', { token: p.token, fullList: [2024] })).toMatchObject({
        ok: false,
        error: { field: 'fullList', message: expect.stringContaining('人数太少') },
      });
    });
  });

  describe('the office’s mark', () => {
    it('ends a payment dry run opened before it, and its withdrawal ends the next one, each saying what changed', async () => {
      const rows = [TAX_HEADER, [who('未缴乙').idNumber, '未缴乙', '2025', '400', PAID, '微信']];
      const file = writeCsv(path.join(dir, '2025缴费.csv'), rows);
      const before = await t.ok('import.preview', { kind: 'payments', file });
      const years = await markYear(2024);
      const refused = await t.call('import.commit', { token: before.token });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!refused.ok && refused.error.message).toMatch(/往年参保情况有了变化[\s\S]*标记 2024 年度参保记录齐全/);
      expect(t.ctx.db.prepare('SELECT count(*) AS n FROM enrollments WHERE coverage_year = 2025').get()).toEqual({ n: 0 });

      const again = await t.ok('import.preview', { kind: 'payments', file });
      await t.ok('history.withdraw', { id: years[1]!.ways[0]!.id });
      const withdrawn = await t.call('import.commit', { token: again.token });
      expect(!withdrawn.ok && withdrawn.error.message).toMatch(/撤回了 2024 年度记录齐全的标记/);
      // Read again on the ledger as it is now, the same file commits.
      const third = await t.ok('import.preview', { kind: 'payments', file });
      await t.ok('import.commit', { token: third.token });
    });

    it('says first how many it turns into 未参保, may be withdrawn, and is refused for a year before canbao', async () => {
      expect(await t.ok('history.years', {})).toEqual([
        { year: 2025, policyId: 'cq-youyang-2025', known: null, ways: [], canMark: true },
        { year: 2024, policyId: 'cq-youyang-2024', known: null, ways: [], canMark: true },
      ]);
      // 15 on the roster; 续保甲 is insured in 2024.
      expect(await t.ok('history.previewMark', { year: 2024 })).toEqual({ year: 2024, turns: 14 });
      // A count that no longer holds refuses the mark, saying what it is now.
      expect(await t.call('history.markYear', { year: 2024, turns: 13 })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'turns' } });
      const years = await markYear(2024);
      expect(years[1]).toMatchObject({ year: 2024, known: '本所已标记 2024 年度参保记录齐全', canMark: false, ways: [{ batch: null, persons: 14 }] });
      expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
      expect(await t.call('history.markYear', { year: 2023, turns: 0 })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('不能标记该年度记录齐全') },
      });
      await t.ok('history.withdraw', { id: years[1]!.ways[0]!.id });
      expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(0);
    });

    it('an earlier year becomes known through a full 医保 list for it', async () => {
      const file = writeCsv(path.join(dir, '医保2023参保名单.csv'), [
        ['身份证号', '年度', '参保状态', '参保类型'],
        ...[...neighbours, who('网缴丙')].map((n) => [n.idNumber, '2023', '参保缴费', '城乡居民基本医疗保险']),
      ]);
      const p = await t.ok('import.preview', { kind: 'insurance', file });
      expect(p.years).toEqual([{ year: 2023, rows: 11, persons: 11, warnings: [expect.stringContaining('既不是本年度')], fullList: true }]);
      await t.ok('import.commit', { token: p.token, fullList: [2023] });
      expect((await t.ok('history.years', {})).map((y) => [y.year, y.known !== null])).toEqual([
        [2025, false],
        [2024, false],
        [2023, true],
      ]);
    });
  });

  it('a payment still on 待核实 counts as insured and is named; one settled 不予登记 does not', async () => {
    await markYear(2024);
    // 未缴乙's 2024 payment does not match the quote (amount): it waits on 待核实.
    await importCsv('payments', '税务补录.csv', [TAX_HEADER, [who('未缴乙').idNumber, '未缴乙', '2024', '1', '2023-11-06', '微信']]);
    const q = await quote2025('未缴乙');
    expect(q.history).toMatchObject({ lapsedYears: 0, continuousYears: 1 });
    expect(q.history!.years.at(-1)!.source).toContain('待核实');
    const [pending] = await t.ok('payments.pending', { coverageYear: 2024 });
    await t.ok('payments.dismiss', { id: pending!.id, reason: '不予登记：金额不符' });
    expect((await quote2025('未缴乙')).history).toMatchObject({ lapsedYears: 1 });
  });

  it('years a person could not be insured are no lapse; a child born early in 2024 and not enrolled lapsed 2024', async () => {
    const kids = (await seedHousehold(t, [{ name: '早生', birth: '2024-03-10' }], { policyId: 'cq-youyang-2024', year: 2024 })).persons;
    await t.ok('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
    await markYear(2024);
    t.ctx.now = () => new Date('2025-01-20T02:00:00Z');
    const q = await t.ok('enroll.quote', { personId: kids[0]!.id, coverageYear: 2025, tier: 1, paidOn: '2025-01-20' });
    expect(q).toMatchObject({ benefitStart: '2025-04-20', history: { lapsedYears: 1, text: '2024 未参保：断保 1 年，待遇等待期 3 个月' } });
  });

  it('农村低收入人口 with no 2024 record waits for nothing in 2025 (酉阳 2025’s 特殊群体)', async () => {
    await markYear(2024);
    await t.ok('categories.certify', { personId: who('未缴乙').id, code: 'low_income_rural', validFrom: '2023-01-01', source: '乡村振兴名单' });
    const q = await quote2025('未缴乙');
    expect(q).toMatchObject({ benefitStart: '2025-01-01', history: { lapsedYears: 1 } });
    expect(q.basis.map((b) => b.citation)).toContain('酉阳医保发〔2024〕37号 三(二)；酉阳医保发〔2023〕52号 三');
    expect(q.warnings.join()).toContain('市级部门可能另有规定');
  });

  it('a 2024 职工医保 switcher whose continuous years are not known waits, with a warning', async () => {
    t.ctx.now = () => new Date('2024-04-10T02:00:00Z');
    const ask = { personId: who('网缴丙').id, coverageYear: 2024, tier: 1 as const, paidOn: '2024-04-10', employeeInsuranceEndedOn: '2024-01-20' };
    const q = await t.ok('enroll.quote', ask);
    expect(q.benefitStart).toBe('2024-07-09');
    expect(q.warnings.join()).toContain('连续参保年数不明');
    expect((await t.ok('enroll.quote', { ...ask, continuousYears: 2 })).benefitStart).toBe('2024-04-11');
  });

  it('the desk’s 县外参保 and 职工医保 count for the year they are recorded for', async () => {
    await markYear(2024);
    const yi = who('未缴乙').id;
    // A year gone by is history only: the person stays on this year's lists.
    const p = await t.ok('roster.setInsurance', { id: yi, outOfCounty: 'in_city_employee', place: '重庆市渝中区', coverageYear: 2024 });
    expect(p.outOfCounty).toBeNull();
    const q = await quote2025('未缴乙');
    expect(q.history).toMatchObject({ lapsedYears: 0, continuousYears: 1 });
    expect(q.history!.years.at(-1)).toEqual({ year: 2024, state: 'insured', source: '职工医保（经办人登记）', basis: 'record' });
    // Corrected for 2024: the desk's word for that year goes, and the year is a lapse again.
    await t.ok('roster.setInsurance', { id: yi, outOfCounty: null, coverageYear: 2024 });
    expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
    // Without a year, the fact is the working year's (2025, whose window is open), and the person's now.
    expect((await t.ok('roster.setInsurance', { id: yi, employeeInsured: true })).employeeInsured).toBe(true);
    expect(t.ctx.db.prepare('SELECT coverage_year FROM insurance_history WHERE person_id = ?').pluck().all(yi)).toEqual([2025]);
  });

  it('reads the whole roster’s years as it reads each person’s', async () => {
    await importCsv(
      'payments',
      '税务2024缴费.csv',
      [
        ...fullTaxList(),
        // 税务's record of someone not on the roster waits on 待核实: no one's year.
        [idFor('1970-01-01', 31), '外来己', '2024', '380', '2023-11-06', '微信'],
      ],
      { fullList: [2024] },
    );
    await importCsv('insurance', '参保状态.csv', [
      ['身份证号', '年度', '参保状态', '参保类型'],
      [who('断保丁').idNumber, '2023', '未参保', '城乡居民基本医疗保险'],
      [who('未缴乙').idNumber, '2023', '参保缴费', '城乡居民基本医疗保险'],
      [who('续保甲').idNumber, '2022', '终止参保', '城乡居民基本医疗保险'],
      [who('网缴丙').idNumber, '2022', '否', '职工基本医疗保险'],
    ]);
    const complete = completeYears(t.ctx.db);
    const all = rosterYears(t.ctx.db, [2024, 2023, 2022], complete);
    for (const p of [...people, ...neighbours]) {
      const one = yearStates(t.ctx.db, p, complete);
      const i = all.personIds.indexOf(p.id);
      expect(all.years.map((y, j) => STATE_CODES[all.states[i * 3 + j]!])).toEqual(all.years.map((y) => one(y).state));
    }
    // A few persons read alone (a village's list) read as they do among everyone.
    const few = [who('断保丁').id, who('续保甲').id, neighbours[3]!.id];
    const some = rosterYears(t.ctx.db, [2024, 2023, 2022], complete, few);
    expect([...some.personIds]).toEqual([...few].sort((a, b) => a - b));
    some.personIds.forEach((id, i) => {
      const j = all.personIds.indexOf(id);
      expect([...some.states.slice(i * 3, i * 3 + 3)]).toEqual([...all.states.slice(j * 3, j * 3 + 3)]);
    });
  });

  it('the drawer shows the person’s row of years', async () => {
    const d = await t.ok('roster.getPerson', { id: who('续保甲').id });
    expect(d.yearRow.map((y) => [y.year, y.state])).toEqual([
      [2022, 'unknown'],
      [2023, 'unknown'],
      [2024, 'insured'],
      [2025, 'unknown'],
    ]);
  });

  describe('the new season’s lists', () => {
    beforeEach(async () => {
      // 2024 is not known for everyone: the 税务 file is not confirmed as the full list.
      await importCsv('payments', '税务2024缴费.csv', fullTaxList());
      await importCsv('insurance', '参保状态.csv', [
        ['身份证号', '年度', '参保状态', '参保类型'],
        [who('断保丁').idNumber, '2024', '参保缴费', '城乡居民基本医疗保险'],
        [who('未缴乙').idNumber, '2024', '未参保', '城乡居民基本医疗保险'],
      ]);
    });
    const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

    it('splits the not-enrolled by last year: insured, known not insured, and not known apart', async () => {
      const insured = await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'insured' });
      expect(names(insured.rows)).toEqual(['断保丁', '续保甲', '网缴丙', ...neighbours.map((n) => n.name)].sort());
      const not = await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'not_insured' });
      expect(names(not.rows)).toEqual(['未缴乙']);
      const unknown = await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'unknown' });
      expect(names(unknown.rows)).toEqual(['新生戊']);
      // A page of a list counts the whole list.
      expect(await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'insured', limit: 5, offset: 10 })).toMatchObject({
        total: 13,
        rows: { length: 3 },
      });
      // Enrolling for 2025 takes the person off every list.
      await t.ok('enroll.person', { personId: who('续保甲').id, coverageYear: 2025, tier: 1, paidOn: PAID, channel: '现金' });
      const d = await t.ok('reports.dashboard', { coverageYear: 2025, on: PAID });
      expect(d).toMatchObject({ notEnrolled: 14, insuredLastYearNotEnrolled: 12, notInsuredLastYear: 1, unknownLastYear: 1 });
    });

    it('compares with last season on the same calendar day', async () => {
      await t.ok('enroll.person', { personId: who('续保甲').id, coverageYear: 2025, tier: 1, paidOn: '2024-09-20', channel: '现金' });
      // Last season by 2023-11-05 (甲 paid that day; 丙 paid the 6th), this season by 2024-11-05.
      const d = await t.ok('reports.dashboard', { coverageYear: 2025, on: '2024-11-05' });
      expect(d.lastYearSameDay).toEqual({ on: '2023-11-05', enrolled: 1, target: 0, enrolledNow: 1 });
      expect((await t.ok('reports.dashboard', { coverageYear: 2024, on: '2023-11-05' })).lastYearSameDay).toBeNull();
    });

    it('exports each list in the worklist’s layout, titled as itself', async () => {
      const v = (await t.ok('villages.list', {})).find((x) => x.id === who('续保甲').villageId)!;
      for (const [kind, title, rows] of [
        ['insuredLastYearNotEnrolled', '2025年度去年参保、今年未参保人员名单', ['续保甲', '网缴丙', '断保丁']],
        ['notInsuredLastYear', '2025年度去年未参保、今年未参保人员名单', ['未缴乙']],
        ['unknownLastYear', '2025年度去年情况不明、今年未参保人员名单', ['新生戊']],
      ] as const) {
        const { file } = await t.ok('export.write', { kind, coverageYear: 2025, villageId: v.id });
        expect(path.basename(file)).toContain(`${v.name}-${title}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.worksheets[0]!;
        expect(String(ws.getCell('A1').value)).toContain(title);
        const listed: string[] = [];
        ws.eachRow((r, n) => n > 2 && typeof r.getCell(1).value === 'number' && listed.push(String(r.getCell(4).value)));
        expect(listed.sort()).toEqual([...rows].sort());
      }
    });
  });

  it('says which year takes payments today; screens open on the one whose 集中参保期 is open', async () => {
    const rows = await t.ok('office.policies', {});
    expect(rows.map(({ channels: _c, zeroChannel: _z, ...r }) => r)).toEqual([
      { coverageYear: 2024, policyId: 'cq-youyang-2024', openWindow: null, working: false, tiers: [1, 2] },
      {
        coverageYear: 2025,
        policyId: 'cq-youyang-2025',
        openWindow: { id: 'centralized', label: '集中参保期', to: '2024-12-31' },
        working: true,
        tiers: [1, 2],
      },
    ]);
    const jul = { id: 'jul_sep', label: '7月1日至9月30日', to: '2024-09-30' };
    const central = { id: 'centralized', label: '集中参保期', to: '2024-12-31' };
    // 2024-09-20 in 酉阳: both years take payments; the new season's window wins.
    expect(
      workingYear([
        { coverageYear: 2024, openWindow: jul },
        { coverageYear: 2025, openWindow: central },
      ]),
    ).toBe(2025);
    // August: next year's policy is chosen early, but only this year takes payments.
    expect(
      workingYear([
        { coverageYear: 2024, openWindow: jul },
        { coverageYear: 2025, openWindow: null },
      ]),
    ).toBe(2024);
    expect(
      workingYear([
        { coverageYear: 2024, openWindow: null },
        { coverageYear: 2025, openWindow: null },
      ]),
    ).toBe(2025);
    expect(workingYear([])).toBeNull();
  });
});
