// Long work (imports, big exports) reports progress and can be cancelled through the API:
// the caller names the job, then polls `jobs.get` and may call `jobs.cancel`.
import { z } from 'zod';
import type { Context } from './handler';
import { Refusal, reads } from './handler';
import type { JobHandle } from '../service/job-handle';

export interface JobState {
  phase: string;
  done: number;
  total: number;
  cancelled: boolean;
  finished: boolean;
}

interface Job extends JobState {
  controller: AbortController;
}

const jobs = new WeakMap<Context, Map<string, Job>>();
const jobsOf = (ctx: Context) => {
  let m = jobs.get(ctx);
  if (!m) jobs.set(ctx, (m = new Map()));
  return m;
};

const NO_JOB: JobHandle = { signal: new AbortController().signal, progress: () => {}, check: () => {}, finish: () => {} };

export function startJob(ctx: Context, jobId: string | undefined): JobHandle {
  if (!jobId) return NO_JOB;
  const job: Job = { phase: '开始', done: 0, total: 0, cancelled: false, finished: false, controller: new AbortController() };
  jobsOf(ctx).set(jobId, job);
  return {
    signal: job.controller.signal,
    progress(phase, done, total) {
      job.phase = phase;
      job.done = done;
      job.total = total;
    },
    check() {
      if (job.controller.signal.aborted) throw new Refusal('conflict', '已取消，数据未被修改。');
    },
    finish() {
      job.finished = true;
      // Kept a while so a last poll still sees the end.
      setTimeout(() => jobsOf(ctx).delete(jobId), 60_000).unref();
    },
  };
}

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '任务编号无效。');

export const jobHandlers = {
  'jobs.get': reads('clerk', z.object({ jobId }), (ctx, arg): JobState => {
    const j = jobsOf(ctx).get(arg.jobId);
    if (!j) throw new Refusal('not_found', '没有这个任务（可能已结束很久）。');
    return { phase: j.phase, done: j.done, total: j.total, cancelled: j.cancelled, finished: j.finished };
  }),
  'jobs.cancel': reads('clerk', z.object({ jobId }), (ctx, arg) => {
    const j = jobsOf(ctx).get(arg.jobId);
    if (!j) throw new Refusal('not_found', '没有这个任务。');
    j.cancelled = true;
    j.controller.abort();
    return { cancelled: true };
  }),
};
