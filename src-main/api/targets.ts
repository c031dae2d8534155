// Village targets (附件2) set one by one on the 进度 screen or taken from the county's sheet,
// and the weekly snapshot the progress report compares against.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import { cleanCell } from '../domain/import/values';
import type { Mapping } from '../domain/import/fields';
import { villageMatcher } from '../imports/roster';
import { layoutOptions, rememberLayout } from '../ledger/import-layouts';
import { readForImport, type RowProblem } from '../excel/importing';
import { TableReadError } from '../excel/table';
import { getVillage } from '../ledger/office';
import { takeSnapshot } from '../ledger/snapshots';
import { sql } from '../ledger/statements';
import { coverageYear, idOf } from './fields';
import { discardUpload, holdUpload, releaseUpload } from '../files/uploads';
import { headerWordsOf } from '../service/tables';
import type { Context } from './handler';
import { Refusal, audit, sourceFile, task, writes } from './handler';

const targetNumber = z.number({ error: '请填写任务数。' }).int('任务数必须是整数。').min(0, '任务数不能为负。').max(1_000_000);

function setTarget(ctx: Context, year: number, villageId: number, target: number): void {
  const before = sql(ctx.db, 'SELECT target FROM village_targets WHERE village_id = ? AND coverage_year = ?').pluck().get(villageId, year) ?? null;
  if (before === target) return;
  sql(ctx.db, 'INSERT INTO village_targets (village_id, coverage_year, target) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET target = excluded.target').run(
    villageId,
    year,
    target,
  );
  audit(ctx, { action: 'targets.set', entity: 'village_target', entityId: `${villageId}/${year}`, before, after: target });
}

interface TargetRow {
  row: number;
  village: string;
  target: number;
  /** The sheet's own 合计/总计 row (villageId -1): checked against the villages' sum, not imported. */
  total?: true;
}

function parseTargetRow(db: Database) {
  const village = villageMatcher(db);
  return (cells: string[], m: Mapping, row: number): (TargetRow & { villageId: number }) | RowProblem | null => {
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

export const targetHandlers = {
  /** A new season starts from last season's tasks until the county's 附件2 comes: villages with a task already keep it. */
  'targets.copy': writes('clerk', z.object({ from: coverageYear, to: coverageYear }).strict(), (ctx, arg) => {
    if (arg.from === arg.to) throw new Refusal('invalid_input', '请选择另一个年度的任务数。', 'from');
    const rows = sql(
      ctx.db,
      `SELECT t.village_id AS villageId, t.target FROM village_targets t JOIN villages v ON v.id = t.village_id
       WHERE t.coverage_year = ? AND v.retired_on IS NULL
         AND NOT EXISTS (SELECT 1 FROM village_targets n WHERE n.village_id = t.village_id AND n.coverage_year = ?)`,
    ).all(arg.from, arg.to) as { villageId: number; target: number }[];
    const kept = sql(ctx.db, 'SELECT count(*) FROM village_targets WHERE coverage_year = ?').pluck().get(arg.to) as number;
    if (!rows.length && !kept) throw new Refusal('conflict', `${arg.from} 年度没有设置任务数，无可沿用。`, 'from');
    for (const r of rows) setTarget(ctx, arg.to, r.villageId, r.target);
    return { villages: rows.length, total: rows.reduce((a, r) => a + r.target, 0), kept };
  }),

  'targets.set': writes('clerk', z.object({ coverageYear, villageId: idOf('村/社区'), target: targetNumber }), (ctx, arg) => {
    if (!getVillage(ctx.db, arg.villageId)) throw new Refusal('not_found', '找不到这个村/社区。');
    setTarget(ctx, arg.coverageYear, arg.villageId, arg.target);
    return { villageId: arg.villageId, target: arg.target };
  }),

  // The file is read first (it may be large, and reading yields); then all rows or none: a
  // sheet with one bad row changes nothing and names the row.
  'targets.import': task(
    'clerk',
    '正在导入任务数',
    z.object({
      coverageYear,
      file: z.string().min(1, '请选择文件。'),
      mapping: z.object({ village: z.number().int().min(0).max(500), target: z.number().int().min(0).max(500) }).optional(),
      headerRow: z.number().int().min(0).max(1000).optional(),
    }),
    async (ctx, arg) => {
      sourceFile(ctx, arg.file);
      const words = headerWordsOf(ctx);
      let read;
      holdUpload(arg.file);
      try {
        read = await readForImport(arg.file, {
          required: ['village', 'target'],
          parse: parseTargetRow(ctx.db),
          words,
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
          throw new Refusal(
            'invalid_input',
            `第 ${t.row} 行的${t.village} ${t.target} 与各村任务数之和 ${sum} 不符，没有导入。请核对文件是否缺行或有误。`,
            'file',
          );
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
    },
  ),

  'targets.snapshot': writes('clerk', z.object({ coverageYear }), (ctx, arg) => ({
    villages: takeSnapshot(ctx.db, arg.coverageYear, chinaDate(ctx.now()), ctx.now().toISOString()),
  })),
};
