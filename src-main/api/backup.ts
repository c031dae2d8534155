// Backups: the list, backing up now (into the data folder, or a chosen folder), restoring one, and the ledger's state.
import path from 'node:path';
import { z } from 'zod';
import { auditHead, verifyAudit, writeAuditHead } from '../ledger/audit';
import { backupDir, backupTo, freshBackupPath, checkRestorable, listBackups, replaceLedgerFile } from '../ledger/backup';
import { openLedger } from '../ledger/open';
import { ioProblem } from '../ledger/space';
import type { LedgerStatus } from './contract';
import type { Context } from './handler';
import { Refusal, audit, reads, task } from './handler';

function status(ctx: Context): LedgerStatus {
  return {
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    audit: ctx.startupAudit,
    lastBackup: listBackups(ctx.dataDir)[0]?.createdAt ?? null,
    readOnly: ctx.readOnly,
  };
}

async function backUp(ctx: Context, dir: string) {
  try {
    const b = await backupTo(ctx.db, freshBackupPath(dir, ctx.now(), 'manual'));
    ctx.db.transaction(() => audit(ctx, { action: 'backup.create', entity: 'backup', entityId: b.file })).immediate();
    return b;
  } catch (e) {
    const io = ioProblem(e);
    throw new Refusal('unavailable', `备份没有完成：${io ?? (e instanceof Error ? e.message : String(e))}。请检查文件夹是否存在、U盘是否插好、空间是否足够。`);
  }
}

export const backupHandlers = {
  'backup.status': reads('clerk', z.object({}).strict(), (ctx) => status(ctx)),

  'backup.list': reads('clerk', z.object({}).strict(), (ctx) => listBackups(ctx.dataDir)),

  'backup.create': task('clerk', '正在备份', z.object({}).strict(), (ctx) => backUp(ctx, backupDir(ctx.dataDir)), { readOnly: true }),

  // A folder of the clerk's choosing (a USB stick) is outside the data folder: the admin's.
  'backup.copyTo': task(
    'admin',
    '正在备份',
    z.object({ folder: z.string().trim().min(1, '请选择备份到哪个文件夹。').max(1000, '文件夹路径太长。') }),
    (ctx, arg) => backUp(ctx, path.resolve(arg.folder)),
    { readOnly: true },
  ),

  'backup.restore': task(
    'admin',
    '正在恢复备份',
    z.object({ file: z.string({ error: '请选择要恢复的备份文件。' }).min(1, '请选择要恢复的备份文件。').max(1000, '文件路径太长。') }),
    async (ctx, arg) => {
      try {
        checkRestorable(arg.file);
      } catch (e) {
        throw new Refusal('invalid_input', (e as Error).message, 'file');
      }
      // What is replaced is kept, so a restore can itself be undone.
      const kept = await backupTo(ctx.db, freshBackupPath(backupDir(ctx.dataDir), ctx.now(), 'restore'));
      // The desktop's ledger is opened through the binding built for Electron, kept with the worker's.
      const binding = ctx.importWorker?.nativeBinding;
      const reopen = () => (ctx.db = openLedger(ctx.dataDir, binding ? { nativeBinding: binding } : {}));
      ctx.db.close();
      try {
        replaceLedgerFile(ctx.dataDir, arg.file);
      } finally {
        // Replaced or not (a full disk stops the copy before the rename), the app keeps a ledger open.
        reopen();
      }
      // The restored ledger has its own head: the old one no longer applies.
      ctx.startupAudit = verifyAudit(ctx.db);
      writeAuditHead(ctx.dataDir, auditHead(ctx.db));
      // Its users are the backup's: everyone logs in again.
      ctx.sessions.endAll();
      ctx.db.transaction(() => audit(ctx, { action: 'backup.restore', entity: 'backup', entityId: arg.file, before: kept.file })).immediate();
      return status(ctx);
    },
  ),
};
