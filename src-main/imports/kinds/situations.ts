// 附件4 and the not-enrolled worklist as the villages send them back: who is insured outside the
// county, has died or is abroad, and why someone in scope is not enrolled this year.
import { chinaDate } from '../../domain/dates';
import { parseSituationRow, type SituationRecord } from '../../domain/import/rows';
import { Refusal } from '../../service/context';
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
    // 附件4 and the worklist say each person's situation; a death list (户籍's, 民政's) says 死亡 by its date.
    const r = await readFile<SituationRecord>(ctx, 'situations', arg, job, ['idNumber'], (c, m, row) => parseSituationRow(c, m, row, today));
    if (r.mapping.outOfCounty === undefined && r.mapping.deathDate === undefined)
      throw new Refusal('invalid_input', '文件缺少“县外参保情况”列（附件4、未参保人员清单）或“死亡日期”列（死亡名单）。请在列对应关系中指定。', 'file');
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
        changes: plan.apply.slice(0, 500).map((c) => ({ row: c.record.row, name: c.name, idNumber: c.record.idNumber, what: [c.what, ...c.money] })),
      }),
      // What a death means for money goes in the report too: a list to work through, not a change made.
      alsoReport: () => plan.apply.flatMap((c) => c.money.map((m) => ({ row: c.record.row, message: `${c.name}：${m}` }))),
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
