// The county's 附件2: each village's target for a coverage year. Not a dry run and a commit like
// the other kinds: a sheet of some twenty rows is read, checked whole and written at once, all
// rows or none, a bad row named.
import type { Database } from 'better-sqlite3';
import { cleanCell } from '../../domain/import/values';
import type { HeaderWords, Mapping } from '../../domain/import/fields';
import { readForImport, type RowProblem } from '../../excel/importing';
import { TableReadError } from '../../excel/table';
import { setTarget } from '../../enrollment/targets';
import { discardUpload, holdUpload, releaseUpload } from '../../files/uploads';
import { layoutOptions, rememberLayout } from '../../ledger/import-layouts';
import { Refusal, type Context } from '../../service/context';
import { villageMatcher } from '../roster';

interface TargetRow {
  row: number;
  village: string;
  target: number;
  villageId: number;
  /** The sheet's own 合计/总计 row (villageId -1): checked against the villages' sum, not imported. */
  total?: true;
}

function parseTargetRow(db: Database) {
  const village = villageMatcher(db);
  return (cells: string[], m: Mapping, row: number): TargetRow | RowProblem | null => {
    const name = cleanCell(cells[m.village!] ?? '');
    const raw = cleanCell(cells[m.target!] ?? '').replace(/[,，\s]/g, '');
    if (!name || /^小计/.test(name)) return null;
    if (/^(合计|总计)/.test(name)) return /^\d+$/.test(raw) ? { row, village: name, target: Number(raw), villageId: -1, total: true } : null;
    const villageId = village(name);
    if (villageId === undefined) return { row, field: 'village', message: `村（社区）“${name}”不在本乡镇的村/社区名单中。` };
    if (!/^\d+$/.test(raw) || Number(raw) > 1_000_000) return { row, field: 'target', message: `任务数“${raw}”不是 0 到 1000000 的整数。` };
    return { row, village: name, target: Number(raw), villageId };
  };
}

/** Reads the sheet, checks it whole (year, every row, the 合计, no village twice) and sets the targets. */
export async function importTargets(
  ctx: Context,
  arg: { coverageYear: number; file: string; words: HeaderWords; mapping?: Mapping | undefined; headerRow?: number | undefined },
): Promise<{ villages: number; total: number }> {
  let read;
  holdUpload(arg.file);
  try {
    read = await readForImport(arg.file, {
      required: ['village', 'target'],
      parse: parseTargetRow(ctx.db),
      words: arg.words,
      ...layoutOptions(ctx.db, 'targets', arg),
    });
  } catch (e) {
    if (e instanceof TableReadError) throw new Refusal('invalid_input', e.message, 'file');
    throw e;
  } finally {
    // Read once, whatever came of it: a corrected sheet is chosen (and uploaded) again.
    releaseUpload(arg.file);
    discardUpload(ctx.dataDir, arg.file);
  }
  // 2023年参保目标任务数 imported as 2024's would set this year's targets from last year's sheet.
  const named = /(\d{4})年/.exec(read.headers[read.mapping.target!] ?? '')?.[1];
  if (named && Number(named) !== arg.coverageYear)
    throw new Refusal(
      'invalid_input',
      `表头写的是“${read.headers[read.mapping.target!]}”，与所选的 ${arg.coverageYear} 年度不符，没有导入。请选对年度或文件。`,
      'file',
    );
  if (read.problems.length)
    throw new Refusal(
      'invalid_input',
      `有 ${read.problems.length} 行不对，没有导入：${read.problems
        .slice(0, 5)
        .map((p) => `第 ${p.row} 行${p.message.replace(/。$/, '')}`)
        .join('；')}。`,
      'file',
    );
  const totals = read.records.filter((r) => r.total);
  const records = read.records.filter((r) => !r.total);
  const sum = records.reduce((n, r) => n + r.target, 0);
  // A 合计 that is not the sum of the rows above means a row was lost or mistyped.
  for (const t of totals)
    if (t.target !== sum)
      throw new Refusal('invalid_input', `第 ${t.row} 行的${t.village} ${t.target} 与各村任务数之和 ${sum} 不符，没有导入。请核对文件是否缺行或有误。`, 'file');
  const seen = new Map<number, number>();
  for (const r of records) {
    const first = seen.get(r.villageId);
    if (first !== undefined) throw new Refusal('invalid_input', `第 ${r.row} 行的“${r.village}”与第 ${first} 行重复，没有导入。`, 'file');
    seen.set(r.villageId, r.row);
  }
  ctx.db
    .transaction(() => {
      records.forEach((r) => setTarget(ctx, arg.coverageYear, r.villageId, r.target));
      // The county's next 附件2 in this layout reads itself.
      rememberLayout(ctx.db, 'targets', read.signature, read.mapping, ctx.now().toISOString());
    })
    .immediate();
  return { villages: records.length, total: sum };
}
