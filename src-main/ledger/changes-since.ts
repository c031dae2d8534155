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
}

export function ledgerMark(db: Database): LedgerMark {
  return sql(
    db,
    `SELECT (SELECT seq FROM ledger_clock) AS seq, (SELECT coalesce(max(id), 0) FROM audit_log) AS audit,
       (SELECT coalesce(max(id), 0) FROM persons) AS maxPerson, (SELECT count(*) FROM persons) AS persons,
       (SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL) AS undone`,
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
