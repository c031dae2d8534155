// The coverage years a payment or 医保 file speaks of, and which of them the clerk may confirm
// as the township's full list (docs/rules.md "Which files make a year known"). Pure: the plan counts, this judges.

export interface YearCount {
  year: number;
  /** The file's rows for the year. */
  rows: number;
  /** Distinct persons of the roster those rows name. */
  persons: number;
}

export interface FileYear extends YearCount {
  /** Warnings for the year, in the clerk's words. */
  warnings: string[];
  /** Whether the clerk may confirm the file as the township's full list for the year, or why not. */
  fullList: true | string;
}

/** Fewer persons than this for a year reads as a mistyped 参保年度, never as a full list. */
export const FEW_PERSONS = 10;
/** Nor under this percentage of the roster (compared in whole numbers: 7 of 700 is not under 1 %). */
export const FEW_PERCENT = 1;

/**
 * Each year of the file, oldest first: warned when it is neither the working year nor the one
 * before, or named for too few persons; a partial list (a 代缴明细, 请款明细, the 困难人员 list) is
 * never a full list.
 */
export function fileYears(counts: YearCount[], o: { roster: number; workingYear: number | null; partial: string | null }): FileYear[] {
  return [...counts]
    .sort((a, b) => a.year - b.year)
    .map((c) => {
      const warnings: string[] = [];
      const odd = o.workingYear !== null && c.year !== o.workingYear && c.year !== o.workingYear - 1;
      if (odd) warnings.push(`${c.year} 年度既不是本年度（${o.workingYear}）也不是上一年度，请核对文件的参保年度是否填错。`);
      const few = c.persons < FEW_PERSONS || c.persons * 100 < o.roster * FEW_PERCENT;
      if (few) warnings.push(`${c.year} 年度只有 ${c.persons} 人（台账共 ${o.roster} 人），可能是参保年度填错。`);
      const fullList: true | string = o.partial
        ? o.partial
        : few
          ? `${c.year} 年度的人数太少（不足 ${FEW_PERSONS} 人或不足台账的 1%），不能作为本乡镇的全部名单。`
          : true;
      return { ...c, warnings, fullList };
    });
}
