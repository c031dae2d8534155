// The roster import's heavy half, run in a worker thread with a connection of its own, so
// reading a million rows, checking them and the final COMMIT never hold the main process's
// event loop (the clerk's screens stay live and see the ledger as it was until the commit).
// Loaded in-process too, by `runImportTask` when no worker script is configured.
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { appendAudit } from '../ledger/audit';
import { openLedger } from '../ledger/open';
import { ioProblem } from '../ledger/space';
import { closeBatch, openBatch } from '../ledger/import-batches';
import { rememberLayout } from '../ledger/import-layouts';
import { attachStaging, detachStaging, planStaged, stagedCounts, stagedProblems, staleStaged } from '../ledger/staging';
import { begin, beginImmediate, checkpoint, commit, commitsWithoutSync } from '../ledger/transactions';
import { Cancelled, packer, readRoster, unpack, type RosterRead } from './roster-read';
import { outOfMemory, workerOutcome } from './worker-thread';
import type { CommitResult, CommitTask, ImportTask, PreviewResult, PreviewTask, ReadTask, TaskMessage } from './worker-tasks';
import { commitStaged } from './roster-commit';
import { rosterStager, stagedChanges, StaleRows } from './roster-staging';
import { STALE_LIMIT } from './dry-run-promise';
import { TableReadError } from '../excel/table';
import type { BatchCounts } from '../types/imports';

/** The task's cancel flag (shared with the thread that may set it, and with a reading thread). */
interface Cancel {
  flag: Int32Array;
  cancelled(): boolean;
}

async function readStaged(
  db: Database,
  t: PreviewTask & ImportTask,
  stage: ReturnType<typeof rosterStager>,
  post: (m: TaskMessage) => void,
  cancel: Cancel,
): Promise<RosterRead> {
  const req = { file: t.file, words: t.words, mapping: t.mapping, headerRow: t.headerRow, today: t.today };
  if (!t.worker)
    return readRoster(db, req, stage, { progress: (done, total) => post({ type: 'progress', phase: '读取文件', done, total }), cancelled: cancel.cancelled });
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const read = { op: 'read' as const, dataDir: t.dataDir, ...req, counter: counter.buffer as SharedArrayBuffer, nativeBinding: t.nativeBinding };
  const end = await workerOutcome(t.worker, read, cancel.flag.buffer as SharedArrayBuffer, (m) => {
    if (m.type === 'rows') {
      unpack(m.rows, m.problems, stage);
      Atomics.add(counter, 1, 1);
    } else if (m.type === 'progress') post(m);
  });
  if (end.type === 'result') return end.value as RosterRead;
  throw end.kind === 'read' ? new TableReadError(end.message) : end.kind === 'cancelled' ? new Cancelled() : new Error(end.message);
}

async function preview(db: Database, t: PreviewTask & ImportTask, post: (m: TaskMessage) => void, cancel: Cancel): Promise<PreviewResult> {
  attachStaging(db, t.staging, true);
  const stage = rosterStager(db);
  begin(db);
  const read = await readStaged(db, t, stage, post, cancel);
  const step = () => {
    if (cancel.cancelled()) throw new Cancelled();
  };
  post({ type: 'progress', phase: '核对台账', done: 0, total: read.rows });
  stage.finish(step);
  step();
  planStaged(db);
  commit(db);
  post({ type: 'progress', phase: '核对台账', done: read.rows, total: read.rows });
  return { ...read, counts: stagedCounts(db, t.reasonYear), problems: stagedProblems(db, 500), changes: stagedChanges(db, t.reasonYear) };
}

/** The reading thread of a preview: rows go back to the preview's thread in batches. */
async function readForWriter(db: Database, t: ReadTask, post: (m: TaskMessage) => void, cancel: Cancel): Promise<RosterRead> {
  const pack = packer((rows, problems) => post({ type: 'rows', rows, problems }), new Int32Array(t.counter));
  const read = await readRoster(db, t, pack.sinks, {
    progress: (done, total) => post({ type: 'progress', phase: '读取文件', done, total }),
    cancelled: cancel.cancelled,
    pause: pack.pause,
  });
  pack.flush();
  return read;
}

function commitRoster(db: Database, t: CommitTask, post: (m: TaskMessage) => void, { cancelled }: Cancel): CommitResult {
  attachStaging(db, t.staging, false);
  // The checkpoint below makes the import durable before success is reported, so the
  // commit itself need not wait for the disk a second time.
  commitsWithoutSync(db);
  beginImmediate(db);
  const stale = staleStaged(db, t.since, STALE_LIMIT);
  if (stale.length) throw new StaleRows(stale);
  const batch = openBatch(db, { kind: 'roster', fileName: t.fileName, fileHash: t.fileHash, actor: t.actor, at: t.at });
  const result = commitStaged(
    db,
    batch.id,
    t.at,
    t.counts,
    (phase, done, total) => {
      if (cancelled()) throw new Cancelled();
      post({ type: 'progress', phase, done, total });
    },
    { year: t.reasonYear, source: t.fileName },
  );
  const counts: BatchCounts['roster'] = { rows: t.rows, ...result, unchanged: t.counts.unchanged, problems: t.counts.problems };
  closeBatch(db, batch.id, counts);
  rememberLayout(db, 'roster', t.signature, t.mapping, t.at);
  appendAudit(
    db,
    { actor: t.actor, action: 'import.commit', entity: 'import_batch', entityId: batch.id, after: { kind: 'roster', fileName: t.fileName, counts } },
    t.at,
  );
  if (cancelled()) throw new Cancelled();
  commit(db);
  // From here the import has landed: nothing after may turn it into an answer that it did not.
  try {
    post({ type: 'progress', phase: '整理台账文件', done: 1, total: 1 });
    // The pages written go back into the ledger file here, not at the clerk's next change.
    checkpoint(db);
  } catch (e) {
    return { batchId: batch.id, afterwards: ioProblem(e) ?? (e instanceof Error ? e.message : String(e)) };
  }
  return { batchId: batch.id };
}

/**
 * Runs one task on a connection of its own; every outcome is a message, never a throw. The
 * answer is posted only after the connection is closed, so whoever waits for it may end
 * the thread at once without a native handle still in use.
 */
export async function runTask(t: ImportTask, post: (m: TaskMessage) => void, flag: Int32Array): Promise<void> {
  const cancel: Cancel = { flag, cancelled: () => Atomics.load(flag, 0) === 1 };
  let db: Database | undefined;
  let end: TaskMessage;
  try {
    db = openLedger(t.dataDir, t.nativeBinding ? { nativeBinding: t.nativeBinding } : {});
    const value =
      t.op === 'preview' ? await preview(db, t, post, cancel) : t.op === 'read' ? await readForWriter(db, t, post, cancel) : commitRoster(db, t, post, cancel);
    end = { type: 'result', value };
  } catch (e) {
    end = failure(e, cancel);
  } finally {
    if (db) {
      try {
        detachStaging(db);
      } catch {
        // never attached: the task failed before
      }
      db.close();
    }
  }
  post(end);
}

function failure(e: unknown, cancel: Cancel): TaskMessage {
  if (e instanceof Cancelled || cancel.cancelled()) return { type: 'error', kind: 'cancelled', message: '已取消，数据未被修改。' };
  if (e instanceof TableReadError) return { type: 'error', kind: 'read', message: e.message };
  if (e instanceof StaleRows) return { type: 'error', kind: 'stale', message: JSON.stringify(e.rows) };
  // A person with a staged ID number was entered at the desk after the dry run.
  if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return { type: 'error', kind: 'stale', message: String(e) };
  const io = ioProblem(e);
  if (io) return { type: 'error', kind: 'disk', message: io };
  // The reading thread of a roster ran out of memory.
  if (outOfMemory(e)) return { type: 'error', kind: 'memory', message: String(e) };
  return { type: 'error', kind: 'internal', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
}

const data = workerData as { canbaoImport?: { task: ImportTask; flag: SharedArrayBuffer } } | null;
if (parentPort && data?.canbaoImport) {
  const port = parentPort;
  // The thread ends itself once its answer is posted (tsx's loader would keep it alive).
  void runTask(data.canbaoImport.task, (m) => port.postMessage(m), new Int32Array(data.canbaoImport.flag)).then(() => process.exit(0));
}
