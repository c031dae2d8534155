// Payments made elsewhere: 税务's 代缴明细 and 请款明细, and the township's own payment lists.
import { chinaDate } from '../../domain/dates';
import { categoryReader } from '../../domain/import/category-labels';
import { parsePaymentRow } from '../../domain/import/rows';
import { Refusal } from '../../service/context';
import { aliasesOf, headerWordsOf } from '../../service/tables';
import { promiseOf } from '../dry-run-promise';
import { partialBecause, yearsOfFile } from '../full-list';
import type { DryRun, ImportKindModule } from '../kind';
import { commitPayments, planPayments, undoPayments } from '../payments';
import { commitInsurance, planInsurance } from '../insurance';
import { flagValues } from '../../domain/import/platform-payment';
import { getOffice } from '../../ledger/office';
import { knownFromFile, notYetKnown } from '../platform-known';
import { listDryRun } from '../list-dry-run';
import { policyLabels, readFile, rowTick, worklistYear } from '../read-file';

export const paymentsKind: ImportKindModule = {
  kind: 'payments',
  fullList: true,
  async dryRun(ctx, arg, job): Promise<DryRun> {
    const today = chinaDate(ctx.now());
    const o = arg.options;
    const aliases = aliasesOf(ctx);
    if (o.paidOn && o.paidOn > today) throw new Refusal('invalid_input', '整批缴费日期不能晚于今天。', 'options.paidOn');
    // 请款明细 has no date column: the clerk says the day of the whole batch.
    const r = await readFile(
      ctx,
      'payments',
      arg,
      job,
      o.paidOn ? ['idNumber'] : ['idNumber', 'paidOn'],
      (c, m, row) => parsePaymentRow(c, m, row, today, o.paidOn),
      {
        paidOn: '税务的请款明细没有日期列：请在上面的“整批缴费日期”中选这批缴费的日期后重新选择文件；文件另有日期列的，请在列对应关系中指定。',
      },
    );
    const promise = promiseOf(
      ctx.db,
      arg.mark,
      r.records.map((x) => x.idNumber),
    );
    if (r.mapping.amount === undefined && r.mapping.subsidyAmount === undefined)
      throw new Refusal('invalid_input', '文件缺少缴费金额列（缴费金额、个人缴费金额或代缴金额）。请在列对应关系中指定。', 'file');
    if (r.mapping.coverageYear === undefined && !o.coverageYear)
      throw new Refusal('invalid_input', '文件没有“参保年度”列，请选择缴费所属的参保年度。', 'options.coverageYear');
    const values = headerWordsOf(ctx).values;
    const plan = await planPayments(
      ctx,
      r.records,
      { coverageYear: o.coverageYear ?? 0 },
      rowTick(job, '核对台账', r.records.length),
      categoryReader(aliases, policyLabels(ctx)),
      values,
    );
    // 职工医保 rows of the 医保 platform's detail: the person insured as an employee that year, as the 医保 list says it.
    const office = getOffice(ctx.db);
    const insured = plan.employee.length
      ? await planInsurance(
          ctx.db,
          plan.employee,
          { code: office.countyCode, name: office.county },
          worklistYear(ctx) - 1,
          rowTick(job, '核对职工医保', plan.employee.length),
        )
      : null;
    const platform = r.records.some((x) => x.platform !== null);
    // The platform's detail, or a 税务 list with 人员编号: the platform knows whom it names.
    const namesKnown = platform || r.mapping.personNo !== undefined;
    const newlyKnown = namesKnown ? notYetKnown(ctx.db, r.records) : 0;
    const years = yearsOfFile(ctx, plan.years, partialBecause('payments', r.mapping, o.paidOn !== undefined));
    return listDryRun(ctx, arg.file, r, promise, {
      kind: 'payments',
      problems: [...plan.problems, ...(insured?.problems ?? [])],
      years,
      counts: () => ({
        record: plan.record.length,
        pending: plan.pending.length,
        unchanged: plan.already.length + (insured?.unchanged ?? 0),
        ...(platform ? { reverse: plan.reverse.length, insured: insured?.apply.length ?? 0 } : {}),
      }),
      shown: () => ({
        lost: [],
        pending: plan.pending.slice(0, 500).map((x) => ({ row: x.record.row, field: null, message: x.reason })),
        already: plan.already.slice(0, 500),
        changes: [
          ...plan.reverse.map((x) => ({ row: x.row, name: x.name, idNumber: x.idNumber, what: [`冲销：作废收据号 ${x.receiptNo} 的缴费（${x.words}）`] })),
          ...(insured?.apply ?? []).map((c) => ({ row: c.row, name: c.name, idNumber: c.idNumber, what: c.what })),
        ]
          .sort((a, b) => a.row - b.row)
          .slice(0, 500),
        ...(platform
          ? {
              flags: flagValues(
                r.records.map((x) => x.platform),
                values,
              ),
            }
          : {}),
      }),
      writable: () => plan.record.length + plan.pending.length + plan.reverse.length + plan.link.length + (insured?.apply.length ?? 0) + newlyKnown > 0,
      alsoReport: () => plan.pending.map((x) => ({ row: x.record.row, message: `待核实：${x.reason}` })),
      total: plan.record.length + plan.reverse.length + (insured?.apply.length ?? 0),
      options: (fullList) => ({ coverageYears: years.map((y) => y.year), fullList }),
      write: async (c, batch, tick, at) => {
        const paid = await commitPayments(c, plan, batch.id, batch.changes, tick);
        const employee = insured ? await commitInsurance(c.db, insured, batch.changes, at, tick, r.fileName) : null;
        if (namesKnown) knownFromFile(c.db, batch.id, r.records);
        return {
          record: paid.record,
          pending: paid.pending,
          unchanged: plan.already.length + (insured?.unchanged ?? 0),
          ...(platform ? { reverse: paid.reverse, insured: employee?.apply ?? 0 } : {}),
        };
      },
    });
  },
  undo: (ctx, changes, batch) => undoPayments(ctx, changes, batch),
};
