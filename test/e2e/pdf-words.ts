// A page printed as the browser prints it, read back word by word (test/helpers/pdf-words.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { pdfSheets, type Sheet } from '../helpers/pdf-words';

export { wordsWith, type Sheet, type Word } from '../helpers/pdf-words';

/** Prints the page (CSS page sizes honoured), keeps the PDF and PNGs of its first pages, and reads it back. */
export async function printedSheets(page: Page, name: string, pngs = 3): Promise<Sheet[]> {
  const dir = path.join('test', 'artifacts');
  fs.mkdirSync(path.join(dir, 'screenshots'), { recursive: true });
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(pngs), pdf, path.join(dir, 'screenshots', `${name}-pdf`)]);
  return pdfSheets(pdf);
}
