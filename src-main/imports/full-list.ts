// A payment or 医保 file as the township's full list for a year (docs/rules.md "Which files make a year known"): the
// dry run names the years it touches and which may be confirmed; the commit records the
// clerk's confirmation as the way the year became known.
import { fileYears, type FileYear, type YearCount } from '../domain/import/file-years';
import type { Mapping } from '../domain/import/fields';
import { addKnownWay, completeYears } from '../ledger/known-years';
import { rosterSize } from '../ledger/roster';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import { workingCoverageYear } from '../enrollment/policy';

/** Why a file is only part of a year's list, by its columns; null when it may be the whole. */
export function partialBecause(kind: 'payments' | 'insurance', mapping: Mapping, batchDate: boolean): string | null {
  // The 医保 platform's 居民缴费明细 carries 其他缴费金额 on every row: the township's payments, not a department's.
  const platform = mapping.taxReceiptNo !== undefined || mapping.fiscalAmount !== undefined || mapping.totalAmount !== undefined;
  if (kind === 'payments')
    return (mapping.subsidyAmount !== undefined && !platform) || mapping.category !== undefined || batchDate
      ? '代缴明细、请款明细只列部门代缴的人员，不能作为本乡镇的全部名单。'
      : null;
  return mapping.employeeInsured !== undefined || mapping.residentInsured !== undefined ? '困难人员参保核实名单只列困难人员，不能作为本乡镇的全部名单。' : null;
}

/** The file's years as the dry run shows them. */
export function yearsOfFile(ctx: Context, counts: YearCount[], partial: string | null): FileYear[] {
  return fileYears(counts, { roster: rosterSize(ctx.db), workingYear: workingCoverageYear(ctx), partial });
}

/** The years confirmed that are not yet known: what a commit with nothing else would still write. */
export const newlyKnown = (ctx: Context, confirmed: readonly number[]): number[] => {
  const known = completeYears(ctx.db);
  return confirmed.filter((y) => !known.has(y));
};

/** Refuses a confirmation the dry run did not offer, naming why. */
export function checkFullList(years: FileYear[], confirmed: readonly number[]): void {
  for (const y of confirmed) {
    const found = years.find((x) => x.year === y);
    if (!found) throw new Refusal('invalid_input', `这份文件没有 ${y} 年度的行，不能确认为该年度的全部名单。`, 'fullList');
    if (found.fullList !== true) throw new Refusal('invalid_input', found.fullList, 'fullList');
  }
}

/** Inside the commit's transaction: each confirmed year becomes known by this batch. */
export function recordFullList(ctx: Context, batchId: number, years: FileYear[], confirmed: readonly number[], at: string): void {
  for (const y of confirmed) {
    const persons = years.find((x) => x.year === y)!.persons;
    const id = addKnownWay(ctx.db, { year: y, batchId, persons, by: actorOf(ctx), at });
    audit(ctx, { action: 'history.fullList', entity: 'known_year', entityId: id, after: { year: y, batchId, persons } });
  }
}
