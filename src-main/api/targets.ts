// Village targets (附件2) set one by one on the 进度 screen or taken from the county's sheet,
// and the weekly snapshot the progress report compares against.
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import { setTarget } from '../enrollment/targets';
import { importTargets } from '../imports/kinds/targets';
import { getVillage } from '../ledger/office';
import { takeSnapshot } from '../ledger/snapshots';
import { targetCount, targetsToCopy } from '../ledger/targets';
import { headerWordsOf } from '../service/tables';
import { coverageYear, idOf } from './fields';
import { Refusal, sourceFile, task, writes } from './handler';

const targetNumber = z.number({ error: '请填写任务数。' }).int('任务数必须是整数。').min(0, '任务数不能为负。').max(1_000_000);

export const targetHandlers = {
  /** A new season starts from last season's tasks until the county's 附件2 comes: villages with a task already keep it. */
  'targets.copy': writes('clerk', z.object({ from: coverageYear, to: coverageYear }).strict(), (ctx, arg) => {
    if (arg.from === arg.to) throw new Refusal('invalid_input', '请选择另一个年度的任务数。', 'from');
    const rows = targetsToCopy(ctx.db, arg.from, arg.to);
    const kept = targetCount(ctx.db, arg.to);
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
      return importTargets(ctx, { ...arg, words: headerWordsOf(ctx) });
    },
  ),

  'targets.snapshot': writes('clerk', z.object({ coverageYear }), (ctx, arg) => ({
    villages: takeSnapshot(ctx.db, arg.coverageYear, chinaDate(ctx.now()), ctx.now().toISOString()),
  })),
};
