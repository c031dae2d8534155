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

  it('makes every table STRICT', () => {
    const db = openLedger(fresh());
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
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
