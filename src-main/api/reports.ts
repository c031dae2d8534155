import { z } from 'zod';
import { paperId } from '../enrollment/ids';
import { getOffice } from '../ledger/office';
import { openPendingCount } from '../ledger/pending';
import { SUBSIDY_CATEGORIES } from '../domain/codes';
import { assess } from '../domain/progress';
import { compilePolicy, departmentLabel, windowAfter, windowOn } from '../domain/policy/compile';
import { subsidisedEnrollments, zeroDeclarations } from '../ledger/enrollments';
import { policyInForce, listScopeOf } from '../enrollment/policy';
import { listVillages } from '../ledger/office';
import * as reports from '../ledger/reports';
import type { Department, PersonCategory } from '../domain/codes';
import { coverageYear, idOf, isoDate } from './fields';
import { addMonths, chinaDate, daysBetween } from '../domain/dates';
import { weekFigures } from '../ledger/snapshots';
import type { Dashboard, PersonSummary } from './contract';
import type { Context } from './handler';
import { reads } from './handler';

const yearOnly = z.object({ coverageYear });

/** 去年参保、今年未参保 / 去年未参保: the not-enrolled split by last year (the new season's first lists). */
export const lastYear = z.enum(['insured', 'not_insured', 'unknown'], { error: '名单范围只能是“去年参保”“去年未参保”或“去年情况不明”。' }).optional();

const notEnrolledTiles = (c: ReturnType<typeof reports.notEnrolledCounts>) => ({
  notEnrolled: c.all,
  insuredLastYearNotEnrolled: c.insuredLastYear,
  notInsuredLastYear: c.notInsuredLastYear,
  unknownLastYear: c.unknownLastYear,
});

const subsidyCodes = (ctx: Context, year: number) => {
  const policy = policyInForce(ctx, year);
  return policy ? Object.keys(policy.categories) : Object.keys(SUBSIDY_CATEGORIES);
};

/** Fully funded enrollments the office has not yet declared (零申报) in the tax client. */
const zeroNotDeclared = (ctx: Context, year: number) => zeroDeclarations(ctx.db, year, true);

/** Last season on this calendar day (a year earlier, for the coverage year before): null when canbao did not run it. */
function sameDayLastYear(ctx: Context, year: number, on: string): Dashboard['lastYearSameDay'] {
  if (!policyInForce(ctx, year - 1)) return null;
  const then = addMonths(on, -12);
  const target = [...reports.targets(ctx.db, year - 1).values()].reduce((a, b) => a + b, 0);
  return { on: then, enrolled: reports.enrolledBy(ctx.db, year - 1, then), target, enrolledNow: reports.enrolledBy(ctx.db, year, on) };
}

export const reportHandlers = {
  'reports.notEnrolled': reads(
    'clerk',
    z.object({
      coverageYear,
      villageId: idOf('村/社区').optional(),
      limit: z.number().int().min(1).max(100000).optional(),
      offset: z.number().int().min(0).optional(),
      paper: z.boolean().optional(),
      lastYear,
    }),
    (ctx, arg) => {
      const found = reports.notEnrolled(
        ctx.db,
        arg.coverageYear,
        listScopeOf(ctx, arg.coverageYear),
        arg.villageId,
        arg.limit ?? 500,
        arg.offset ?? 0,
        arg.lastYear,
      );
      if (!arg.paper) return found;
      // Printed for a village, the list leaves the office: IDs as the office's setting says (masked by default).
      const office = getOffice(ctx.db);
      return { ...found, rows: found.rows.map((r) => ({ ...r, idNumber: paperId(r.idNumber, office) })) };
    },
  ),

  'reports.subsidizedNotDeclared': reads('clerk', yearOnly, (ctx, arg) => {
    return {
      notEnrolled: reports.subsidizedNotEnrolled(
        ctx.db,
        arg.coverageYear,
        listScopeOf(ctx, arg.coverageYear),
        subsidyCodes(ctx, arg.coverageYear),
      ) as (ReturnType<typeof reports.subsidizedNotEnrolled>[number] & { categories: PersonCategory[] })[],
      zeroNotDeclared: zeroNotDeclared(ctx, arg.coverageYear),
    };
  }),

  'reports.progress': reads('clerk', yearOnly, (ctx, arg) => {
    const enrolled = reports.enrolledByVillage(ctx.db, arg.coverageYear);
    const targets = reports.targets(ctx.db, arg.coverageYear);
    const villages = listVillages(ctx.db, true).filter((v) => !v.retiredOn || enrolled.has(v.id) || targets.has(v.id));
    const assessed = assess(
      policyInForce(ctx, arg.coverageYear),
      villages.map((v) => ({ villageId: v.id, target: targets.get(v.id) ?? 0, enrolled: enrolled.get(v.id) ?? 0 })),
    );
    const weeks = weekFigures(ctx.db, arg.coverageYear, chinaDate(ctx.now()));
    return assessed.map((a, i) => ({
      ...a,
      villageCode: villages[i]!.code,
      villageName: villages[i]!.name,
      weekStart: weeks.thisWeek.get(a.villageId) ?? null,
      lastWeekStart: weeks.lastWeek.get(a.villageId) ?? null,
    }));
  }),

  'reports.dashboard': reads('clerk', z.object({ coverageYear, on: isoDate('日期') }), (ctx, arg): Dashboard => {
    const policy = policyInForce(ctx, arg.coverageYear);
    const c = policy ? compilePolicy(policy) : undefined;
    const open = c && windowOn(c, arg.on);
    const next = c && windowAfter(c, arg.on);
    return {
      policyId: policy?.id ?? null,
      window: open ? { label: open.label, from: open.from, to: open.to, daysLeft: daysBetween(arg.on, open.to) + 1 } : null,
      nextWindow: next?.from ? { label: next.label, from: next.from, daysUntil: daysBetween(arg.on, next.from) } : null,
      ...notEnrolledTiles(reports.notEnrolledCounts(ctx.db, arg.coverageYear, listScopeOf(ctx, arg.coverageYear))),
      subsidizedNotEnrolled: reports.subsidizedNotEnrolled(ctx.db, arg.coverageYear, listScopeOf(ctx, arg.coverageYear), subsidyCodes(ctx, arg.coverageYear))
        .length,
      zeroNotDeclared: zeroNotDeclared(ctx, arg.coverageYear).length,
      pendingPayments: openPendingCount(ctx.db, arg.coverageYear),
      handCertified: reports.handCertified(ctx.db, arg.on).length,
      lastYearSameDay: sameDayLastYear(ctx, arg.coverageYear, arg.on),
    };
  }),

  'reports.handCertified': reads(
    'clerk',
    z.object({ on: isoDate('日期') }),
    (ctx, arg) => reports.handCertified(ctx.db, arg.on) as (PersonSummary & { categoryId: number; code: PersonCategory; source: string })[],
  ),

  'reports.subsidyLedger': reads('clerk', yearOnly, (ctx, arg) => {
    const policy = policyInForce(ctx, arg.coverageYear);
    return {
      departments: reports.subsidyByDepartment(ctx.db, arg.coverageYear).map((d) => ({
        department: d.department as Department,
        departmentLabel: policy ? departmentLabel(policy, d.department as Department) : d.department,
        persons: d.persons,
        subsidyFen: d.subsidyFen,
      })),
      rows: subsidisedEnrollments(ctx.db, arg.coverageYear, 'departmentVillage'),
    };
  }),

  'reports.payments': reads('clerk', yearOnly, (ctx, arg) => reports.paymentsByDay(ctx.db, arg.coverageYear)),

  'reports.fujian5': reads('clerk', yearOnly, (ctx) => reports.fujian5(ctx.db)),
};
