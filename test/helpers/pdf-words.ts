// A PDF read back word by word with where each word stands (pdftotext -bbox), in mm from the
// sheet's top left: what the tests of printed papers and printed spreadsheets assert on.
import { execFileSync } from 'node:child_process';

export interface Word {
  text: string;
  x0: number;
  x1: number;
  /** The glyphs' top and bottom: pdftotext's box for a CJK font is about twice the glyph's height, centred on it. */
  y0: number;
  y1: number;
}
export interface Sheet {
  widthMm: number;
  heightMm: number;
  words: Word[];
}

const MM = 25.4 / 72;
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function pdfSheets(pdf: string): Sheet[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    widthMm: Number(p[1]) * MM,
    heightMm: Number(p[2]) * MM,
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => {
      const [top, bottom] = [Number(w[2]) * MM, Number(w[4]) * MM];
      const [mid, half] = [(top + bottom) / 2, (bottom - top) / 4];
      return { text: unescape(w[5]!), x0: Number(w[1]) * MM, x1: Number(w[3]) * MM, y0: mid - half, y1: mid + half };
    }),
  }));
}

/** The words whose text holds the given text, in reading order. */
export const wordsWith = (s: Sheet, text: string | RegExp): Word[] =>
  s.words.filter((w) => (typeof text === 'string' ? w.text.includes(text) : text.test(w.text)));

/** Pairs of words on one line (their glyphs overlapping in height) closer than `gapMm` side by side: text run together. */
export function touching(s: Sheet, gapMm: number): [Word, Word][] {
  const out: [Word, Word][] = [];
  const byX = [...s.words].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < byX.length; i++)
    for (let j = i + 1; j < byX.length; j++) {
      const [a, b] = [byX[i]!, byX[j]!];
      if (b.x0 > a.x1 + gapMm) break;
      const sameLine = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
      if (sameLine && b.x0 < a.x1 + gapMm && b.x1 > a.x1) out.push([a, b]);
    }
  return out;
}
