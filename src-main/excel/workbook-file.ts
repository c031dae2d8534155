// A streaming workbook written to a file, whose commit fails when the disk does. With a
// filename of its own, exceljs opens the file stream itself and hears its error only once it
// is finalizing: an error before that (a full disk midway) is lost and the commit never
// settles, so the export or report hung for good.
import fs from 'node:fs';
import ExcelJS from 'exceljs';

export interface WorkbookFile {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Commits the workbook; rejects with the file's error if writing it failed at any point. */
  commit: () => Promise<void>;
}

export function workbookFile(file: string): WorkbookFile {
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  return {
    wb,
    commit: async () => {
      try {
        await Promise.race([wb.commit(), failed]);
      } finally {
        // Closed before a caller removes a partial file (Windows will not remove an open one).
        if (!out.closed) {
          out.destroy();
          await new Promise<void>((r) => out.once('close', () => r()));
        }
      }
    },
  };
}
