// A county form as data: its 附件N label, title, the lines under it, a header and a body laid
// out as a grid with merged cells, and what kind of value each cell holds. The .xlsx writer
// and the print preview both draw from this one description, so the two cannot drift apart.

/** The county's attachments a form is made for. */
export type FormKind = 'fujian1' | 'fujian2' | 'fujian3' | 'fujian4' | 'fujian5';

/** How a value is written: a number stays a number in the xlsx, a rate a percentage. */
export type CellKind = 'text' | 'int' | 'yuan' | 'rate';

export interface FormCell {
  /** Text, a count, an amount in fen (yuan cells), or a ratio (rate cells: 0.1189 is 11.89%, two decimals of a percent). */
  v: string | number;
  kind?: CellKind;
  rowSpan?: number;
  colSpan?: number;
  align?: 'left' | 'center';
}

/** A row of the grid: null where a cell above or to the left spans over this position. */
export type FormRow = (FormCell | null)[];

export interface Form {
  /** 附件1 …, printed at the top left; '' for a form without one. */
  label: string;
  title: string;
  /** Lines between the title and the table (填报单位： at the left, 年 月 日 at the right). */
  lines: { left: string; right: string }[];
  /** Column widths in spreadsheet units (a CJK character is two); the print shares them out. */
  widths: number[];
  head: FormRow[];
  body: FormRow[];
  landscape: boolean;
  /** Columns (0-based) kept as text in the xlsx, so ID numbers stay whole. */
  textColumns: number[];
  /** A dropdown over a body column, as 附件4's 县外参保情况. */
  dropdown?: { column: number; options: string[] };
}

export const text = (v: string, more: Omit<FormCell, 'v' | 'kind'> = {}): FormCell => ({ v, kind: 'text', ...more });
export const int = (v: number): FormCell => ({ v, kind: 'int' });
export const yuan = (fen: number, more: Omit<FormCell, 'v' | 'kind'> = {}): FormCell => ({ v: fen, kind: 'yuan', ...more });
/** A rate from its basis points (rateBp: rounded half up as everywhere); blank where there is nothing to divide by. */
export const rate = (bp: number | null): FormCell => (bp === null ? { v: '', kind: 'text' } : { v: bp / 10000, kind: 'rate' });

/** A header cell spanning `rows` rows and `cols` columns; the positions it covers are null. */
export const span = (v: string, rows: number, cols: number): FormCell => ({
  v,
  kind: 'text',
  ...(rows > 1 ? { rowSpan: rows } : {}),
  ...(cols > 1 ? { colSpan: cols } : {}),
});

/** Every merge of a grid, as 0-based [row, col, lastRow, lastCol]. */
export function merges(rows: FormRow[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c && ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)) out.push([r, col, r + (c.rowSpan ?? 1) - 1, col + (c.colSpan ?? 1) - 1]);
    }),
  );
  return out;
}
