// Backups: automatic (first start of each day, and before a migration), manual (to a
// folder the clerk picks, e.g. a USB stick), and restore with an integrity check first.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile } from '../types/reports';
import { LEDGER_FILE, LATEST_VERSION } from './open';

export const KEEP_AUTOMATIC = 30;
const AUTO = /^canbao-(\d{4}-\d{2}-\d{2})-(\d{6})-(daily|migration|restore|import|periodic)(?:-\d+)?\.sqlite$/;

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

function stamp(now: Date): { day: string; time: string } {
  const china = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  return { day: china.slice(0, 10), time: china.slice(11, 19).replaceAll(':', '') };
}

export type BackupReason = 'daily' | 'migration' | 'restore' | 'import' | 'periodic' | 'manual';

function backupName(now: Date, reason: BackupReason): string {
  const { day, time } = stamp(now);
  return `canbao-${day}-${time}-${reason}.sqlite`;
}

/**
 * A path in `dir` for a new backup that no file holds yet: two backups in one second (a clerk
 * pressing 立即备份 twice) get -2, -3 … rather than the second failing as if it already existed.
 */
export function freshBackupPath(dir: string, now: Date, reason: BackupReason): string {
  const base = backupName(now, reason).replace(/\.sqlite$/, '');
  for (let n = 1; n < 1000; n++) {
    const file = path.join(dir, n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`);
    if (!fs.existsSync(file)) return file;
  }
  throw new Error(`备份文件夹里同一秒的备份太多：${dir}`);
}

/** The -2, -3 … of a backup taken in the same second as another (1 for the first). */
const sameSecond = (file: string) => Number(/-(\d+)\.sqlite$/.exec(file)?.[1] ?? 1);

function describe(file: string): BackupFile {
  const st = fs.statSync(file);
  const m = AUTO.exec(path.basename(file));
  return { file, createdAt: st.mtime.toISOString(), bytes: st.size, reason: m?.[3] ?? 'manual' };
}

export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => describe(path.join(dir, f)))
    .sort((a, b) => (a.createdAt === b.createdAt ? sameSecond(b.file) - sameSecond(a.file) : a.createdAt < b.createdAt ? 1 : -1));
}

/** SQLite's online backup: a consistent copy while the ledger stays open. */
export async function backupTo(db: Database.Database, file: string): Promise<BackupFile> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`备份文件已存在：${file}`);
  // Written under another name and renamed when whole: a backup cut short (a full disk, the app
  // closing) is never listed or restored as if it were one.
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
  return describe(file);
}

/**
 * Automatic backups kept: the newest 30, and of the older ones the last of each month, so a
 * mistake found a season later can still be undone. Manual backups are the clerk's to remove.
 */
function pruneAutomatic(dataDir: string): void {
  const autos = fs
    .readdirSync(backupDir(dataDir))
    .filter((f) => AUTO.test(f))
    .sort();
  const older = autos.slice(0, Math.max(0, autos.length - KEEP_AUTOMATIC));
  const month = (f: string) => AUTO.exec(f)![1]!.slice(0, 7);
  for (const [i, f] of older.entries()) {
    const next = autos[i + 1];
    const lastOfMonth = !next || month(next) !== month(f);
    if (!lastOfMonth) fs.rmSync(path.join(backupDir(dataDir), f));
  }
}

/** A backup while the app runs (after an import, or every few hours of changes); the oldest beyond the keeping rule go. */
export async function automaticBackup(db: Database.Database, dataDir: string, now: Date, reason: 'import' | 'periodic'): Promise<BackupFile> {
  const b = await backupTo(db, freshBackupPath(backupDir(dataDir), now, reason));
  pruneAutomatic(dataDir);
  return b;
}

/** The first start of each (China) day leaves a backup behind; the oldest beyond 30 go. */
export async function dailyBackup(db: Database.Database, dataDir: string, now: Date): Promise<BackupFile | null> {
  const { day } = stamp(now);
  const dir = backupDir(dataDir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith(`canbao-${day}-`) && f.endsWith('-daily.sqlite'))) return null;
  const b = await backupTo(db, freshBackupPath(dir, now, 'daily'));
  pruneAutomatic(dataDir);
  return b;
}

/** Before a migration the ledger is ours alone, so VACUUM INTO gives a consistent copy synchronously. */
export function backupBeforeMigration(db: Database.Database, dataDir: string, now: Date): string {
  const file = freshBackupPath(backupDir(dataDir), now, 'migration');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  db.prepare('VACUUM INTO ?').run(file);
  pruneAutomatic(dataDir);
  return file;
}

const diskTrouble = (e: unknown) => {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  return code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC' || code === 'EIO';
};

/**
 * Refuses a file that is not a sound canbao ledger this version can open; says why in Chinese.
 * The disk failing while it reads (full, or a USB stick pulled out) is thrown as it came.
 */
export function checkRestorable(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`找不到文件：${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`备份文件已损坏（完整性检查：${String(result)}），不能用来恢复。`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || !db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'office'").get()) throw new Error('这个文件不是 canbao 台账。');
    if (version > LATEST_VERSION) throw new Error(`这个备份由更新版本的 canbao 写入（数据版本 ${version}），请先升级程序。`);
  } catch (e) {
    if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) throw e;
    // A disk that could not be read or written (a full one cannot hold the journal a backup in WAL
    // mode needs to be read) says nothing about the file: the caller tells the clerk what it was.
    if (diskTrouble(e)) throw e;
    throw new Error('这个文件不是可用的 SQLite 台账文件，不能用来恢复。');
  } finally {
    db?.close();
  }
}

/** Swaps the ledger file for a checked backup; the caller closed the old connection. */
export function replaceLedgerFile(dataDir: string, file: string): void {
  const target = path.join(dataDir, LEDGER_FILE);
  const tmp = `${target}.restoring`;
  // The copy first: one cut short (a full disk) is removed and leaves the ledger, and any journal
  // its closing could not fold in, as they were.
  try {
    fs.copyFileSync(file, tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
}

/** At start: a backup the app was writing when it stopped is no backup. */
export function clearPartialBackups(dataDir: string): void {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.partial')) fs.rmSync(path.join(dir, f), { force: true });
}

/** The ledger file's size in bytes as SQLite counts it (pages times page size). */
export const ledgerBytes = (db: Database.Database): number =>
  (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/** The counters a restored ledger must not fall behind: the change clock and each table's last id. */
export interface Counters {
  clock: number;
  sequences: { name: string; seq: number }[];
}

export const countersOf = (db: Database.Database): Counters => ({
  clock: db.prepare('SELECT seq FROM ledger_clock').pluck().get() as number,
  sequences: db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[],
});

/** Raises the restored ledger's counters to at least those it replaced, so no number is handed out twice. */
export function raiseCounters(db: Database.Database, c: Counters): void {
  db.prepare('UPDATE ledger_clock SET seq = max(seq, ?)').run(c.clock);
  for (const s of c.sequences) {
    const raised = db.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(s.seq, s.name).changes;
    if (!raised) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(s.name, s.seq);
  }
}
