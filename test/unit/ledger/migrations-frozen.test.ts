// A migration that has shipped ran on offices' ledgers as it was: editing it would leave those
// ledgers and new ones apart with nothing to say so. Each shipped migration's code is frozen here
// by a hash of what it compiles to (comments and layout aside, so a comment may still be fixed).
// A new migration is added to migrations.frozen.json in the commit that adds it; one change each.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src-main/ledger/migrations/index';

const dir = path.resolve(__dirname, '../../../src-main/ledger/migrations');
const frozen = JSON.parse(fs.readFileSync(path.join(__dirname, 'migrations.frozen.json'), 'utf8')) as {
  version: number;
  file: string;
  sha256: string;
}[];

/** The code a migration file runs, without comments or layout. */
function codeHash(file: string): string {
  const source = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n/g, '\n');
  const js = ts.transpileModule(source, { compilerOptions: { removeComments: true, target: ts.ScriptTarget.ES2022 } }).outputText;
  return crypto.createHash('sha256').update(js.replace(/\s+/g, ' ')).digest('hex');
}

const files = fs.readdirSync(dir).filter((f) => /^\d{3}-.*\.ts$/.test(f));

describe('shipped migrations are frozen', () => {
  it('every migration file is listed, in order, one version each', () => {
    expect(frozen.map((f) => f.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(frozen.map((f) => f.file)).toEqual([...files].sort());
    for (const f of frozen) expect(f.file.slice(0, 3)).toBe(String(f.version).padStart(3, '0'));
  });

  it.each(frozen)('migration $version ($file) is as it shipped', ({ file, sha256 }) => {
    const now = codeHash(file);
    if (now !== sha256) {
      throw new Error(`${file} has changed since it shipped. Leave it as it was and add a new migration for the change.`);
    }
  });

  it('a comment or the layout may change without unfreezing (the hash ignores them)', () => {
    const a = ts.transpileModule('export const x = 1; // why\n', { compilerOptions: { removeComments: true } }).outputText;
    const b = ts.transpileModule('/* why,\n   longer */\nexport const x =\n  1;\n', { compilerOptions: { removeComments: true } }).outputText;
    expect(a.replace(/\s+/g, ' ').trim()).toBe(b.replace(/\s+/g, ' ').trim());
  });
});
