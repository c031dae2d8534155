// Backups the running app takes on its own: after each import commit (a whole file at once is the
// change most worth being able to undo), and every few hours of use when something changed.
import { auditHead } from '../ledger/audit';
import { automaticBackup, listBackups } from '../ledger/backup';
import type { Context } from './context';

/** Hours of use between two periodic backups, when the ledger changed in between. */
export const PERIODIC_HOURS = 4;

/** A backup that must not fail what caused it: its trouble is logged, never answered. */
export async function backUpQuietly(ctx: Context, reason: 'import' | 'periodic'): Promise<void> {
  if (ctx.readOnly || !ctx.db.open) return;
  try {
    await automaticBackup(ctx.db, ctx.dataDir, ctx.now(), reason);
  } catch (e) {
    // A ledger closed meanwhile (the app quitting right after an import) had nothing more to keep.
    if (!ctx.db.open) return;
    console.error(`[canbao] 自动备份（${reason}）没有完成`, e);
  }
}

const lastChange = (ctx: Context) => auditHead(ctx.db)?.lastId ?? 0;

/**
 * Checks every `everyMs` whether PERIODIC_HOURS have passed since the newest backup and the audit
 * log grew since the last periodic one; if so, backs up. Returns the stop function.
 */
export function startPeriodicBackups(ctx: Context, everyMs = 10 * 60 * 1000): () => void {
  let seen = lastChange(ctx);
  const timer = setInterval(() => {
    if (ctx.busy || ctx.readOnly) return;
    const newest = listBackups(ctx.dataDir)[0];
    // Real time, as the files' times are: hours the app ran, whatever day the desk works on.
    const since = newest ? Date.now() - Date.parse(newest.createdAt) : Infinity;
    const change = lastChange(ctx);
    if (since < PERIODIC_HOURS * 3600 * 1000 || change === seen) return;
    seen = change;
    void backUpQuietly(ctx, 'periodic');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
