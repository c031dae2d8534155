// CSV in UTF-8 (with or without BOM) or GBK/GB18030, the two encodings Chinese offices'
// software writes. The encoding is decided on the first 64 KB: valid UTF-8 is UTF-8.
import fs from 'node:fs';
import { SHEET_LIMITS } from './sheet-scanner';
import { TableReadError, type ReadOptions, type RowSink } from './read-types';

const UTF16 = '文件是 UTF-16 编码（Unicode 文本），本程序只读 UTF-8 或 GBK 的 CSV。请在 Excel 或 WPS 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx。';

/** Why these first bytes are not a CSV we read (UTF-16, or not text at all), or null. */
export function headRefusal(head: Buffer): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return UTF16;
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  if (zeros === 0) return null;
  // Chinese or ASCII text in UTF-16 has a zero in many of its byte pairs; other zeros mean binary.
  return zeros * 4 >= head.length ? UTF16 : '文件里有 NUL 字符，不是文本格式的 CSV（可能选错了文件，或文件已损坏）。';
}

export function detectEncoding(head: Buffer): 'utf-8' | 'gb18030' {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    // A multi-byte character may be cut at the end of the sample: drop up to 3 bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, trimPartial(head)));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function trimPartial(b: Buffer): number {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0xc0) return end - i; // a lead byte without all its followers
    if ((c & 0x80) === 0) break;
  }
  return end;
}

export async function readCsv(file: string, onRow: RowSink, opts: ReadOptions = {}): Promise<void> {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(65536);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const refused = headRefusal(head.subarray(0, n));
  if (refused) throw new TableReadError(refused);
  const encoding = detectEncoding(head.subarray(0, n));
  // Bytes that are neither UTF-8 nor GBK are refused, not read as replacement characters.
  const decoder = new TextDecoder(encoding, { ignoreBOM: false, fatal: true });
  const total = fs.statSync(file).size;

  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let rowNumber = 0;
  let rowChars = 0;
  const endField = () => {
    rowChars += field.length;
    if (rowChars > SHEET_LIMITS.rowChars) throw new TableReadError(`第 ${rowNumber + 1} 行的文字超过 400 万个字符，不像是正常的表格，没有读取。`);
    if (row.length === SHEET_LIMITS.columns) throw new TableReadError(`第 ${rowNumber + 1} 行超过 16,384 列（Excel 的上限），文件可能不是逗号分隔的表格。`);
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    if (++rowNumber > SHEET_LIMITS.rows) throw new TableReadError('文件超过 1,048,576 行（Excel 的上限）。');
    onRow(row, rowNumber);
    row = [];
    rowChars = 0;
  };
  // Checked once per piece of text fed, not per character: a field only grows inside `feed`.
  const checkField = () => {
    if (field.length <= SHEET_LIMITS.cellChars) return;
    throw new TableReadError(
      quoted
        ? `第 ${rowNumber + 1} 行有一个引号没有配对，之后的内容都成了一个单元格（超过 32,767 个字符）。请检查文件。`
        : `第 ${rowNumber + 1} 行有单元格超过 32,767 个字符（Excel 的上限），文件可能不是逗号分隔的表格。`,
    );
  };
  let pendingCR = false;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\0') throw new TableReadError(`第 ${rowNumber + 1} 行有 NUL 字符，不是文本格式的 CSV（文件可能已损坏）。`);
      if ((i & 4095) === 0) checkField();
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // Closing, unless the next chunk starts with the quote that doubles this one.
            quoted = false;
            afterQuote = true;
          }
        } else field += ch;
        continue;
      }
      if (ch === '"' && afterQuote) {
        // A doubled quote split across chunks.
        field += '"';
        quoted = true;
        afterQuote = false;
      } else if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') endField();
      else if (ch === '\n') endRow();
      else if (ch === '\r') {
        endRow();
        pendingCR = true;
      } else field += ch;
    }
    checkField();
  };

  let done = 0;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      if (opts.signal?.aborted) throw new TableReadError('已取消。');
      done += chunk.length;
      feed(decoder.decode(chunk, { stream: true }));
      opts.onProgress?.(done, total);
      await opts.yieldEvery?.();
    }
    feed(decoder.decode());
  } catch (e) {
    if (e instanceof TableReadError) throw e;
    if (e instanceof TypeError)
      throw new TableReadError(
        `文件里有既不是 UTF-8 也不是 GBK 的字节${rowNumber ? `（在第 ${rowNumber} 行之后）` : ''}，可能不是文本文件或已损坏。请在 Excel 或 WPS 中打开后另存为“CSV UTF-8”或 .xlsx。`,
      );
    throw new TableReadError(`读取 CSV 出错：${e instanceof Error ? e.message : String(e)}`);
  }
  if (field !== '' || row.length) endRow();
}
