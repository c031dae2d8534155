// The years a lapse is counted from: which are known for the whole roster and how, the
// office's mark for a year it holds every record of, and withdrawing a way (docs/rules.md "Which files make a year known").
import { z } from 'zod';
import type { Database } from 'better-sqlite3';
import { officePolicies, officePolicy } from '../ledger/enrollments';
import { addKnownWay, completeYears, inForce, knownWays, markOf, withdrawKnownWay } from '../ledger/known-years';
import { rosterYears } from '../ledger/insurance-years';
import type { HistoryYear, MarkPreview } from '../types/history';
import { coverageYear } from './fields';
import { Refusal, actorOf, audit, reads, writes, type Context } from './handler';

function historyYears(ctx: Context): HistoryYear[] {
  const complete = completeYears(ctx.db);
  const ways = knownWays(ctx.db);
  const policies = new Map(officePolicies(ctx.db).map((r) => [r.coverageYear, r.policyId]));
  const years = [...new Set([...policies.keys(), ...ways.map((w) => w.year)])].sort((a, b) => b - a);
  return years.map((year) => {
    const mine = ways.filter((w) => w.year === year).map((w) => ({ ...w, inForce: inForce(w) }));
    return {
      year,
      policyId: policies.get(year) ?? null,
      known: complete.get(year) ?? null,
      ways: mine.map(({ year: _y, ...w }) => w),
      canMark: policies.has(year) && !mine.some((w) => w.batch === null && w.inForce),
    };
  });
}

/** Persons the mark would turn from unknown into not insured for the year (born able to be insured by then). */
export function turnsOf(db: Database, year: number): number {
  const complete = completeYears(db);
  if (complete.has(year)) return 0;
  const before = rosterYears(db, [year], complete);
  const after = rosterYears(db, [year], new Map([...complete, [year, '']]));
  let n = 0;
  for (let i = 0; i < before.states.length; i++) if (before.firstYears[i]! <= year && before.states[i] !== after.states[i]) n++;
  return n;
}

export const historyHandlers = {
  'history.years': reads('clerk', z.object({}).strict(), (ctx) => historyYears(ctx)),

  'history.previewMark': reads('admin', z.object({ year: coverageYear }).strict(), (ctx, arg): MarkPreview => ({
    year: arg.year,
    turns: turnsOf(ctx.db, arg.year),
  })),

  'history.markYear': writes(
    'admin',
    z
      .object({
        year: coverageYear,
        // The count the admin was shown: a mark says what it read.
        turns: z.number({ error: '请先查看标记后有多少人按未参保计算。' }).int().min(0),
      })
      .strict(),
    (ctx, arg) => {
      const ran = officePolicy(ctx.db, arg.year) !== undefined;
      // A year before canbao is known only through a full list for it: the office holds none of its records.
      if (!ran)
        throw new Refusal(
          'invalid_input',
          `本所没有用本系统办理 ${arg.year} 年度参保，不能标记该年度记录齐全；该年度的参保情况请导入医保系统的本乡镇参保名单，并在试导入时确认是全部名单。`,
          'year',
        );
      if (markOf(ctx.db, arg.year)) return historyYears(ctx);
      const turns = turnsOf(ctx.db, arg.year);
      if (turns !== arg.turns)
        throw new Refusal(
          'conflict',
          `刚才显示标记后有 ${arg.turns} 人按未参保计算，现在是 ${turns} 人（其间台账有变动），没有标记。请再看一遍后确认。`,
          'turns',
        );
      const id = addKnownWay(ctx.db, { year: arg.year, batchId: null, persons: turns, by: actorOf(ctx), at: ctx.now().toISOString() });
      audit(ctx, { action: 'history.markYear', entity: 'known_year', entityId: id, after: { year: arg.year, turns } });
      return historyYears(ctx);
    },
  ),

  'history.withdraw': writes('admin', z.object({ id: z.number().int().positive() }).strict(), (ctx, arg) => {
    const way = knownWays(ctx.db).find((w) => w.id === arg.id);
    if (!way) throw new Refusal('not_found', '没有这条记录。', 'id');
    if (!inForce(way)) throw new Refusal('conflict', way.withdrawn ? `这条记录已由${way.withdrawn.by}撤回。` : '这批导入已撤销，不再作数。');
    withdrawKnownWay(ctx.db, arg.id, actorOf(ctx), ctx.now().toISOString());
    audit(ctx, {
      action: 'history.withdraw',
      entity: 'known_year',
      entityId: arg.id,
      before: { year: way.year, how: way.batch ? `导入 ${way.batch.fileName}` : '本所标记' },
    });
    return historyYears(ctx);
  }),
};
