// The years a lapse is counted from: which are known for the whole roster, and the office's
// word for a year it holds every record of (rules.md "History decides a lapse").
import { z } from 'zod';
import { completeYears, markedYears, setYearMarked } from '../ledger/insurance-years';
import type { HistoryYear } from '../types/history';
import { coverageYear } from './fields';
import { Refusal, actorOf, audit, reads, writes, type Context } from './handler';

function historyYears(ctx: Context): HistoryYear[] {
  const complete = completeYears(ctx.db);
  const marked = new Map(markedYears(ctx.db).map((m) => [m.year, m]));
  const policies = new Map(
    (ctx.db.prepare('SELECT coverage_year AS year, policy_id AS id FROM office_policies').all() as { year: number; id: string }[]).map((r) => [r.year, r.id]),
  );
  const years = [...new Set([...policies.keys(), ...complete.keys()])].sort((a, b) => b - a);
  return years.map((year) => {
    const m = marked.get(year);
    const why = complete.get(year) ?? null;
    return {
      year,
      policyId: policies.get(year) ?? null,
      complete: why,
      marked: m ? { by: m.markedBy, at: m.markedAt } : null,
      paymentsImported: why !== null && !why.startsWith('已标记'),
    };
  });
}

export const historyHandlers = {
  'history.years': reads('clerk', z.object({}).strict(), (ctx) => historyYears(ctx)),

  'history.markYear': writes('admin', z.object({ year: coverageYear, complete: z.boolean({ error: '请说明是否齐全。' }) }).strict(), (ctx, arg) => {
    const ran = ctx.db.prepare('SELECT 1 FROM office_policies WHERE coverage_year = ?').get(arg.year);
    // A year before canbao is known only from 医保's own lists: the office holds none of its records.
    if (!ran && arg.complete)
      throw new Refusal(
        'invalid_input',
        `本所没有用本系统办理 ${arg.year} 年度参保，不能标记该年度记录齐全；该年度的参保情况请导入医保系统的参保记录。`,
        'year',
      );
    const before = markedYears(ctx.db).some((m) => m.year === arg.year);
    if (before === arg.complete) return historyYears(ctx);
    setYearMarked(ctx.db, arg.year, arg.complete, actorOf(ctx), ctx.now().toISOString());
    audit(ctx, { action: 'history.markYear', entity: 'complete_year', entityId: arg.year, before: { complete: before }, after: { complete: arg.complete } });
    return historyYears(ctx);
  }),
};
