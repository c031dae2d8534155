// 附件4 and the not-enrolled worklist as the villages send them back: who is insured outside the
// county, has died or is abroad, and why someone in scope is not enrolled this year.
import { chinaDate } from '../../domain/dates';
import { parseSituationRow, type SituationRecord } from '../../domain/import/rows';
import { promiseOf } from '../dry-run-promise';
import type { DryRun, ImportKindModule } from '../kind';
import { listDryRun } from '../list-dry-run';
import { readFile, rowTick, worklistYear } from '../read-file';
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
    return listDryRun(ctx, arg.file, r, promise, {
      kind: 'situations',
      problems: plan.problems,
      counts: () => ({ apply: plan.apply.length, unchanged: plan.unchanged }),
      shown: () => ({
        lost: [],
        pending: [],
        already: [],
        changes: plan.apply.slice(0, 500).map((c) => ({ row: c.record.row, name: c.name, idNumber: c.record.idNumber, what: [c.what] })),
      }),
      writable: () => plan.apply.length > 0,
      total: plan.apply.length,
      write: async (c, batch, tick, at) => ({
        ...(await commitSituations(c.db, plan, batch.changes, at, tick, r.fileName)),
        unchanged: plan.unchanged,
      }),
    });
  },
  undo: (ctx, changes, batch) => undoSituations(ctx.db, changes, batch),
};
