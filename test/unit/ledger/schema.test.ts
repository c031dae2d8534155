// The ledger's schema after every migration, kept in the repository (src-main/ledger/schema.sql)
// so that a change to it is a visible diff; the CHECK lists held to the codes they guard; and
// the migrations that change data, each on a ledger of the version before it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPARTMENTS, OUT_OF_COUNTY, PERSON_CATEGORIES, RESIDENCES, STUDENT_KINDS } from '../../../src-main/domain/codes';
import { MIGRATIONS } from '../../../src-main/ledger/migrations/index';
import { openLedger } from '../../../src-main/ledger/open';
import { tempDirs } from '../../helpers/ledger';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

const SCHEMA_FILE = path.resolve('src-main/ledger/schema.sql');

function schemaOf(dir: string): string {
  const db = openLedger(dir);
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  db.close();
  const version = MIGRATIONS.at(-1)!.version;
  return [
    `-- The ledger's schema at version ${version}, as SQLite keeps it after every migration.`,
    '-- Written by test/unit/ledger/schema.test.ts (CANBAO_WRITE_SCHEMA=1); never edited by hand.',
    '',
    ...rows.map((r) => `${r.sql.trim()};\n`),
  ].join('\n');
}

describe('the schema', () => {
  it('is what src-main/ledger/schema.sql says (regenerate with CANBAO_WRITE_SCHEMA=1 when a new migration lands)', () => {
    const now = schemaOf(fresh());
    if (process.env.CANBAO_WRITE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, now);
    expect(now).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('checks every code of domain/codes.ts, and no other: a new code needs a new migration', () => {
    const sql = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const listOf = (column: string) => {
      const m = new RegExp(`${column} IN \\(([^)]*)\\)`).exec(sql);
      if (!m) throw new Error(`no CHECK list for ${column}`);
      return m[1]!
        .split(',')
        .map((s) => s.trim().replace(/^'|'$/g, ''))
        .sort();
    };
    const codes = (t: object) => Object.keys(t).sort();
    expect(listOf('residence')).toEqual(codes(RESIDENCES));
    expect(listOf('student')).toEqual(codes(STUDENT_KINDS));
    expect(listOf('out_of_county')).toEqual(codes(OUT_OF_COUNTY));
    expect(listOf('code')).toEqual(codes(PERSON_CATEGORIES));
    expect(listOf('department')).toEqual(codes(DEPARTMENTS));
  });
});

describe('migration 6: whether receipts show the full ID number', () => {
  it('keeps a version-5 ledger’s office as it was and masks by default', () => {
    const dir = fresh();
    const v5 = openLedger(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.prepare("UPDATE office SET township_name = '农坝镇', county = '云阳县' WHERE id = 1").run();
    v5.close();
    const db = openLedger(dir);
    expect(db.prepare('SELECT township_name, county, receipt_full_id FROM office').get()).toEqual({
      township_name: '农坝镇',
      county: '云阳县',
      receipt_full_id: 0,
    });
    expect(() => db.prepare('UPDATE office SET receipt_full_id = 2').run()).toThrow(/CHECK/);
    db.close();
  });
});
