// Payments exported from the 医保/税务 systems: each row is matched to a person, quoted by
// the policy engine, and recorded as an enrollment when everything agrees; otherwise it
// waits on the 待核实 list with the reason.
import type { PaymentRecord } from '../domain/import/rows';
import { formatYuan } from '../domain/money';
import { activeEnrollment, voidEnrollment } from '../ledger/enrollments';
import { findPersonByIdNumber, getPerson } from '../ledger/roster';
import { sql } from '../ledger/statements';
import { closeBatchPending, recordedFromBatch } from '../ledger/pending';
import type { BatchChanges } from '../excel/batches';
import type { RowProblem, Tick } from '../excel/importing';
import { enrollOne, quotePerson, scopeRefusal } from '../enrollment/enroll';
import { policyFor } from '../enrollment/policy';
import { Refusal, actorOf, type Context } from '../service/context';

export interface PaymentOptions {
  coverageYear: number;
}

export interface PaymentPlan {
  record: { personId: number; record: PaymentRecord; tier: 1 | 2; coverageYear: number }[];
  pending: { record: PaymentRecord; coverageYear: number; reason: string }[];
  problems: RowProblem[];
}

export async function planPayments(ctx: Context, records: PaymentRecord[], opts: PaymentOptions, tick: Tick): Promise<PaymentPlan> {
  const plan: PaymentPlan = { record: [], pending: [], problems: [] };
  const seen = new Map<string, number>();
  for (const r of records) {
    await tick();
    const year = r.coverageYear ?? opts.coverageYear;
    const key = `${r.idNumber}|${year}`;
    const first = seen.get(key);
    const pending = (reason: string) => plan.pending.push({ record: r, coverageYear: year, reason });
    if (first !== undefined) {
      pending(`与第 ${first} 行是同一人同一年度的缴费。`);
      continue;
    }
    seen.set(key, r.row);
    const p = findPersonByIdNumber(ctx.db, r.idNumber);
    if (!p) {
      pending('台账中没有此人。');
      continue;
    }
    if (r.name && r.name !== p.name) {
      pending(`台账中的姓名是「${p.name}」。`);
      continue;
    }
    const scope = scopeRefusal(p);
    if (scope) {
      pending(scope);
      continue;
    }
    const existing = activeEnrollment(ctx.db, p.id, year);
    if (existing) {
      pending(`已登记 ${year} 年度参保（收据号 ${existing.receiptNo}）。`);
      continue;
    }
    try {
      const policy = policyFor(ctx, year);
      // Without a tier column, the amount says which tier was paid.
      const tiers: (1 | 2)[] = r.tier ? [r.tier] : [1, 2];
      const quotes = tiers.map((tier) => ({ tier, q: quotePerson(ctx, policy, p, { tier, paidOn: r.paidOn }) }));
      const hit = quotes.find(({ q }) => q.eligible && q.personalFen === r.amountFen);
      if (hit) plan.record.push({ personId: p.id, record: r, tier: hit.tier, coverageYear: year });
      else {
        const q = quotes[0]!.q;
        pending(
          q.eligible
            ? `缴费金额 ${formatYuan(r.amountFen)} 元与按政策计算的${r.tier ? '' : '一档'} ${formatYuan(q.personalFen)} 元不符。`
            : `按政策不能参保：${q.reason}`,
        );
      }
    } catch (e) {
      if (e instanceof Refusal) pending(e.message);
      else throw e;
    }
  }
  return plan;
}

export async function commitPayments(
  ctx: Context,
  plan: PaymentPlan,
  batchId: number,
  changes: BatchChanges,
  tick: Tick,
): Promise<{ record: number; pending: number }> {
  for (const { personId, record: r, tier, coverageYear } of plan.record) {
    await tick();
    const e = enrollOne(ctx, getPerson(ctx.db, personId)!, { coverageYear, tier, paidOn: r.paidOn, channel: r.channel });
    changes.add('enrollment', e.id, 'insert');
  }
  const insert = sql(
    ctx.db,
    'INSERT INTO pending_payments (batch_id, row_number, id_number, name, paid_on, amount_fen, tier, channel, coverage_year, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const x of plan.pending) {
    const id = Number(
      insert.run(
        batchId,
        x.record.row,
        x.record.idNumber,
        x.record.name,
        x.record.paidOn,
        x.record.amountFen,
        x.record.tier,
        x.record.channel,
        x.coverageYear,
        x.reason,
      ).lastInsertRowid,
    );
    changes.add('pending_payment', id, 'insert');
  }
  return { record: plan.record.length, pending: plan.pending.length };
}

/** Undoing a payment batch voids what it recorded (paid records are never deleted). */
export function undoPayments(ctx: Context, changes: { entity: string; entityId: number; op: string }[], batchId: number): string | null {
  // What the clerk recorded from this file's 待核实 rows was the clerk's act, not the file's.
  const settled = recordedFromBatch(ctx.db, batchId);
  if (settled.length) {
    const named = settled.slice(0, 3).map((x) => `${x.name}（收据 ${x.receiptNo}）`);
    return `这个批次中有 ${settled.length} 条待核实缴费已由经办人登记：${named.join('、')}${settled.length > 3 ? ' 等' : ''}。请先在人员信息中作废这些记录，再撤销批次。`;
  }
  const at = ctx.now().toISOString();
  for (const c of changes) {
    if (c.entity === 'enrollment') voidEnrollment(ctx.db, c.entityId, `撤销导入批次 #${batchId}`, actorOf(ctx), at);
  }
  closeBatchPending(ctx.db, batchId, at);
  return null;
}
