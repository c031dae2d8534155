// Payments exported from the 医保/税务 systems: each row is matched to a person, quoted by
// the policy engine, and recorded as an enrollment when everything agrees; otherwise it
// waits on the 待核实 list with the reason.
import { matchPerson } from '../domain/import/match';
import type { PaymentRecord } from '../domain/import/rows';
import type { InsuranceRecord } from '../domain/import/insurance';
import type { ValueWords } from '../domain/import/fields';
import { keysWords, partsAddUp, paymentKeys, readPlatformRow, reversedKeys, type PaymentKeys } from '../domain/import/platform-payment';
import { addPaymentRef, heldPayment, reversedPayment } from '../ledger/payment-refs';
import type { YearCount } from '../domain/import/file-years';
import type { PersonCategory } from '../domain/codes';
import type { CategoryReading } from '../domain/import/category-labels';
import { chinaDate } from '../domain/dates';
import { formatYuan } from '../domain/money';
import { categoryLabel } from '../domain/policy/compile';
import type { Quote } from '../domain/policy/quote';
import type { Person } from '../types/roster';
import { activeEnrollment, getEnrollment, restoreVoided, voidEnrollment } from '../ledger/enrollments';
import { findPersonByIdNumber, getPerson, namedOnRoster } from '../ledger/roster';
import { addPending, closeBatchPending, recordedFromBatch, sameOpenPending } from '../ledger/pending';
import type { BatchChanges } from '../ledger/import-batches';
import type { BatchChange } from './kind';
import { undoInsurance } from './insurance';
import type { RowProblem, Tick } from '../excel/importing';
import { enrollOne, quotePerson, scopeRefusal } from '../enrollment/enroll';
import { historyLookup, type HistoryLookup } from '../enrollment/history';
import { policyFor } from '../enrollment/policy';
import { Refusal, actorOf, type Context } from '../service/context';
import { STALE_DRY_RUN } from './dry-runs';

export interface PaymentOptions {
  coverageYear: number;
}

export interface PaymentPlan {
  record: { personId: number; record: PaymentRecord; tier: 1 | 2; coverageYear: number; keys: PaymentKeys }[];
  /** Waiting on 待核实; `reverses` names the payment a reversal undoes that the ledger does not hold. */
  pending: { record: PaymentRecord; coverageYear: number; reason: string; reverses?: string }[];
  problems: RowProblem[];
  /** Rows already in the ledger (recorded, or waiting on 待核实 from an earlier batch): nothing to add. */
  already: RowProblem[];
  /** A payment recorded before from another file (a 代缴明细) that this file names: its 税票 kept beside it. */
  link: { enrollmentId: number; keys: PaymentKeys }[];
  /** Reversals (核销/冲红) of payments the ledger holds: each voids its payment. */
  reverse: { row: number; enrollmentId: number; personId: number; receiptNo: string; name: string; idNumber: string; words: string }[];
  /** 职工医保 rows: no 居民 payment, the person insured as an employee that year (the 医保 list's import writes it). */
  employee: InsuranceRecord[];
  /** Every coverage year the file's rows are for, with its rows and the roster persons they name. */
  years: YearCount[];
}

/**
 * A row against the quote for that person on that date: the tier it matches, or why it does not
 * (金额不符 / 身份不符 / 未认定资助身份). The person's part, the department's part (代缴金额) and the
 * group the file names (代缴类别) must each agree where the file gives them.
 */
function reconcile(ctx: Context, p: Person, r: PaymentRecord, year: number, readLabel: LabelReader, lookup: HistoryLookup): { tier: 1 | 2 } | string {
  const policy = policyFor(ctx, year);
  let named: PersonCategory[] | null = null;
  if (r.categoryLabel) {
    const reading = readLabel(r.categoryLabel, { grades: false });
    if (reading.ambiguous.length)
      return `身份不符：代缴类别“${r.categoryLabel}”中的“${reading.ambiguous[0]!.label}”可能是几类资助对象中的一类，认不准，请核对后登记。`;
    if (reading.unknown.length || !reading.codes.length)
      return `身份不符：代缴类别“${r.categoryLabel}”不在类别对照表中，认不出是哪一类资助对象，请核对后登记（常见的写法可请管理员补进人员类别对照表）。`;
    // One 代缴 is paid for one group: a cell naming two does not say which this was.
    if (reading.codes.length > 1) return `身份不符：代缴类别“${r.categoryLabel}”写了 ${reading.codes.length} 个类别，一笔代缴只对应一个类别，请核对。`;
    named = reading.codes;
  }
  // Without a tier column, the amounts say which tier was paid.
  const tiers: (1 | 2)[] = r.tier ? [r.tier] : [1, 2];
  const quotes = tiers.map((tier) => ({ tier, q: quotePerson(ctx, policy, p, { tier, paidOn: r.paidOn }, r.paidOn, lookup) }));
  const fiscal = r.platform?.fiscalFen ?? null;
  const agrees = (q: Quote) =>
    q.eligible &&
    (r.amountFen === null || q.personalFen === r.amountFen) &&
    (r.subsidyFen === null || q.subsidyFen === r.subsidyFen) &&
    (fiscal === null || q.fiscalFen === null || q.fiscalFen === fiscal) &&
    (named === null || (q.category !== null && named.includes(q.category)));
  const hit = quotes.find(({ q }) => agrees(q));
  if (hit) return { tier: hit.tier };
  const q = quotes[0]!.q;
  if (!q.eligible) return `按政策不能参保：${q.reason}`;
  const label = (c: PersonCategory) => categoryLabel(policy, c);
  if ((named || r.subsidyFen) && q.category === null)
    return `未认定资助身份：文件中${named ? `代缴类别为“${r.categoryLabel}”` : `代缴金额 ${formatYuan(r.subsidyFen!)} 元`}，台账中此人在 ${r.paidOn} 没有认定的资助身份。`;
  if (named && q.category !== null && !named.includes(q.category))
    return `身份不符：文件中代缴类别为“${r.categoryLabel}”，台账中按政策的资助身份是“${label(q.category)}”。`;
  const tierWord = r.tier ? '' : '一档';
  if (fiscal !== null && q.fiscalFen !== null && q.fiscalFen !== fiscal && (r.amountFen === null || q.personalFen === r.amountFen))
    return `金额不符：财政补助金额 ${formatYuan(fiscal)} 元与按政策在 ${r.paidOn} 缴费的财政补助 ${formatYuan(q.fiscalFen)} 元不符。`;
  if (r.subsidyFen !== null && q.subsidyFen !== r.subsidyFen)
    return `金额不符：代缴金额 ${formatYuan(r.subsidyFen)} 元与按政策计算的${tierWord}资助 ${formatYuan(q.subsidyFen)} 元不符。`;
  return `金额不符：缴费金额 ${formatYuan(r.amountFen ?? 0)} 元与按政策计算的${tierWord} ${formatYuan(q.personalFen)} 元不符。`;
}

type LabelReader = (label: string, opts: { grades: boolean }) => CategoryReading;

export async function planPayments(
  ctx: Context,
  records: PaymentRecord[],
  opts: PaymentOptions,
  tick: Tick,
  readLabel: LabelReader,
  values: ValueWords,
): Promise<PaymentPlan> {
  const plan: PaymentPlan = { record: [], pending: [], problems: [], already: [], link: [], reverse: [], employee: [], years: [] };
  const years = new Map<number, { rows: number; ids: Set<string> }>();
  const seen = new Map<string, number>();
  const lookup = historyLookup(ctx);
  const today = chinaDate(ctx.now());
  // Reversals after every payment row: an export listed newest first has the 冲红 above its payment.
  const reversals: { r: PaymentRecord; year: number }[] = [];
  for (const r of records) {
    await tick();
    // The commit would refuse it; the dry run says so for this row, not for the whole file.
    if (r.paidOn > today) {
      plan.problems.push({ row: r.row, field: 'paidOn', message: `缴费日期 ${r.paidOn} 晚于今天，请核对。` });
      continue;
    }
    // The 医保 platform's flags (docs/rules.md "医保's payment details"): a value listed nowhere is shown, never guessed.
    const reading = readPlatformRow(r.platform, values);
    if (reading.as === 'unread') {
      plan.problems.push({ row: r.row, field: reading.field, message: reading.message });
      continue;
    }
    if (reading.as === 'unpaid') {
      plan.already.push({ row: r.row, field: 'paidFlag', message: `缴费标志“${reading.value}”表示没有缴费：不是一笔缴费，没有导入。` });
      continue;
    }
    const year = r.coverageYear ?? opts.coverageYear;
    if (reading.as === 'employee') {
      plan.employee.push({ row: r.row, idNumber: r.idNumber, name: r.name, employee: { insured: true, division: '', year }, resident: null });
      continue;
    }
    const sums = partsAddUp(r);
    if (sums) {
      plan.problems.push({ row: r.row, field: 'totalAmount', message: sums });
      continue;
    }
    if (reading.as === 'reversal') {
      reversals.push({ r, year });
      continue;
    }
    if (r.amountFen !== null && r.amountFen < 0) {
      plan.problems.push({ row: r.row, field: 'amount', message: `个人缴费金额 ${formatYuan(r.amountFen)} 元是负数，核销标志却不是冲销，请核对。` });
      continue;
    }
    const y = years.get(year) ?? { rows: 0, ids: new Set<string>() };
    years.set(year, y);
    y.rows++;
    y.ids.add(r.idNumber);
    // The same payment from another 医保 file (its 电子税票号码 or detail id): recorded once.
    const keys = paymentKeys(r, year);
    const held = heldPayment(ctx.db, keys);
    if (held) {
      plan.already.push({
        row: r.row,
        field: 'idNumber',
        message: `这笔缴费已登记（${keysWords(keys)}，收据号 ${held.receiptNo}，${held.paidOn}，第 ${held.batchId} 批导入），没有重复导入。`,
      });
      continue;
    }
    const key = `${r.idNumber}|${year}`;
    const first = seen.get(key);
    const pending = (reason: string) => plan.pending.push({ record: r, coverageYear: year, reason });
    if (first !== undefined) {
      pending(`与第 ${first} 行是同一人同一年度的缴费。`);
      continue;
    }
    seen.set(key, r.row);
    // The same file (or the same rows in another) imported again adds nothing: said, not piled up.
    const waiting = sameOpenPending(ctx.db, { ...r, coverageYear: year });
    if (waiting) {
      plan.already.push({
        row: r.row,
        field: 'idNumber',
        message: `这笔缴费已在第 ${waiting.batchId} 批导入的第 ${waiting.row} 行，正在待核实，没有重复列入。`,
      });
      continue;
    }
    const m = matchPerson(r, findPersonByIdNumber(ctx.db, r.idNumber));
    if (!('person' in m)) {
      // Said as 不在台账 first: a person to register in 花名册 before the payment can be recorded.
      pending(m.unmatched === 'idNumber' ? '不在台账：台账中没有此人。' : m.message);
      continue;
    }
    const p = m.person;
    const scope = scopeRefusal(p);
    if (scope) {
      pending(scope);
      continue;
    }
    const existing = activeEnrollment(ctx.db, p.id, year);
    if (existing && existing.paidOn === r.paidOn && (r.amountFen === null || r.amountFen === existing.personalFen)) {
      plan.already.push({
        row: r.row,
        field: 'idNumber',
        message: `这笔缴费已登记（${year} 年度，收据号 ${existing.receiptNo}，${existing.paidOn}），没有重复导入。`,
      });
      // Recorded from a file without the 税票 (a 代缴明细, the desk): kept beside it now, so a later reversal finds it.
      if (keys.taxKey || keys.detailId) plan.link.push({ enrollmentId: existing.id, keys });
      continue;
    }
    if (existing) {
      pending(`已登记 ${year} 年度参保（收据号 ${existing.receiptNo}）。`);
      continue;
    }
    try {
      const why = reconcile(ctx, p, r, year, readLabel, lookup);
      if (typeof why === 'string') pending(why);
      else plan.record.push({ personId: p.id, record: r, tier: why.tier, coverageYear: year, keys });
    } catch (e) {
      if (e instanceof Refusal) pending(e.message);
      else throw e;
    }
  }
  for (const x of reversals) {
    await tick();
    planReversal(ctx, plan, x.r, x.year);
  }
  plan.years = [...years].map(([year, y]) => ({ year, rows: y.rows, persons: namedOnRoster(ctx.db, y.ids) }));
  return plan;
}

/**
 * A reversal (核销/冲红) undoes the payment it names: one the ledger holds is voided at the
 * commit; one recorded earlier in the same file is not recorded at all; one the ledger does not
 * hold waits on 待核实 naming what it reverses, never recorded as a payment.
 */
function planReversal(ctx: Context, plan: PaymentPlan, r: PaymentRecord, year: number): void {
  const named = reversedKeys(r, year);
  const words = keysWords(named, true);
  const same = (k: PaymentKeys) => (named.detailId !== null && k.detailId === named.detailId) || (named.taxKey !== null && k.taxKey === named.taxKey);
  const inFile = plan.record.findIndex((x) => same(x.keys));
  if (inFile >= 0) {
    const [x] = plan.record.splice(inFile, 1);
    plan.already.push({ row: r.row, field: 'reversalFlag', message: `冲销第 ${x!.record.row} 行的缴费（${words}）：两行都没有登记。` });
    return;
  }
  // A payment this file names that another file recorded (a 代缴明细): its record is the one reversed.
  const linked = plan.link.find((l) => same(l.keys));
  const held = linked ? heldOf(ctx, linked.enrollmentId) : heldPayment(ctx.db, named);
  if (held) {
    const p = getPerson(ctx.db, held.personId)!;
    if (p.idNumber !== r.idNumber) {
      plan.pending.push({
        record: r,
        coverageYear: year,
        reverses: words,
        reason: `冲销：${words} 在台账中是 ${p.name} 的缴费，与这一行的身份证号不同，没有作废。`,
      });
      return;
    }
    plan.reverse.push({ row: r.row, enrollmentId: held.enrollmentId, personId: p.id, receiptNo: held.receiptNo, name: p.name, idNumber: p.idNumber, words });
    return;
  }
  const undone = reversedPayment(ctx.db, named);
  if (undone) {
    plan.already.push({ row: r.row, field: 'reversalFlag', message: `这笔冲销已处理：${words} 的缴费（收据号 ${undone.receiptNo}）已作废。` });
    return;
  }
  if (sameOpenPending(ctx.db, { ...r, coverageYear: year, reverses: words })) {
    plan.already.push({ row: r.row, field: 'reversalFlag', message: `这笔冲销已在待核实中（${words}），没有重复列入。` });
    return;
  }
  plan.pending.push({ record: r, coverageYear: year, reverses: words, reason: `冲销：台账中没有它冲销的那笔缴费（${words}），没有作废任何缴费。` });
}

/** An enrollment in force as a reversal sees it; undefined once voided. */
function heldOf(ctx: Context, enrollmentId: number): { enrollmentId: number; personId: number; receiptNo: string } | undefined {
  const e = getEnrollment(ctx.db, enrollmentId);
  return e?.status === 'active' ? { enrollmentId, personId: e.personId, receiptNo: e.receiptNo } : undefined;
}

export async function commitPayments(
  ctx: Context,
  plan: PaymentPlan,
  batchId: number,
  changes: BatchChanges,
  tick: Tick,
): Promise<{ record: number; pending: number; reverse: number }> {
  const lookup = historyLookup(ctx);
  const at = ctx.now().toISOString();
  const keep = (enrollmentId: number, keys: PaymentKeys) => {
    if (keys.taxKey || keys.detailId) changes.add('payment_ref', addPaymentRef(ctx.db, { enrollmentId, batchId, keys }), 'insert');
  };
  for (const { personId, record: r, tier, coverageYear, keys } of plan.record) {
    await tick();
    // By the ID number the file named, and only if it is still the person the dry run found.
    const p = findPersonByIdNumber(ctx.db, r.idNumber);
    if (p?.id !== personId) throw new Refusal('conflict', `第 ${r.row} 行的身份证号在试导入之后已不是原来那个人，这次没有导入，台账没有改动。请重新试导入。`);
    const e = enrollOne(ctx, p, { coverageYear, tier, paidOn: r.paidOn, channel: r.channel }, lookup);
    changes.add('enrollment', e.id, 'insert');
    keep(e.id, keys);
  }
  for (const l of plan.link) keep(l.enrollmentId, l.keys);
  for (const x of plan.reverse) {
    await tick();
    // Voided or replaced by another window since the dry run: nothing is voided on a stale finding.
    const e = getEnrollment(ctx.db, x.enrollmentId);
    if (e?.status !== 'active')
      throw new Refusal(
        'conflict',
        `试导入之后，第 ${x.row} 行冲销的缴费（收据号 ${x.receiptNo}）已被作废或改动，这次没有写入，台账没有改动。请重新试导入。`,
        STALE_DRY_RUN,
      );
    changes.add('enrollment', x.enrollmentId, 'update', { status: 'active' });
    voidEnrollment(ctx.db, x.enrollmentId, `医保缴费明细冲销（${x.words}，导入批次 #${batchId} 第 ${x.row} 行）`, actorOf(ctx), at);
  }
  for (const x of plan.pending) {
    // Another window's commit of the same rows since this dry run: they wait once, not twice.
    const waiting = sameOpenPending(ctx.db, { ...x.record, coverageYear: x.coverageYear, reverses: x.reverses });
    if (waiting)
      throw new Refusal(
        'conflict',
        `试导入之后，另一个窗口已把第 ${x.record.row} 行这笔缴费列入待核实（第 ${waiting.batchId} 批），这次没有写入，台账没有改动。请重新试导入后再确认导入。`,
        STALE_DRY_RUN,
      );
    changes.add('pending_payment', addPending(ctx.db, batchId, x.record, x.coverageYear, x.reason, x.reverses), 'insert');
  }
  return { record: plan.record.length, pending: plan.pending.length, reverse: plan.reverse.length };
}

/**
 * Undoing a payment batch voids what it recorded (paid records are never deleted) and puts back
 * in force what its reversals voided; 职工医保 facts it wrote go back as the 医保 list's undo does.
 */
export function undoPayments(ctx: Context, changes: BatchChange[], batch: { id: number; at: string }): string | null {
  // What the clerk recorded from this file's 待核实 rows was the clerk's act, not the file's.
  const settled = recordedFromBatch(ctx.db, batch.id);
  if (settled.length) {
    const named = settled.slice(0, 3).map((x) => `${x.name}（收据 ${x.receiptNo}）`);
    return `这个批次中有 ${settled.length} 条待核实缴费已由经办人登记：${named.join('、')}${settled.length > 3 ? ' 等' : ''}。请先在人员信息中作废这些记录，再撤销批次。`;
  }
  const at = ctx.now().toISOString();
  for (const c of changes) {
    if (c.entity !== 'enrollment' || c.op !== 'update') continue;
    const e = getEnrollment(ctx.db, c.entityId)!;
    const now = activeEnrollment(ctx.db, e.personId, e.coverageYear);
    if (now)
      return `这个批次冲销的缴费（收据号 ${e.receiptNo}）之后，此人 ${e.coverageYear} 年度又登记了参保（收据号 ${now.receiptNo}）。请先作废那条记录，再撤销批次。`;
  }
  const insured = undoInsurance(ctx.db, changes, batch);
  if (insured) return insured;
  for (const c of changes) {
    if (c.entity !== 'enrollment') continue;
    if (c.op === 'insert') voidEnrollment(ctx.db, c.entityId, `撤销导入批次 #${batch.id}`, actorOf(ctx), at);
    else restoreVoided(ctx.db, c.entityId);
  }
  closeBatchPending(ctx.db, batch.id, at);
  return null;
}
