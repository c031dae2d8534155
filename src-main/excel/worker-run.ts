// Starting an import task in its worker thread and waiting for it, with progress and cancel.
// Built, the worker is out/main/import-worker.js beside the entry that names it; from the
// sources (tests, bench, `npm run cli`) it is the .ts file, loaded through tsx.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ImportTask, TaskFailure, TaskMessage } from './import-worker';

export interface ImportWorkerSpec {
  /** A .js file to run as the worker, or a .ts one (only where tsx is installed). */
  script: string;
  nativeBinding?: string | undefined;
}

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

const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { api.register(); return import(workerData.script); });
`;

function startWorker(spec: ImportWorkerSpec, task: ImportTask, flag: SharedArrayBuffer): Worker {
  const canbaoImport = { task, flag };
  if (!spec.script.endsWith('.ts')) return new Worker(spec.script, { workerData: { canbaoImport } });
  // The ESM entry of tsx/esm/api (its exports map), which require.resolve would not pick.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return new Worker(TSX_BOOT, { eval: true, workerData: { canbaoImport, tsx, script: pathToFileURL(spec.script).href } });
}

/** How a task ended: its value, or why not. */
export type TaskEnd = Extract<TaskMessage, { type: 'result' | 'error' }>;

const isEnd = (m: TaskMessage): m is TaskEnd => m.type === 'result' || m.type === 'error';

/** How long a worker may take to exit after its answer, or to answer after a cancel, before it is stopped. */
export const WORKER_GRACE_MS = 15_000;

/**
 * Runs `task` in a worker thread, hands every message before its end to `onMessage`, and
 * settles with the end once the thread has exited by itself (it closes its connection first).
 * A thread that does not exit after its answer, or does not answer a cancel in time, is
 * stopped; a throw from `onMessage` stops it too and rejects.
 */
export function workerOutcome(spec: ImportWorkerSpec, task: ImportTask, flag: SharedArrayBuffer, onMessage: (m: TaskMessage) => void): Promise<TaskEnd> {
  return new Promise((resolve, reject) => {
    const w = startWorker(spec, task, flag);
    const cancelled = new Int32Array(flag);
    let end: TaskEnd | undefined;
    let failure: unknown;
    let cancelSeen = 0;
    const stop = (why: unknown) => {
      failure ??= why;
      void w.terminate();
    };
    const watch = setInterval(() => {
      const now = Date.now();
      if (end) {
        if (now - cancelSeen > WORKER_GRACE_MS) stop(undefined);
      } else if (Atomics.load(cancelled, 0) === 1) {
        if (!cancelSeen) cancelSeen = now;
        else if (now - cancelSeen > WORKER_GRACE_MS) stop(new Error('the import worker did not answer a cancel'));
      }
    }, 250);
    watch.unref();
    w.on('message', (m: TaskMessage) => {
      if (isEnd(m)) {
        end = m;
        cancelSeen = Date.now(); // from now on: the time it has to exit
        return;
      }
      try {
        onMessage(m);
      } catch (e) {
        stop(e);
      }
    });
    w.once('error', (e) => (failure ??= e));
    w.once('exit', () => {
      clearInterval(watch);
      if (failure) reject(failure);
      else if (end) resolve(end);
      else reject(new Error('the import worker ended without an answer'));
    });
  });
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
    throw new TaskFailed('internal', e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
  if (!end) throw new TaskFailed('internal', 'the import worker ended without an answer');
  if (end.type === 'error') throw new TaskFailed(end.kind, end.message);
  return end.value as T;
}
