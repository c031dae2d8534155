// What every sheet canbao writes shares: 宋体, thin boxes, A4 fitted to one page width with the
// page number in the footer, a name Excel accepts, a dropdown over a range, widths in 宋体 units.
import type ExcelJS from 'exceljs';

export const FONT = { name: '宋体', size: 11 };
export const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** A4, portrait or landscape, one page wide and as many long as it takes; 第 n 页，共 N 页 centred. */
export function a4Sheet(landscape: boolean): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  };
}

/** A sheet name Excel takes: at most 31 characters, none of \ / ? * [ ] :. */
export const sheetName = (s: string) => s.slice(0, 31).replace(/[\\/?*[\]:]/g, '');

/** A list dropdown over a range (附件4's 县外参保情况, the worklist's 未参保原因). */
export function addDropdown(ws: ExcelJS.Worksheet, range: string, options: string[]): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '请从下拉框选择',
    error: '只能选择下拉框中的一项。',
    formulae: [`"${options.join(',')}"`],
  });
}

/** Column units a text takes in 宋体 11: a CJK character is two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** A column's letters (0 → A, 26 → AA). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
