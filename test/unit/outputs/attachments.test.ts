// Each county attachment's xlsx against docs/forms.md, point by point: the
// 附件N label, the title, the header rows and their merges, the words, the rows and totals;
// read back by exceljs (merges, number formats, page setup) and by LibreOffice (values as shown).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { hasSoffice, sofficeRows } from '../../helpers/files';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
let dir: string;
const KINDS = ['fujian1', 'fujian2', 'fujian3', 'fujian4', 'fujian5'] as const;
const sheets: Record<string, ExcelJS.Worksheet> = {};
const csv: Record<string, string[][]> = {};
const names: Record<string, string> = {};

beforeAll(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-attachments-');
  await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const a = await seedHousehold(
    t,
    [
      { name: '张三', birth: '1960-05-01', phone: '13812345678' },
      { name: '李梅', birth: '1962-08-08' },
      { name: '王五', birth: '2001-03-03' },
    ],
    { village: '幸福村' },
  );
  const b = await seedHousehold(t, [{ name: '赵六', birth: '1970-01-01' }], { village: '红梁村' });
  await t.ok('targets.set', { coverageYear: 2024, villageId: a.village.id, target: 3 });
  await t.ok('targets.set', { coverageYear: 2024, villageId: b.village.id, target: 2501 });
  await t.ok('enroll.person', { personId: a.persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  await t.ok('enroll.person', { personId: a.persons[1]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  await t.ok('enroll.person', { personId: b.persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
  await t.ok('roster.setInsurance', { id: a.persons[2]!.id, outOfCounty: 'out_city_resident', place: '西南大学' });
  for (const kind of KINDS) {
    const written = (await t.ok('export.write', { kind, coverageYear: 2024 })).file;
    names[kind] = path.basename(written);
    const copy = path.join(dir, `${kind}.xlsx`);
    fs.copyFileSync(written, copy);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    sheets[kind] = wb.worksheets[0]!;
  }
  if (hasSoffice) {
    // One LibreOffice run converts them all back, as an independent reader.
    for (const [kind, rows] of Object.entries(
      sofficeRows(
        KINDS.map((k) => path.join(dir, `${k}.xlsx`)),
        path.join(dir, 'csv'),
      ),
    ))
      csv[kind] = rows;
  }
}, 240_000);

afterAll(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The sheet's merges, as A1 ranges, sorted. */
const mergesOf = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
const row = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1).map((v) => v ?? '');

describe('every attachment', () => {
  it('is named <乡镇>-附件<N>-<年度>年度<表名>-<日期>, a second one the same day (2)', async () => {
    expect(names.fujian1).toBe('农坝镇-附件1-2024年度城乡居民基本医疗保险筹资对照表-2024-01-10.xlsx');
    expect(names.fujian5).toBe('农坝镇-附件5-2024年度参加基本医疗保险情况汇总表-2024-01-10.xlsx');
    const again = await t.ok('export.write', { kind: 'fujian1', coverageYear: 2024 });
    expect(path.basename(again.file)).toBe('农坝镇-附件1-2024年度城乡居民基本医疗保险筹资对照表-2024-01-10(2).xlsx');
  });

  it('has 附件N at the top left, the title merged over all columns unboxed, A4 fitted to one width, and a footer with a section code', () => {
    for (const [i, kind] of KINDS.entries()) {
      const ws = sheets[kind]!;
      expect(ws.getCell('A1').value, kind).toBe(`附件${i + 1}`);
      expect(ws.getCell('A1').alignment?.horizontal, kind).toBe('left');
      expect(ws.getCell('A1').border?.top, kind).toBeUndefined();
      expect(ws.getCell('A2').border?.top, kind).toBeUndefined();
      expect(mergesOf(ws), kind).toContain(`A2:${String.fromCharCode(64 + ws.columnCount)}2`);
      expect(ws.getCell('A2').font, kind).toMatchObject({ name: '宋体', bold: true });
      expect(ws.pageSetup, kind).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.headerFooter.oddFooter, kind).toBe('&C第 &P 页，共 &N 页');
    }
  });
});

describe('附件1 筹资对照表', () => {
  it('has the seed’s two header rows, the department merged over its rows, categories over their tiers, and the four 优抚 groups sharing 二档 / 755', () => {
    const ws = sheets.fujian1!;
    expect(ws.getCell('A2').value).toBe('农坝镇2024年度城乡居民基本医疗保险筹资对照表');
    expect(row(ws, 3)).toEqual(['资助部门', '特殊人员类别', '参保档次', '资助标准', '自筹金额(元)']);
    expect(ws.getCell('D4').value).toBe('金额(元)');
    const m = mergesOf(ws);
    for (const r of ['A3:A4', 'B3:B4', 'C3:C4', 'E3:E4']) expect(m).toContain(r);
    // The body: find each department's first row and check its merge reaches its last.
    const body: { r: number; v: ExcelJS.CellValue[] }[] = [];
    for (let r = 5; r <= ws.rowCount; r++) body.push({ r, v: row(ws, r) });
    const first = (dept: string) => body.find((b) => b.v[0] === dept)!.r;
    expect(body[0]!.v).toEqual(['居民自筹', '普通人员', '一档', 0, 380]);
    expect(m).toContain(`A${first('民政局')}:A${first('退役军人事务管理局') - 1}`);
    // 城乡低保对象: one category over its two tiers, different amounts in each.
    const low = body.find((b) => b.v[1] === '城乡低保对象')!.r;
    expect(m).toContain(`B${low}:B${low + 1}`);
    expect(row(ws, low).slice(2)).toEqual(['一档', 342, 38]);
    expect(row(ws, low + 1).slice(2)).toEqual(['二档', 380, 375]);
    // The four 优抚 groups: one 二档 and one 755 over the four, 自筹 0 each.
    const old = body.find((b) => b.v[1] === '在乡老复员军人')!.r;
    expect(m).toContain(`C${old}:C${old + 3}`);
    expect(m).toContain(`D${old}:D${old + 3}`);
    expect(row(ws, old).slice(1)).toEqual(['在乡老复员军人', '二档', 755, 0]);
    expect([1, 2, 3].map((k) => row(ws, old + k)[4])).toEqual([0, 0, 0]);
    // Amounts are numbers; no 合计 row.
    expect(typeof ws.getCell(`D${low}`).value).toBe('number');
    expect(body.some((b) => b.v.includes('合计'))).toBe(false);
  });
});

describe('附件1’s equal amounts', () => {
  it('merges a category’s 资助标准 over both tiers where they are the same (特困人员)', () => {
    const ws = sheets.fujian1!;
    let r = 5;
    while (row(ws, r)[1] !== '特困人员') r++;
    expect(mergesOf(ws)).toContain(`D${r}:D${r + 1}`);
    expect([row(ws, r)[4], row(ws, r + 1)[4]]).toEqual([0, 375]);
  });
});

describe('附件2 and 附件3', () => {
  it('附件2: 乡镇名称 over the village rows, the year’s task header, 合计 last', () => {
    const ws = sheets.fujian2!;
    expect(ws.getCell('A2').value).toBe('农坝镇2024年度城乡居民基本医疗保险参保目标任务分解表');
    expect(row(ws, 3)).toEqual(['乡镇名称', '2024年参保目标任务数']);
    expect(row(ws, ws.rowCount)).toEqual(['合计', 2504]);
    expect(typeof ws.getCell('B4').value).toBe('number');
  });

  it('附件3: titled with the county, each header cell over two rows, 完成率 a number in percent rounded half up, 合计, no 排名', () => {
    const ws = sheets.fujian3!;
    expect(ws.getCell('A2').value).toBe('云阳县2024年度城乡居民基本医疗保险筹资进度表');
    expect(row(ws, 3)).toEqual(['乡镇名称', '应参保人数', '实际参保人数', '完成率（100%）']);
    for (const c of 'ABCD') expect(mergesOf(ws)).toContain(`${c}3:${c}4`);
    expect(ws.columnCount).toBe(4);
    const last = ws.getRow(ws.rowCount);
    // 3 of 2504 is 0.1198%: 0.12%, a number formatted as a percentage.
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(3).value, last.getCell(4).value]).toEqual(['合计', 2504, 3, 0.0012]);
    expect(last.getCell(4).numFmt).toBe('0.00%');
  });

  it.runIf(hasSoffice)('read by LibreOffice as the paper shows them', () => {
    expect(csv.fujian3!).toContainEqual(['幸福村', '3', '2', '66.67%']);
    expect(csv.fujian3!.at(-1)).toEqual(['合计', '2504', '3', '0.12%']);
    expect(csv.fujian2![0]![0]).toBe('附件2');
  });
});

describe('附件4 县外参加基本医疗保险情况明细表', () => {
  it('has the 填报单位 / 年 月 日 line, the seed’s header, rows numbered to 14 then ......, IDs as text, the dropdown in 附件5’s words', () => {
    const ws = sheets.fujian4!;
    expect(ws.getCell('A3').value).toBe('填报单位：农坝镇');
    expect(ws.getCell('A3').alignment?.horizontal).toBe('left');
    expect(String(ws.getCell('E3').value)).toMatch(/^年\s+月\s+日$/);
    expect(ws.getCell('E3').alignment?.horizontal).toBe('right');
    expect(row(ws, 4)).toEqual([
      '序号',
      '乡镇',
      '村',
      '姓名',
      '身份证号',
      '联系电话',
      '县外参保情况（下拉框选择）',
      '现参保地（职工医保填写到单位，居民医保填写到街道，大学生填写大学名称）',
    ]);
    expect(row(ws, 5).slice(0, 4)).toEqual([1, '农坝镇', '幸福村', '王五']);
    expect(ws.getCell('E5').numFmt).toBe('@');
    expect(row(ws, 5).slice(6)).toEqual(['市外参加居民医保（大学生医保）', '西南大学']);
    expect(Array.from({ length: 14 }, (_, i) => ws.getCell(`A${5 + i}`).value)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(ws.getCell('A19').value).toBe('......');
    const v = ws.getCell('G6').dataValidation;
    expect(v.type).toBe('list');
    expect(v.formulae![0]!.replace(/"/g, '').split(',')).toEqual([
      '县外市内参加居民医保（大学生医保）',
      '县外市内参加职工医保',
      '市外参加居民医保（大学生医保）',
      '市外参加职工医保',
      '参军',
      '服刑',
    ]);
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it.runIf(hasSoffice)('keeps its numbered blank rows when LibreOffice reads it', () => {
    expect(csv.fujian4!.filter((r) => /^\d+$/.test(r[0]!))).toHaveLength(14);
    expect(csv.fujian4!.at(-1)![0]).toBe('......');
  });
});

describe('附件5 参加基本医疗保险情况汇总表', () => {
  it('has thirteen columns under the seed’s two header rows and merges, the year before’s population, and 合计', () => {
    const ws = sheets.fujian5!;
    expect(ws.columnCount).toBe(13);
    expect(ws.getCell('A2').value).toBe('农坝镇2024年度参加基本医疗保险情况汇总表');
    expect([...new Set(row(ws, 3))]).toEqual(['乡镇', '2023年户籍人数', '不在参保范围内人数', '县外参加基本医疗保险人数']);
    expect(row(ws, 4).slice(2)).toEqual([
      '空挂户',
      '死亡',
      '出国',
      '合计',
      '县外市内参加居民医保（大学生医保）',
      '县外市内参加职工医保',
      '市外参加居民医保（大学生医保）',
      '市外参加职工医保',
      '参军',
      '服刑',
      '合计',
    ]);
    const m = mergesOf(ws);
    for (const r of ['A3:A4', 'B3:B4', 'C3:F3', 'G3:M3']) expect(m).toContain(r);
    const happy = [5, 6].map((r) => row(ws, r)).find((r) => r[0] === '幸福村')!;
    expect(happy[0]).toBe('幸福村');
    expect(happy[1]).toBe(3);
    expect(happy[12]).toBe(1);
    expect(row(ws, ws.rowCount)[0]).toBe('合计');
  });
});

describe('瑞州’s own task table', () => {
  it('is what 附件2 exports and prints when the office’s policy is 瑞州’s: 村居 | 年指导性任务数 | 备注, no 合计', async () => {
    const r = openTestLedger('2024-01-10T02:00:00Z');
    try {
      await r.ok('office.update', { townshipName: '瑞州街道', county: '高安市' });
      await r.ok('office.setPolicy', { coverageYear: 2024, policyId: 'jx-gaoan-ruizhou-2024' });
      const v = await r.ok('villages.add', { code: '001', name: '月潭' });
      await r.ok('targets.set', { coverageYear: 2024, villageId: v.id, target: 1555 });
      const form = await r.ok('print.form', { kind: 'fujian2', coverageYear: 2024 });
      expect(form.label).toBe('');
      expect(form.title).toBe('瑞州街道2024年度城乡居民医保参保指导性任务表');
      expect(form.head[0]!.map((c) => c?.v)).toEqual(['村居', '2024年指导性任务数', '备注']);
      expect(form.body.map((row) => row.map((c) => c?.v))).toEqual([['月潭', 1555, '']]);
      const written = (await r.ok('export.write', { kind: 'fujian2', coverageYear: 2024 })).file;
      expect(path.basename(written)).toBe('瑞州街道-2024年度城乡居民医保参保指导性任务表-2024-01-10.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(written);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('A1').value).toBe('瑞州街道2024年度城乡居民医保参保指导性任务表');
      expect(row(ws, 2)).toEqual(['村居', '2024年指导性任务数', '备注']);
      expect(row(ws, ws.rowCount)).toEqual(['月潭', 1555]);
      // 备注 is left to fill, boxed like the rest.
      expect(ws.getCell(`C${ws.rowCount}`).border?.top).toBeDefined();
    } finally {
      r.close();
    }
  });
});
