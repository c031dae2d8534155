// The second season (issue 17): 酉阳 2025 quotes without desk facts, the lapse counted from the
// ledger's own 2024 enrollments, 2024's imported payment records and 医保's history (rules.md
// "History decides a lapse"). Real ledger, real CSV files.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';
import { STATE_CODES, completeYears, rosterYears, yearStates } from '../../../src-main/ledger/insurance-years';
import { workingYear } from '../../../src-main/domain/working-year';

let t: TestLedger;
let dir: string;
let people: Awaited<ReturnType<typeof seedHousehold>>['persons'];
const who = (name: string) => people.find((p) => p.name === name)!;

// 2024-10-10: 酉阳 2025's centralized window (2024-09-13 – 12-31) is open.
const PAID = '2024-10-10';
const quote2025 = (name: string, extra: { lapsedYears?: number; continuousYears?: number } = {}) =>
  t.ok('enroll.quote', { personId: who(name).id, coverageYear: 2025, tier: 1, paidOn: PAID, ...extra });

async function importCsv(kind: 'payments' | 'insurance', name: string, rows: string[][], options?: { coverageYear: number }) {
  const file = writeCsv(path.join(dir, name), rows);
  const p = await t.ok('import.preview', { kind, file, ...(options ? { options } : {}) });
  await t.ok('import.commit', { token: p.token });
  return p;
}

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
      '2024 年是否参保不明（未导入该年度税务/医保缴费记录，也未标记该年度参保记录齐全），未按断保计算。请向参保人核实；曾断保的，填写断保年数。',
    );
  });

  describe('once 2024’s payment records are imported', () => {
    beforeEach(async () => {
      const p = await importCsv('payments', '税务2024缴费.csv', [
        ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
        [who('网缴丙').idNumber, '网缴丙', '2024', '380', '2023-11-06', '微信'],
      ]);
      expect(p.counts).toMatchObject({ record: 1 });
    });

    it('a person on the roster with no 2024 record waits 3 months from payment, warned about earlier years', async () => {
      const q = await quote2025('未缴乙');
      expect(q.benefitStart).toBe('2025-01-10');
      expect(q.history).toMatchObject({ lapsedYears: 1, text: '2023 情况不明、2024 未参保：至少断保 1 年，待遇等待期 3 个月' });
      expect(q.history!.years[1]).toEqual({ year: 2024, state: 'not_insured', source: '已导入 2024 年度税务/医保缴费记录，其中没有此人' });
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

    it('a baby born in 2024 and not enrolled for it waits for nothing: the birth year is the newborn’s', async () => {
      const q = await quote2025('新生戊');
      expect(q).toMatchObject({ eligible: true, benefitStart: '2025-01-01', history: { lapsedYears: 0, text: '2025 年以前无应参保年度' } });
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
      const logged = t.ctx.db.prepare("SELECT after_json FROM audit_log WHERE action = 'enroll.person' AND entity_id = ?").pluck().get(String(e.id)) as string;
      expect(JSON.parse(logged)).toMatchObject({ typed: { lapsedYears: 0 }, history: expect.stringContaining('至少断保 1 年') });
    });

    it('undoing the payment import makes 2024 unknown again', async () => {
      const [batch] = await t.ok('import.batches', {});
      await t.ok('import.undo', { batchId: batch!.id });
      expect((await quote2025('未缴乙')).history).toMatchObject({ lapsedYears: 0, text: '2024 情况不明：无法判断是否断保' });
    });
  });

  it('a 税务 file whose rows are all recorded already still takes its year in', async () => {
    const p = await importCsv('payments', '税务2024缴费.csv', [
      ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
      [who('续保甲').idNumber, '续保甲', '2024', '380', '2023-11-05', '现金'],
    ]);
    expect(p.counts).toMatchObject({ record: 0, pending: 0, unchanged: 1 });
    expect((await t.ok('history.years', {})).find((y) => y.year === 2024)).toMatchObject({ paymentsImported: true });
    expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
  });

  it('an admin may mark a year the office ran complete, and not a year before canbao', async () => {
    expect(await t.ok('history.years', {})).toEqual([
      { year: 2025, policyId: 'cq-youyang-2025', complete: null, marked: null, paymentsImported: false },
      { year: 2024, policyId: 'cq-youyang-2024', complete: null, marked: null, paymentsImported: false },
    ]);
    const years = await t.ok('history.markYear', { year: 2024, complete: true });
    expect(years[1]).toMatchObject({ year: 2024, complete: '已标记 2024 年度参保记录齐全', marked: { by: expect.any(String) } });
    expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
    expect(await t.call('history.markYear', { year: 2023, complete: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不能标记该年度记录齐全') },
    });
    await t.ok('history.markYear', { year: 2024, complete: false });
    expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(0);
  });

  it('the desk’s 县外参保 and 职工医保 count for the year they are recorded for', async () => {
    await t.ok('history.markYear', { year: 2024, complete: true });
    const yi = who('未缴乙').id;
    // A year gone by is history only: the person stays on this year's lists.
    const p = await t.ok('roster.setInsurance', { id: yi, outOfCounty: 'in_city_employee', place: '重庆市渝中区', coverageYear: 2024 });
    expect(p.outOfCounty).toBeNull();
    const q = await quote2025('未缴乙');
    expect(q.history).toMatchObject({ lapsedYears: 0, continuousYears: 1 });
    expect(q.history!.years.at(-1)).toEqual({ year: 2024, state: 'insured', source: '职工医保（经办人登记）' });
    // Corrected for 2024: the desk's word for that year goes, and the year is a lapse again.
    await t.ok('roster.setInsurance', { id: yi, outOfCounty: null, coverageYear: 2024 });
    expect((await quote2025('未缴乙')).history!.lapsedYears).toBe(1);
    // Without a year, the fact is the working year's (2025, whose window is open), and the person's now.
    expect((await t.ok('roster.setInsurance', { id: yi, employeeInsured: true })).employeeInsured).toBe(true);
    expect(t.ctx.db.prepare('SELECT coverage_year FROM insurance_history WHERE person_id = ?').pluck().all(yi)).toEqual([2025]);
  });

  it('reads the whole roster’s years as it reads each person’s', async () => {
    await importCsv('payments', '税务2024缴费.csv', [
      ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
      [who('网缴丙').idNumber, '网缴丙', '2024', '380', '2023-11-06', '微信'],
      // 税务's record of someone not on the roster waits on 待核实: no one's year.
      [idFor('1970-01-01', 31), '外来己', '2024', '380', '2023-11-06', '微信'],
    ]);
    await importCsv('insurance', '参保状态.csv', [
      ['身份证号', '年度', '参保状态', '参保类型'],
      [who('断保丁').idNumber, '2023', '未参保', '城乡居民基本医疗保险'],
      [who('未缴乙').idNumber, '2023', '参保缴费', '城乡居民基本医疗保险'],
    ]);
    const complete = completeYears(t.ctx.db);
    const all = rosterYears(t.ctx.db, [2024, 2023, 2022], complete);
    for (const p of people) {
      const one = yearStates(t.ctx.db, p, complete);
      const i = all.personIds.indexOf(p.id);
      expect(all.years.map((y, j) => STATE_CODES[all.states[i * 3 + j]!])).toEqual(all.years.map((y) => one(y).state));
    }
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
      await importCsv('payments', '税务2024缴费.csv', [
        ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
        [who('网缴丙').idNumber, '网缴丙', '2024', '380', '2023-11-06', '微信'],
      ]);
      await importCsv('insurance', '参保状态.csv', [
        ['身份证号', '年度', '参保状态', '参保类型'],
        [who('断保丁').idNumber, '2024', '参保缴费', '城乡居民基本医疗保险'],
      ]);
    });
    const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

    it('splits the not-enrolled by last year: insured (from any record) first, then the rest', async () => {
      const insured = await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'insured' });
      expect(names(insured.rows)).toEqual(['断保丁', '续保甲', '网缴丙'].sort());
      const not = await t.ok('reports.notEnrolled', { coverageYear: 2025, lastYear: 'not_insured' });
      expect(names(not.rows)).toEqual(['新生戊', '未缴乙'].sort());
      // Enrolling for 2025 takes the person off both.
      await t.ok('enroll.person', { personId: who('续保甲').id, coverageYear: 2025, tier: 1, paidOn: PAID, channel: '现金' });
      const d = await t.ok('reports.dashboard', { coverageYear: 2025, on: PAID });
      expect(d).toMatchObject({ notEnrolled: 4, insuredLastYearNotEnrolled: 2, notInsuredLastYear: 2 });
    });

    it('compares with last season on the same calendar day', async () => {
      await t.ok('enroll.person', { personId: who('续保甲').id, coverageYear: 2025, tier: 1, paidOn: '2024-09-20', channel: '现金' });
      // Last season by 2023-11-05 (甲 paid that day; 丙 paid the 6th), this season by 2024-11-05.
      const d = await t.ok('reports.dashboard', { coverageYear: 2025, on: '2024-11-05' });
      expect(d.lastYearSameDay).toEqual({ on: '2023-11-05', enrolled: 1, target: 0, enrolledNow: 1 });
      expect((await t.ok('reports.dashboard', { coverageYear: 2024, on: '2023-11-05' })).lastYearSameDay).toBeNull();
    });

    it('exports each list in the worklist’s layout, titled as itself', async () => {
      const v = (await t.ok('villages.list', {}))[0]!;
      for (const [kind, title, rows] of [
        ['insuredLastYearNotEnrolled', '2025年度去年参保、今年未参保人员名单', ['续保甲', '网缴丙', '断保丁']],
        ['notInsuredLastYear', '2025年度去年未参保、今年未参保人员名单', ['未缴乙', '新生戊']],
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
    expect(rows).toEqual([
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
