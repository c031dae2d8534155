// Writes one printable sheet in the county's layout: a merged title, one or two header rows
// (merged where the notice merges them), borders, 宋体, column widths, A4 with the header
// rows repeated on every printed page and fitted to the page width. Streams rows, without
// shared strings, so a million-row list costs what exceljs's own writer costs.
import type ExcelJS from 'exceljs';
import { workbookFile, type WorkbookFile } from './workbook-file';
import { BORDER, FONT, a4Sheet, addDropdown, columnLetter, displayWidth, sheetName } from './sheet-style';

export interface HeaderCell {
  text: string;
  /** Columns this cell spans in the first header row (default 1). */
  span?: number;
  /** Columns under a spanning cell, in the second header row. */
  children?: string[];
}

export interface SheetSpec {
  title: string;
  /** A line under the title (填报单位、日期 …), left as blanks to fill by hand when absent. */
  subtitle?: string;
  headers: HeaderCell[];
  widths: number[];
  /** Columns (0-based) kept as text, so ID numbers stay whole when the file is opened. */
  textColumns?: number[];
  /** Columns of YYYY-MM-DD dates, written as dates (a value that is not a date stays text). */
  dateColumns?: number[];
  /** Columns of yuan: shown with two decimals, right-aligned a space in from the border. */
  moneyColumns?: number[];
  /** Columns of long words (资助类别, 现参保地): left-aligned a space in, wrapped within the cell. Others are centred. */
  leftColumns?: number[];
  /** A dropdown on a column, as in 附件4. */
  dropdown?: { column: number; options: string[] };
  landscape?: boolean;
  /** Rows to leave blank at the end for the village to fill in. */
  blankRows?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Midnight UTC of the day: exceljs writes a Date as its serial from UTC, so the day never shifts. */
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);

export class SheetWriter {
  private readonly out: WorkbookFile;
  private readonly ws: ExcelJS.Worksheet;
  private readonly text: Set<number>;
  private readonly dates: Set<number>;
  private readonly width: number;
  rows = 0;
  private firstDataRow = 0;

  constructor(
    file: string,
    private readonly spec: SheetSpec,
  ) {
    this.out = workbookFile(file);
    this.width = spec.widths.length;
    this.text = new Set(spec.textColumns ?? []);
    this.dates = new Set(spec.dateColumns ?? []);
    this.ws = this.out.wb.addWorksheet(sheetName(spec.title), a4Sheet(spec.landscape ?? false));
    // Column styles, set once, reach every cell written below them: per-cell styling made
    // a big list five times slower to write than exceljs alone.
    // Printed, a right-aligned number met a left-aligned word in the next cell with nothing
    // between (个人缴费 114 against 收据号 2024000038 read 1142024000038): every column says
    // how it aligns, and an edge-aligned one keeps a space from its border.
    const money = new Set(spec.moneyColumns ?? []);
    const left = new Set(spec.leftColumns ?? []);
    const alignOf = (i: number): Partial<ExcelJS.Alignment> =>
      money.has(i)
        ? { horizontal: 'right', vertical: 'middle', indent: 1 }
        : left.has(i)
          ? { horizontal: 'left', vertical: 'middle', indent: 1, wrapText: true }
          : { horizontal: 'center', vertical: 'middle' };
    this.ws.columns = spec.widths.map((w, i) => ({
      width: w,
      style: {
        font: FONT,
        border: BORDER,
        alignment: alignOf(i),
        ...(this.text.has(i) ? { numFmt: '@' } : this.dates.has(i) ? { numFmt: 'yyyy-mm-dd' } : money.has(i) ? { numFmt: '0.00' } : {}),
      },
    }));
    this.writeHead();
  }

  private writeHead(): void {
    const { spec, ws, width } = this;
    const title = ws.addRow([spec.title]);
    title.font = { ...FONT, size: 16, bold: true };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 30;
    ws.mergeCells(1, 1, 1, width);
    title.commit();
    let next = 2;
    if (spec.subtitle !== undefined) {
      const sub = ws.addRow([spec.subtitle]);
      sub.font = FONT;
      ws.mergeCells(2, 1, 2, width);
      sub.commit();
      next = 3;
    }
    const twoLevel = spec.headers.some((h) => h.children);
    const top: string[] = [];
    const bottom: string[] = [];
    for (const h of spec.headers) {
      const span = h.children?.length ?? h.span ?? 1;
      top.push(h.text, ...Array<string>(span - 1).fill(''));
      bottom.push(...(h.children ?? Array<string>(span).fill('')));
    }
    const spans = spec.headers.flatMap((h) => {
      const span = h.children?.length ?? h.span ?? 1;
      return [span, ...Array<number>(span - 1).fill(0)];
    });
    const rows = (twoLevel ? [top, bottom] : [top]).map((values, k) => {
      const r = ws.addRow(values);
      r.font = { ...FONT, bold: true };
      r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      for (let c = 1; c <= width; c++) r.getCell(c).border = BORDER;
      // Wrapped headers need the height for their lines: Excel does not grow a row for text
      // it did not lay out itself, and a cut-off header prints cut off.
      const lines = values.map((text, c) => {
        const cols = k === 0 ? Math.max(1, spans[c] ?? 1) : 1;
        const room = spec.widths.slice(c, c + cols).reduce((a, b) => a + b, 0);
        return Math.ceil((displayWidth(text) + 1) / Math.max(1, room - 1));
      });
      r.height = Math.max(1, ...lines) * 14 + 6;
      return r;
    });
    // Merges reach across both header rows, so neither is committed before them.
    this.merges(next, twoLevel);
    for (const r of rows) r.commit();
    // Printed pages repeat the header rows.
    ws.pageSetup.printTitlesRow = `${next}:${next + rows.length - 1}`;
    this.firstDataRow = next + rows.length;
  }

  private merges(topRow: number, twoLevel: boolean): void {
    let col = 1;
    for (const h of this.spec.headers) {
      const span = h.children?.length ?? h.span ?? 1;
      if (twoLevel && !h.children && span === 1) this.ws.mergeCells(topRow, col, topRow + 1, col);
      else if (span > 1) this.ws.mergeCells(topRow, col, topRow, col + span - 1);
      col += span;
    }
  }

  /** A row; `label` merges the columns from..to (0-based) into one cell for a 小计/合计 line's words. */
  add(values: (string | number | null)[], label?: { from: number; to: number }): void {
    const r = this.ws.addRow(values.map((v, i) => (v === null ? '' : this.dates.has(i) && typeof v === 'string' && ISO_DATE.test(v) ? asDate(v) : v)));
    // A blank left for the village to fill still needs its cell, for the border.
    for (let c = 1; c <= this.width; c++) if (r.getCell(c).value === null) r.getCell(c).value = '';
    if (label) this.ws.mergeCells(r.number, label.from + 1, r.number, label.to + 1);
    r.commit();
    this.rows++;
  }

  async finish(): Promise<void> {
    for (let i = 0; i < (this.spec.blankRows ?? 0); i++) this.add(Array<string>(this.width).fill(''));
    const d = this.spec.dropdown;
    if (d && this.rows > 0) {
      const col = columnLetter(d.column);
      const first = this.firstDataRow;
      // One validation over the column's range, not one per cell.
      addDropdown(this.ws, `${col}${first}:${col}${first + this.rows - 1}`, d.options);
    }
    this.ws.commit();
    await this.out.commit();
  }
}
