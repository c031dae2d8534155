import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, TableReadError } from '../../../src-main/excel/table';
import { tempDir } from '../../helpers/ledger';
import { hasSoffice, soffice, writeCsv, writeXlsx } from '../../helpers/files';
import { idFor } from '../../helpers/people';
import { workbookParts, zipParts } from '../../helpers/zip';

const dir = tempDir('canbao-read-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function rowsOf(file: string): Promise<string[][]> {
  const out: string[][] = [];
  await readTable(file, (cells) => out.push(cells));
  return out;
}

describe('reading spreadsheets as text rows', () => {
  it('reads an exceljs .xlsx with a merged title row, keeping Chinese and IDs as text', async () => {
    const file = await writeXlsx(path.join(dir, 'a.xlsx'), {
      title: '幸福村2024年花名册',
      headers: ['序号', '姓名', '公民身份号码'],
      rows: [
        [1, '张三', idFor('1960-05-01', 11)],
        [2, '欧阳娜娜', '11010519491231002X'],
      ],
    });
    expect(await rowsOf(file)).toEqual([
      ['幸福村2024年花名册', '', ''],
      ['序号', '姓名', '公民身份号码'],
      ['1', '张三', idFor('1960-05-01', 11)],
      ['2', '欧阳娜娜', '11010519491231002X'],
    ]);
  });

  it('shows an ID saved as a number the way the file stores it, never as a rounded JS number', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['姓名', '身份证号']).commit();
    // What a clerk's spreadsheet does to a long number: it becomes a float.
    wb.getWorksheet('s')!.addRow(['张三', Number('500235196005010117')]);
    const file = path.join(dir, 'num.xlsx');
    await wb.xlsx.writeFile(file);
    const rows = await rowsOf(file);
    expect(rows[1]![1]).toMatch(/^500235196005010\d{3}$|E\+17$/);
    expect(rows[1]![1]).not.toBe('500235196005010117');
  });

  it.each(['utf-8', 'utf-8-bom', 'gb18030'] as const)('reads a %s CSV with quotes, commas and CRLF', async (enc) => {
    const file = writeCsv(
      path.join(dir, `c-${enc}.csv`),
      [
        ['姓名', '备注'],
        ['张三', '住"幸福村",三组'],
        ['李四', ''],
      ],
      enc,
    );
    expect(await rowsOf(file)).toEqual([
      ['姓名', '备注'],
      ['张三', '住"幸福村",三组'],
      ['李四', ''],
    ]);
  });

  it('refuses .xls, an empty file, a truncated .xlsx and an unknown type, in Chinese', async () => {
    const xls = path.join(dir, 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await expect(rowsOf(xls)).rejects.toThrow(/另存为.*\.xlsx/);
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    await expect(rowsOf(empty)).rejects.toThrow('文件是空的');
    const good = await writeXlsx(path.join(dir, 'whole.xlsx'), { headers: ['姓名'], rows: Array.from({ length: 2000 }, (_, i) => [`张${i}`]) });
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)));
    await expect(rowsOf(cut)).rejects.toThrow(TableReadError);
    await expect(rowsOf(cut)).rejects.toThrow(/损坏|不完整/);
    const doc = path.join(dir, 'x.docx');
    fs.writeFileSync(doc, 'x');
    await expect(rowsOf(doc)).rejects.toThrow('不支持的文件类型');
  });

  it('reads 200,000 Chinese names and IDs back byte-identical across every chunk boundary', async () => {
    // Spread, not index: 𠀀 (U+20000) is two UTF-16 code units and must stay whole.
    const given = [...'秀英伟芳娜敏静丽强磊𠀀'];
    const names = Array.from({ length: 200_000 }, (_, i) => `${'王李张刘陈杨黄赵吴周欧阳'[i % 12]}${given[i % given.length]}${'国华明'[i % 3]}${i}`);
    const ids = names.map((_, i) => idFor(`19${String(30 + (i % 70)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`, i % 1000));
    const file = path.join(dir, 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号']).commit();
    for (let i = 0; i < names.length; i++) ws.addRow([names[i], ids[i]]).commit();
    await wb.commit();
    let n = 0;
    let bad = 0;
    await readTable(file, (cells, row) => {
      if (row === 1) return;
      if (cells[0] !== names[n] || cells[1] !== ids[n]) bad++;
      n++;
    });
    expect(n).toBe(200_000);
    expect(bad).toBe(0);
  }, 120_000);

  it.runIf(hasSoffice)(
    'reads an .xlsx written by LibreOffice from a CSV',
    async () => {
      const csv = writeCsv(path.join(dir, 'lo.csv'), [
        ['姓名', '身份证号', '村'],
        ['张三', idFor('1960-05-01', 11), '幸福村'],
        ['李四', '11010519491231002X', '红梁村'],
      ]);
      // Column 2 as text (format 2), as a careful clerk would import it.
      const xlsx = soffice(csv, 'xlsx', dir, 'CSV:44,34,76,1,1/2/2/2/3/2');
      expect(await rowsOf(xlsx)).toEqual([
        ['姓名', '身份证号', '村'],
        ['张三', idFor('1960-05-01', 11), '幸福村'],
        ['李四', '11010519491231002X', '红梁村'],
      ]);
    },
    180_000,
  );
});

/** What the OpenXML SDK writes: the spreadsheet namespace under a prefix, on every element. */
function withPrefix(xml: string, prefix: string): string {
  return xml
    .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', `xmlns:${prefix}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`)
    .replace(/<(\/?)(?![?!])(?![A-Za-z_][\w.-]*:)([A-Za-z_])/g, `<$1${prefix}:$2`);
}

describe('workbooks as other programs write them', () => {
  it('reads a sheet whose elements carry a namespace prefix (<x:row>, <x:c>), across chunk seams', async () => {
    const rows = [['姓名', '身份证号', '村（社区）'], ...Array.from({ length: 30_000 }, (_, i) => [`居民${i}`, idFor('1960-05-01', i % 997), `第${i % 7}村`])];
    const parts = workbookParts(rows);
    for (const name of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) parts[name] = withPrefix(parts[name]!, 'x');
    expect(parts['xl/worksheets/sheet1.xml']).toContain('<x:row r="2"><x:c r="A2" t="s"><x:v>');
    const file = path.join(dir, 'sdk.xlsx');
    fs.writeFileSync(file, zipParts(parts));
    expect(await rowsOf(file)).toEqual(rows);
    if (hasSoffice) {
      // LibreOffice reads the same file the same way: it is a valid workbook, not one of ours.
      const csv = soffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76', dir);
      expect(fs.readFileSync(csv, 'utf8').split(/\r?\n/)[1]).toBe(rows[1]!.join(','));
    }
  }, 120_000);

  it('says a workbook has an opening password, rather than that it is broken', async () => {
    // Made as test/fixtures/workbooks/README.md says: encrypted the way Excel encrypts.
    await expect(rowsOf(path.resolve('test/fixtures/workbooks/password-mima123.xlsx'))).rejects.toThrow(/^文件设置了打开密码（已加密）/);
  });

  it.runIf(hasSoffice)(
    'says an old .xls renamed to .xlsx is one',
    async () => {
      const plain = await writeXlsx(path.join(dir, 'forxls.xlsx'), { headers: ['姓名'], rows: [['张三']] });
      const renamed = path.join(dir, 'renamed.xlsx');
      fs.copyFileSync(soffice(plain, 'xls', dir), renamed);
      await expect(rowsOf(renamed)).rejects.toThrow(/^这是旧版 \.xls 格式的文件/);
    },
    180_000,
  );
});

describe('a cell naming a shared string the file does not have', () => {
  // 姓名, 村 and 张三 are shared strings 0–2; B2 is the cell under test.
  function workbookWith(cell: string, edit: (parts: Record<string, string>) => void = () => {}): string {
    const parts = workbookParts([
      ['姓名', '村'],
      ['张三', '张三'],
    ]);
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml']!.replace('<c r="B2" t="s"><v>2</v></c>', cell);
    edit(parts);
    const file = path.join(dir, `sst-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(file, zipParts(parts));
    return file;
  }

  it('refuses the file, naming the cell and the number, rather than reading the number as text', async () => {
    await expect(rowsOf(workbookWith('<c t="s"><v>99999</v></c>'))).rejects.toThrow(
      /^工作表内容有误：第 2 行 B 列（B2 单元格）引用了第 99999 号共享文字，而文件里只有 3 个（0 到 2 号）。/,
    );
    await expect(rowsOf(workbookWith('<c r="B2" t="s"><v>1x</v></c>'))).rejects.toThrow(/B2 单元格）的共享文字编号“1x”不是数字/);
    await expect(rowsOf(workbookWith('<c r="B2" t="s"><v>99999</v></c>', (p) => delete p['xl/sharedStrings.xml']))).rejects.toThrow(
      /第 1 行 A 列（A1 单元格）引用了第 0 号共享文字，而文件里没有共享文字/,
    );
  });

  // XML allows all of these; the scanner looked only for ` t="`, so t='s' went unseen and the
  // cell was read as its number: "99999" stored as a name.
  it.each([
    ['single quotes', "<c r='B2' t='s'><v>%</v></c>"],
    ['spaces around =', '<c r = "B2" t = "s"><v>%</v></c>'],
    ['a tab before t', '<c r="B2"\tt="s"><v>%</v></c>'],
    ['a line break before t', '<c r="B2"\n t="s"><v>%</v></c>'],
  ])('reads t="s" written with %s, and refuses it past the table', async (_, cell) => {
    expect(await rowsOf(workbookWith(cell.replace('%', '1')))).toEqual([
      ['姓名', '村'],
      ['张三', '村'],
    ]);
    const error = await rowsOf(workbookWith(cell.replace('%', '99999'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableReadError);
    expect((error as Error).message).toContain('第 2 行 B 列（B2 单元格）引用了第 99999 号共享文字');
  });

  it('reads a row and its cells whose numbers are in single quotes where they say they are', async () => {
    const file = workbookWith("<c r='D2' t='s'><v>1</v></c>", (p) => {
      p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml']!.replace('<row r="2">', "<row r='5'>");
    });
    const rows: [number, string[]][] = [];
    await readTable(file, (cells, n) => rows.push([n, cells]));
    expect(rows).toEqual([
      [1, ['姓名', '村']],
      [5, ['张三', '', '', '村']],
    ]);
  });
});
