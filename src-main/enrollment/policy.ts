// The office's policy for a coverage year: one lookup for every screen, paper and import.
import { listScope, type ListScope } from '../domain/policy/scope';
import { ZERO_CHANNEL, deskChannels } from '../domain/policy/channels';
import { chinaDate } from '../domain/dates';
import { compilePolicy, windowOn } from '../domain/policy/compile';
import type { Policy } from '../domain/policy/schema';
import { workingYear } from '../domain/working-year';
import { latestOfficePolicy, officePolicies, officePolicy } from '../ledger/enrollments';
import { Refusal, type Context } from '../service/context';

/** The policy the office chose for the year, if it chose one that still resolves. */
export function policyInForce(ctx: Context, year: number): Policy | undefined {
  const id = officePolicy(ctx.db, year);
  return id ? ctx.policies.get(id) : undefined;
}

/** What the year's policy leaves out, for the lists of who is still to enroll (as certified today). */
export const listScopeOf = (ctx: Context, year: number): ListScope => listScope(policyInForce(ctx, year), chinaDate(ctx.now()));

/** The office's latest policy (the newest year it chose one for), for rules not tied to a year. */
export function latestPolicy(ctx: Context): Policy | undefined {
  const id = latestOfficePolicy(ctx.db);
  return id ? ctx.policies.get(id) : undefined;
}

/** The policy for the year, or a refusal that says what to set first. */
export function policyFor(ctx: Context, year: number): Policy {
  const id = officePolicy(ctx.db, year);
  if (!id) throw new Refusal('conflict', `还没有选择 ${year} 年度适用的政策，请先在“政策”中设置。`);
  const p = ctx.policies.get(id);
  if (!p) throw new Refusal('conflict', `${year} 年度设置的政策「${id}」已不在政策文件中，请重新选择。`);
  return p;
}

/** Each year the office chose a policy for, with the window open today and the notice's tiers. */
export function officeYears(ctx: Context) {
  const rows = officePolicies(ctx.db);
  const today = chinaDate(ctx.now());
  return rows.map((r) => {
    const p = ctx.policies.get(r.policyId);
    const c = p ? compilePolicy(p) : undefined;
    const w = c ? windowOn(c, today) : undefined;
    return {
      ...r,
      openWindow: w ? { id: w.id, label: w.label, to: w.to } : null,
      tiers: c ? [...c.tiers] : [],
      channels: deskChannels(p),
      zeroChannel: ZERO_CHANNEL,
    };
  });
}

/** The year the office works on today (domain/working-year.ts), or null before any policy is chosen. */
export const workingCoverageYear = (ctx: Context): number | null => workingYear(officeYears(ctx));
