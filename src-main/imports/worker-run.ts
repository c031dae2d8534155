// Starting an import task in its worker thread and waiting for it, with progress and cancel.
// Built, the worker is out/main/import-worker.js beside the entry that names it; from the
// sources (tests, bench, `npm run cli`) it is the .ts file, loaded through tsx.
import type { ImportTask, ImportWorkerSpec, TaskFailure, TaskMessage } from './worker-tasks';
import { isEnd, outOfMemory, workerOutcome, type TaskEnd } from './worker-thread';

/** The worker as the sources have it: only where this module itself runs from its .ts file. */
export function sourceImportWorker(): ImportWorkerSpec | undefined {
  if (!import.meta.url.endsWith('.ts')) return undefined;
  return { script: new URL('./import-worker.ts', import.meta.url).pathname };
}

export class TaskFailed extends Error {
  constructor(
    readonly kind: TaskFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs `task` in a worker thread when `spec` names one, else on this thread (the same code,
 * but holding the event loop while it writes). Resolves with the task's value; rejects
 * with a TaskFailed that says why.
 */
export async function runImportTask<T>(
  spec: ImportWorkerSpec | undefined,
  task: ImportTask,
  opts: { signal?: AbortSignal; onProgress?: (phase: string, done: number, total: number) => void },
): Promise<T> {
  const flag = new SharedArrayBuffer(4);
  const cancel = () => Atomics.store(new Int32Array(flag), 0, 1);
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel);
  const progress = (m: TaskMessage) => {
    if (m.type === 'progress') opts.onProgress?.(m.phase, m.done, m.total);
  };
  let end: TaskEnd | undefined;
  try {
    const withBinding = { ...task, nativeBinding: spec?.nativeBinding, worker: spec };
    if (spec) end = await workerOutcome(spec, withBinding, flag, progress);
    else {
      const { runTask } = await import('./import-worker');
      await runTask(withBinding, (m) => (isEnd(m) ? (end = m) : progress(m)), new Int32Array(flag));
    }
  } catch (e) {
    // A thread stopped after a cancel (it did not answer in time) was still cancelled.
    if (Atomics.load(new Int32Array(flag), 0) === 1) throw new TaskFailed('cancelled', '已取消，数据未被修改。');
    if (outOfMemory(e)) throw new TaskFailed('memory', String(e));
    throw new TaskFailed('internal', e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
  if (!end) throw new TaskFailed('internal', 'the import worker ended without an answer');
  if (end.type === 'error') throw new TaskFailed(end.kind, end.message);
  return end.value as T;
}
