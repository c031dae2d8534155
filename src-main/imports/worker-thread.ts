// One import task in a worker thread of its own: started from its built .js or, from the
// sources, its .ts through tsx; its messages handed on, and the thread made sure to end.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ImportTask, ImportWorkerSpec, TaskMessage } from './worker-tasks';

/** A thread that ran out of memory (Node ends it with this code). */
export const outOfMemory = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { api.register(); return import(workerData.script); });
`;

function startWorker(spec: ImportWorkerSpec, task: ImportTask, flag: SharedArrayBuffer): Worker {
  const canbaoImport = { task, flag };
  const resourceLimits = spec.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: spec.maxHeapMb } } : {};
  if (!spec.script.endsWith('.ts')) return new Worker(spec.script, { workerData: { canbaoImport }, ...resourceLimits });
  // The ESM entry of tsx/esm/api (its exports map), which require.resolve would not pick.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  return new Worker(TSX_BOOT, { eval: true, workerData: { canbaoImport, tsx, script: pathToFileURL(spec.script).href }, ...resourceLimits });
}

/** How a task ended: its value, or why not. */
export type TaskEnd = Extract<TaskMessage, { type: 'result' | 'error' }>;

export const isEnd = (m: TaskMessage): m is TaskEnd => m.type === 'result' || m.type === 'error';

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
    // When the thread's grace began: the cancel it was asked to answer, or the answer it has to exit after.
    let graceFrom = 0;
    const stop = (why: unknown) => {
      failure ??= why;
      void w.terminate();
    };
    const watch = setInterval(() => {
      const now = Date.now();
      if (end) {
        if (now - graceFrom > WORKER_GRACE_MS) stop(undefined);
      } else if (Atomics.load(cancelled, 0) === 1) {
        if (!graceFrom) graceFrom = now;
        else if (now - graceFrom > WORKER_GRACE_MS) stop(new Error('the import worker did not answer a cancel'));
      }
    }, 250);
    watch.unref();
    w.on('message', (m: TaskMessage) => {
      if (isEnd(m)) {
        end = m;
        graceFrom = Date.now();
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
