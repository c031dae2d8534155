// The corpus of malformed files (test/fixtures/malformed, made by
// test/fixtures/scripts/make-malformed.mjs): every hostile one is refused in Chinese, with no
// library's English in the message, and the valid ones still read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readForImport } from '../../../src-main/excel/importing';
import { headerWords } from '../../../src-main/policies/header-words';
import { readTable, TableReadError } from '../../../src-main/excel/table';
import { tempDir } from '../../helpers/ledger';
import { zip } from '../../helpers/zip';

interface Case {
  file: string;
  what: string;
  expect: 'rows' | 'refuse';
  rows?: number;
  header?: string[];
}

const CORPUS = path.resolve('test/fixtures/malformed');
const cases = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Case[];

/** What an import makes of the file: its rows, or the refusal (a file of no rows is refused by the import). */
async function read(file: string): Promise<{ rows: string[][] } | { refused: string }> {
  const rows: string[][] = [];
  try {
    await readTable(file, (cells) => void rows.push(cells));
    if (!rows.length) await readForImport(file, { required: ['name'], parse: () => null, words: headerWords() });
    return { rows };
  } catch (e) {
    if (e instanceof TableReadError) return { refused: e.message };
    throw e;
  }
}

describe('the malformed corpus', () => {
  it('holds at least 30 hostile files', () => {
    expect(cases.filter((c) => c.expect === 'refuse').length).toBeGreaterThanOrEqual(30);
    for (const c of cases) expect(fs.existsSync(path.join(CORPUS, c.file)), c.file).toBe(true);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const started = Date.now();
    const got = await read(path.join(CORPUS, c.file));
    expect(Date.now() - started).toBeLessThan(10_000);
    if (c.expect === 'refuse') {
      expect(got, c.what).toHaveProperty('refused');
      const message = (got as { refused: string }).refused;
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      // The zip and inflate libraries' own words stay in the log.
      expect(message).not.toMatch(/\b(invalid|expected|unexpected|mismatch|error|undefined|Infinity|NaN)\b/i);
    } else {
      expect(got, c.what).toHaveProperty('rows');
      const rows = (got as { rows: string[][] }).rows;
      if (c.rows !== undefined) expect(rows).toHaveLength(c.rows);
      if (c.header) expect(rows[0]).toEqual(c.header);
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('refuses a package of more than 10,000 parts before reading any', async () => {
    const dir = tempDir('canbao-parts-');
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `junk/${i}.xml`, data: '', method: 0 as const }));
    const file = path.join(dir, 'many.xlsx');
    fs.writeFileSync(file, zip(parts));
    expect(await read(file)).toEqual({ refused: expect.stringContaining('10001 个部件') });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
