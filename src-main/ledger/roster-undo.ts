// Taking back what a roster batch added: its persons and its households, each a run of ids.
// The persons an undo keeps (changed since, and kept as they are now) are passed as `keep`.
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

/**
 * The first person of the run, not kept, who has a record since: an enrollment, a certification,
 * a not-enrolled reason other than the one the batch gave (set at `ownReasonsAt`), or a year's insurance.
 */
export function firstWithRecords(db: Database, first: number, last: number, ownReasonsAt: string, keep: ReadonlySet<number>): number | undefined {
  return sql(
    db,
    `SELECT person_id FROM (
         SELECT person_id FROM enrollments WHERE person_id BETWEEN ?1 AND ?2
         UNION ALL SELECT person_id FROM person_categories WHERE person_id BETWEEN ?1 AND ?2
         UNION ALL SELECT person_id FROM not_enrolled_reasons WHERE person_id BETWEEN ?1 AND ?2 AND set_at <> ?3
         UNION ALL SELECT person_id FROM insurance_history WHERE person_id BETWEEN ?1 AND ?2)
       WHERE person_id NOT IN (SELECT value FROM json_each(?4)) LIMIT 1`,
  )
    .pluck()
    .get({ 1: first, 2: last, 3: ownReasonsAt, 4: JSON.stringify([...keep]) }) as number | undefined;
}

const GONE = 'id BETWEEN ? AND ? AND id NOT IN (SELECT value FROM json_each(?))';

/** The run's persons not kept, and the headship of any household they head. */
export function removeAddedPersons(db: Database, first: number, last: number, keep: ReadonlySet<number>): void {
  const kept = JSON.stringify([...keep]);
  sql(db, `UPDATE households SET head_person_id = NULL WHERE head_person_id IN (SELECT id FROM persons WHERE ${GONE})`).run(first, last, kept);
  sql(db, `DELETE FROM persons WHERE ${GONE}`).run(first, last, kept);
}

// A kept person's household stays with them, and so does one a later batch (not undone) would
// move someone back into when it is undone.
const STAYS = `(EXISTS (SELECT 1 FROM persons p WHERE p.household_id = households.id AND p.id IN (SELECT value FROM json_each(?3)))
        OR EXISTS (SELECT 1 FROM import_changes ch JOIN import_batches b ON b.id = ch.batch_id
                   WHERE b.id > ?4 AND b.undone_at IS NULL AND ch.entity = 'person' AND json_extract(ch.before_json, '$.householdId') = households.id))`;

const rangeArgs = (first: number, last: number, keep: ReadonlySet<number>, batchId: number) => ({
  1: first,
  2: last,
  3: JSON.stringify([...keep]),
  4: batchId,
});

/** Whether anyone still lives in a household of the run that would go (the desk put someone else there). */
export function addedHouseholdsInUse(db: Database, first: number, last: number, keep: ReadonlySet<number>, batchId: number): boolean {
  return (
    sql(db, `SELECT 1 FROM persons WHERE household_id IN (SELECT id FROM households WHERE id BETWEEN ?1 AND ?2 AND NOT ${STAYS}) LIMIT 1`).get(
      rangeArgs(first, last, keep, batchId),
    ) !== undefined
  );
}

export function removeAddedHouseholds(db: Database, first: number, last: number, keep: ReadonlySet<number>, batchId: number): void {
  sql(db, `DELETE FROM households WHERE id BETWEEN ?1 AND ?2 AND NOT ${STAYS}`).run(rangeArgs(first, last, keep, batchId));
}
