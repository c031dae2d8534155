// A planned batch written as one transaction, and the answer when a commit's own answer was an
// error: the ledger is read back to tell whether the batch landed after all.
import { rememberLayout } from '../ledger/import-layouts';
import { closeBatch, landedBatch, openBatch, type BatchChanges } from '../ledger/import-batches';
import { ioProblem } from '../ledger/space';
import { beginImmediate, commit, rollback } from '../ledger/transactions';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import type { JobHandle } from '../service/job-handle';
import type { Tick } from '../excel/importing';
import type { BatchCounts, ImportKind } from '../types/imports';
import { STALE_DRY_RUN } from './dry-runs';
import { newlyKnown, recordFullList } from './full-list';
import type { DryRun, Landed } from './kind';
import { rowTick } from './read-file';
import { TaskFailed } from './worker-run';

/** What a kind's commit gives the batch writer: how to write, and what goes in the batch's record. */
export interface BatchWrite<K extends Exclude<ImportKind, 'roster'>> {
  /** The rows it writes, for the progress bar. */
  total: number;
  /** The clerk's choices kept with the batch (a list's department, a file's years). */
  options?: unknown;
  /** Why the dry run no longer holds, checked inside the transaction; null if it holds. */
  stale(): string | null;
  write(ids: { id: number; changes: BatchChanges }, tick: Tick, at: string): Promise<BatchCounts[K]>;
}

/** The department lists and payment files: small enough to write on this thread, yielding. */
export async function commitBatch<K extends Exclude<ImportKind, 'roster'>>(
  ctx: Context,
  d: DryRun & { kind: K },
  job: JobHandle,
  fullList: readonly number[],
  w: BatchWrite<K>,
): Promise<Landed> {
  const at = ctx.now().toISOString();
  const tick = rowTick(job, '写入台账', w.total);
  beginImmediate(ctx.db);
  try {
    // Checked inside the write transaction: nothing can change between the check and the write.
    const broken = w.stale();
    if (broken) throw new Refusal('conflict', broken, STALE_DRY_RUN);
    const batch = openBatch(ctx.db, {
      kind: d.kind,
      fileName: d.read.fileName,
      fileHash: d.read.fileHash,
      actor: actorOf(ctx),
      at,
      ...(w.options !== undefined ? { options: w.options } : {}),
    });
    const counts = await w.write(batch, tick, at);
    if (d.years.length) recordFullList(ctx, batch.id, d.years, newlyKnown(ctx, fullList), at);
    closeBatch(ctx.db, batch.id, counts);
    rememberLayout(ctx.db, d.kind, d.read.signature, d.read.mapping, at);
    audit(ctx, { action: 'import.commit', entity: 'import_batch', entityId: batch.id, after: { kind: d.kind, fileName: d.read.fileName, counts } });
    job.check();
    commit(ctx.db);
    return { batchId: batch.id };
  } catch (e) {
    // All of it, or nothing: a refusal, a cancel or a crash leaves the ledger as it was.
    if (ctx.db.inTransaction) rollback(ctx.db);
    // A failed COMMIT is read back, not assumed: the ledger says whether the batch is there.
    const landed = ioProblem(e) ? landedAfterAll(ctx, at, d.read.fileHash, e) : null;
    if (landed) return landed;
    throw e;
  }
}

/**
 * Whether a commit whose answer was an error landed all the same: its batch is in the ledger
 * (the time it was stamped with and the file's hash name it). A failed write is told as it is.
 */
export function landedAfterAll(ctx: Context, at: string, fileHash: string, e: unknown): Landed | null {
  const found = landedBatch(ctx.db, at, fileHash);
  if (found === undefined) return null;
  const what = e instanceof TaskFailed || e instanceof Error ? (ioProblem(e) ?? e.message) : String(e);
  return { batchId: found, note: afterLanding(what) };
}

export const afterLanding = (what: string) => `导入已经写入台账；之后整理台账文件时出错（${what}），请清理磁盘空间或检查磁盘，不需要重新导入。`;
