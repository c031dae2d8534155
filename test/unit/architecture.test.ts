// The layers `npm run lint` holds (issue 27): each guard is shown failing on the import it is
// there to stop, and the sources are shown clear of it, so a guard cannot quietly stop guarding.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../../scripts/cycles.mjs';

const root = path.resolve(__dirname, '../..');
const findCycles = (dirs: string[]) => cycles(importGraph(dirs));

async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers lint holds', () => {
  it('excel/ reads and writes sheets only: an import from the ledger, the imports or the API is refused', async () => {
    for (const from of ['../ledger/statements', '../imports/roster-commit', '../outputs/exports', '../api/index']) {
      const messages = await lintAs('src-main/excel/probe.ts', `import { x } from '${from}';\nexport const y = x;\n`);
      expect(messages.join('\n')).toContain('src-main/excel 只放表格的读写');
    }
    expect(await lintAs('src-main/excel/probe.ts', "import { addDays } from '../domain/dates';\nexport const y = addDays;\n")).toEqual([]);
  }, 60_000);

  it('the ledger knows the domain and the types only: an import from the imports, the service or the papers is refused', async () => {
    for (const from of ['../imports/dry-runs', '../service/context', '../enrollment/enroll', '../outputs/exports', '../api/index']) {
      const messages = await lintAs('src-main/ledger/probe.ts', `import { x } from '${from}';\nexport const y = x;\n`);
      expect(messages.join('\n')).toContain('src-main/ledger 只能依赖 domain 和 types');
    }
    expect(await lintAs('src-main/ledger/probe.ts', "import { addDays } from '../domain/dates';\nexport const y = addDays;\n")).toEqual([]);
  }, 60_000);

  it('the domain stays pure: the ledger or the file system is refused', async () => {
    expect((await lintAs('src-main/domain/probe.ts', "import fs from 'node:fs';\nexport const y = fs;\n")).join('\n')).toContain('纯逻辑');
    expect((await lintAs('src-main/domain/probe.ts', "import { sql } from '../ledger/statements';\nexport const y = sql;\n")).join('\n')).toContain(
      'src-main/domain',
    );
  }, 60_000);
});

describe('import cycles, the type-only ones included', () => {
  it('a cycle made only of `import type` is found, with its path round', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-cycles-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b: B }\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
    const found = findCycles([dir]);
    expect(found.map((c) => c.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('a dynamic import() is no cycle (a screen loaded on demand)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-cycles-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "export const load = () => import('./b');\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { load } from './a';\nexport const again = load;\n");
    expect(findCycles([dir])).toEqual([]);
  });

  it('the sources have none', () => {
    expect(findCycles([path.join(root, 'src-main'), path.join(root, 'src-renderer')])).toEqual([]);
  });
});

describe('an import kind is one module', () => {
  it('the registry holds every kind the API accepts, each under its own name', async () => {
    const { IMPORT_KINDS } = await import('../../src-main/imports/registry');
    const { IMPORT_KIND_CODES } = await import('../../src-main/domain/codes');
    expect(Object.keys(IMPORT_KINDS).sort()).toEqual([...IMPORT_KIND_CODES].sort());
    for (const [name, m] of Object.entries(IMPORT_KINDS)) expect(m.kind).toBe(name);
  });

  it('the API only looks a kind up: no switch or test on the kind in api/imports.ts', () => {
    const text = fs.readFileSync(path.join(root, 'src-main/api/imports.ts'), 'utf8');
    expect(text).not.toMatch(/\bswitch\s*\(|\.kind\s*[!=]==/);
    expect(text.split('\n').length).toBeLessThan(200);
  });
});

describe('all SQL in the ledger', () => {
  // A statement, a pragma, or SQL text in a string: what a grep for the ledger's SQL must find in ledger/.
  const SQL =
    /\bdb\.prepare\(|\bsql\(\s*[\w.]*db\b|\.pragma\(|\.exec\(\s*['"`]|['"`]\s*(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|BEGIN|COMMIT|ROLLBACK)\b/;
  const sqlOutsideLedger = (dir: string): string[] =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith(`ledger${path.sep}`))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (SQL.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${f}:${i + 1}`] : [])),
      );

  it('the sources outside ledger/ hold none', () => {
    expect(sqlOutsideLedger(path.join(root, 'src-main'))).toEqual([]);
  });

  it('the check finds a statement, SQL text and a transaction begun by hand', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-sql-'));
    fs.mkdirSync(path.join(dir, 'ledger'));
    fs.writeFileSync(path.join(dir, 'ledger', 'fine.ts'), "db.prepare('SELECT 1');\n");
    fs.writeFileSync(path.join(dir, 'a.ts'), "ctx.db.prepare('SELECT 1').get();\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), 'const q = `SELECT id FROM persons`;\n');
    fs.writeFileSync(path.join(dir, 'c.ts'), "db.exec('BEGIN IMMEDIATE');\n// db.prepare('SELECT 1') in a comment is no statement\n");
    expect(sqlOutsideLedger(dir).sort()).toEqual(['a.ts:1', 'b.ts:1', 'c.ts:1']);
  });
});
