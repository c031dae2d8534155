// Disks fill up and USB sticks are pulled out. What the clerk is told then must be true:
// which failure it was, and whether anything was written.
import fs from 'node:fs';
import path from 'node:path';
import { LEDGER_FILE } from './open';

const MB = 1024 * 1024;
/** The least free space the app wants beside the ledger, whatever its size. */
export const MIN_FREE_BYTES = 500 * MB;

const fileSize = (f: string) => {
  try {
    return fs.statSync(f).size;
  } catch {
    return 0;
  }
};

/** Free space where the data folder is, and how much the ledger wants: twice it and its WAL, at least 500 MB. */
export function diskSpace(dataDir: string): { free: number; needed: number } {
  const st = fs.statfsSync(dataDir);
  const ledger = path.join(dataDir, LEDGER_FILE);
  return { free: st.bavail * st.bsize, needed: Math.max(MIN_FREE_BYTES, 2 * (fileSize(ledger) + fileSize(`${ledger}-wal`))) };
}

const mb = (n: number) => `${Math.floor(n / MB).toLocaleString('en-US')} MB`;

/** Why the app must start read-only (too little free space), or null. */
export function readOnlyReason(dataDir: string): string | null {
  const { free, needed } = diskSpace(dataDir);
  if (free >= needed) return null;
  return `数据文件夹所在的磁盘只剩 ${mb(free)}，至少需要 ${mb(needed)}（台账及其日志大小的两倍，且不少于 500 MB）。为免写到一半，本程序以只读方式打开：可以查看、打印、导出和备份到其他磁盘，不能修改。请清理磁盘空间后重新打开程序。`;
}

/** The kind of disk trouble an error is, in Chinese, or null when it is not one. */
export function ioProblem(e: unknown): string | null {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return '磁盘空间已满';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return '磁盘是只读的，不能写入';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return '读写磁盘出错（磁盘或 U 盘可能有故障或已拔出）';
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) return '没有权限写入这个文件夹';
  return null;
}

/** Room a restore leaves for the reopened ledger's journal and its own audit line, beyond the two copies. */
export const RESTORE_MARGIN_BYTES = 4 * MB;

/**
 * Why a restore cannot be done on this disk (too little space for a copy of the ledger as it is,
 * kept first, and the backup copied in beside it), or null. Checked before anything is written,
 * so a full disk refuses with nothing changed rather than failing halfway.
 */
export function restoreSpaceProblem(dataDir: string, ledgerBytes: number, backupBytes: number): string | null {
  const st = fs.statfsSync(dataDir);
  const free = st.bavail * st.bsize;
  const needed = ledgerBytes + backupBytes + RESTORE_MARGIN_BYTES;
  if (free >= needed) return null;
  return `磁盘空间不够恢复备份：数据文件夹所在的磁盘只剩 ${mb(free)}，恢复要先把现在的台账留一份，再换上备份，约需 ${mb(needed)}。没有恢复，台账仍是恢复前的样子。请清理磁盘空间后重试。`;
}
