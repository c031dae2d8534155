// Starting the next season (issue 17): the newest policy file for the office's region, last
// season's targets carried until the county's 附件2, and the certifications to have renewed.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let seeded: Awaited<ReturnType<typeof seedHousehold>>;
const who = (name: string) => seeded.persons.find((p) => p.name === name)!;

beforeEach(async () => {
  t = openTestLedger('2024-08-20T02:00:00Z');
  seeded = await seedHousehold(
    t,
    [
      { name: '到期甲', birth: '1950-01-01', relation: '户主' },
      { name: '长期乙', birth: '1951-01-01', relation: '配偶' },
      { name: '续认丙', birth: '1975-01-01', relation: '子' },
      { name: '早已丁', birth: '1976-01-01', relation: '儿媳' },
      { name: '年内戊', birth: '1977-01-01', relation: '女' },
    ],
    { policyId: 'cq-youyang-2024', year: 2024 },
  );
  const certify = (name: string, validFrom: string, validTo: string | null) =>
    t.ok('categories.certify', { personId: who(name).id, code: 'min_living', validFrom, validTo, source: '民政名单' });
  await certify('到期甲', '2023-01-01', '2024-06-30');
  await certify('长期乙', '2023-01-01', null);
  await certify('续认丙', '2023-01-01', '2024-06-30');
  await certify('续认丙', '2024-07-01', null);
  await certify('早已丁', '2021-01-01', '2022-12-31');
  // Ends inside the 2025 window (2024-09-13 to 12-31): a payment after it loses the subsidy.
  await certify('年内戊', '2023-01-01', '2024-11-30');
  await t.ok('targets.set', { coverageYear: 2024, villageId: seeded.village.id, target: 120 });
});
afterEach(() => t.close());

describe('a new season', () => {
  it('offers the newest policy file of the office’s region, last year’s targets, and the certifications ending before the window closes', async () => {
    const s = await t.ok('season.newYear', { year: 2025 });
    expect(s).toEqual({
      year: 2025,
      chosen: null,
      suggested: { id: 'cq-youyang-2025', name: '重庆市酉阳土家族苗族自治县 2025 年度（酉阳医保发〔2024〕37号）' },
      others: [],
      place: '',
      window: { from: '2024-09-13', to: '2024-12-31' },
      opensOn: '2024-09-13',
      proposeFrom: '2024-08-14',
      due: true,
      targets: { lastYear: { villages: 1, total: 120 }, thisYear: { villages: 0, total: 0 } },
      ending: [{ department: '民政局', count: 2 }],
    });
    const ending = await t.ok('season.endingCategories', { year: 2025 });
    expect(ending.map((r) => [r.name, r.code, r.validTo, r.departmentLabel])).toEqual([
      ['到期甲', 'min_living', '2024-06-30', '民政局'],
      ['年内戊', 'min_living', '2024-11-30', '民政局'],
    ]);
  });

  it('exports the ending certifications for the departments, by department, in the ledger’s words', async () => {
    const { file, rows } = await t.ok('export.write', { kind: 'endingCategories', coverageYear: 2025 });
    expect(rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('2025年度资助身份到期人员名单');
    const listed: string[][] = [];
    ws.eachRow((r) => typeof r.getCell(1).value === 'number' && listed.push([2, 3, 6].map((c) => r.getCell(c).text)));
    expect(listed).toEqual([
      ['民政局', '城乡低保对象', '到期甲'],
      ['民政局', '城乡低保对象', '年内戊'],
    ]);
  });

  it('carries last season’s targets to the villages without one, once', async () => {
    await t.ok('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2025' });
    expect(await t.ok('targets.copy', { from: 2024, to: 2025 })).toEqual({ villages: 1, total: 120, kept: 0 });
    expect(await t.ok('targets.copy', { from: 2024, to: 2025 })).toEqual({ villages: 0, total: 0, kept: 1 });
    expect((await t.ok('season.newYear', { year: 2025 })).targets.thisYear).toEqual({ villages: 1, total: 120 });
    expect(await t.call('targets.copy', { from: 2023, to: 2026 })).toMatchObject({ ok: false, error: { message: '2023 年度没有设置任务数，无可沿用。' } });
    expect(await t.call('targets.copy', { from: 2025, to: 2025 })).toMatchObject({ ok: false, error: { field: 'from' } });
  });

  it('offers nothing where no file of the region exists for the year', async () => {
    expect(await t.ok('season.newYear', { year: 2026 })).toMatchObject({ chosen: null, suggested: null, others: [], window: null, due: true });
  });
});
