// Writes a county form (domain/forms) as the paper it is: 附件N at the top left, the title and
// the lines under it unboxed, the header and body boxed with the form's merges, numbers as
// numbers and rates as percentages, in 宋体 on A4 fitted to one page width, the header rows
// repeated on every page and 第 n 页，共 N 页 in the footer.
import type ExcelJS from 'exceljs';
import { merges, type Form, type FormCell, type FormRow } from '../domain/forms/form';
import { workbookFile } from './workbook-file';
import { BORDER, FONT, a4Sheet, addDropdown, columnLetter, displayWidth, sheetName } from './sheet-style';

function value(c: FormCell): ExcelJS.CellValue {
  if (c.kind === 'yuan') return (c.v as number) / 100;
  return c.v;
}

const NUM_FMT: Partial<Record<NonNullable<FormCell['kind']>, string>> = { int: '0', rate: '0.00%' };

/** The lines a row of cells needs at the form's widths, for its height (Excel grows no row for text it did not lay out). */
function linesOf(row: FormRow, widths: number[]): number {
  let most = 1;
  row.forEach((c, i) => {
    if (!c || c.kind !== 'text' || !c.v) return;
    const room = widths.slice(i, i + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0) - 1;
    most = Math.max(most, Math.ceil(displayWidth(String(c.v)) / Math.max(1, room)) / (c.rowSpan ?? 1));
  });
  return Math.ceil(most);
}

export async function writeForm(file: string, form: Form): Promise<number> {
  const out = workbookFile(file);
  const cols = form.widths.length;
  const ws = out.wb.addWorksheet(sheetName(form.label || form.title), a4Sheet(form.landscape));
  ws.columns = form.widths.map((width) => ({ width }));
  const rows: ExcelJS.Row[] = [];
  const add = (values: ExcelJS.CellValue[]) => {
    const r = ws.addRow(values);
    rows.push(r);
    return r;
  };

  if (form.label) {
    const r = add([form.label]);
    r.font = { ...FONT, size: 12 };
    r.alignment = { horizontal: 'left', vertical: 'middle' };
    r.height = 20;
  }
  const title = add([form.title]);
  title.font = { ...FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 36;
  ws.mergeCells(title.number, 1, title.number, cols);
  for (const line of form.lines) {
    const half = Math.ceil(cols / 2);
    const r = add([line.left, ...Array<string>(half - 1).fill(''), line.right]);
    r.font = FONT;
    r.height = 22;
    ws.mergeCells(r.number, 1, r.number, half);
    ws.mergeCells(r.number, half + 1, r.number, cols);
    r.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
    r.getCell(half + 1).alignment = { horizontal: 'right', vertical: 'middle' };
  }

  const grid = (part: FormRow[], head: boolean) => {
    const first = rows.length + 1;
    for (const row of part) {
      const r = add(row.map((c) => (c ? value(c) : null)));
      r.height = Math.max(head ? 24 : 22, linesOf(row, form.widths) * 15 + 8);
      for (let i = 0; i < cols; i++) {
        const c = row[i];
        const cell = r.getCell(i + 1);
        cell.font = head ? { ...FONT, bold: true } : FONT;
        cell.border = BORDER;
        cell.alignment = { horizontal: c?.align ?? 'center', vertical: 'middle', wrapText: true };
        const fmt = c?.kind ? NUM_FMT[c.kind] : undefined;
        if (fmt) cell.numFmt = fmt;
        else if (!head && form.textColumns.includes(i)) cell.numFmt = '@';
      }
    }
    for (const [r1, c1, r2, c2] of merges(part)) ws.mergeCells(first + r1, c1 + 1, first + r2, c2 + 1);
    return first;
  };
  const headFirst = grid(form.head, true);
  ws.pageSetup.printTitlesRow = `${headFirst}:${headFirst + form.head.length - 1}`;
  const bodyFirst = grid(form.body, false);

  const d = form.dropdown;
  if (d && form.body.length) addDropdown(ws, `${columnLetter(d.column)}${bodyFirst}:${columnLetter(d.column)}${bodyFirst + form.body.length - 1}`, d.options);
  // Rows are committed only now: the merges above reach back over them.
  for (const r of rows) r.commit();
  ws.commit();
  await out.commit();
  return form.body.length;
}
