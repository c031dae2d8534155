// A lean streaming reader for the first worksheet of an .xlsx file: the zip entry is
// inflated in chunks and decoded by ONE streaming TextDecoder, then scanned for rows.
// exceljs's reader decodes each chunk on its own and turns a Chinese character split
// across chunks into U+FFFD (exceljs issues 2063, 2084, 2316); it is also ~10× slower.
// Cell values come out as the text the file stores: an ID saved as a number stays
// "5.00235198807151E+17", never a JS number that would lose digits.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { SharedStringsScanner, SheetScanner } from './sheet-scanner';
import { StringStore } from './string-store';
import { TableReadError, type RowSink, type ReadOptions } from './read-types';

type Entry = yauzl.Entry;

/** How far a file may make us go: parts, their inflated size and its ratio to the stored size. */
export const PACKAGE_LIMITS = {
  entries: 10_000,
  partBytes: 512 * 1024 * 1024,
  ratio: 200,
  /** Below this a part's ratio is not held against it: a tiny, repetitive part packs very well. */
  ratioFloorBytes: 1024 * 1024,
  /** workbook.xml and its relationships: a list of sheets, never large. */
  smallPartBytes: 16 * 1024 * 1024,
};

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Entry>();
    if (zip.entryCount > PACKAGE_LIMITS.entries)
      return reject(new TableReadError(`文件包里有 ${zip.entryCount} 个部件，不像是 Excel 工作簿（文件可能已损坏）。`));
    zip.on('entry', (e: Entry) => {
      const name = e.fileName.replace(/^\//, '');
      // Two parts of one name: which one Excel would read is anybody's guess.
      if (out.has(name)) return reject(new TableReadError(`文件包里有两个同名的部件「${name.slice(0, 60)}」，文件已损坏。`));
      out.set(name, e);
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

/** Why a part may not be inflated this far, or null. */
function inflateRefusal(entry: Entry, bytes: number, limit: number): TableReadError | null {
  const name = entry.fileName.slice(0, 60);
  if (bytes > limit) return new TableReadError(`文件中的「${name}」解压后超过 ${MB(limit)}，不像是正常的工作簿（可能是损坏或恶意的文件），没有读取。`);
  if (bytes > PACKAGE_LIMITS.ratioFloorBytes && bytes > PACKAGE_LIMITS.ratio * Math.max(1, entry.compressedSize)) {
    return new TableReadError(`文件中的「${name}」解压后是压缩时的 ${PACKAGE_LIMITS.ratio} 倍以上，不像是正常的工作簿（可能是损坏或恶意的文件），没有读取。`);
  }
  return null;
}

async function* entryText(zip: yauzl.ZipFile, entry: Entry, progress?: (bytes: number) => void, limit = PACKAGE_LIMITS.partBytes): AsyncGenerator<string> {
  // The sizes the package declares are checked first; the bytes really inflated as they come.
  const declared = inflateRefusal(entry, entry.uncompressedSize, limit);
  if (declared) throw declared;
  const stream = await openEntry(zip, entry);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let bytes = 0;
  let crc = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // XML holds no NUL byte; a UTF-16 part has one in nearly every character.
    if (chunk.indexOf(0) !== -1) {
      (stream as unknown as { destroy(): void }).destroy();
      throw new TableReadError(`文件中的「${entry.fileName.slice(0, 60)}」含有 NUL 字节（可能是 UTF-16 编码或已损坏），不是 Excel 或 WPS 保存的工作表。`);
    }
    crc = zlib.crc32(chunk, crc);
    bytes += chunk.length;
    const refused =
      inflateRefusal(entry, bytes, limit) ??
      (bytes > entry.uncompressedSize ? new TableReadError(`文件中的「${entry.fileName.slice(0, 60)}」比文件包声明的长，文件已损坏。`) : null);
    if (refused) {
      (stream as unknown as { destroy(): void }).destroy();
      throw refused;
    }
    progress?.(bytes);
    // stream: true keeps a character split across chunks for the next call.
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  // What yauzl's own check did: a sheet cut short must not pass for a whole one.
  if (bytes === entry.uncompressedSize && crc !== entry.crc32)
    throw new TableReadError(`文件中的「${entry.fileName.slice(0, 60)}」校验不符（CRC 错误），文件已损坏，请重新获取或另存。`);
  if (bytes !== entry.uncompressedSize)
    throw new TableReadError(
      `文件中的「${entry.fileName.slice(0, 60)}」不完整（应有 ${entry.uncompressedSize} 字节，只有 ${bytes} 字节），文件可能没有保存完整。`,
    );
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The part's text with the namespace prefix of its root element taken off every tag: files
 * written by the OpenXML SDK say <x:row>, <x:c>, <x:v>, and were read as empty. A tag split
 * across chunks is held back until its prefix is whole. Unprefixed parts pass unchanged.
 */
async function* unprefixed(chunks: AsyncGenerator<string>, root: string): AsyncGenerator<string> {
  let head = '';
  let tags: RegExp | null = null;
  let hold = 0;
  let carry = '';
  for await (const chunk of chunks) {
    if (!tags) {
      head += chunk;
      const m = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${root}[\\s>/]`).exec(head);
      if (!m && head.length < 64 * 1024) continue;
      if (!m?.[1]) {
        // No prefix: the rest passes as it comes.
        yield head;
        for await (const rest of chunks) yield rest;
        return;
      }
      tags = new RegExp(`<(/?)${m[1]}:`, 'g');
      hold = m[1].length + 2;
      carry = head;
    } else carry += chunk;
    const lt = carry.lastIndexOf('<');
    const cut = lt !== -1 && lt >= carry.length - hold ? lt : carry.length;
    yield carry.slice(0, cut).replace(tags!, '<$1');
    carry = carry.slice(cut);
  }
  const rest = tags ? carry.replace(tags, '<$1') : head;
  if (rest) yield rest;
}

async function wholeText(zip: yauzl.ZipFile, entry: Entry): Promise<string> {
  let s = '';
  for await (const t of entryText(zip, entry, undefined, PACKAGE_LIMITS.smallPartBytes)) s += t;
  return s;
}

const OUTSIDE = '工作簿指向的工作表不在文件包内，文件可能已损坏或被改动过，没有读取。';

/** The value of attribute `name` (written name="…" or name='…') inside one tag's text. */
function attribute(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(`${name}=`); at !== -1; at = tag.indexOf(`${name}=`, at + 1)) {
    if (!/\s/.test(tag[at - 1] ?? '')) continue;
    const quote = tag[at + name.length + 1];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, at + name.length + 2);
    return end === -1 ? undefined : tag.slice(at + name.length + 2, end);
  }
  return undefined;
}

/**
 * Where the first sheet's XML is: its relationship's target, resolved inside the package.
 * A target outside it (../.., an absolute or external address) is refused, not followed.
 */
export function firstSheetPath(workbook: string, rels: string): string {
  const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  const id = sheetTag && (attribute(sheetTag, 'r:id') ?? attribute(sheetTag, 'id'));
  if (!id) return 'xl/worksheets/sheet1.xml';
  const rel = (rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []).find((tag) => attribute(tag, 'Id') === id);
  const target = rel && attribute(rel, 'Target');
  if (!rel || target === undefined) return 'xl/worksheets/sheet1.xml';
  if (attribute(rel, 'TargetMode') === 'External' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.includes('\\')) throw new TableReadError(OUTSIDE);
  const resolved = path.posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(resolved)) throw new TableReadError(OUTSIDE);
  return resolved;
}

async function readSharedStrings(zip: yauzl.ZipFile, entry: Entry | undefined, signal?: AbortSignal): Promise<StringStore> {
  if (!entry) return new StringStore();
  const scanner = new SharedStringsScanner();
  for await (const chunk of unprefixed(entryText(zip, entry), 'sst')) {
    if (signal?.aborted) throw new TableReadError('已取消。');
    scanner.write(chunk);
  }
  return scanner.strings;
}

/** What a zip or inflate failure means, in words a clerk can act on (the library's own stay in the log). */
function packageProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  console.error('[canbao] xlsx:', message);
  const code = String((e as { code?: unknown }).code ?? '');
  if (/relative path|absolute path|invalid characters in fileName/i.test(message))
    return '文件包里有名字指向文件包以外的部件（如 ../），文件可能被改动过，没有读取。';
  if (/size mismatch|too many|not enough|overflow|extends beyond|out of range/i.test(message))
    return '文件包里各部件的大小与目录记载的不一致，文件已损坏或没有保存完整。请在 Excel 或 WPS 中打开后重新另存为 .xlsx。';
  if (code.startsWith('Z_') || /invalid (stored|block|distance|code|literal)|incorrect header|unexpected end/i.test(message))
    return '文件里的压缩数据已损坏，无法解压。请重新获取文件，或在 Excel 或 WPS 中打开后重新另存为 .xlsx。';
  if (/encrypt/i.test(message)) return '文件已加密（设置了打开密码），请在 Excel 或 WPS 中取消密码后另存再导入。';
  return '读取 .xlsx 出错：文件可能已损坏或不完整。请在 Excel 或 WPS 中打开后重新另存为 .xlsx。';
}

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ENCRYPTED = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Why a file named .xlsx is not a zip, from its first bytes: a workbook with an opening
 * password is kept inside an OLE container (as is an old .xls renamed), which the clerk can
 * fix in Excel if told which it is.
 */
function notAZip(file: string): string {
  const head = Buffer.alloc(1024 * 1024);
  let n = 0;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      n = fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // answered below
  }
  const bytes = head.subarray(0, n);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED))
      return '文件设置了打开密码（已加密），本程序不能读取。请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入。';
    return '这是旧版 .xls 格式的文件（只是扩展名是 .xlsx）。请在 Excel 或 WPS 中打开，选择“另存为”→“Excel 工作簿 (.xlsx)”后再导入。';
  }
  return '文件不是有效的 .xlsx（可能已损坏或没有保存完整），请在 Excel 或 WPS 中打开后重新另存为 .xlsx。';
}

export async function readXlsx(file: string, onRow: RowSink, opts: ReadOptions = {}): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    throw new TableReadError(notAZip(file));
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
    for await (const chunk of unprefixed(
      entryText(zip, sheet, (bytes) => opts.onProgress?.(bytes, total)),
      'worksheet',
    )) {
      if (opts.signal?.aborted) throw new TableReadError('已取消。');
      scanner.write(chunk);
      // Let the event loop breathe between chunks: a long import must not freeze the app.
      await opts.yieldEvery?.();
    }
    scanner.end();
  } catch (e) {
    if (e instanceof TableReadError) throw e;
    throw new TableReadError(packageProblem(e));
  } finally {
    zip.close();
  }
}
