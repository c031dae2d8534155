// CSV in UTF-8 (with or without BOM) or GBK/GB18030, the two encodings Chinese offices'
// software writes. The encoding is decided on the first 64 KB: valid UTF-8 is UTF-8.
import fs from 'node:fs';
import { TableReadError, type ReadOptions, type RowSink } from './table';

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
  const encoding = detectEncoding(head.subarray(0, n));
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  const total = fs.statSync(file).size;

  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let rowNumber = 0;
  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    rowNumber++;
    onRow(row, rowNumber);
    row = [];
  };
  let pendingCR = false;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
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
    throw new TableReadError(`读取 CSV 出错：${e instanceof Error ? e.message : String(e)}`);
  }
  if (field !== '' || row.length) endRow();
}
