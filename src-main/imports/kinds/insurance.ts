// 医保's 困难人员参保核实 list: each person's 职工医保 and 县外参保 facts now, and what it says of
// each year (the history a lapse is counted from).
import { chinaDate } from '../../domain/dates';
import { divisionWhere, parseInsuranceRow, type InsuranceRecord } from '../../domain/import/insurance';
import { getOffice } from '../../ledger/office';
import { Refusal } from '../../service/context';
import { promiseOf } from '../dry-run-promise';
import { partialBecause, yearsOfFile } from '../full-list';
import { commitInsurance, planInsurance, undoInsurance } from '../insurance';
import type { DryRun, ImportKindModule } from '../kind';
import { knownFromFile, notYetKnown } from '../platform-known';
import { listDryRun } from '../list-dry-run';
import { readFile, rowTick, worklistYear } from '../read-file';

export const insuranceKind: ImportKindModule = {
  kind: 'insurance',
  fullList: true,
  async dryRun(ctx, arg, job): Promise<DryRun> {
    const today = chinaDate(ctx.now());
    const r = await readFile<InsuranceRecord>(ctx, 'insurance', arg, job, ['idNumber'], (c, m, row) => parseInsuranceRow(c, m, row, today));
    const promise = promiseOf(
      ctx.db,
      arg.mark,
      r.records.map((x) => x.idNumber),
    );
    const office = getOffice(ctx.db);
    const county = { code: office.countyCode, name: office.county };
    // A code can be placed only against the county's own: asked for once, not per row.
    const coded = r.records.find((x) => [x.employee, x.resident].some((f) => f?.division && /^\d{6}/.test(f.division)));
    if (coded && !county.code && divisionWhere('000000', county) === undefined)
      throw new Refusal(
        'invalid_input',
        '文件的“所属区划”是区划代码，但设置中还没有填写本县的区划代码（6 位，如酉阳县 500242），无法判断哪些人在县外参保。请管理员在 设置 → 本所信息 中填写后再试导入。',
        'file',
      );
    // Last year's answer still says where the person is now; older years are history only.
    const plan = await planInsurance(ctx.db, r.records, county, worklistYear(ctx) - 1, rowTick(job, '核对台账', r.records.length));
    const years = yearsOfFile(ctx, plan.years, partialBecause('insurance', r.mapping, false));
    return listDryRun(ctx, arg.file, r, promise, {
      kind: 'insurance',
      problems: plan.problems,
      years,
      counts: () => ({
        apply: plan.apply.filter((c) => c.facts).length,
        history: plan.apply.reduce((n, c) => n + c.history.length, 0),
        unchanged: plan.unchanged,
      }),
      shown: () => ({
        lost: [],
        pending: [],
        already: [],
        changes: plan.apply.slice(0, 500).map((c) => ({ row: c.row, name: c.name, idNumber: c.idNumber, what: c.what })),
      }),
      writable: () => plan.apply.length > 0 || notYetKnown(ctx.db, r.records) > 0,
      total: plan.apply.length,
      options: (fullList) => ({ coverageYears: years.map((y) => y.year), fullList }),
      write: async (c, batch, tick, at) => {
        const done = await commitInsurance(c.db, plan, batch.changes, at, tick, r.fileName);
        // 医保's own list: the platform knows everyone it names.
        knownFromFile(c.db, batch.id, r.records);
        return { ...done, unchanged: plan.unchanged };
      },
    });
  },
  undo: (ctx, changes, batch) => undoInsurance(ctx.db, changes, batch),
};
