// The problem report of a dry run: the rows with problems, as the file had them, and what is
// wrong with each. The file came from outside, so the report is bounded in columns and rows
// (a sheet of 16,000 columns once froze the host for minutes), yields while it writes, and
// leaves no half-written workbook behind.
import fs from 'node:fs';
import { readTable } from '../excel/table';
import { yielder } from '../excel/tick';
import { workbookFile } from '../excel/workbook-file';
import type { ProblemReport } from '../types/imports';

// 20,000 rows of 64 columns write in seconds; 100,000 of 200 took two and a half minutes and
// over a gigabyte, and a clerk facing 20,000 bad rows has a column or a layout to fix, not rows.
export const REPORT_LIMITS = {
  /** Columns of the file copied into the report; a real roster has a few dozen. */
  columns: 64,
  /** Problem rows listed; past this the clerk fixes what is listed and runs the dry run again. */
  rows: 20_000,
};

/** The columns worth copying: up to the last with a header, at most the limit. */
function reportColumns(headers: string[]): { count: number; omitted: number } {
  let last = headers.length;
  while (last > 0 && !headers[last - 1]?.trim()) last--;
  const count = Math.min(last, REPORT_LIMITS.columns);
  return { count, omitted: last - count };
}

/**
 * Writes the report to `file`. `problems` maps a row number of the source to its messages.
 * On any failure the partial file is removed and the error rethrown.
 */
export async function writeProblemReport(
  file: string,
  source: string,
  headers: string[],
  problems: Map<number, string[]>,
  signal?: AbortSignal,
): Promise<ProblemReport> {
  const listed = [...problems.keys()].sort((a, b) => a - b).slice(0, REPORT_LIMITS.rows);
  const wanted = new Set(listed);
  const { count: columns, omitted: omittedColumns } = reportColumns(headers);
  const lastWanted = listed.at(-1) ?? 0;

  // Re-read the original cells of the listed rows, so the report shows them as they were;
  // the read stops once the last listed row has gone by.
  const cellsOf = new Map<number, string[]>();
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    if (listed.length)
      await readTable(
        source,
        (cells, row) => {
          if (wanted.has(row)) cellsOf.set(row, cells.slice(0, columns));
          if (row >= lastWanted) stop.abort();
        },
        { signal: stop.signal, yieldEvery: yielder(2000) },
      );
  } catch (e) {
    if (!stop.signal.aborted || signal?.aborted) throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }

  const pause = yielder(500, () => {
    if (signal?.aborted) throw new Error('已取消。');
  });
  try {
    const out = workbookFile(file);
    const ws = out.wb.addWorksheet('问题行');
    ws.columns = [
      { header: '行号', width: 8 },
      ...headers.slice(0, columns).map((h) => ({ header: h || ' ', width: Math.max(10, Math.min(30, h.length * 2 + 4)) })),
      { header: '问题说明', width: 60 },
    ];
    ws.getRow(1).font = { bold: true, name: '宋体' };
    for (const row of listed) {
      const cells = cellsOf.get(row) ?? [];
      const values = Array.from({ length: columns }, (_, i) => cells[i] ?? '');
      const r = ws.addRow([row, ...values, problems.get(row)!.join('；')]);
      // Keep ID numbers as text so Excel does not turn them into numbers.
      r.eachCell((c) => (c.numFmt = '@'));
      r.commit();
      await pause();
    }
    const omittedRows = problems.size - listed.length;
    const notes = [
      omittedRows ? `另有 ${omittedRows} 行有问题，未列入本报告（最多列 ${REPORT_LIMITS.rows} 行）。请先改正以上各行，再重新试导入。` : '',
      omittedColumns ? `文件第 ${columns + 1} 列以后的 ${omittedColumns} 列未列入本报告。` : '',
    ].filter(Boolean);
    for (const note of notes) ws.addRow(['', ...Array<string>(columns).fill(''), note]).commit();
    await out.commit();
    return { file, rows: listed.length, omittedRows, omittedColumns };
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
}
