// A printed PDF read back word by word with where each word stands (pdftotext -bbox), in mm
// from the sheet's top left: what the tests of the papers assert on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

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

/** Prints the page as the browser would (CSS page sizes honoured), keeps the PDF and PNGs of its first pages, and reads it back. */
export async function printedSheets(page: Page, name: string, pngs = 3): Promise<Sheet[]> {
  const dir = path.join('test', 'artifacts');
  fs.mkdirSync(path.join(dir, 'screenshots'), { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(pngs), pdf, path.join(dir, 'screenshots', `${name}-pdf`)]);
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
