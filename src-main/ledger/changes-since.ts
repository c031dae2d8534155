// What a dry run (or a screen) decided on, and whether it still holds. Each change of a person
// or of a row of theirs stamps the person with the ledger's next change number (migration 013);
// ids are never reused, so an ID number that names another id names another person.
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

/** The ledger as a dry run began to read it. */
export interface LedgerMark {
  /** The change number then: a person stamped past it was changed since. */
  seq: number;
  /** The newest audit entry then: what was done since is told from those after it. */
  audit: number;
  /** With seq, tells at once that no person came or went (ids only grow). */
  maxPerson: number;
  persons: number;
  /** Batches undone then: an undo since (one that landed) ends the dry run. */
  undone: number;
  /** The newest way a year became known, and how many were withdrawn: a year known or unknown since changes every wait. */
  knownMax: number;
  knownWithdrawn: number;
}

export function ledgerMark(db: Database): LedgerMark {
  return sql(
    db,
    `SELECT (SELECT seq FROM ledger_clock) AS seq, (SELECT coalesce(max(id), 0) FROM audit_log) AS audit,
       (SELECT coalesce(max(id), 0) FROM persons) AS maxPerson, (SELECT count(*) FROM persons) AS persons,
       (SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL) AS undone,
       (SELECT coalesce(max(id), 0) FROM known_years) AS knownMax, (SELECT count(withdrawn_at) FROM known_years) AS knownWithdrawn`,
  ).get() as LedgerMark;
}

/** Nothing of any person changed since the mark: no need to look row by row. */
export function untouchedSince(db: Database, mark: LedgerMark): boolean {
  const now = ledgerMark(db);
  return now.seq === mark.seq && now.maxPerson === mark.maxPerson && now.persons === mark.persons;
}

/** Who each ID number names now (null: nobody). */
export function personIdsOf(db: Database, idNumbers: Iterable<string>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const all = [...new Set(idNumbers)];
  const find = sql(db, 'SELECT id_number AS n, id FROM persons WHERE id_number IN (SELECT value FROM json_each(?))');
  // json_each of a few thousand at a time: one statement per row costs more than the row.
  for (let i = 0; i < all.length; i += 5000) {
    const part = all.slice(i, i + 5000);
    for (const n of part) out.set(n, null);
    for (const r of find.all(JSON.stringify(part)) as { n: string; id: number }[]) out.set(r.n, r.id);
  }
  return out;
}

/** A row a dry run read that no longer is what it read. */
export interface StaleRow {
  idNumber: string;
  /** The person the dry run found under the number, and the one there now (null: nobody). */
  was: number | null;
  now: number | null;
  /** The name the file gives, for one no longer in the ledger. */
  name?: string;
}

/** The ID numbers whose person came, went, or changed since the mark, in the order given. */
export function staleSince(db: Database, mark: LedgerMark, seen: Map<string, number | null>): StaleRow[] {
  if (untouchedSince(db, mark)) return [];
  const out: StaleRow[] = [];
  const find = sql(db, 'SELECT id_number AS n, id, changed_seq AS seq FROM persons WHERE id_number IN (SELECT value FROM json_each(?))');
  const numbers = [...seen.keys()];
  for (let i = 0; i < numbers.length; i += 5000) {
    const part = numbers.slice(i, i + 5000);
    const now = new Map((find.all(JSON.stringify(part)) as { n: string; id: number; seq: number }[]).map((r) => [r.n, r]));
    for (const n of part) {
      const was = seen.get(n) ?? null;
      const p = now.get(n);
      if ((p?.id ?? null) !== was || (p && p.seq > mark.seq)) out.push({ idNumber: n, was, now: p?.id ?? null });
    }
  }
  return out;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit entries since the mark, newest first (a dry run's minutes of work, bounded). */
export function auditSince(db: Database, mark: LedgerMark, limit = 20_000): AuditRow[] {
  const rows = sql(
    db,
    `SELECT id, at, actor, action, entity, entity_id AS entityId, before_json AS b, after_json AS a FROM audit_log WHERE id > ? ORDER BY id DESC LIMIT ?`,
  ).all(mark.audit, limit) as (Omit<AuditRow, 'before' | 'after'> & { b: string | null; a: string | null })[];
  return rows.map(({ b, a, ...r }) => ({
    ...r,
    before: b ? (JSON.parse(b) as Record<string, unknown>) : null,
    after: a ? (JSON.parse(a) as Record<string, unknown>) : null,
  }));
}

/** Whether an import batch changed this person or a row of theirs (its record of changes, for undo). */
export function batchTouches(db: Database, batchId: number, personId: number): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM import_changes ch WHERE ch.batch_id = ?1 AND (
         (ch.entity IN ('person', 'not_enrolled_reason', 'insurance_history') AND ch.entity_id = ?2)
         OR (ch.entity = 'persons' AND ?2 BETWEEN ch.entity_id AND json_extract(ch.before_json, '$.last'))
         OR (ch.entity = 'enrollment' AND ch.entity_id IN (SELECT id FROM enrollments WHERE person_id = ?2))
         OR (ch.entity = 'person_category' AND ch.entity_id IN (SELECT id FROM person_categories WHERE person_id = ?2)))
       LIMIT 1`,
    ).get({ 1: batchId, 2: personId }) !== undefined
  );
}

/** A person the batch changed, who was changed again after it (by the desk, another batch, another window). */
export interface ChangedSince {
  id: number;
  idNumber: string;
  name: string;
}

/**
 * Everyone the batch wrote (their row or a row of theirs) who was stamped past its clock by the
 * desk or by a batch not undone since, or whom it added and who has a paid record since.
 */
export function changedSinceClock(db: Database, batchId: number, clock: number): ChangedSince[] {
  return sql(
    db,
    `WITH touched (pid, added) AS (
       SELECT entity_id, 0 FROM import_changes WHERE batch_id = ?1 AND entity IN ('person', 'not_enrolled_reason', 'insurance_history')
       UNION SELECT e.person_id, 0 FROM import_changes ch JOIN enrollments e ON e.id = ch.entity_id WHERE ch.batch_id = ?1 AND ch.entity = 'enrollment'
       UNION SELECT c.person_id, 0 FROM import_changes ch JOIN person_categories c ON c.id = ch.entity_id WHERE ch.batch_id = ?1 AND ch.entity = 'person_category'
       UNION SELECT p.id, 1 FROM import_changes ch JOIN persons p ON p.id BETWEEN ch.entity_id AND json_extract(ch.before_json, '$.last')
         WHERE ch.batch_id = ?1 AND ch.entity = 'persons'
     )
     SELECT DISTINCT p.id, p.id_number AS idNumber, p.name FROM persons p JOIN touched t ON t.pid = p.id
     WHERE p.changed_seq > ?2 AND (
       EXISTS (
         SELECT 1 FROM person_changes c LEFT JOIN import_batches b ON b.id = c.batch_id
         WHERE c.person_id = p.id AND c.seq > ?2 AND (c.batch_id IS NULL OR b.undone_at IS NULL))
       -- One the batch added who has a paid record since, even one voided with its batch: a
       -- payment is never deleted, so neither is its person.
       OR (t.added AND EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id)))
     ORDER BY p.id`,
  ).all({ 1: batchId, 2: clock }) as ChangedSince[];
}

/** Whether the desk set the person's status or insurance after the moment. */
export function deskSetSituationSince(db: Database, personId: number, at: string): boolean {
  return (
    sql(
      db,
      "SELECT 1 FROM audit_log WHERE entity = 'person' AND entity_id = ? AND action IN ('roster.setStatus', 'roster.setInsurance') AND at > ? LIMIT 1",
    ).get(String(personId), at) !== undefined
  );
}

/** The audit entry of the batch's commit (null: none). */
export function commitEntryOf(db: Database, batchId: number): number | null {
  return sql(db, "SELECT max(id) FROM audit_log WHERE action = 'import.commit' AND entity = 'import_batch' AND entity_id = ?").pluck().get(String(batchId)) as
    number | null;
}

/** The person's newest stamp past `since`, and the batch that made it (null: the desk). With standingOnly, one of a batch undone since does not count. */
export function lastChangeSince(db: Database, personId: number, since: number, standingOnly: boolean): { seq: number; batch: number | null } | undefined {
  const standing = standingOnly ? 'AND (c.batch_id IS NULL OR b.undone_at IS NULL)' : '';
  return sql(
    db,
    `SELECT c.seq, c.batch_id AS batch FROM person_changes c LEFT JOIN import_batches b ON b.id = c.batch_id
     WHERE c.person_id = ? AND c.seq > ? ${standing} ORDER BY c.seq DESC LIMIT 1`,
  ).get(personId, since) as { seq: number; batch: number | null } | undefined;
}

/** The newest audit entry of the person, their enrollments, certifications or refunds. */
export function lastEntryOf(db: Database, personId: number): AuditRow | undefined {
  const r = sql(
    db,
    `SELECT id, at, actor, action, entity, entity_id AS entityId, before_json AS b, after_json AS a FROM audit_log WHERE id IN (
       SELECT max(id) FROM audit_log WHERE entity = 'person' AND entity_id = ?1
       UNION ALL SELECT max(id) FROM audit_log WHERE entity = 'enrollment' AND entity_id IN (SELECT CAST(id AS TEXT) FROM enrollments WHERE person_id = ?2)
       UNION ALL SELECT max(id) FROM audit_log WHERE entity = 'person_category' AND entity_id IN (SELECT CAST(id AS TEXT) FROM person_categories WHERE person_id = ?2)
       UNION ALL SELECT max(id) FROM audit_log WHERE entity = 'refund'
         AND entity_id IN (SELECT CAST(r.id AS TEXT) FROM refunds r JOIN enrollments e ON e.id = r.enrollment_id WHERE e.person_id = ?2))
     ORDER BY id DESC LIMIT 1`,
  ).get({ 1: String(personId), 2: personId }) as (Omit<AuditRow, 'before' | 'after'> & { b: string | null; a: string | null }) | undefined;
  if (!r) return undefined;
  const { b, a, ...e } = r;
  return { ...e, before: b ? (JSON.parse(b) as Record<string, unknown>) : null, after: a ? (JSON.parse(a) as Record<string, unknown>) : null };
}
