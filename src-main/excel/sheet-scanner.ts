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

function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
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

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
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
        this.emit(text.slice(start, openEnd + 1), '');
        pos = openEnd + 1;
        continue;
      }
      const end = text.indexOf('</row>', openEnd);
      if (end === -1) {
        this.carry = text.slice(start);
        return;
      }
      this.emit(text.slice(start, openEnd + 1), text.slice(openEnd + 1, end));
      pos = end + 6;
    }
  }

  end(): void {
    if (findTag(this.carry, '<row', 0) !== -1) throw new Error('工作表内容不完整（文件可能被截断）。');
  }

  private emit(openTag: string, body: string): void {
    const r = attr(openTag, 'r');
    const rowNumber = r ? Number(r) : this.lastRow + 1;
    this.lastRow = rowNumber;
    const cells: string[] = [];
    let col = -1;
    let i = 0;
    for (;;) {
      const c = findTag(body, '<c', i);
      if (c === -1) break;
      const tagEnd = body.indexOf('>', c);
      const tag = body.slice(c, tagEnd + 1);
      const ref = attr(tag, 'r');
      col = ref ? columnIndex(ref) : col + 1;
      let value = '';
      if (body.charCodeAt(tagEnd - 1) === 47) {
        i = tagEnd + 1; // <c …/>: no value
      } else {
        const close = body.indexOf('</c>', tagEnd);
        const inner = body.slice(tagEnd + 1, close);
        i = close + 4;
        const type = attr(tag, 't');
        if (type === 'inlineStr') value = runsText(inner);
        else {
          const v = inner.indexOf('<v>');
          const raw = v === -1 ? '' : decodeXmlText(inner.slice(v + 3, inner.indexOf('</v>', v)));
          if (type === 's') value = this.shared.get(Number(raw)) ?? '';
          else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
          else value = raw;
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
