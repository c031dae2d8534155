import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, LEDGER_FILE, LedgerOpenError, openLedger } from '../../../src-main/ledger/open';
import { MIGRATIONS, type Migration } from '../../../src-main/ledger/migrations/index';
import { tempDirs } from '../../helpers/ledger';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

describe('opening the ledger', () => {
  it('creates canbao.sqlite in WAL mode with foreign keys and FULL sync, at the latest version', () => {
    const dir = fresh();
    const db = openLedger(dir);
    expect(fs.existsSync(path.join(dir, LEDGER_FILE))).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('indexes every column that points at a person or a household (deleting one must not scan)', () => {
    const db = openLedger(fresh());
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const pointing = tables.flatMap((t) =>
      (db.prepare('SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)').all(t) as { parent: string; col: string }[])
        .filter((f) => f.parent === 'persons' || f.parent === 'households')
        .map((f) => ({ table: t, col: f.col })),
    );
    expect(pointing.length).toBeGreaterThanOrEqual(4);
    for (const { table, col } of pointing) {
      const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM ${table} WHERE ${col} = 1`).all());
      // A WITHOUT ROWID table led by the column searches its primary key, and a column that is the
      // rowid (INTEGER PRIMARY KEY) is the table's own order: an index all the same.
      expect(plan, `${table}.${col}`).toMatch(/USING (COVERING )?INDEX|USING (INTEGER )?PRIMARY KEY/);
    }
    db.close();
  });

  it('makes every table STRICT', () => {
    const db = openLedger(fresh());
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/);
    db.close();
  });

  it('reopens an existing ledger without re-running migrations', () => {
    const dir = fresh();
    const db = openLedger(dir);
    db.prepare("UPDATE office SET township_name = '栗子乡'").run();
    db.close();
    const again = openLedger(dir);
    expect(again.prepare('SELECT township_name FROM office').pluck().get()).toBe('栗子乡');
    again.close();
  });

  it('refuses, in Chinese, a database written by a newer canbao and leaves it untouched', () => {
    const dir = fresh();
    const raw = new Database(path.join(dir, LEDGER_FILE));
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openLedger(dir)).toThrow(LedgerOpenError);
    expect(() => openLedger(dir)).toThrow(/更新版本的 canbao/);
    const check = new Database(path.join(dir, LEDGER_FILE));
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    check.close();
  });

  it('runs all pending migrations in one transaction: a failing one leaves the old version whole', () => {
    const dir = fresh();
    openLedger(dir, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', up: (db) => db.exec('CREATE TABLE t (x INTEGER) STRICT') },
      { version: LATEST_VERSION + 2, name: 'fails', up: (db) => db.exec('INSERT INTO missing VALUES (1)') },
    ];
    expect(() => openLedger(dir, { migrations: broken })).toThrow();
    const db = openLedger(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 't'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration 5: name pieces per distinct name', () => {
  it('carries a version-4 ledger’s pieces over, and substring search still finds the person', async () => {
    const dir = fresh();
    const v4 = openLedger(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.exec(`INSERT INTO villages (code, name, created_on) VALUES ('001', '幸福村', '2023-01-01');
      INSERT INTO households (village_id, number, created_at) VALUES (1, '0001', '2023-01-01');`);
    const add = v4.prepare(`INSERT INTO persons (id_number, id_rev, name, initials, sex, birth_date, household_id, village_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'female', '1960-01-01', 1, 1, 'x', 'x')`);
    const gram = v4.prepare('INSERT INTO name_grams (gram, person_id) VALUES (?, ?)');
    for (const [i, name] of ['王秀英', '李秀英', '王秀英'].entries()) {
      const id = add.run(`50023519600101${String(i).padStart(4, '0')}`, String(i), name, 'x').lastInsertRowid;
      for (const g of [name.slice(0, 2), name.slice(1)]) gram.run(g, id);
    }
    v4.close();

    const db = openLedger(dir);
    expect(db.prepare('SELECT gram, name FROM name_pieces ORDER BY gram, name').all()).toEqual([
      { gram: '李秀', name: '李秀英' },
      { gram: '王秀', name: '王秀英' },
      { gram: '秀英', name: '李秀英' },
      { gram: '秀英', name: '王秀英' },
    ]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'name_grams'").pluck().get()).toBe(0);
    const { searchPersons } = await import('../../../src-main/ledger/search');
    expect(
      searchPersons(db, '秀英')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['李秀英', '王秀英', '王秀英']);
    db.close();
  });
});

describe('migration 11: a new import kind, rebuilt with foreign keys off', () => {
  it('keeps a version-10 ledger’s batches, their changes and their 待核实 rows, then takes an insurance batch; foreign keys are on again', () => {
    const dir = fresh();
    const v10 = openLedger(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 10) });
    v10.exec(`INSERT INTO import_batches (kind, file_name, file_hash, actor, at, counts_json) VALUES ('payments', '代缴明细.xlsx', 'h', 'clerk', '2023-11-01T00:00:00Z', '{"rows":1}');
      INSERT INTO import_changes (batch_id, seq, entity, entity_id, op) VALUES (1, 1, 'enrollment', 7, 'insert');
      INSERT INTO pending_payments (batch_id, row_number, id_number, name, paid_on, amount_fen, tier, channel, coverage_year, reason)
        VALUES (1, 2, '500235196001010011', '王秀英', '2023-11-01', 38000, NULL, '导入', 2024, '不在台账');`);
    v10.close();

    const db = openLedger(dir);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT id, kind, file_name FROM import_batches').all()).toEqual([{ id: 1, kind: 'payments', file_name: '代缴明细.xlsx' }]);
    expect(db.prepare('SELECT count(*) FROM import_changes WHERE batch_id = 1').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM pending_payments WHERE batch_id = 1').pluck().get()).toBe(1);
    db.prepare("INSERT INTO import_batches (kind, file_name, file_hash, actor, at, counts_json) VALUES ('insurance', 'x', 'h', 'a', 'x', '{}')").run();
    // The references still point at the rebuilt table.
    expect(() => db.prepare("INSERT INTO import_changes (batch_id, seq, entity, entity_id, op) VALUES (99, 1, 'x', 1, 'insert')").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT county_code FROM office').pluck().all()).toEqual(['']);
    db.close();
  });
});
