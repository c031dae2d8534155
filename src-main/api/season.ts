// Starting the next season: which policy, which targets, which certifications to have renewed.
import { z } from 'zod';
import { compilePolicy, departmentLabel } from '../domain/policy/compile';
import type { Policy } from '../domain/policy/schema';
import type { Department } from '../domain/codes';
import { policyInForce } from '../enrollment/policy';
import * as reports from '../ledger/reports';
import type { EndingCategory, NewSeason } from '../types/season';
import { coverageYear, isoDate } from './fields';
import { addDays, chinaDate } from '../domain/dates';
import { officePlace, policyName, regionFit } from '../domain/policy/place';
import { getOffice } from '../ledger/office';
import type { Office } from '../types/office';
import { reads, type Context } from './handler';

const sum = (m: Map<number, number>) => ({ villages: m.size, total: [...m.values()].reduce((a, b) => a + b, 0) });

/** How many days before a season's first window 工作台 starts proposing it. */
const PROPOSE_DAYS_BEFORE = 30;

/** The year's files a clerk may choose (no abstract base), newest id first. */
const filesFor = (ctx: Context, year: number) =>
  [...ctx.policies.values()].filter((p) => !p.abstract && p.coverageYear === year).sort((a, b) => (a.id < b.id ? 1 : -1));

/**
 * The file the office most likely runs this year: its township's own notice first (it names
 * the township, so it is meant for it), then the region it ran last year, then its county's.
 */
function suggestion(ctx: Context, year: number, office: Office = getOffice(ctx.db)): Policy | undefined {
  const last = policyInForce(ctx, year - 1);
  const rank = (p: Policy) => {
    const fit = regionFit(p.region, office);
    return fit === 'township' ? 0 : last && p.region === last.region ? 1 : fit === 'county' ? 2 : null;
  };
  // A stable sort: the newest file first within a rank.
  const ranked = filesFor(ctx, year).flatMap((p) => {
    const r = rank(p);
    return r === null ? [] : [{ p, r }];
  });
  return ranked.sort((a, b) => a.r - b.r)[0]?.p;
}

const named = (p: Policy) => ({ id: p.id, name: policyName(p) });

/** The first day any window of the policy opens (its windows are sorted), null when none says. */
const opensOn = (p: Policy | undefined) => (p ? (compilePolicy(p).windows.find((w) => w.from !== null)?.from ?? null) : null);

const centralized = (p: Policy | undefined) => {
  const w = p ? compilePolicy(p).windows.find((x) => x.id === 'centralized') : undefined;
  return w ? { from: w.from, to: w.to } : null;
};

/** From last season's window opening to this season's window closing (a year around when neither is known). */
function endingSpan(ctx: Context, year: number): { from: string; before: string; policy: Policy | undefined } {
  const policy = policyInForce(ctx, year) ?? suggestion(ctx, year);
  const last = centralized(policyInForce(ctx, year - 1));
  const now = centralized(policy);
  return { from: last?.from ?? `${year - 2}-09-01`, before: now?.to ?? `${year - 1}-12-31`, policy };
}

/** The certifications ending before the season's window closes, with their departments' names. */
export function endingCategories(ctx: Context, year: number): EndingCategory[] {
  const { from, before, policy } = endingSpan(ctx, year);
  return reports.endingCategories(ctx.db, from, before).map((r) => ({
    ...r,
    departmentLabel: r.department ? (policy ? departmentLabel(policy, r.department as Department) : r.department) : '未注明部门',
  }));
}

export const seasonHandlers = {
  // `on`: the desk's today (工作台 sends its own, so a test's clock is the app's).
  'season.newYear': reads('clerk', z.object({ year: coverageYear, on: isoDate('日期').optional() }).strict(), (ctx, arg): NewSeason => {
    const office = getOffice(ctx.db);
    const chosen = policyInForce(ctx, arg.year);
    const suggested = chosen ? undefined : suggestion(ctx, arg.year, office);
    const policy = chosen ?? suggested;
    const opens = opensOn(policy);
    const proposeFrom = opens ? addDays(opens, -PROPOSE_DAYS_BEFORE) : null;
    const byDepartment = new Map<string, number>();
    for (const r of endingCategories(ctx, arg.year)) byDepartment.set(r.departmentLabel, (byDepartment.get(r.departmentLabel) ?? 0) + 1);
    return {
      year: arg.year,
      chosen: chosen ? named(chosen) : null,
      suggested: suggested ? named(suggested) : null,
      others: filesFor(ctx, arg.year)
        .filter((p) => p !== policy)
        .map(named),
      place: officePlace(office),
      window: centralized(policy),
      opensOn: opens,
      proposeFrom,
      due: proposeFrom === null || (arg.on ?? chinaDate(ctx.now())) >= proposeFrom,
      targets: { lastYear: sum(reports.targets(ctx.db, arg.year - 1)), thisYear: sum(reports.targets(ctx.db, arg.year)) },
      ending: [...byDepartment].map(([department, count]) => ({ department, count })),
    };
  }),

  'season.endingCategories': reads('clerk', z.object({ year: coverageYear }).strict(), (ctx, arg) => endingCategories(ctx, arg.year)),
};
