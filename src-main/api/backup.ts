// Backups: the list, backing up now (into the data folder, or a chosen folder), restoring one, and the ledger's state.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { auditHead, verifyAudit, writeAuditHead } from '../ledger/audit';
import {
  backupDir,
  backupTo,
  checkRestorable,
  countersOf,
  freshBackupPath,
  ledgerBytes,
  listBackups,
  raiseCounters,
  replaceLedgerFile,
} from '../ledger/backup';
import { LEDGER_FILE, openLedger, schemaVersion } from '../ledger/open';
import { keepSeats, seatsNow } from '../ledger/seats';
import { isUpload } from '../files/uploads';
import { directlyIn } from '../files/outputs';
import { callerIsTab } from '../service/context';
import { dryRunsRunning, endDryRuns } from '../imports/dry-runs';
import { ioProblem, restoreSpaceProblem } from '../ledger/space';
import type { LedgerStatus } from './contract';
import type { Context } from './handler';
import { Refusal, audit, caller, reads, task } from './handler';

function status(ctx: Context): LedgerStatus {
  return {
    schemaVersion: schemaVersion(ctx.db),
    audit: ctx.startupAudit,
    lastBackup: listBackups(ctx.dataDir)[0]?.createdAt ?? null,
    readOnly: ctx.readOnly,
  };
}

/**
 * Refuses a file that cannot be a backup to restore: the ledger itself or its journal (restoring
 * from them threw away what the journal held), and from a browser tab anything but a backup in
 * backups/ or the tab's own upload (a tab has no paths of its own).
 */
function restorable(ctx: Context, file: string): void {
  const ledger = path.join(ctx.dataDir, LEDGER_FILE);
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(file));
  } catch {
    throw new Refusal('not_found', '找不到这个备份文件。', 'file');
  }
  const live = ['', '-wal', '-shm'].some((x) => fs.existsSync(ledger + x) && real === fs.realpathSync(ledger + x));
  if (live) throw new Refusal('invalid_input', '这是正在使用的台账本身，不是备份。请选择备份文件夹里的备份或 U 盘上的备份。', 'file');
  const inBackups = directlyIn(real, backupDir(ctx.dataDir));
  if (callerIsTab() && !inBackups && !isUpload(ctx.dataDir, real, caller().key))
    throw new Refusal('forbidden', '浏览器版只能恢复备份文件夹里的备份，或从本页面上传的备份文件。', 'file');
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
    (ctx, arg) => {
      // A USB drive's folder exists when the drive is in: a mistyped path must not become a new folder on this PC.
      const folder = path.resolve(arg.folder);
      let isDir = false;
      try {
        isDir = fs.statSync(folder).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw new Refusal('invalid_input', `找不到文件夹“${folder}”。请确认 U 盘已插好、路径没有写错（路径是本程序所在电脑上的路径）。`, 'folder');
      return backUp(ctx, folder);
    },
    // A folder on the main PC means nothing to a clerk at a seat, and one the page serves would hand the ledger out.
    { readOnly: true, local: true },
  ),

  'backup.restore': task(
    'admin',
    '正在恢复备份',
    z.object({ file: z.string({ error: '请选择要恢复的备份文件。' }).min(1, '请选择要恢复的备份文件。').max(1000, '文件路径太长。') }),
    async (ctx, arg) => {
      if (dryRunsRunning(ctx) > 0) throw new Refusal('conflict', '正在试导入，等它完成后再恢复备份。');
      restorable(ctx, arg.file);
      // Room for both copies first: a full disk refuses here, before the ledger is touched.
      const short = restoreSpaceProblem(ctx.dataDir, ledgerBytes(ctx.db), fs.statSync(arg.file).size);
      if (short) throw new Refusal('unavailable', short);
      try {
        checkRestorable(arg.file);
      } catch (e) {
        const io = ioProblem(e);
        if (io) throw new Refusal('unavailable', `${io}，没能检查这个备份，没有恢复，台账仍是恢复前的样子。请清理磁盘空间或检查磁盘后重试。`);
        throw new Refusal('invalid_input', (e as Error).message, 'file');
      }
      // What is replaced is kept, so a restore can itself be undone.
      const kept = await backupTo(ctx.db, freshBackupPath(backupDir(ctx.dataDir), ctx.now(), 'restore'));
      // The desktop's ledger is opened through the binding built for Electron, kept with the worker's.
      const binding = ctx.importWorker?.nativeBinding;
      const reopen = () => (ctx.db = openLedger(ctx.dataDir, binding ? { nativeBinding: binding } : {}));
      // A screen still holding a person's version from this ledger must not match one the
      // restored ledger stamps later (its changes are numbered on from past ours), nor may an id
      // it showed (a person added after the backup) be handed to someone else.
      const counters = countersOf(ctx.db);
      const seats = seatsNow(ctx.db);
      ctx.db.close();
      try {
        replaceLedgerFile(ctx.dataDir, arg.file);
      } finally {
        // Replaced or not (a full disk stops the copy before the rename), the app keeps a ledger open.
        reopen();
      }
      // What a dry run read may not be in the restored ledger, or be another person there.
      endDryRuns(ctx, '管理员从备份恢复了台账', true);
      // The restored ledger has its own head: the old one no longer applies.
      ctx.startupAudit = verifyAudit(ctx.db);
      writeAuditHead(ctx.dataDir, auditHead(ctx.db));
      // Its users are the backup's: everyone logs in again.
      ctx.sessions.endAll();
      ctx.db
        .transaction(() => {
          raiseCounters(ctx.db, counters);
          keepSeats(ctx.db, seats);
          audit(ctx, { action: 'backup.restore', entity: 'backup', entityId: arg.file, before: kept.file });
        })
        .immediate();
      ctx.lan?.apply();
      return status(ctx);
    },
  ),
};
