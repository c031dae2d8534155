// Undoing a batch puts back what was there before it: where a later batch or the desk has
// changed the same thing since, that would wipe out the later change too, so undo refuses.
import type { Database } from 'better-sqlite3';
import { sql } from '../ledger/statements';

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
  const blocked = changes.filter((c) => entities.includes(c.entity) && touchedLater(db, c, batch));
  if (!blocked.length) return null;
  // A change is of a person, or of something of theirs (a category, a year's record): counted by person.
  const personOf = sql(db, 'SELECT person_id FROM person_categories WHERE id = ?').pluck();
  const persons = [...new Set(blocked.map((c) => (c.entity === 'person_category' ? (personOf.get(c.entityId) as number) : c.entityId)))];
  const names = sql(db, `SELECT name FROM persons WHERE id IN (SELECT value FROM json_each(?)) LIMIT 3`).pluck().all(JSON.stringify(persons)) as string[];
  return `这个批次之后，又有导入或经办人改过其中 ${persons.length} 人的情况（${names.join('、')}${persons.length > 3 ? ' 等' : ''}），撤销会把后来的改动一起抹掉。请先撤销后面的批次，或在人员信息中逐个改正。`;
}
