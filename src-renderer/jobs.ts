import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from './api';

export interface JobView {
  phase: string;
  done: number;
  total: number;
}

/**
 * Long work (imports, big exports) is named by a job id the screen makes up; while it runs the
 * screen polls `jobs.get` for a progress bar and may `jobs.cancel` it.
 */
export function useJob() {
  const [job, setJob] = useState<{ id: string; view: JobView } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setJob(null);
  }, []);

  useEffect(() => stop, [stop]);

  const run = useCallback(
    async <T>(work: (jobId: string) => Promise<T>): Promise<T> => {
      const id = `job-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      setJob({ id, view: { phase: '开始', done: 0, total: 0 } });
      timer.current = setInterval(() => {
        void invoke('jobs.get', { jobId: id }).then((r) => {
          if (r.ok) setJob((j) => (j && j.id === id ? { id, view: r.value } : j));
        });
      }, 300);
      try {
        return await work(id);
      } finally {
        stop();
      }
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (job) void invoke('jobs.cancel', { jobId: job.id });
  }, [job]);

  return { job: job?.view ?? null, run, cancel };
}
