// Undoing a batch puts back what was there before it: where a later batch or the desk has
// changed the same thing since, that would wipe out the later change too, so undo refuses.
import type { Database } from 'better-sqlite3';
import { sql } from '../ledger/statements';
import { changeLines } from './dry-run-promise';

type Change = { entity: string; entityId: number; before: unknown };

/** Whether a later batch, or a change at the desk, has since touched what this change set. */
function touchedLater(db: Database, c: Change, batch: { id: number; at: string }): boolean {
  const later = sql(
    db,
    `SELECT ch.before_json FROM import_changes ch JOIN import_batches b ON b.id = ch.batch_id
     WHERE b.id > ? AND b.undone_at IS NULL AND ch.entity = ? AND ch.entity_id = ?`,
  )
    .pluck()
    .all(batch.id, c.entity, c.entityId) as string[];
  const year = (c.before as { year?: number } | null)?.year;
  if (later.some((j) => year === undefined || (JSON.parse(j) as { year?: number }).year === year)) return true;
  if (c.entity !== 'person') return false;
  return (
    sql(
      db,
      "SELECT 1 FROM audit_log WHERE entity = 'person' AND entity_id = ? AND action IN ('roster.setStatus', 'roster.setInsurance') AND at > ? LIMIT 1",
    ).get(String(c.entityId), batch.at) !== undefined
  );
}

/** Why the batch cannot be undone (naming up to three persons), or null. */
export function changedLater(db: Database, changes: Change[], batch: { id: number; at: string }, entities: string[]): string | null {
  // A batch with a stamp was judged already, person by person (changedSinceBatch).
  if (sql(db, 'SELECT clock FROM import_batches WHERE id = ?').pluck().get(batch.id) !== null) return null;
  const blocked = changes.filter((c) => entities.includes(c.entity) && touchedLater(db, c, batch));
  if (!blocked.length) return null;
  // A change is of a person, or of something of theirs (a category, a year's record): counted by person.
  const personOf = sql(db, 'SELECT person_id FROM person_categories WHERE id = ?').pluck();
  const persons = [...new Set(blocked.map((c) => (c.entity === 'person_category' ? (personOf.get(c.entityId) as number) : c.entityId)))];
  const names = sql(db, `SELECT name FROM persons WHERE id IN (SELECT value FROM json_each(?)) LIMIT 3`).pluck().all(JSON.stringify(persons)) as string[];
  return `这个批次之后，又有导入或经办人改过其中 ${persons.length} 人的情况（${names.join('、')}${persons.length > 3 ? ' 等' : ''}），撤销会把后来的改动一起抹掉。请先撤销后面的批次，或在人员信息中逐个改正。`;
}

/** A person the batch changed, who was changed again after it (by the desk, another batch, another window). */
export interface ChangedSince {
  id: number;
  idNumber: string;
  name: string;
}

/**
 * Everyone the batch wrote (their row or a row of theirs) who has been changed since it was
 * written, by the desk or by a batch not undone since: undoing their part would wipe that out. Empty for a batch written
 * before the ledger kept stamps (then `changedLater` judges, by later batches and the desk).
 */
export function changedSinceBatch(db: Database, batchId: number): ChangedSince[] {
  const clock = sql(db, 'SELECT clock FROM import_batches WHERE id = ?').pluck().get(batchId) as number | null | undefined;
  if (clock === null || clock === undefined) return [];
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

/** Whose row a change is of (or of something of theirs); null for a range or a 待核实 row. */
export function personOfChange(db: Database, c: Change): number | null {
  if (c.entity === 'person' || c.entity === 'not_enrolled_reason' || c.entity === 'insurance_history') return c.entityId;
  if (c.entity === 'enrollment') return (sql(db, 'SELECT person_id FROM enrollments WHERE id = ?').pluck().get(c.entityId) as number | undefined) ?? null;
  if (c.entity === 'person_category')
    return (sql(db, 'SELECT person_id FROM person_categories WHERE id = ?').pluck().get(c.entityId) as number | undefined) ?? null;
  return null;
}

/** The refusal of an undo that would wipe out later changes, a line per person (the first three). */
export function laterChangesMessage(db: Database, batchId: number, later: ChangedSince[], now: Date): string {
  const clock = sql(db, 'SELECT clock FROM import_batches WHERE id = ?').pluck().get(batchId) as number;
  const audit =
    (sql(db, "SELECT max(id) FROM audit_log WHERE action = 'import.commit' AND entity = 'import_batch' AND entity_id = ?").pluck().get(String(batchId)) as
      number | null) ?? 0;
  const lines = changeLines(
    db,
    { seq: clock, audit, maxPerson: 0, persons: 0, undone: 0 },
    later.map((p) => ({ idNumber: p.idNumber, was: p.id, now: p.id })),
    now,
    undefined,
    true,
  );
  return [
    `这个批次写入之后，其中 ${later.length} 人又被改过（经办人在柜台、其他导入或其他窗口），整批撤销会把后来的改动一起抹掉，所以没有撤销：`,
    ...lines,
    '可以先撤销后面的批次或逐个改正后再撤销；也可以选择“撤销其余部分”：这些人保留现在的样子，其余的照常撤销。',
  ].join('\n');
}
