// Reading a spreadsheet as rows of text, whatever it came as. Every failure is a
// TableReadError whose message the clerk can act on.
import fs from 'node:fs';
import path from 'node:path';
import { TableReadError, type ReadOptions, type RowSink } from './read-types';

export { TableReadError, type ReadOptions, type RowSink };

export async function readTable(file: string, onRow: RowSink, opts: ReadOptions = {}): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  if (!fs.existsSync(file)) throw new TableReadError(`找不到文件：${path.basename(file)}`);
  if (fs.statSync(file).size === 0) throw new TableReadError('文件是空的（0 字节）。');
  if (ext === '.xls' || ext === '.et') {
    throw new TableReadError('不支持旧版 .xls 格式。请在 Excel 或 WPS 中打开该文件，选择“另存为”→“Excel 工作簿 (.xlsx)”后再导入。');
  }
  if (ext === '.xlsx') {
    const { readXlsx } = await import('./xlsx-reader');
    return readXlsx(file, onRow, opts);
  }
  if (ext === '.csv' || ext === '.txt') {
    const { readCsv } = await import('./csv-reader');
    return readCsv(file, onRow, opts);
  }
  throw new TableReadError(`不支持的文件类型「${ext || '无扩展名'}」，请导入 .xlsx 或 .csv 文件。`);
}
