// One program per data folder. The lock is an exclusive SQLite lock held on a small file for
// as long as the program runs: the operating system drops it when the process ends however
// it ends (a crash, a kill, a power cut), so a stale lock is never left to clean up, and a
// second desktop or browser host on the same folder is refused while the first one runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerOpenError } from './open';

export const LOCK_FILE = 'canbao.lock';
const OWNER_FILE = 'canbao.lock.owner';

export interface FolderLock {
  release(): void;
}

function owner(dataDir: string): string {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as { pid?: number; host?: string; since?: string };
    const since = o.since ? new Date(Date.parse(o.since) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;
    return `（${o.host ?? '本机'} 上的进程 ${o.pid ?? '?'}，${since ? `北京时间 ${since} 启动` : '启动时间不详'}）`;
  } catch {
    return '';
  }
}

export function lockDataFolder(dataDir: string, opts: { nativeBinding?: string | undefined; now?: Date } = {}): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, LOCK_FILE), { timeout: 0, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS held (since TEXT)');
    db.exec('COMMIT');
    // In exclusive mode the lock taken by that write stays until the connection closes.
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      throw new LedgerOpenError(
        `另一个 canbao 正在使用这个数据文件夹${owner(dataDir)}。同一个台账同时只能由一个 canbao 打开：请先关闭另一个（桌面版或浏览器版），再打开本程序。`,
      );
    }
    throw e;
  }
  const since = (opts.now ?? new Date()).toISOString();
  try {
    fs.writeFileSync(path.join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), since }));
  } catch {
    // Only used to name the holder in the message above.
  }
  return {
    release() {
      if (db.open) db.close();
    },
  };
}
