import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export const LEDGER_FILE = 'canbao.sqlite';

/** A failure to open the ledger that the clerk must read; carries no stack-worthy detail. */
export class LedgerOpenError extends Error {}

export interface OpenOptions {
  /** Called with the ledger before pending migrations run on a ledger that holds data. */
  beforeMigration?: (db: Database.Database) => void;
  /** Only tests pass this, to build an older database and migrate it. */
  migrations?: readonly Migration[];
  /** An explicit native binding (Electron needs one built for its own ABI). */
  nativeBinding?: string;
}

export function openLedger(dataDir: string, opts: OpenOptions = {}): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LEDGER_FILE);
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a power cut on an office PC must not lose a receipt that was already printed.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): indexes on ID numbers and names are
    // written in random order, and a small cache turns every insert into page reads.
    db.pragma('cache_size = -65536');
    migrate(db, opts.migrations ?? MIGRATIONS, opts.beforeMigration);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function migrate(db: Database.Database, migrations: readonly Migration[], before?: (db: Database.Database) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (current > latest) {
    throw new LedgerOpenError(
      `这个台账文件由更新版本的 canbao 写入（数据版本 ${current}，本程序只认识到 ${latest}）。` +
        '为免损坏数据，本程序不会打开它。请安装新版 canbao 后再打开。',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return;
  if (current > 0) before?.(db);
  // A migration that rebuilds a table others reference (SQLite cannot change a CHECK in
  // place) runs with foreign keys off, as SQLite's own procedure says; they are checked
  // before the commit instead. The pragma is a no-op inside a transaction, hence out here.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    // All pending migrations in one transaction: a crash midway leaves the old version intact.
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds && (db.pragma('foreign_key_check') as unknown[]).length)
        throw new LedgerOpenError('升级台账文件时发现有记录指向不存在的数据，升级没有进行，台账保持原样。请把台账文件交给技术人员检查。');
    }).immediate();
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON');
  }
}

export { LATEST_VERSION };

/** The migration the ledger is at. */
export const schemaVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;
