// Real spreadsheet files for import tests: written by exceljs, by LibreOffice (an
// independent writer), and as GBK text by iconv.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

/** LibreOffice headless conversion; a private profile so parallel tests do not collide. */
export function soffice(input: string, to: string, outDir: string, infilter?: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outDir, input],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${to.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new Error(`soffice produced nothing for ${input}`);
  return out;
}

export function csvLine(cells: (string | number)[]): string {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',');
}

export function writeCsv(file: string, rows: (string | number)[][], encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'gbk' = 'utf-8'): string {
  const text = rows.map(csvLine).join('\r\n') + '\r\n';
  if (encoding === 'gb18030' || encoding === 'gbk') {
    const utf8 = `${file}.utf8`;
    fs.writeFileSync(utf8, text);
    fs.writeFileSync(file, execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding.toUpperCase(), utf8]));
    fs.rmSync(utf8);
  } else fs.writeFileSync(file, (encoding === 'utf-8-bom' ? '\ufeff' : '') + text);
  return file;
}

/** An .xlsx as offices make them: a merged title row, a header row, then the data. */
export async function writeXlsx(
  file: string,
  opts: { title?: string; headers: string[]; rows: (string | number)[][]; subHeaders?: string[] },
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (opts.title) {
    ws.addRow([opts.title]);
    ws.mergeCells(1, 1, 1, opts.headers.length);
  }
  ws.addRow(opts.headers);
  if (opts.subHeaders) ws.addRow(opts.subHeaders);
  for (const r of opts.rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * LibreOffice's reading of workbooks, as the rows it shows: one run converts them all to UTF-8
 * CSV (an independent reader of what exceljs wrote). Keyed by each file's name without .xlsx.
 */
export function sofficeRows(files: string[], outDir: string): Record<string, string[][]> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, ...files],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const parse = (text: string) =>
    text
      .replace(/\r/g, '')
      .split('\n')
      .filter((l) => l.length)
      .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  return Object.fromEntries(
    files.map((f) => {
      const name = path.basename(f, '.xlsx');
      return [name, parse(fs.readFileSync(path.join(outDir, `${name}.csv`), 'utf8'))];
    }),
  );
}
