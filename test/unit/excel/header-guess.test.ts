// The column picker's guess (issue 25): title lines skipped, the header row found by its shape
// even where the program knows few of its words, and every column it knows filled, also on a
// header row the clerk picks. Real workbooks written by exceljs, and one re-saved by LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldKey } from '../../../src-main/domain/import/fields';
import { hasSoffice, soffice } from '../../helpers/files';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { idFor } from '../../helpers/people';

let t: TestLedger;
let dir: string;
beforeAll(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  dir = tempDir('canbao-header-guess-');
});
afterAll(() => {
  t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Cell = string | number;
/** Rows by their number in the sheet; a number left out is a blank row. A title merges across `width`. */
async function workbook(name: string, rows: { at: number; cells: Cell[]; merge?: number }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      if (c !== '') ws.getCell(r.at, i + 1).value = c;
    });
    if (r.merge) ws.mergeCells(r.at, 1, r.at, r.merge);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const columns = (file: string, headerRow?: number) => t.ok('import.columns', { kind: 'roster', file, ...(headerRow !== undefined ? { headerRow } : {}) });

const TITLE = '幸福村2024年度城乡居民基本医疗保险参保登记表';
// The issue's file: a merged title, then a header whose only word the program knows is 联系方式.
const ISSUE_HEADER = ['序号', '居民姓名', '公民身份证号', '联系方式', '村民小组', '备注'];
const issueRows = (n: number) =>
  Array.from({ length: n }, (_, i): Cell[] => [i + 1, `居民${i}`, idFor('1960-01-01', 11 + 2 * i), `1380000${String(1000 + i)}`, '三组', '']);

describe('the header row guessed', () => {
  it('skips a merged title and fills 联系方式 on the issue’s file', async () => {
    const file = await workbook('登记表.xlsx', [
      { at: 1, cells: [TITLE], merge: ISSUE_HEADER.length },
      { at: 2, cells: ISSUE_HEADER },
      ...issueRows(3).map((cells, i) => ({ at: 3 + i, cells })),
    ]);
    const c = await columns(file);
    expect(c.rows[0]!.row).toBe(1);
    expect(c.headerRow).toBe(2);
    expect(c.mapping).toEqual({ phone: 3 });
  });

  it('skips a title and a 填报单位 line, and a blank row before the header', async () => {
    const header = ['姓名', '公民身份证号', '户编号', '联系电话', '备注'];
    const file = await workbook('两行标题.xlsx', [
      { at: 1, cells: [TITLE], merge: header.length },
      { at: 2, cells: ['填报单位：幸福村', '', '', '', '填报日期：2024年1月5日'] },
      { at: 4, cells: header },
      { at: 5, cells: ['张三', idFor('1960-05-01', 11), '0012', '13800001234', ''] },
    ]);
    const c = await columns(file);
    expect(c.headerRow).toBe(4);
    expect(c.mapping).toEqual({ name: 0, householdNumber: 2, phone: 3 });
  });

  it('fills the columns of the row the clerk picks, and none for the title', async () => {
    const file = await workbook('改表头.xlsx', [
      { at: 1, cells: [TITLE], merge: ISSUE_HEADER.length },
      { at: 2, cells: ISSUE_HEADER },
      ...issueRows(2).map((cells, i) => ({ at: 3 + i, cells })),
    ]);
    expect((await columns(file, 1)).mapping).toEqual({});
    expect(await columns(file, 2)).toMatchObject({ headerRow: 2, mapping: { phone: 3 } });
    expect(await columns(file, 0)).toMatchObject({ headerRow: 0, mapping: {} });
    expect(await t.call('import.columns', { kind: 'roster', file, headerRow: 40 })).toMatchObject({
      ok: false,
      error: { field: 'headerRow', message: expect.stringContaining('第 40 行不在文件开头') },
    });
  });

  it.skipIf(!hasSoffice)(
    'reads the same from the file as LibreOffice saves it',
    async () => {
      const written = await workbook('LO登记表.xlsx', [
        { at: 1, cells: [TITLE], merge: ISSUE_HEADER.length },
        { at: 2, cells: ['', '', '', '', '', '单位：人'] },
        { at: 3, cells: ISSUE_HEADER },
        ...issueRows(3).map((cells, i) => ({ at: 4 + i, cells })),
      ]);
      const out = tempDir('canbao-lo-');
      const file = soffice(written, 'xlsx', out);
      expect(await columns(file)).toMatchObject({ headerRow: 3, mapping: { phone: 3 } });
      fs.rmSync(out, { recursive: true, force: true });
    },
    200_000,
  );
});

// Columns offices write, under words the program knows and words it does not, with a value each.
const POOL: { known: [string, FieldKey][]; unknown: string[]; value: (i: number) => Cell }[] = [
  {
    known: [
      ['姓名', 'name'],
      ['参保人姓名', 'name'],
    ],
    unknown: ['居民姓名', '救助对象'],
    value: (i) => `村民${i}`,
  },
  {
    known: [
      ['身份证号码', 'idNumber'],
      ['公民身份号码', 'idNumber'],
    ],
    unknown: ['公民身份证号', '公民号'],
    value: (i) => idFor('1970-03-01', 11 + 2 * i),
  },
  {
    known: [
      ['联系方式', 'phone'],
      ['联系电话', 'phone'],
    ],
    unknown: ['手机'],
    value: (i) => `1390000${String(1000 + i)}`,
  },
  {
    known: [
      ['户编号', 'householdNumber'],
      ['户号', 'householdNumber'],
    ],
    unknown: ['户代码'],
    value: (i) => `00${10 + i}`,
  },
  { known: [['与户主关系', 'relation']], unknown: ['称谓'], value: () => '户主' },
  { known: [['家庭住址', 'address']], unknown: ['居住地点'], value: (i) => `幸福村${i}组` },
  { known: [], unknown: ['序号'], value: (i) => i + 1 },
  { known: [], unknown: ['备注'], value: () => '' },
];

/** A small seeded generator: the same layouts every run, a failure named by its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe('the header row guessed, layout by layout', () => {
  for (let seed = 1; seed <= 24; seed++)
    it(`layout ${seed}: the header row under its titles, every known column filled`, async () => {
      const pick = rng(seed);
      // The ID column is always there (a list of persons), the others by chance, in any order.
      const chosen = POOL.filter((_, i) => i === 1 || pick(3) > 0).sort(() => pick(3) - 1);
      const header: string[] = [];
      const expected: Partial<Record<FieldKey, number>> = {};
      chosen.forEach((col, i) => {
        const known = col.known.length > 0 && pick(2) === 0;
        const [word, field] = known ? col.known[pick(col.known.length)]! : [col.unknown[pick(col.unknown.length)]!, null];
        header.push(word);
        if (field) expected[field] = i;
      });
      const rows: { at: number; cells: Cell[]; merge?: number }[] = [];
      let at = 1;
      const titles = pick(3);
      if (titles >= 1) rows.push(pick(2) ? { at: at++, cells: [TITLE], merge: header.length } : { at: at++, cells: [TITLE] });
      if (titles >= 2) rows.push({ at: at++, cells: ['填报单位：幸福村', ...Array<string>(Math.max(0, header.length - 2)).fill(''), '单位：人、元'] });
      if (titles && pick(2)) at++;
      const headerAt = at;
      rows.push({ at: at++, cells: header });
      for (let i = 0; i < 1 + pick(4); i++) rows.push({ at: at++, cells: chosen.map((c) => c.value(i)) });
      const file = await workbook(`layout-${seed}.xlsx`, rows);
      const c = await columns(file);
      expect({ seed, header, headerRow: c.headerRow }).toEqual({ seed, header, headerRow: headerAt });
      expect(c.mapping).toEqual(expected);
      // Picked by hand, the row gives the same columns.
      expect((await columns(file, headerAt)).mapping).toEqual(expected);
    });
});
