// A page printed as the browser prints it (CSS page sizes honoured), kept as a PDF with PNGs of
// its first pages to look at, and read back: as text per page with each page's size, or word by
// word with positions (test/helpers/pdf-words.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { pdfSheets, type Sheet } from '../helpers/pdf-words';

export { wordsWith, type Sheet, type Word } from '../helpers/pdf-words';

const dir = path.join('test', 'artifacts');
const mm = (pt: string) => Math.round((Number(pt) * 25.4) / 72);

/** Prints the page to test/artifacts/NAME.pdf, with PNGs of its first `pngs` pages; the PDF's path. */
export async function printToPdf(page: Page, name: string, pngs = 2): Promise<string> {
  fs.mkdirSync(path.join(dir, 'screenshots'), { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(pngs), pdf, path.join(dir, 'screenshots', `${name}-pdf`)]);
  return pdf;
}

/** The printed text of each page (pdftotext -layout) and each page's size in mm. */
export async function printedText(page: Page, name: string): Promise<{ pages: string[]; sizes: string[] }> {
  const pdf = await printToPdf(page, name);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  return {
    pages: text.split('\f').filter((p) => p.trim()),
    sizes: [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map((m) => `${mm(m[1]!)} x ${mm(m[2]!)} mm`),
  };
}

/** The printed sheets word by word, with where each word stands. */
export async function printedSheets(page: Page, name: string, pngs = 3): Promise<Sheet[]> {
  return pdfSheets(await printToPdf(page, name, pngs));
}
