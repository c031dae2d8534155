// Starting the next season: which policy, which targets, which certifications to have renewed.
import { z } from 'zod';
import { compilePolicy, departmentLabel } from '../domain/policy/compile';
import type { Policy } from '../domain/policy/schema';
import type { Department } from '../domain/codes';
import { policyInForce } from '../enrollment/policy';
import * as reports from '../ledger/reports';
import type { EndingCategory, NewSeason } from '../types/season';
import { coverageYear } from './fields';
import { reads, type Context } from './handler';

const sum = (m: Map<number, number>) => ({ villages: m.size, total: [...m.values()].reduce((a, b) => a + b, 0) });

/** The newest policy file for this year in the region the office ran last year. */
function suggestion(ctx: Context, year: number): Policy | undefined {
  const last = policyInForce(ctx, year - 1);
  if (!last) return undefined;
  return [...ctx.policies.values()].filter((p) => !p.abstract && p.coverageYear === year && p.region === last.region).sort((a, b) => (a.id < b.id ? 1 : -1))[0];
}

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
  'season.newYear': reads('clerk', z.object({ year: coverageYear }).strict(), (ctx, arg): NewSeason => {
    const chosen = policyInForce(ctx, arg.year);
    const suggested = chosen ? undefined : suggestion(ctx, arg.year);
    const byDepartment = new Map<string, number>();
    for (const r of endingCategories(ctx, arg.year)) byDepartment.set(r.departmentLabel, (byDepartment.get(r.departmentLabel) ?? 0) + 1);
    return {
      year: arg.year,
      chosen: chosen?.id ?? null,
      suggested: suggested ? { id: suggested.id, region: suggested.region } : null,
      window: centralized(chosen ?? suggested),
      targets: { lastYear: sum(reports.targets(ctx.db, arg.year - 1)), thisYear: sum(reports.targets(ctx.db, arg.year)) },
      ending: [...byDepartment].map(([department, count]) => ({ department, count })),
    };
  }),

  'season.endingCategories': reads('clerk', z.object({ year: coverageYear }).strict(), (ctx, arg) => endingCategories(ctx, arg.year)),
};
