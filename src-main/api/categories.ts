// A person's subsidy categories (资助身份) certified and ended by hand at the desk.
import { z } from 'zod';
import { chinaDate } from '../domain/dates';
import type { Department } from '../domain/codes';
import * as repo from '../ledger/roster';
import { department, idOf, isoDate, personCategory } from './fields';
import type { Context } from './handler';
import { Refusal, actorOf, audit, writes } from './handler';
import { mustGetPerson } from './roster';
import { asSeen, seen } from './seen';
import { latestPolicy } from '../enrollment/policy';

const today = (ctx: Context) => chinaDate(ctx.now());

/** The department the office's latest policy names for a category (栗子 puts 重度残疾 under 民政). */
function certifyingDepartment(ctx: Context, code: string): Department | null {
  const policy = latestPolicy(ctx);
  return (policy?.categories[code as keyof typeof policy.categories]?.department as Department | undefined) ?? null;
}

export const categoryHandlers = {
  'categories.certify': writes(
    'clerk',
    z.object({
      personId: idOf('人员'),
      code: personCategory,
      validFrom: isoDate('认定起始日期'),
      validTo: isoDate('认定截止日期').nullable().optional(),
      source: z.string({ error: '请填写认定来源（哪份名单或经办人）。' }).trim().min(1, '请填写认定来源（哪份名单或经办人）。').max(100),
      department: department.optional(),
      seen,
    }),
    (ctx, arg) => {
      const p = mustGetPerson(ctx, arg.personId);
      asSeen(ctx, p, arg.seen);
      if (arg.validTo && arg.validTo < arg.validFrom) throw new Refusal('invalid_input', '截止日期早于起始日期。', 'validTo');
      const overlap = repo
        .personCategories(ctx.db, p.id)
        .find((c) => c.code === arg.code && (c.validTo === null || c.validTo >= arg.validFrom) && (arg.validTo == null || c.validFrom <= arg.validTo));
      // One fact once: the same certification over the same dates (another tab's, a list's) is unchanged, not a second row.
      const covers = overlap && overlap.validFrom <= arg.validFrom && (overlap.validTo === null || (arg.validTo != null && overlap.validTo >= arg.validTo));
      if (overlap && covers) return { ...overlap, unchanged: true as const };
      if (overlap) throw new Refusal('conflict', `「${p.name}」在 ${overlap.validFrom} 起已有这一身份（来源：${overlap.source}），请先结束原认定。`, 'code');
      const c = repo.insertCategory(
        ctx.db,
        {
          personId: p.id,
          code: arg.code,
          department: arg.department ?? certifyingDepartment(ctx, arg.code),
          validFrom: arg.validFrom,
          validTo: arg.validTo ?? null,
          source: arg.source,
          sourceOn: today(ctx),
          createdBy: actorOf(ctx),
        },
        ctx.now().toISOString(),
      );
      audit(ctx, { action: 'categories.certify', entity: 'person_category', entityId: c.id, after: c });
      return c;
    },
  ),

  'categories.check': writes(
    'clerk',
    z.object({ ids: z.array(idOf('认定记录')).min(1, '请选择要标记的记录。').max(10000), on: isoDate('核对日期') }),
    (ctx, arg) => {
      if (arg.on > today(ctx)) throw new Refusal('invalid_input', '核对日期不能晚于今天。', 'on');
      for (const id of arg.ids) {
        const before = repo.getCategory(ctx.db, id);
        if (!before) throw new Refusal('not_found', '找不到这条认定记录。');
        repo.checkCategory(ctx.db, id, arg.on, actorOf(ctx));
        audit(ctx, { action: 'categories.check', entity: 'person_category', entityId: id, before, after: { ...before, checkedOn: arg.on } });
      }
      return { checked: arg.ids.length };
    },
  ),

  'categories.end': writes('clerk', z.object({ id: idOf('认定记录'), validTo: isoDate('截止日期'), seen }), (ctx, arg) => {
    const before = repo.getCategory(ctx.db, arg.id);
    if (!before) throw new Refusal('not_found', '找不到这条认定记录。');
    asSeen(ctx, mustGetPerson(ctx, before.personId), arg.seen);
    if (arg.validTo < before.validFrom) throw new Refusal('invalid_input', `截止日期早于认定起始日期 ${before.validFrom}。`, 'validTo');
    repo.endCategory(ctx.db, arg.id, arg.validTo);
    const after = repo.getCategory(ctx.db, arg.id)!;
    audit(ctx, { action: 'categories.end', entity: 'person_category', entityId: arg.id, before, after });
    return after;
  }),
};
