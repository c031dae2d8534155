import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportKind } from '../../../src-main/api/contract';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, sofficeRows } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
const files: Partial<Record<ExportKind, string>> = {};
const csv: Partial<Record<ExportKind, string[][]>> = {};

beforeAll(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-export-');
  await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
  const a = await seedHousehold(
    t,
    [
      { name: '张三', birth: '1960-05-01', phone: '13812345678' },
      { name: '李梅', birth: '1962-08-08' },
      { name: '王五', birth: '2001-03-03' },
    ],
    { village: '幸福村' },
  );
  await seedHousehold(t, [{ name: '赵六', birth: '1970-01-01' }], { village: '红梁村' });
  await t.ok('targets.set', { coverageYear: 2024, villageId: a.village.id, target: 3 });
  await t.ok('categories.certify', { personId: a.persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '名单' });
  await t.ok('categories.certify', { personId: a.persons[1]!.id, code: 'destitute', validFrom: '2023-01-01', source: '名单' });
  await t.ok('enroll.person', { personId: a.persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  const zero = await t.ok('enroll.person', { personId: a.persons[1]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '零申报' });
  await t.ok('enroll.markDeclared', { ids: [zero.id], on: '2024-01-05' });
  await t.ok('roster.setInsurance', { id: a.persons[2]!.id, outOfCounty: 'out_city_resident', place: '西南大学' });
  // 残联's person, in a village of their own: 资助台账 groups by department, not by village.
  const c = await seedHousehold(t, [{ name: '孙七', birth: '1965-06-06' }], { village: '青龙村' });
  await t.ok('categories.certify', { personId: c.persons[0]!.id, code: 'disability_3_4', validFrom: '2023-01-01', source: '残联名单' });
  await t.ok('enroll.person', { personId: c.persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '微信' });

  const kinds: ExportKind[] = ['fujian1', 'fujian2', 'fujian3', 'fujian4', 'fujian5', 'notEnrolled', 'zeroDeclarations', 'subsidyLedger', 'payments'];
  // Exports land in the data folder under names of the program's; LibreOffice names each CSV after its source.
  for (const kind of kinds) {
    const written = (await t.ok('export.write', { kind, coverageYear: 2024 })).file;
    files[kind] = path.join(dir, `${kind}.xlsx`);
    fs.copyFileSync(written, files[kind]);
  }
  if (hasSoffice) {
    // One LibreOffice run converts them all back, as an independent reader.
    for (const [kind, rows] of Object.entries(sofficeRows(Object.values(files), path.join(dir, 'csv')))) csv[kind as ExportKind] = rows;
  }
}, 240_000);

afterAll(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exports read back by LibreOffice', () => {
  it.runIf(hasSoffice)('the office lists: not enrolled, 零申报, 资助台账, payments by day and channel', () => {
    expect(csv.notEnrolled!.map((r) => r[3])).toEqual(expect.arrayContaining(['赵六']));
    expect(csv.notEnrolled!.map((r) => r[3])).not.toContain('张三');
    expect(csv.zeroDeclarations!.find((r) => r[2] === '李梅')!.slice(4, 9)).toEqual(['特困人员', '民政局', '一档', '380.00', '0.00']);
    expect(csv.subsidyLedger!.filter((r) => /^\d+$/.test(r[0]!))).toHaveLength(3);
    expect(csv.payments!).toContainEqual(['2023-11-01', '现金', '1', '38.00']);
    expect(csv.payments!.at(-1)).toEqual(['合计', '', '3', '228.00']);
  });

  it('资助台账 closes each department with its 小计 and the whole with 合计; 零申报 and 缴费日报 dates are dates', async () => {
    const read = async (kind: ExportKind) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files[kind]!);
      return wb.worksheets[0]!;
    };
    const ledger = await read('subsidyLedger');
    const values = ledger.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    // 附件1's order: 民政局's 特困人员 before its 城乡低保对象, its 小计, then 残联's and its 小计, then the 合计.
    const tail = values.slice(-6);
    expect(tail.map((r) => [r[2], r[5], r[7], r[8]])).toEqual([
      ['李梅', '民政局', 380, 0],
      ['张三', '民政局', 342, 38],
      ['小计（2 人）', '民政局', 722, 38],
      ['孙七', '残联', 190, 190],
      ['小计（1 人）', '残联', 190, 190],
      ['合计（3 人）', undefined, 912, 228],
    ]);
    const zero = await read('zeroDeclarations');
    let r = 1;
    while (zero.getCell(`C${r}`).value !== '李梅') r++;
    const cell = zero.getCell(`J${r}`);
    expect(cell.value).toEqual(new Date('2024-01-05T00:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    const days = await read('payments');
    expect(days.getCell('A3').value).toEqual(new Date('2023-11-01T00:00:00Z'));
  });

  it('every export is a well-formed workbook exceljs can open, in 宋体 with A4 fit-to-width', async () => {
    for (const file of Object.values(files)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('A1').font?.name, file).toBe('宋体');
      expect(ws.pageSetup.fitToWidth, file).toBe(1);
      expect(ws.pageSetup.paperSize, file).toBe(9);
    }
  });
});
