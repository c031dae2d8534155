// A scanner for worksheet XML (<row>/<c>/<v>/<is><t>), far faster than a general SAX
// parser because it looks only for the few tags a sheet's data uses. It is fed decoded
// text in chunks of any size and keeps the unfinished tail of a row for the next chunk.
import { StringStore } from './string-store';

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

export function decodeXmlText(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
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

/** The text of the <t> elements inside a fragment, leaving out phonetic runs (<rPh>). */
export function runsText(xml: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const ph = xml.indexOf('<rPh', i);
    const t = xml.indexOf('<t', i);
    if (t === -1) break;
    if (ph !== -1 && ph < t) {
      i = xml.indexOf('</rPh>', ph) + 6;
      if (i < 6) break;
      continue;
    }
    const close = xml.indexOf('>', t);
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
    out += decodeXmlText(xml.slice(close + 1, end));
    i = end + 4;
  }
  return out;
}

export type SheetRowSink = (cells: string[], rowNumber: number) => void;

/** Where the value of attribute `key` (written ` r="`) starts inside [from, to), or -1. */
function attrAt(text: string, key: string, from: number, to: number): number {
  const at = text.indexOf(key, from);
  return at === -1 || at >= to ? -1 : at + key.length;
}

/** The column of a cell reference such as AB12 starting at `at` (0 for A). */
function columnAt(text: string, at: number): number {
  let n = 0;
  for (let i = at; ; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
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

  constructor(
    private readonly shared: { get(i: number): string | undefined },
    private readonly onRow: SheetRowSink,
  ) {}

  write(chunk: string): void {
    const text = this.carry + chunk;
    let pos = 0;
    for (;;) {
      const start = findTag(text, '<row', pos);
      if (start === -1) {
        // Nothing between rows matters, but a tag may be cut at the chunk's end ("<ro").
        this.carry = text.slice(Math.max(pos, text.length - 4));
        return;
      }
      const openEnd = text.indexOf('>', start);
      if (openEnd === -1) {
        this.carry = text.slice(start);
        return;
      }
      if (text.charCodeAt(openEnd - 1) === 47) {
        // <row …/>: an empty row
        this.emit(text, start, openEnd, openEnd);
        pos = openEnd + 1;
        continue;
      }
      const end = text.indexOf('</row>', openEnd);
      if (end === -1) {
        this.carry = text.slice(start);
        return;
      }
      this.emit(text, start, openEnd, end);
      pos = end + 6;
    }
  }

  end(): void {
    if (findTag(this.carry, '<row', 0) !== -1) throw new Error('工作表内容不完整（文件可能被截断）。');
  }

  /** The row whose open tag is [start, openEnd] and whose cells lie in (openEnd, end). */
  private emit(text: string, start: number, openEnd: number, end: number): void {
    const r = attrAt(text, ' r="', start, openEnd);
    const rowNumber = r === -1 ? this.lastRow + 1 : Number(text.slice(r, text.indexOf('"', r)));
    this.lastRow = rowNumber;
    const cells: string[] = [];
    let col = -1;
    let i = openEnd + 1;
    while (i < end) {
      const c = findTag(text, '<c', i);
      if (c === -1 || c >= end) break;
      const tagEnd = text.indexOf('>', c);
      const ref = attrAt(text, ' r="', c, tagEnd);
      col = ref === -1 ? col + 1 : columnAt(text, ref);
      const t = attrAt(text, ' t="', c, tagEnd);
      const type = t === -1 ? 0 : text.charCodeAt(t);
      const oneLetter = t !== -1 && text.charCodeAt(t + 1) === QUOTE;
      let value = '';
      if (text.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1; // <c …/>: no value
      } else {
        const close = text.indexOf('</c>', tagEnd);
        i = close + 4;
        if (type === 105 /* inlineStr */) value = runsText(text.slice(tagEnd + 1, close));
        else {
          const v = text.indexOf('<v>', tagEnd);
          if (v !== -1 && v < close) {
            const vEnd = text.indexOf('</v>', v);
            if (type === 115 /* s */ && oneLetter) value = this.shared.get(indexAt(text, v + 3, vEnd)) ?? '';
            else {
              const raw = decodeXmlText(text.slice(v + 3, vEnd));
              value = type === 98 /* b */ && oneLetter ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
            }
          }
        }
      }
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
        pos = start;
        break;
      }
      this.strings.push(runsText(text.slice(start, end)));
      pos = end + 5;
    }
    this.carry = text.slice(pos);
  }
}
