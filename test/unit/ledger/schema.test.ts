// The ledger's schema after every migration, kept in the repository (src-main/ledger/schema.sql)
// so that a change to it is a visible diff; the CHECK lists held to the codes they guard; and
// the migrations that change data, each on a ledger of the version before it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEPARTMENTS,
  IMPORT_KIND_CODES,
  NOT_ENROLLED_REASONS,
  OUT_OF_COUNTY,
  PERSON_CATEGORIES,
  RESIDENCES,
  STUDENT_KINDS,
} from '../../../src-main/domain/codes';
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
    expect(listOf('reason')).toEqual(codes(NOT_ENROLLED_REASONS));
    expect(listOf('kind')).toEqual([...IMPORT_KIND_CODES].sort());
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

describe('migration 8: one word for one count', () => {
  it('renames a version-7 ledger’s commit counts to the dry run’s words and leaves the rest', () => {
    const dir = fresh();
    const v7 = openLedger(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    const put = v7.prepare(
      "INSERT INTO import_batches (kind, file_name, file_hash, actor, at, counts_json, options_json) VALUES (?, 'f.xlsx', 'h', 'a', '2024-01-01T00:00:00Z', ?, '{}')",
    );
    put.run('roster', JSON.stringify({ rows: 7, added: 3, updated: 1, households: 2, unchanged: 0, problems: 3 }));
    put.run('categories', JSON.stringify({ rows: 4, certified: 4, ended: 1, unchanged: 0, problems: 0 }));
    put.run('payments', JSON.stringify({ rows: 2, recorded: 1, pending: 1, problems: 0 }));
    put.run('situations', JSON.stringify({ rows: 1, applied: 1, unchanged: 0, problems: 0 }));
    v7.close();
    const db = openLedger(dir);
    const counts = (db.prepare('SELECT counts_json FROM import_batches ORDER BY id').pluck().all() as string[]).map(
      (j) => JSON.parse(j) as Record<string, number>,
    );
    expect(counts).toEqual([
      { rows: 7, add: 3, update: 1, households: 2, unchanged: 0, problems: 3 },
      { rows: 4, certify: 4, ended: 1, unchanged: 0, problems: 0 },
      { rows: 2, record: 1, pending: 1, problems: 0 },
      { rows: 1, apply: 1, unchanged: 0, problems: 0 },
    ]);
    db.close();
  });
});

describe('migration 13: ids never reused, persons stamped when their rows change', () => {
  it('keeps a version-12 ledger’s rows and ids, and an id freed by a delete is never handed out again', () => {
    const dir = fresh();
    const v12 = openLedger(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 12) });
    v12.exec(`
      INSERT INTO villages (id, code, name, created_on) VALUES (1, '01', '幸福村', '2023-01-01');
      INSERT INTO households (id, village_id, number, created_at) VALUES (5, 1, '2', 'x');
      INSERT INTO persons (id, id_number, id_rev, name, initials, sex, birth_date, household_id, village_id, created_at, updated_at)
        VALUES (7, '500242199001011234', '4321101109912420005', '乙', 'y', 'male', '1990-01-01', 5, 1, 'x', 'x'),
               (8, '500242199001015678', '8765101109912420005', '丙', 'b', 'male', '1990-01-01', 5, 1, 'x', 'x');`);
    v12.close();
    const db = openLedger(dir);
    expect(db.prepare('SELECT id, name, changed_seq FROM persons ORDER BY id').all()).toEqual([
      { id: 7, name: '乙', changed_seq: 0 },
      { id: 8, name: '丙', changed_seq: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec('DELETE FROM persons WHERE id = 8');
    const again = db
      .prepare(
        `INSERT INTO persons (id_number, id_rev, name, initials, sex, birth_date, household_id, village_id, created_at, updated_at)
         VALUES ('500242199001019999', '9999101109912420005', '丁', 'd', 'male', '1990-01-01', 5, 1, 'x', 'x')`,
      )
      .run().lastInsertRowid;
    expect(Number(again)).toBe(9);
    // Every change of a person's row, or of a row of theirs, moves their stamp past the one before.
    const stamp = () => db.prepare('SELECT changed_seq FROM persons WHERE id = 7').pluck().get() as number;
    const seen: number[] = [stamp()];
    db.exec("UPDATE persons SET phone = '13800000000' WHERE id = 7");
    seen.push(stamp());
    db.exec("INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, source, set_at) VALUES (7, 2024, 'refused', 'desk', 'x')");
    seen.push(stamp());
    db.exec("UPDATE households SET number = '3' WHERE id = 5");
    seen.push(stamp());
    db.exec('DELETE FROM not_enrolled_reasons WHERE person_id = 7');
    seen.push(stamp());
    expect(seen.every((s, i) => i === 0 || s > seen[i - 1]!)).toBe(true);
    // Setting a household's head is no change to its members.
    const before = stamp();
    db.exec('UPDATE households SET head_person_id = 7 WHERE id = 5');
    expect(stamp()).toBe(before);
    db.close();
  });
});
