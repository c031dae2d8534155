// The dry run every list of persons already on the roster makes (department lists, payments,
// 附件4, 医保's lists): it keeps who each ID number named when read, and the commit re-checks
// that inside its transaction. A kind says only its findings, what it would write and how.
import type { FileYear } from '../domain/import/file-years';
import type { ReadResult, Tick } from '../excel/importing';
import type { BatchChanges } from '../ledger/import-batches';
import type { Context } from '../service/context';
import type { BatchCounts, ImportKind, ImportProblem, PreviewCounts } from '../types/imports';
import { commitBatch } from './commit-batch';
import { brokenPromise, type ReadPromise } from './dry-run-promise';
import type { DryRun, DryRunFindings } from './kind';
import { nameInFile, sortByRow } from './read-file';

type ListKind = Exclude<ImportKind, 'roster'>;

export interface ListPlan<K extends ListKind> {
  kind: K;
  /** The planner's problems; the file's own come with the read. */
  problems: ImportProblem[];
  years?: FileYear[];
  /** The counts shown, less the problems (added), and the rows behind them. */
  counts: () => Omit<PreviewCounts[K], 'problems'>;
  shown: (ctx: Context) => Omit<DryRunFindings, 'kind' | 'counts'>;
  writable: () => boolean;
  /** Rows the report names beyond the problems (payments: what waits to be checked). */
  alsoReport?: () => { row: number; message: string }[];
  /** The rows written, for the progress bar. */
  total: number;
  /** The clerk's choices kept with the batch; given the years confirmed as full lists. */
  options?: (fullList: readonly number[]) => unknown;
  /** Writes the plan; the batch's counts less the file's rows and its problems, which are added. */
  write: (ctx: Context, batch: { id: number; changes: BatchChanges }, tick: Tick, at: string) => Promise<Omit<BatchCounts[K], 'rows' | 'problems'>>;
}

export function listDryRun<K extends ListKind>(
  ctx: Context,
  file: string,
  r: ReadResult<{ idNumber: string; name?: string }>,
  promise: ReadPromise,
  p: ListPlan<K>,
): DryRun & { kind: K } {
  const problems = sortByRow([...r.problems, ...p.problems]);
  const stale = () => brokenPromise(ctx.db, promise, ctx.now(), nameInFile(r.records));
  const d: DryRun & { kind: K } = {
    kind: p.kind,
    file,
    read: r,
    problems,
    years: p.years ?? [],
    // K ties the kind to its counts; TypeScript cannot follow that through the spread, so it is said here once.
    findings: (c) => ({ kind: p.kind, counts: { ...p.counts(), problems: problems.length }, ...p.shown(c) }) as unknown as DryRunFindings,
    writable: p.writable,
    reportLines: () => [...problems, ...(p.alsoReport?.() ?? [])],
    stale,
    commit: (c, job, fullList) =>
      commitBatch(c, d, job, fullList, {
        total: p.total,
        ...(p.options ? { options: p.options(fullList) } : {}),
        stale,
        write: async (batch, tick, at) => ({ rows: r.rows, ...(await p.write(c, batch, tick, at)), problems: problems.length }) as BatchCounts[K],
      }),
    release: () => {},
  };
  return d;
}
