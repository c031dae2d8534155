// Starting the app's core, shared by the desktop shell and the browser host: policies,
// the ledger (backed up before any migration and once a day), and the audit check.
import type { Context } from './api/handler';
import { auditHead, readAuditHead, verifyAudit, writeAuditHead, type AuditCheck } from './ledger/audit';
import { backupBeforeMigration, clearPartialBackups, dailyBackup } from './ledger/backup';
import { openLedger, type OpenOptions } from './ledger/open';
import { loadPolicies, officePolicyDir } from './policies/load';
import { countyTables } from './policies/county-tables';
import { weeklySnapshots } from './ledger/snapshots';
import { chinaDate } from './domain/dates';
import { clearStaging } from './imports/roster-staging';
import { sourceImportWorker } from './imports/worker-run';
import { lockDataFolder } from './ledger/lock';
import { ioProblem, readOnlyReason } from './ledger/space';
import { Sessions } from './service/sessions';
import { clearStaleUploads } from './files/uploads';
import { clearOldReports } from './files/outputs';
import { startPeriodicBackups } from './service/backups';

export interface Started {
  ctx: Context;
  audit: AuditCheck;
  /** Closes the ledger and lets go of the data folder. */
  stop(): void;
}

/** The office's own files join the bundled ones; one that no longer resolves must not stop the app. */
function officePolicies(dataDir: string) {
  try {
    return loadPolicies(undefined, officePolicyDir(dataDir));
  } catch (e) {
    console.error(`[canbao] 本所导入的政策文件有误，暂不使用：${e instanceof Error ? e.message : String(e)}`);
    return loadPolicies();
  }
}

/** Start-up's own writes (the audit head, the day's backup, the week's snapshot) must not keep the app from opening. */
async function housekeeping(what: string, work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (e) {
    console.error(`[canbao] 启动时${what}没有完成：${ioProblem(e) ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

export async function startCore(dataDir: string, opts: { nativeBinding?: string; now?: () => Date; importWorker?: string } = {}): Promise<Started> {
  const now = opts.now ?? (() => new Date());
  const lock = lockDataFolder(dataDir, { nativeBinding: opts.nativeBinding, now: now() });
  try {
    const policies = officePolicies(dataDir);
    const readOnly = readOnlyReason(dataDir);
    const open: OpenOptions = { beforeMigration: (db) => backupBeforeMigration(db, dataDir, now()) };
    if (opts.nativeBinding) open.nativeBinding = opts.nativeBinding;
    const db = openLedger(dataDir, open);
    const audit = verifyAudit(db, readAuditHead(dataDir));
    if (!audit.intact) console.error(`[canbao] ${audit.problem}`);
    if (readOnly) console.error(`[canbao] ${readOnly}`);
    else {
      // A broken chain keeps its old head on disk, so the warning stays until someone acts.
      if (audit.intact) await housekeeping('写审计记录摘要', () => writeAuditHead(dataDir, auditHead(db)));
      await housekeeping('每日备份', () => dailyBackup(db, dataDir, now()));
      await housekeeping('每周进度快照', () => weeklySnapshots(db, chinaDate(now()), now().toISOString()));
    }
    await housekeeping('清理暂存文件', () => {
      clearStaging(dataDir);
      // Real time, as the folders' times are (now() is pinned in tests); no dry run holds any yet.
      clearStaleUploads(dataDir, Date.now());
      clearOldReports(dataDir, now());
      clearPartialBackups(dataDir);
    });
    const script = opts.importWorker ?? sourceImportWorker()?.script;
    const importWorker = script ? { script, nativeBinding: opts.nativeBinding } : undefined;
    // A county's bad edit of its tables must not keep the app from opening: it is named on
    // 工作台 and 导入导出, and the imports that need the table refuse until it is fixed.
    const tables = countyTables();
    for (const t of tables.status()) for (const f of t.faults) console.error(`[canbao] ${t.title}有误：${f.text}`);
    const ctx: Context = { db, dataDir, now, policies, sessions: new Sessions(), startupAudit: audit, readOnly, importWorker, tables };
    const stopBackups = startPeriodicBackups(ctx);
    return {
      ctx,
      audit,
      stop() {
        stopBackups();
        if (ctx.db.open) ctx.db.close();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
