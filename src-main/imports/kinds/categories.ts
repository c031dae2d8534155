// A department's list of persons in a category (民政's 低保名单, 残联's 重度残疾名单 …).
import path from 'node:path';
import { chinaDate } from '../../domain/dates';
import { categoryReader } from '../../domain/import/category-labels';
import { parseCategoryRow } from '../../domain/import/rows';
import { categoryLabel } from '../../domain/policy/compile';
import { latestPolicy } from '../../enrollment/policy';
import { Refusal, actorOf } from '../../service/context';
import { aliasesOf } from '../../service/tables';
import { categoryChanges, commitCategories, holdLost, planCategories, undoCategories, type CategoryOptions } from '../categories';
import { promiseOf } from '../dry-run-promise';
import type { DryRun, ImportKindModule } from '../kind';
import { listDryRun } from '../list-dry-run';
import { policyLabels, readFile, rowTick } from '../read-file';

export const categoriesKind: ImportKindModule = {
  kind: 'categories',
  fullList: false,
  async dryRun(ctx, arg, job): Promise<DryRun> {
    const today = chinaDate(ctx.now());
    const o = arg.options;
    const aliases = aliasesOf(ctx);
    if (!o.department) throw new Refusal('invalid_input', '请选择这份名单的认定部门。', 'options.department');
    const options: CategoryOptions = {
      department: o.department,
      validFrom: o.validFrom ?? today,
      source: o.source ?? path.parse(arg.file).name,
      ...(o.code ? { code: o.code } : {}),
      ...(o.endLost ? { endLost: true } : {}),
    };
    const r = await readFile(ctx, 'categories', arg, job, ['idNumber'], (c, m, row) => parseCategoryRow(c, m, row, today));
    const promise = promiseOf(
      ctx.db,
      arg.mark,
      r.records.map((x) => x.idNumber),
    );
    if (r.mapping.category === undefined && r.mapping.disabilityGrade === undefined && !o.code)
      throw new Refusal('invalid_input', '文件没有“人员类别”列，请选择这份名单的类别。', 'options.code');
    const plan = await planCategories(ctx.db, r.records, options, categoryReader(aliases, policyLabels(ctx)), rowTick(job, '核对台账', r.records.length));
    holdLost(plan, options, r.problems.length);
    // Those the list would end (not on it) are read too: a change of theirs since refuses the commit.
    if (options.endLost && !plan.lostHeld) for (const l of plan.lost) if (!promise.seen.has(l.idNumber)) promise.seen.set(l.idNumber, l.personId);
    return listDryRun(ctx, arg.file, r, promise, {
      kind: 'categories',
      problems: plan.problems,
      counts: () => ({ certify: plan.certify.length, redate: plan.redate.length, unchanged: plan.unchanged, lost: plan.lost.length }),
      shown: (c) => ({
        lost: plan.lost.slice(0, 500).map((l) => ({ name: l.name, idNumber: l.idNumber, code: l.code })),
        pending: [],
        already: [],
        changes: categoryChanges(plan, (code) => categoryLabel(latestPolicy(c), code)),
        ...(plan.lostHeld ? { lostHeld: plan.lostHeld } : {}),
      }),
      writable: () => plan.certify.length + plan.redate.length > 0 || (options.endLost === true && !plan.lostHeld && plan.lost.length > 0),
      total: plan.certify.length + plan.redate.length,
      options: () => options,
      write: async (c, batch, tick, at) => ({
        ...(await commitCategories(c.db, batch.id, plan, options, batch.changes, actorOf(c), chinaDate(c.now()), at, tick)),
        unchanged: plan.unchanged,
      }),
    });
  },
  undo: (ctx, changes, batch) => undoCategories(ctx.db, changes, batch),
};
