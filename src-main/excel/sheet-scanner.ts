// A scanner for worksheet XML (<row>/<c>/<v>/<is><t>), far faster than a general SAX
// parser because it looks only for the few tags a sheet's data uses. It is fed decoded
// text in chunks of any size and keeps the unfinished tail of a row for the next chunk.
// Whatever the file holds, it ends: every tag it waits for has a bound on how far it may
// be, and past Excel's own limits (rows, columns, characters in a cell) the file is refused.
import { StringStore } from './string-store';
import { TableReadError } from './read-types';

/** Excel's own limits, and how much XML one row or one shared string may take. */
export const SHEET_LIMITS = {
  rows: 1_048_576,
  columns: 16_384,
  cellChars: 32_767,
  /** All the text of one row: far past any real roster's, short of what a file can make shared strings repeat into. */
  rowChars: 4 * 1024 * 1024,
  rowXmlChars: 32 * 1024 * 1024,
  sharedXmlChars: 4 * 1024 * 1024,
};

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,8})|#x([0-9a-fA-F]{1,8}));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function badReference(s: string): TableReadError {
  return new TableReadError(`文件里有无效的字符引用“${s.slice(0, 20)}”，文件可能已损坏。请在 Excel 或 WPS 中打开后重新另存为 .xlsx。`);
}

export function decodeXmlText(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (m: string, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named]!;
    const cp = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
    // A bare "&", code point 0, a surrogate or one past U+10FFFF is not XML.
    if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw badReference(m === '&' ? s.slice(s.indexOf('&')) : m);
    return String.fromCodePoint(cp);
  });
}

/** The column's letters (0 → A, 16383 → XFD), for messages. */
export function columnName(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function broken(what: string): TableReadError {
  return new TableReadError(`工作表内容有误：${what}。文件可能已损坏或不是 Excel/WPS 保存的，请打开后重新另存为 .xlsx。`);
}

/** The next `<name` that is that element (followed by space, > or /), not a longer name. */
function findTag(text: string, open: string, from: number): number {
  for (let i = text.indexOf(open, from); i !== -1; i = text.indexOf(open, i + 1)) {
    const c = text.charCodeAt(i + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
    if (Number.isNaN(c)) return i; // at the very end: let the caller wait for more text
  }
  return -1;
}

const NESTED_ROW = -2;

/**
 * The next <c> in [from, end), -1 when there is none, or NESTED_ROW when a <row> comes first:
 * between cells Excel writes nothing but cells, so a row there was opened inside this one
 * (its </row> missing, its cells about to be taken for this row's).
 */
function nextCell(text: string, from: number, end: number): number {
  for (let i = text.indexOf('<', from); i !== -1 && i < end; i = text.indexOf('<', i + 1)) {
    if (text.charCodeAt(i + 1) !== 99 && text.charCodeAt(i + 1) !== 114) continue; // c, r
    const tag = text.charCodeAt(i + 1) === 99 ? 2 : text.startsWith('row', i + 1) ? 4 : 0;
    if (!tag) continue;
    const d = text.charCodeAt(i + tag);
    if (d === 32 || d === 62 || d === 47 || d === 9 || d === 10 || d === 13) return tag === 2 ? i : NESTED_ROW;
  }
  return -1;
}

/** The text of the <t> elements inside a fragment, leaving out phonetic runs (<rPh>). */
export function runsText(xml: string): string {
  let out = '';
  let i = 0;
  // Where the next phonetic run starts, looked up again only once passed: searched afresh for
  // every <t>, a cell of a million empty runs took minutes.
  let ph = xml.indexOf('<rPh');
  for (;;) {
    if (ph !== -1 && ph < i) ph = xml.indexOf('<rPh', i);
    const t = xml.indexOf('<t', i);
    if (t === -1) break;
    if (ph !== -1 && ph < t) {
      i = xml.indexOf('</rPh>', ph) + 6;
      if (i < 6) break;
      continue;
    }
    const close = xml.indexOf('>', t);
    if (close === -1) throw broken('文字标记 <t 没有写完');
    // <tx…> would be another tag; only <t> and <t attr…> are text runs.
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 && next !== 32) {
      i = close + 1;
      continue;
    }
    if (xml.charCodeAt(close - 1) === 47) {
      i = close + 1; // <t/>
      continue;
    }
    const end = xml.indexOf('</t>', close);
    if (end === -1) throw broken('文字缺少结束标记 </t>');
    out += decodeXmlText(xml.slice(close + 1, end));
    i = end + 4;
  }
  return out;
}

export type SheetRowSink = (cells: string[], rowNumber: number) => void;

/**
 * Where `key` next occurs at or after a position in one text, remembered: the positions asked
 * about only grow while a text is scanned, so each search goes on from the last instead of
 * running to the end of the text again for every tag that lacks it (once per cell, that was
 * quadratic on a hostile sheet).
 */
class Next {
  private at = -2;
  constructor(readonly key: string) {}
  reset(): void {
    this.at = -2;
  }
  find(text: string, from: number): number {
    if (this.at !== -1 && this.at < from) this.at = text.indexOf(this.key, from);
    return this.at;
  }
  /** Where the value of this attribute (written ` r="`) starts inside [from, to), or -1. */
  attr(text: string, from: number, to: number): number {
    const at = this.find(text, from);
    return at === -1 || at >= to ? -1 : at + this.key.length;
  }
}

/**
 * Where the next sign of an attribute written otherwise than Excel writes it is: single quotes,
 * spaces around "=", a tab or line break between attributes. XML allows them all, and a cell
 * whose t='s' went unseen was read as its index: "99999" stored as a name. Remembered as Next
 * does, so a sheet full of them (or of apostrophes in its text) costs one pass.
 */
class NextOdd {
  private at = -2;
  private readonly re = /['\t\n\r]|[ \t\n\r]=|=[ \t\n\r]/g;
  reset(): void {
    this.at = -2;
  }
  /** Whether [from, to) holds such a sign. */
  within(text: string, from: number, to: number): boolean {
    if (this.at !== -1 && this.at < from) {
      this.re.lastIndex = from;
      this.at = this.re.exec(text)?.index ?? -1;
    }
    return this.at !== -1 && this.at < to;
  }
}

const ATTRIBUTE = /[ \t\n\r]([A-Za-z_][\w.:-]*)[ \t\n\r]*=[ \t\n\r]*(?:"([^"]*)"|'([^']*)')/g;

/** The r and t attributes of a tag written in one of those other ways (rare: read the slow way). */
function oddAttributes(tag: string): { r?: string; t?: string } {
  const out: { r?: string; t?: string } = {};
  for (const m of tag.matchAll(ATTRIBUTE)) if (m[1] === 'r' || m[1] === 't') out[m[1]] = m[2] ?? m[3]!;
  return out;
}

/** The column of a cell reference such as AB12 starting at `at` (0 for A); -1 without letters. */
function columnAt(text: string, at: number): number {
  let n = 0;
  for (let i = at; ; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    // Past XFD already: stop before the number grows without end (ZZZZZZZ…).
    if (n > SHEET_LIMITS.columns) return SHEET_LIMITS.columns;
  }
  return n - 1;
}

/** The decimal number written in [from, to), as a shared-string index (digits only). */
function indexAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return to > from ? n : -1;
}

const QUOTE = 34;

// The scanner works on positions in the text rather than on cut-out pieces of it: a million
// rows of twelve cells are 12 million cells, and each slice is an allocation.
export class SheetScanner {
  private carry = '';
  private lastRow = 0;
  /**
   * A row longer than a chunk waits here piece by piece until its </row> arrives, and is
   * joined once: joining and searching it again for every chunk made one long row quadratic.
   */
  private pending: string[] = [];
  private pendingChars = 0;
  /** The last characters seen, so a tag cut at a chunk's seam is still found. */
  private tail = '';
  private readonly rAttr = new Next(' r="');
  private readonly tAttr = new Next(' t="');
  private readonly vTag = new Next('<v>');
  private readonly odd = new NextOdd();

  constructor(
    private readonly shared: { get(i: number): string | undefined; readonly length: number },
    private readonly onRow: SheetRowSink,
  ) {}

  write(chunk: string): void {
    // Excel writes no comments, CDATA or DOCTYPE in a sheet: rows hidden in them must not be read.
    // ("!" is searched for, not "<!": "<" is in every tag, "!" in few cells.)
    for (let bang = chunk.indexOf('!'); bang !== -1; bang = chunk.indexOf('!', bang + 1)) {
      const before = bang === 0 ? this.tail.charCodeAt(this.tail.length - 1) : chunk.charCodeAt(bang - 1);
      if (before === 60) throw broken('含有注释、CDATA 或文档类型声明（<!…），Excel 保存的工作表不会有');
    }
    if (this.pending.length) {
      const seam = this.tail + chunk;
      this.tail = seam.slice(-6);
      if (seam.indexOf('</row>') === -1) {
        this.pending.push(chunk);
        this.pendingChars += chunk.length;
        if (this.pendingChars > SHEET_LIMITS.rowXmlChars) throw broken(`第 ${this.lastRow + 1} 行超过 32 MB 或缺少结束标记 </row>`);
        return;
      }
      this.pending.push(chunk);
      chunk = this.pending.join('');
      this.pending = [];
      this.pendingChars = 0;
    } else this.tail = chunk.slice(-6);
    const text = this.carry + chunk;
    this.carry = '';
    this.rAttr.reset();
    this.tAttr.reset();
    this.vTag.reset();
    this.odd.reset();
    let pos = 0;
    for (;;) {
      const start = findTag(text, '<row', pos);
      if (start === -1) {
        // Nothing between rows matters, but a tag may be cut at the chunk's end ("<ro").
        this.carry = text.slice(Math.max(pos, text.length - 4));
        return;
      }
      const openEnd = text.indexOf('>', start);
      const selfClosing = openEnd !== -1 && text.charCodeAt(openEnd - 1) === 47;
      const end = openEnd === -1 || selfClosing ? -1 : text.indexOf('</row>', openEnd);
      if (openEnd === -1) {
        // The row's own tag is cut at the seam (it may yet be <row …/>): carried as it is.
        if (text.length - start > SHEET_LIMITS.rowXmlChars) throw broken(`第 ${this.lastRow + 1} 行的标记没有写完`);
        this.carry = text.slice(start);
        return;
      }
      if (!selfClosing && end === -1) {
        // The row goes on in the next chunks: held until its </row> arrives.
        if (text.length - start > SHEET_LIMITS.rowXmlChars) throw broken(`第 ${this.lastRow + 1} 行超过 32 MB 或缺少结束标记 </row>`);
        this.pending = [text.slice(start)];
        this.pendingChars = text.length - start;
        this.tail = text.slice(-6);
        return;
      }
      if (selfClosing) {
        // <row …/>: an empty row
        this.emit(text, start, openEnd, openEnd);
        pos = openEnd + 1;
        continue;
      }
      this.emit(text, start, openEnd, end);
      pos = end + 6;
    }
  }

  end(): void {
    if (this.pending.length || findTag(this.carry, '<row', 0) !== -1)
      throw new TableReadError('工作表内容不完整（文件可能被截断）。请在 Excel 或 WPS 中打开后重新另存为 .xlsx。');
  }

  /** A cell names a shared string the file does not have: refused, never read as its number. */
  private missingShared(index: string, rowNumber: number, col: number): TableReadError {
    const where = `第 ${rowNumber} 行 ${columnName(col)} 列（${columnName(col)}${rowNumber} 单元格）`;
    const n = this.shared.length;
    if (!/^\d+$/.test(index)) return broken(`${where}的共享文字编号“${index}”不是数字`);
    return broken(`${where}引用了第 ${index} 号共享文字，而文件里${n ? `只有 ${n} 个（0 到 ${n - 1} 号）` : '没有共享文字'}`);
  }

  /** The row whose open tag is [start, openEnd] and whose cells lie in (openEnd, end). */
  private emit(text: string, start: number, openEnd: number, end: number): void {
    const oddRow = this.odd.within(text, start, openEnd) ? oddAttributes(text.slice(start, openEnd)) : null;
    const r = oddRow ? -1 : this.rAttr.attr(text, start, openEnd);
    const given = oddRow ? oddRow.r !== undefined : r !== -1;
    const rowNumber = !given ? this.lastRow + 1 : oddRow ? indexAt(oddRow.r!, 0, oddRow.r!.length) : indexAt(text, r, text.indexOf('"', r));
    if (rowNumber < 1 || rowNumber > SHEET_LIMITS.rows) {
      throw !given || rowNumber > SHEET_LIMITS.rows
        ? new TableReadError(`工作表超过 1,048,576 行（Excel 的上限），文件可能已损坏。`)
        : broken(`行号“${oddRow ? oddRow.r!.slice(0, 20) : text.slice(r, Math.min(openEnd, r + 20))}”不是有效的行号`);
    }
    // Excel writes rows in order, each once: a repeated or earlier number means a damaged file.
    if (rowNumber <= this.lastRow) throw broken(`第 ${rowNumber} 行出现在第 ${this.lastRow} 行之后（行号重复或顺序颠倒）`);
    this.lastRow = rowNumber;
    const cells: string[] = [];
    let col = -1;
    let chars = 0;
    let i = openEnd + 1;
    while (i < end) {
      const c = nextCell(text, i, end);
      if (c === NESTED_ROW) throw broken(`第 ${rowNumber} 行缺少结束标记 </row>`);
      if (c === -1) break;
      const tagEnd = text.indexOf('>', c);
      if (tagEnd === -1 || tagEnd > end) throw broken(`第 ${rowNumber} 行有没写完的单元格标记`);
      const oddCell = this.odd.within(text, c, tagEnd) ? oddAttributes(text.slice(c, tagEnd)) : null;
      let at: number;
      let type: number;
      let oneLetter: boolean;
      if (oddCell) {
        at = oddCell.r === undefined ? -1 : columnAt(oddCell.r, 0);
        if (oddCell.r !== undefined && at === -1) throw broken(`第 ${rowNumber} 行有位置“${oddCell.r.slice(0, 12)}”无效的单元格`);
        type = oddCell.t ? oddCell.t.charCodeAt(0) : 0;
        oneLetter = oddCell.t?.length === 1;
      } else {
        const ref = this.rAttr.attr(text, c, tagEnd);
        at = ref === -1 ? -1 : columnAt(text, ref);
        if (ref !== -1 && at === -1)
          throw broken(`第 ${rowNumber} 行有位置“${text.slice(ref, Math.min(tagEnd, ref + 12, text.indexOf('"', ref)))}”无效的单元格`);
        const t = this.tAttr.attr(text, c, tagEnd);
        type = t === -1 ? 0 : text.charCodeAt(t);
        oneLetter = t !== -1 && text.charCodeAt(t + 1) === QUOTE;
      }
      col = at === -1 ? col + 1 : at;
      if (col >= SHEET_LIMITS.columns) throw broken(`第 ${rowNumber} 行有超出 XFD 列（第 16,384 列，Excel 的上限）的单元格`);
      let value = '';
      if (text.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1; // <c …/>: no value
      } else {
        const close = text.indexOf('</c>', tagEnd);
        if (close === -1 || close > end) throw broken(`第 ${rowNumber} 行 ${columnName(col)} 列的单元格缺少结束标记 </c>`);
        i = close + 4;
        if (type === 105 /* inlineStr */) value = runsText(text.slice(tagEnd + 1, close));
        else {
          const v = this.vTag.find(text, tagEnd);
          if (v !== -1 && v < close) {
            const vEnd = text.indexOf('</v>', v);
            if (vEnd === -1 || vEnd > close) throw broken(`第 ${rowNumber} 行 ${columnName(col)} 列的值缺少结束标记 </v>`);
            if (type === 115 /* s */ && oneLetter) {
              const shared = this.shared.get(indexAt(text, v + 3, vEnd));
              if (shared === undefined) throw this.missingShared(text.slice(v + 3, Math.min(vEnd, v + 33)), rowNumber, col);
              value = shared;
            } else {
              const raw = decodeXmlText(text.slice(v + 3, vEnd));
              value = type === 98 /* b */ && oneLetter ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
            }
          }
        }
      }
      if (value.length > SHEET_LIMITS.cellChars)
        throw new TableReadError(`第 ${rowNumber} 行 ${columnName(col)} 列的单元格超过 32,767 个字符（Excel 的上限），文件可能已损坏。`);
      // One long shared string named by thousands of cells would be copied into every one.
      chars += value.length;
      if (chars > SHEET_LIMITS.rowChars)
        throw new TableReadError(`第 ${rowNumber} 行的文字超过 400 万个字符，不像是正常的表格（可能是损坏或恶意的文件），没有读取。`);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    this.onRow(cells, rowNumber);
  }
}

/** Shared strings (<sst>): the text of each <si>, fed in chunks. */
export class SharedStringsScanner {
  readonly strings = new StringStore();
  private carry = '';

  write(chunk: string): void {
    const text = this.carry + chunk;
    let pos = 0;
    for (;;) {
      const start = findTag(text, '<si', pos);
      if (start === -1) {
        // A tag may be cut at the chunk's end ("<s").
        pos = Math.max(pos, text.length - 3);
        break;
      }
      const end = text.indexOf('</si>', start);
      if (end === -1) {
        if (text.length - start > SHEET_LIMITS.sharedXmlChars) throw broken(`第 ${this.strings.length + 1} 个共享文字超过 4 MB 或缺少结束标记 </si>`);
        pos = start;
        break;
      }
      const t = runsText(text.slice(start, end));
      if (t.length > SHEET_LIMITS.cellChars)
        throw new TableReadError(`第 ${this.strings.length + 1} 个共享文字超过 32,767 个字符（Excel 的上限），文件可能已损坏。`);
      this.strings.push(t);
      pos = end + 5;
    }
    this.carry = text.slice(pos);
  }
}
