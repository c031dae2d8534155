import path from 'node:path';
import { z } from 'zod';
import { auditHead, verifyAudit, writeAuditHead } from '../ledger/audit';
import { backupDir, backupName, backupTo, checkRestorable, listBackups, replaceLedgerFile } from '../ledger/backup';
import { openLedger } from '../ledger/open';
import type { LedgerStatus } from './contract';
import type { Context } from './handler';
import { Refusal, audit, loginRequired, reads } from './handler';
import { requireAdmin } from './users';

function status(ctx: Context): LedgerStatus {
  return {
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    audit: ctx.startupAudit,
    lastBackup: listBackups(ctx.dataDir)[0]?.createdAt ?? null,
  };
}

export const backupHandlers = {
  'ledger.status': reads(z.object({}).strict(), (ctx) => status(ctx)),

  'backup.list': reads(z.object({}).strict(), (ctx) => listBackups(ctx.dataDir)),

  'backup.create': reads(
    z.object({ folder: z.string().trim().min(1, '请选择备份到哪个文件夹。').optional() }),
    async (ctx, arg) => {
      if (loginRequired(ctx)) throw new Refusal('forbidden', '请先登录。');
      const dir = arg.folder ? path.resolve(arg.folder) : backupDir(ctx.dataDir);
      try {
        const b = await backupTo(ctx.db, path.join(dir, backupName(ctx.now(), 'manual')));
        ctx.db.transaction(() => audit(ctx, { action: 'backup.create', entity: 'backup', entityId: b.file })).immediate();
        return b;
      } catch (e) {
        throw new Refusal('unavailable', `备份没有完成：${e instanceof Error ? e.message : String(e)}。请检查文件夹是否存在、U盘是否插好、空间是否足够。`);
      }
    },
  ),

  'backup.restore': reads(z.object({ file: z.string({ error: '请选择要恢复的备份文件。' }).min(1, '请选择要恢复的备份文件。') }), async (ctx, arg) => {
    requireAdmin(ctx);
    try {
      checkRestorable(arg.file);
    } catch (e) {
      throw new Refusal('invalid_input', (e as Error).message, 'file');
    }
    // What is replaced is kept, so a restore can itself be undone.
    const kept = await backupTo(ctx.db, path.join(backupDir(ctx.dataDir), backupName(ctx.now(), 'restore')));
    ctx.db.close();
    replaceLedgerFile(ctx.dataDir, arg.file);
    ctx.db = openLedger(ctx.dataDir);
    // The restored ledger has its own head: the old one no longer applies.
    ctx.startupAudit = verifyAudit(ctx.db);
    writeAuditHead(ctx.dataDir, auditHead(ctx.db));
    ctx.session.user = null;
    ctx.db.transaction(() => audit(ctx, { action: 'backup.restore', entity: 'backup', entityId: arg.file, before: kept.file })).immediate();
    return status(ctx);
  }),
};
