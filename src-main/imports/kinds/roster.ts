// The roster (花名册): persons by village and household. Read, checked and written in a worker
// thread, its rows waiting in a staging file between the dry run and the commit.
import fs from 'node:fs';
import { chinaDate } from '../../domain/dates';
import { type StaleRow, untouchedSince } from '../../ledger/changes-since';
import { Refusal, actorOf, type Context } from '../../service/context';
import type { JobHandle } from '../../service/job-handle';
import { afterLanding, landedAfterAll } from '../commit-batch';
import { staleMessage } from '../dry-run-promise';
import { STALE_DRY_RUN } from '../dry-runs';
import type { DryRun, DryRunInput, ImportKindModule, Landed } from '../kind';
import { worklistYear } from '../read-file';
import { undoRoster } from '../roster';
import { allStagedProblems } from '../../ledger/staging';
import { stagingFile } from '../roster-staging';
import { runImportTask, TaskFailed } from '../worker-run';
import type { CommitResult, PreviewResult } from '../worker-tasks';

/** A refusal the clerk can act on, for a worker task that did not finish. */
function taskRefusal(e: unknown): unknown {
  if (!(e instanceof TaskFailed)) return e;
  if (e.kind === 'cancelled') return new Refusal('conflict', '已取消，数据未被修改。');
  if (e.kind === 'disk') return new Refusal('unavailable', `${e.message}，导入没有完成，台账仍是导入前的样子。请清理磁盘空间后重试。`);
  if (e.kind === 'read') return new Refusal('invalid_input', e.message, 'file');
  if (e.kind === 'memory')
    return new Refusal(
      'unavailable',
      '处理这个文件时内存不够（文件太大，或内容异常），导入没有进行，台账没有改动。请关闭其他程序后重试，或把文件按村分成几个较小的文件分别导入。',
      'file',
    );
  if (e.kind === 'stale') return new Refusal('conflict', '试导入之后，台账里又登记了文件中的人（同一身份证号），数据未被修改。请重新试导入后再确认。');
  return e;
}

async function dryRun(ctx: Context, arg: DryRunInput, job: JobHandle): Promise<DryRun> {
  const staging = stagingFile(ctx.dataDir, arg.token);
  const reasonYear = worklistYear(ctx);
  let result: PreviewResult;
  try {
    result = await runImportTask<PreviewResult>(
      ctx.importWorker,
      {
        op: 'preview',
        dataDir: ctx.dataDir,
        staging,
        file: arg.file,
        words: arg.words,
        mapping: arg.mapping,
        headerRow: arg.headerRow,
        today: chinaDate(ctx.now()),
        reasonYear,
      },
      { signal: job.signal, onProgress: job.progress },
    );
  } catch (e) {
    fs.rmSync(staging, { force: true });
    throw taskRefusal(e);
  }
  const { counts, problems, changes, ...read } = result;
  return {
    kind: 'roster',
    file: arg.file,
    read,
    problems,
    years: [],
    findings: () => ({ kind: 'roster', counts: { ...counts }, lost: [], pending: [], already: [], changes }),
    writable: () => counts.add + counts.update + counts.leaving > 0,
    // The dry run kept only the first problems; the staging file has them all.
    reportLines: (c) => allStagedProblems(staging, c.importWorker?.nativeBinding),
    stale: (c) => (untouchedSince(c.db, arg.mark) ? null : '试导入之后台账又有改动，这次试导入的结果可能已经不对了，台账没有改动。请重新试导入后再确认导入。'),
    commit: (c, j) => commit(c, j, { staging, read, counts, reasonYear, mark: arg.mark }),
    release: () => fs.rmSync(staging, { force: true }),
  };
}

async function commit(
  ctx: Context,
  job: JobHandle,
  p: {
    staging: string;
    read: Omit<PreviewResult, 'counts' | 'problems' | 'changes'>;
    counts: PreviewResult['counts'];
    reasonYear: number;
    mark: DryRunInput['mark'];
  },
): Promise<Landed> {
  const { fileName, fileHash, rows, signature, mapping } = p.read;
  const at = ctx.now().toISOString();
  try {
    const r = await runImportTask<CommitResult>(
      ctx.importWorker,
      {
        op: 'commit',
        dataDir: ctx.dataDir,
        staging: p.staging,
        at,
        actor: actorOf(ctx),
        fileName,
        fileHash,
        rows,
        signature,
        mapping,
        counts: p.counts,
        reasonYear: p.reasonYear,
        since: p.mark,
      },
      { signal: job.signal, onProgress: job.progress },
    );
    return { batchId: r.batchId, ...(r.afterwards ? { note: afterLanding(r.afterwards) } : {}) };
  } catch (e) {
    const landed = landedAfterAll(ctx, at, fileHash, e);
    if (landed) return landed;
    // The worker names the rows whose person came, went or changed since the dry run.
    if (e instanceof TaskFailed && e.kind === 'stale' && e.message.startsWith('['))
      throw new Refusal('conflict', staleMessage(ctx.db, p.mark, JSON.parse(e.message) as StaleRow[], ctx.now()), STALE_DRY_RUN);
    throw taskRefusal(e);
  }
}

export const rosterKind: ImportKindModule = {
  kind: 'roster',
  fullList: false,
  dryRun,
  undo: (ctx, changes, batch, kept) => undoRoster(ctx.db, changes, ctx.now().toISOString(), batch, kept),
};
