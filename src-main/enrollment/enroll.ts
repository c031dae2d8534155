// Enrolling one person: who is out of scope, what the quote says from the roster's facts,
// and the enrollment written with its audit entry.
import { outOfScope } from '../domain/policy/scope';
import { chinaDate } from '../domain/dates';
import { FactsError } from '../domain/policy/facts';
import { compilePolicy } from '../domain/policy/compile';
import { asksHistory, withHistory, yearsForQuote } from '../domain/policy/history-quote';
import { QuoteError, quote as computeQuote, type Quote } from '../domain/policy/quote';
import type { Policy } from '../domain/policy/schema';
import * as repo from '../ledger/enrollments';
import { categoriesOn, householdMembers } from '../ledger/roster';
import { channelFor } from '../domain/policy/channels';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import type { DeskFacts, Enrollment } from '../types/enroll';
import type { Person } from '../types/roster';
import { historyLookup, personHistory, type HistoryLookup } from './history';
import { policyFor } from './policy';

/** The refusal for a person the drive is not for (domain/policy/scope.ts), or null. */
export function scopeRefusal(p: Person): string | null {
  const out = outOfScope(p);
  return out ? `「${p.name}」${out.long}。` : null;
}

/**
 * The quote for a person in the ledger: facts come from the roster, the certified categories on
 * the payment date and, where the policy asks and the desk typed nothing, the insurance history.
 */
export function quotePerson(
  ctx: Context,
  policy: Policy,
  p: Person,
  a: DeskFacts & { tier?: 1 | 2; paidOn: string },
  categoriesDate = a.paidOn,
  lookup?: HistoryLookup,
): Quote {
  const c = compilePolicy(policy);
  const typed = { lapsedYears: a.lapsedYears, continuousYears: a.continuousYears };
  const reading = asksHistory(c) ? personHistory(ctx, policy.coverageYear, p, lookup) : null;
  const years = reading ? yearsForQuote(reading, typed) : typed;
  try {
    const q = computeQuote(policy, {
      idNumber: p.idNumber,
      residence: p.residence,
      employeeInsured: p.employeeInsured,
      student: p.student,
      categories: categoriesOn(ctx.db, p.id, categoriesDate) as never,
      tier: a.tier ?? 1,
      paidOn: a.paidOn,
      ...(years.lapsedYears !== undefined ? { lapsedYears: years.lapsedYears } : {}),
      ...(years.continuousYears !== undefined ? { continuousYears: years.continuousYears } : {}),
      ...(a.employeeInsuranceEndedOn ? { employeeInsuranceEndedOn: a.employeeInsuranceEndedOn } : {}),
      ...(a.dischargedOn ? { dischargedOn: a.dischargedOn } : {}),
      ...(a.specialEventOn ? { specialEventOn: a.specialEventOn } : {}),
      ...(a.guardianInsured !== undefined ? { guardianInsured: a.guardianInsured } : {}),
    });
    return reading ? withHistory(c, q, reading, typed) : q;
  } catch (e) {
    if (e instanceof FactsError || e instanceof QuoteError) throw new Refusal('invalid_input', e.message);
    throw e;
  }
}

export function enrollOne(
  ctx: Context,
  p: Person,
  a: DeskFacts & {
    coverageYear: number;
    tier?: 1 | 2;
    paidOn: string;
    channel: string;
    /** The clerk chose the channel at the desk: it follows channelFor. One a file states is kept as the file says. */
    atDesk?: boolean;
  },
  lookup?: HistoryLookup,
): Enrollment {
  if (a.paidOn > chinaDate(ctx.now())) throw new Refusal('invalid_input', '缴费日期不能晚于今天。', 'paidOn');
  const scope = scopeRefusal(p);
  if (scope) throw new Refusal('conflict', scope);
  const existing = repo.activeEnrollment(ctx.db, p.id, a.coverageYear);
  if (existing) throw new Refusal('conflict', `「${p.name}」已登记 ${a.coverageYear} 年度参保（收据号 ${existing.receiptNo}）。如需更改，请先作废原记录。`);
  const policy = policyFor(ctx, a.coverageYear);
  const q = quotePerson(ctx, policy, p, a, a.paidOn, lookup);
  if (!q.eligible) throw new Refusal('conflict', `「${p.name}」不能参保：${q.reason}`);
  const id = repo.insertEnrollment(
    ctx.db,
    {
      personId: p.id,
      coverageYear: a.coverageYear,
      policyId: policy.id,
      paidOn: a.paidOn,
      channel: a.atDesk ? channelFor(q, a.channel) : a.channel,
      quote: q,
      createdBy: actorOf(ctx),
    },
    ctx.now().toISOString(),
  );
  const e = repo.getEnrollment(ctx.db, id)!;
  // What the desk typed over the history stays on record with what the history said.
  const history = q.history ? { history: q.history.text, ...(q.history.typed ? { typed: q.history.typed } : {}) } : {};
  audit(ctx, { action: 'enroll.person', entity: 'enrollment', entityId: id, after: { ...e, quote: undefined, ...history } });
  return e;
}

/**
 * Every member of a household at once, each in the household's tier or their own: each member who cannot be enrolled (out of scope,
 * already enrolled, not eligible) is skipped with the reason; a date no one may pay on stops all.
 */
export function enrollHousehold(
  ctx: Context,
  householdId: number,
  a: DeskFacts & { coverageYear: number; tier?: 1 | 2; paidOn: string; channel: string; tiers?: { personId: number; tier: 1 | 2 }[] | undefined },
): { enrolled: Enrollment[]; skipped: { personId: number; name: string; reason: string }[] } {
  const members = householdMembers(ctx.db, householdId);
  if (!members.length) throw new Refusal('not_found', '这一户没有成员。');
  // A member may take another tier than the household's (the grandmother in 一档, the son in 二档).
  const own = new Map((a.tiers ?? []).map((t) => [t.personId, t.tier]));
  for (const id of own.keys()) if (!members.some((m) => m.id === id)) throw new Refusal('invalid_input', '所选档次中有人不是这一户的成员。', 'tiers');
  const enrolled: Enrollment[] = [];
  const skipped: { personId: number; name: string; reason: string }[] = [];
  const lookup = historyLookup(ctx);
  for (const p of members) {
    try {
      // One channel for the household; a fully funded member's is 零申报 (channelFor, in enrollOne).
      enrolled.push(enrollOne(ctx, p, { ...a, tier: own.get(p.id) ?? a.tier, atDesk: true }, lookup));
    } catch (e) {
      if (!(e instanceof Refusal) || (e.code === 'invalid_input' && e.field === 'paidOn')) throw e;
      skipped.push({ personId: p.id, name: p.name, reason: e.message });
    }
  }
  return { enrolled, skipped };
}
