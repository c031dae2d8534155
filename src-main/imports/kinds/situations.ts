// 附件4 and the not-enrolled worklist as the villages send them back: who is insured outside the
// county, has died or is abroad, and why someone in scope is not enrolled this year.
import { chinaDate } from '../../domain/dates';
import { parseSituationRow, type SituationRecord } from '../../domain/import/rows';
import { commitBatch } from '../commit-batch';
import { brokenPromise, promiseOf } from '../dry-run-promise';
import type { DryRun, ImportKindModule } from '../kind';
import { nameInFile, readFile, rowTick, sortByRow, worklistYear } from '../read-file';
import { commitSituations, planSituations, undoSituations } from '../situations';

export const situationsKind: ImportKindModule = {
  kind: 'situations',
  fullList: false,
  async dryRun(ctx, arg, job): Promise<DryRun> {
    const today = chinaDate(ctx.now());
    const r = await readFile<SituationRecord>(ctx, 'situations', arg, job, ['idNumber', 'outOfCounty'], (c, m, row) => parseSituationRow(c, m, row, today));
    const promise = promiseOf(
      ctx.db,
      arg.mark,
      r.records.map((x) => x.idNumber),
    );
    const plan = await planSituations(ctx.db, r.records, arg.options.coverageYear ?? worklistYear(ctx), rowTick(job, '核对台账', r.records.length));
    const problems = sortByRow([...r.problems, ...plan.problems]);
    const stale = () => brokenPromise(ctx.db, promise, ctx.now(), nameInFile(r.records));
    const d: DryRun & { kind: 'situations' } = {
      kind: 'situations',
      file: arg.file,
      read: r,
      problems,
      years: [],
      findings: () => ({
        kind: 'situations',
        counts: { apply: plan.apply.length, unchanged: plan.unchanged, problems: problems.length },
        lost: [],
        pending: [],
        already: [],
        changes: plan.apply.slice(0, 500).map((c) => ({ row: c.record.row, name: c.name, idNumber: c.record.idNumber, what: [c.what] })),
      }),
      writable: () => plan.apply.length > 0,
      reportLines: () => problems,
      stale,
      commit: (c, j, fullList) =>
        commitBatch(c, d, j, fullList, {
          total: plan.apply.length,
          stale,
          write: async (batch, tick, at) => ({
            rows: r.rows,
            ...(await commitSituations(c.db, plan, batch.changes, at, tick, r.fileName)),
            unchanged: plan.unchanged,
            problems: problems.length,
          }),
        }),
      release: () => {},
    };
    return d;
  },
  undo: (ctx, changes, batch) => undoSituations(ctx.db, changes, batch),
};
