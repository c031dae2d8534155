import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Quote } from '../domain/policy/quote';
import type { Enrollment, Refund } from '../types/enroll';
import { sql } from './statements';

const SELECT = `
  SELECT e.*, p.name AS person_name, p.id_number, v.name AS village_name, z.declared_on, b.json AS basis_json
  FROM enrollments e
  JOIN frozen_bases b ON b.id = e.basis_id
  JOIN persons p ON p.id = e.person_id
  JOIN villages v ON v.id = p.village_id
  LEFT JOIN zero_declarations z ON z.enrollment_id = e.id`;

interface Row {
  id: number;
  person_id: number;
  person_name: string;
  id_number: string;
  village_name: string;
  coverage_year: number;
  policy_id: string;
  tier: 1 | 2 | null;
  paid_on: string;
  channel: string;
  fee_fen: number;
  subsidy_fen: number;
  personal_fen: number;
  category: Enrollment['category'];
  department: Enrollment['department'];
  zero_declaration: number;
  declared_on: string | null;
  benefit_start: string;
  benefit_end: string;
  receipt_no: string;
  quote_json: string;
  basis_json: string;
  status: 'active' | 'voided';
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  created_by: string;
  created_at: string;
}

export function rowToEnrollment(r: Row): Enrollment {
  const quote = thawQuote(r);
  // The money, category and period columns are the frozen quote's own.
  const { tier, feeFen, subsidyFen, personalFen, category, department, zeroDeclaration } = quote;
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    idNumber: r.id_number,
    villageName: r.village_name,
    coverageYear: r.coverage_year,
    policyId: r.policy_id,
    tier,
    paidOn: r.paid_on,
    channel: r.channel,
    feeFen,
    subsidyFen,
    personalFen,
    category,
    department,
    zeroDeclaration,
    declaredOn: r.declared_on,
    benefitStart: quote.benefitStart!,
    benefitEnd: quote.benefitEnd!,
    receiptNo: r.receipt_no,
    status: r.status,
    voidReason: r.void_reason,
    voidedBy: r.voided_by,
    voidedAt: r.voided_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    quote,
  };
}

/** What a quote holds beyond the enrollment's own columns; stored as quote_json. */
type QuoteExtras = Pick<Quote, 'window' | 'comparison' | 'warnings'> & { fiscalFen?: number | null };

// The frozen quote is rebuilt from the columns, the extras and the shared basis, so the
// ledger stores each number once (a million enrollments otherwise carry ~1 KB each).
function thawQuote(r: Row): Quote {
  const extras = JSON.parse(r.quote_json) as QuoteExtras;
  return {
    policy: r.policy_id,
    coverageYear: r.coverage_year,
    eligible: true,
    reason: null,
    tier: r.tier,
    feeFen: r.fee_fen,
    subsidyFen: r.subsidy_fen,
    personalFen: r.personal_fen,
    // Enrollments recorded before version 16 did not keep it.
    fiscalFen: extras.fiscalFen ?? null,
    category: r.category,
    department: r.department,
    zeroDeclaration: r.zero_declaration === 1,
    benefitStart: r.benefit_start,
    benefitEnd: r.benefit_end,
    window: extras.window,
    comparison: extras.comparison,
    warnings: extras.warnings,
    basis: JSON.parse(r.basis_json) as Quote['basis'],
  };
}

export function getEnrollment(db: Database, id: number): Enrollment | undefined {
  const r = sql(db, `${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  return r && rowToEnrollment(r);
}

export function activeEnrollment(db: Database, personId: number, year: number): Enrollment | undefined {
  const r = sql(db, `${SELECT} WHERE e.person_id = ? AND e.coverage_year = ? AND e.status = 'active'`).get(personId, year) as Row | undefined;
  return r && rowToEnrollment(r);
}

/** Whose enrollment it is. */
export function enrolledPerson(db: Database, id: number): number | undefined {
  return sql(db, 'SELECT person_id FROM enrollments WHERE id = ?').pluck().get(id) as number | undefined;
}

export function listForPerson(db: Database, personId: number): Enrollment[] {
  return (sql(db, `${SELECT} WHERE e.person_id = ? ORDER BY e.coverage_year DESC, e.id DESC`).all(personId) as Row[]).map(rowToEnrollment);
}

function listEnrollments(db: Database, where: string, ...params: unknown[]): Enrollment[] {
  return (sql(db, `${SELECT} WHERE ${where}`).all(...params) as Row[]).map(rowToEnrollment);
}

// A paper or a list of receipts is for a day's desk or one batch: 5,000 is a township's season.
/** The standing enrollments an import batch recorded, in receipt order. */
export const receiptsOfBatch = (db: Database, batchId: number): Enrollment[] =>
  listEnrollments(
    db,
    `e.status = 'active' AND e.id IN (SELECT entity_id FROM import_changes WHERE batch_id = ? AND entity = 'enrollment' AND op = 'insert')
     ORDER BY e.receipt_no LIMIT 5000`,
    batchId,
  );

/** The standing enrollments paid on a day, in receipt order. */
export const receiptsPaidOn = (db: Database, day: string): Enrollment[] =>
  listEnrollments(db, "e.paid_on = ? AND e.status = 'active' ORDER BY e.receipt_no LIMIT 5000", day);

/** How a list of subsidised enrollments is ordered: by village then department (公示), by department then village (资助台账), by village (附件1). */
const SUBSIDISED_ORDER = {
  villageDepartment: 'v.code, e.department, p.name',
  departmentVillage: 'e.department, v.code, p.name',
  village: 'v.code, p.name',
} as const;

/** The year's standing enrollments with a subsidy, of one village or all. */
export function subsidisedEnrollments(db: Database, year: number, order: keyof typeof SUBSIDISED_ORDER, villageId?: number): Enrollment[] {
  const where = `e.coverage_year = ? AND e.status = 'active' AND e.subsidy_fen > 0${villageId ? ' AND v.id = ?' : ''} ORDER BY ${SUBSIDISED_ORDER[order]}`;
  return listEnrollments(db, where, ...(villageId ? [year, villageId] : [year]));
}

/** The year's standing fully funded enrollments (零申报), by village; only those not yet declared when asked. */
export const zeroDeclarations = (db: Database, year: number, notDeclared = false): Enrollment[] =>
  listEnrollments(
    db,
    `e.coverage_year = ? AND e.status = 'active' AND e.zero_declaration = 1${notDeclared ? ' AND z.enrollment_id IS NULL' : ''} ORDER BY v.code, p.name`,
    year,
  );

/**
 * The next receipt number of the year, allocated inside the caller's transaction: if the
 * enrollment does not land, neither does the number, so numbers have no gaps; the counter
 * only grows, so a number is never reused (a voided enrollment keeps its own).
 */
export function nextReceiptNo(db: Database, year: number): string {
  sql(db, 'INSERT INTO receipt_counters (coverage_year, last) VALUES (?, 0) ON CONFLICT (coverage_year) DO NOTHING').run(year);
  const n = sql(db, 'UPDATE receipt_counters SET last = last + 1 WHERE coverage_year = ? RETURNING last').pluck().get(year) as number;
  return `${year}${String(n).padStart(6, '0')}`;
}

function frozenBasis(db: Database, basis: Quote['basis']): number {
  const json = JSON.stringify(basis);
  const hash = crypto.createHash('sha256').update(json).digest('hex');
  sql(db, 'INSERT INTO frozen_bases (hash, json) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, json);
  return sql(db, 'SELECT id FROM frozen_bases WHERE hash = ?').pluck().get(hash) as number;
}

export function insertEnrollment(
  db: Database,
  e: { personId: number; coverageYear: number; policyId: string; paidOn: string; channel: string; quote: Quote; createdBy: string },
  at: string,
): number {
  const q = e.quote;
  const basisId = frozenBasis(db, q.basis);
  const extras: QuoteExtras = { window: q.window, comparison: q.comparison, warnings: q.warnings, fiscalFen: q.fiscalFen };
  return Number(
    sql(
      db,
      `INSERT INTO enrollments (person_id, coverage_year, policy_id, tier, paid_on, channel, fee_fen, subsidy_fen, personal_fen,
          category, department, zero_declaration, benefit_start, benefit_end, receipt_no, quote_json, basis_id, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.personId,
      e.coverageYear,
      e.policyId,
      q.tier,
      e.paidOn,
      e.channel,
      q.feeFen,
      q.subsidyFen,
      q.personalFen,
      q.category,
      q.department,
      q.zeroDeclaration ? 1 : 0,
      q.benefitStart,
      q.benefitEnd,
      nextReceiptNo(db, e.coverageYear),
      JSON.stringify(extras),
      basisId,
      e.createdBy,
      at,
    ).lastInsertRowid,
  );
}

export function voidEnrollment(db: Database, id: number, reason: string, by: string, at: string): void {
  sql(db, "UPDATE enrollments SET status = 'voided', void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ? AND status = 'active'").run(reason, by, at, id);
}

/**
 * Puts back in force an enrollment an import's reversal voided, when that import is undone: the
 * batch's own act taken back (its audit says so), never a clerk's void.
 */
export function restoreVoided(db: Database, id: number): void {
  sql(db, "UPDATE enrollments SET status = 'active', void_reason = NULL, voided_by = NULL, voided_at = NULL WHERE id = ? AND status = 'voided'").run(id);
}

export function insertRefund(
  db: Database,
  r: { enrollmentId: number; amountFen: number; reason: string; basis: unknown; createdBy: string },
  at: string,
): Refund {
  const id = Number(
    sql(db, 'INSERT INTO refunds (enrollment_id, amount_fen, reason, basis_json, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      r.enrollmentId,
      r.amountFen,
      r.reason,
      JSON.stringify(r.basis),
      r.createdBy,
      at,
    ).lastInsertRowid,
  );
  return { id, enrollmentId: r.enrollmentId, amountFen: r.amountFen, reason: r.reason, createdBy: r.createdBy, createdAt: at };
}

/** One refund with what it rested on (the rule cited and its words), for its slip. */
export function getRefund(db: Database, id: number): (Refund & { basis: { citation?: string; text?: string } }) | undefined {
  const r = sql(
    db,
    `SELECT id, enrollment_id AS enrollmentId, amount_fen AS amountFen, reason, basis_json AS basisJson, created_by AS createdBy, created_at AS createdAt
     FROM refunds WHERE id = ?`,
  ).get(id) as (Refund & { basisJson: string }) | undefined;
  if (!r) return undefined;
  const { basisJson, ...rest } = r;
  return { ...rest, basis: JSON.parse(basisJson) as { citation?: string; text?: string } };
}

export function refundsOf(db: Database, enrollmentId: number): number {
  return sql(db, 'SELECT count(*) FROM refunds WHERE enrollment_id = ?').pluck().get(enrollmentId) as number;
}

export function markDeclared(db: Database, ids: number[], on: string, by: string): number {
  const stmt = sql(db, 'INSERT OR IGNORE INTO zero_declarations (enrollment_id, declared_on, declared_by) VALUES (?, ?, ?)');
  let n = 0;
  for (const id of ids) n += stmt.run(id, on, by).changes;
  return n;
}

export function officePolicy(db: Database, year: number): string | undefined {
  return sql(db, 'SELECT policy_id FROM office_policies WHERE coverage_year = ?').pluck().get(year) as string | undefined;
}

/** The office's policy for a coverage year, chosen or changed. */
export function chooseOfficePolicy(db: Database, year: number, policyId: string): void {
  sql(db, 'INSERT INTO office_policies (coverage_year, policy_id) VALUES (?, ?) ON CONFLICT (coverage_year) DO UPDATE SET policy_id = excluded.policy_id').run(
    year,
    policyId,
  );
}

/** The policy the office chose for its newest year, if it chose any. */
export function latestOfficePolicy(db: Database): string | undefined {
  return sql(db, 'SELECT policy_id FROM office_policies ORDER BY coverage_year DESC LIMIT 1').pluck().get() as string | undefined;
}

/** Each year the office chose a policy for, oldest first. */
export function officePolicies(db: Database): { coverageYear: number; policyId: string }[] {
  return sql(db, 'SELECT coverage_year AS coverageYear, policy_id AS policyId FROM office_policies ORDER BY coverage_year').all() as {
    coverageYear: number;
    policyId: string;
  }[];
}

export function refundsForPerson(db: Database, personId: number): Refund[] {
  return sql(
    db,
    `SELECT r.id, r.enrollment_id AS enrollmentId, r.amount_fen AS amountFen, r.reason, r.created_by AS createdBy, r.created_at AS createdAt
     FROM refunds r JOIN enrollments e ON e.id = r.enrollment_id WHERE e.person_id = ? ORDER BY r.id`,
  ).all(personId) as Refund[];
}
