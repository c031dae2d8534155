// A lean streaming reader for the first worksheet of an .xlsx file: the zip entry is
// inflated in chunks and decoded by ONE streaming TextDecoder, then scanned for rows.
// exceljs's reader decodes each chunk on its own and turns a Chinese character split
// across chunks into U+FFFD (exceljs issues 2063, 2084, 2316); it is also ~10× slower.
// Cell values come out as the text the file stores: an ID saved as a number stays
// "5.00235198807151E+17", never a JS number that would lose digits.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { SharedStringsScanner, SheetScanner } from './sheet-scanner';
import { StringStore } from './string-store';
import { TableReadError, type RowSink, type ReadOptions } from './table';

type Entry = yauzl.Entry;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Entry>();
    zip.on('entry', (e: Entry) => {
      out.set(e.fileName.replace(/^\//, ''), e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', reject);
    zip.readEntry();
  });
}

// Inflated in 256 KiB pieces rather than zlib's 16 KiB: a million-row sheet is ~500 MB of
// XML, and every piece costs a callback and a scan of its seam.
const INFLATE_CHUNK = 256 * 1024;

function openEntry(zip: yauzl.ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  const deflated = entry.compressionMethod === 8;
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, deflated ? { decompress: false } : {}, (err, s) => {
      if (err) return reject(err);
      if (!deflated) return resolve(s);
      const inflate = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
      s.on('error', (e) => inflate.destroy(e));
      resolve(s.pipe(inflate));
    }),
  );
}

async function* entryText(zip: yauzl.ZipFile, entry: Entry, progress?: (bytes: number) => void): AsyncGenerator<string> {
  const stream = await openEntry(zip, entry);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    progress?.(bytes);
    // stream: true keeps a character split across chunks for the next call.
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  // What yauzl's own check did: a sheet cut short must not pass for a whole one.
  if (bytes !== entry.uncompressedSize) throw new Error(`${entry.fileName}: expected ${entry.uncompressedSize} bytes, got ${bytes}`);
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function wholeText(zip: yauzl.ZipFile, entry: Entry): Promise<string> {
  let s = '';
  for await (const t of entryText(zip, entry)) s += t;
  return s;
}

function firstSheetPath(workbook: string, rels: string): string {
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook) ?? /<(?:\w+:)?sheet\b[^>]*?\bid="([^"]+)"/.exec(workbook);
  if (!sheet) return 'xl/worksheets/sheet1.xml';
  const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1]}"[^>]*>`).exec(rels)?.[0];
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

async function readSharedStrings(zip: yauzl.ZipFile, entry: Entry | undefined, signal?: AbortSignal): Promise<StringStore> {
  if (!entry) return new StringStore();
  const scanner = new SharedStringsScanner();
  for await (const chunk of entryText(zip, entry)) {
    if (signal?.aborted) throw new TableReadError('已取消。');
    scanner.write(chunk);
  }
  return scanner.strings;
}

export async function readXlsx(file: string, onRow: RowSink, opts: ReadOptions = {}): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    throw new TableReadError('文件不是有效的 .xlsx（可能已损坏或没有保存完整），请在 Excel 或 WPS 中打开后重新另存为 .xlsx。');
  }
  try {
    const entries = await listEntries(zip);
    const workbook = entries.get('xl/workbook.xml');
    if (!workbook) throw new TableReadError('文件里没有工作簿内容，不是有效的 .xlsx。');
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    const sheetPath = firstSheetPath(await wholeText(zip, workbook), rels ? await wholeText(zip, rels) : '');
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new TableReadError('找不到第一个工作表。');
    const shared = await readSharedStrings(zip, entries.get('xl/sharedStrings.xml'), opts.signal);

    const scanner = new SheetScanner(shared, onRow);
    const total = sheet.uncompressedSize;
    for await (const chunk of entryText(zip, sheet, (bytes) => opts.onProgress?.(bytes, total))) {
      if (opts.signal?.aborted) throw new TableReadError('已取消。');
      scanner.write(chunk);
      // Let the event loop breathe between chunks: a long import must not freeze the app.
      await opts.yieldEvery?.();
    }
    scanner.end();
  } catch (e) {
    if (e instanceof TableReadError) throw e;
    throw new TableReadError(`读取 .xlsx 出错（文件可能已损坏或不完整）：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    zip.close();
  }
}
