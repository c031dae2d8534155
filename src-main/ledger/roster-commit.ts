// The set-based statements that write a planned roster (staged in `s`, see staging.ts) into the
// ledger, and record each change for undo. The rows a batch inserts are one run of ids (it is
// the only writer): one change each for its households and its persons, undone with a range
// instead of row by row. The `record…` functions take the last change number used and
// return how many changes they recorded after it.
import type { Database } from 'better-sqlite3';
import { LEAVING } from './staging';

/**
 * Drops the persons search indexes (not the unique ID-number one) and gives back what builds
 * them again. Inside a transaction, a rollback restores them as they were. (Keeping the
 * household and village indexes up during the insert was measured: it costs more than
 * building them.)
 */
export function dropPersonIndexes(db: Database): string[] {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  return indexes.map((i) => i.sql);
}

/** One of the CREATE INDEX statements dropPersonIndexes gave back. */
export function rebuildIndex(db: Database, definition: string): void {
  db.exec(definition);
}

const one = (db: Database, q: string, ...args: unknown[]) =>
  db
    .prepare(q)
    .pluck()
    .get(...args) as number;

export const lastPersonId = (db: Database): number => one(db, 'SELECT coalesce(max(id), 0) FROM persons');
export const lastHouseholdId = (db: Database): number => one(db, 'SELECT coalesce(max(id), 0) FROM households');
export const lastChangeSeq = (db: Database, batchId: number): number => one(db, 'SELECT coalesce(max(seq), 0) FROM import_changes WHERE batch_id = ?', batchId);

/** The households or persons inserted after the id `after`, as one change: 1, or 0 where there are none. */
export function recordAddedRun(db: Database, batchId: number, seq: number, entity: 'households' | 'persons', after: number): number {
  const r = db.prepare(`SELECT min(id) AS first, max(id) AS last FROM ${entity} WHERE id > ?`).get(after) as { first: number | null; last: number | null };
  if (r.first === null) return 0;
  db.prepare("INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) VALUES (?, ?, ?, ?, 'insert', ?)").run(
    batchId,
    seq + 1,
    entity,
    r.first,
    JSON.stringify({ last: r.last }),
  );
  return 1;
}

/** A household is made by the first row (in file order) that names it; how many were made. */
export function addStagedHouseholds(db: Database, at: string): number {
  return db
    .prepare(
      `INSERT INTO households (village_id, number, address, created_at)
       SELECT village_id, household_number, address, ? FROM (
         SELECT village_id, household_number, address, min(row) AS first FROM s.staged
         WHERE action IN ('add', 'update') GROUP BY village_id, household_number
       ) n
       WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.village_id = n.village_id AND h.number = n.household_number)
       ORDER BY first`,
    )
    .run(at).changes;
}

export function addStagedPersons(db: Database, at: string): void {
  db.prepare(
    `INSERT INTO persons (id_number, id_rev, name, initials, sex, birth_date, phone, phone_rev, household_id, village_id, relation, residence, student, created_at, updated_at)
     SELECT r.id_number, r.id_rev, r.name, r.initials, r.sex, r.birth_date, r.phone, r.phone_rev, h.id, r.village_id, r.relation, 'local_hukou', 'none', ?, ?
     FROM s.staged r JOIN households h ON h.village_id = r.village_id AND h.number = r.household_number
     WHERE r.action = 'add'`,
  ).run(at, at);
}

/** A household without a head is headed by its first 户主 among the persons added after the id `after`. */
export function headFromAdded(db: Database, after: number): void {
  db.prepare(
    `UPDATE households SET head_person_id = f.pid
     FROM (SELECT household_id, min(id) AS pid FROM persons WHERE id > ? AND relation = '户主' GROUP BY household_id) f
     WHERE households.id = f.household_id AND households.head_person_id IS NULL`,
  ).run(after);
}

/**
 * Every staged name's pieces: those of rows not added are known already (same name) or
 * belong to a row with a problem, and a piece that leads to no person finds nobody.
 */
export function addStagedNamePieces(db: Database): void {
  db.exec('INSERT OR IGNORE INTO name_pieces (gram, name) SELECT gram, name FROM s.pieces');
}

/** What each updated person was (phone, relation, household, village), one change each in file order. */
export function recordStagedUpdates(db: Database, batchId: number, seq: number): number {
  return db
    .prepare(
      `INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) SELECT ?, ? + row_number() OVER (ORDER BY r.row), 'person', p.id, 'update',
         json_object('phone', p.phone, 'relation', p.relation, 'householdId', p.household_id, 'villageId', p.village_id)
       FROM s.staged r JOIN persons p ON p.id = r.person_id WHERE r.action = 'update'`,
    )
    .run(batchId, seq).changes;
}

/** Moves the updated persons to their rows' households; a phone or relation the file leaves empty stays. */
export function updateStagedPersons(db: Database, at: string): void {
  db.prepare(
    `UPDATE persons SET household_id = h.id, village_id = r.village_id,
         relation = CASE WHEN r.relation <> '' THEN r.relation ELSE persons.relation END,
         phone = CASE WHEN r.phone <> '' THEN r.phone ELSE persons.phone END,
         phone_rev = CASE WHEN r.phone <> '' THEN r.phone_rev ELSE persons.phone_rev END,
         updated_at = ?
       FROM s.staged r JOIN households h ON h.village_id = r.village_id AND h.number = r.household_number
       WHERE r.action = 'update' AND persons.id = r.person_id`,
  ).run(at);
}

/** A head who moved out heads the old household no more. */
export function unheadMovedOut(db: Database): void {
  db.exec(`UPDATE households SET head_person_id = NULL
      WHERE head_person_id IN (SELECT person_id FROM s.staged WHERE action = 'update')
        AND id <> (SELECT household_id FROM persons WHERE id = households.head_person_id)`);
}

/** 是否在籍 = 否: the year's not-enrolled reason, where no one has given one yet; how many were given. */
export function addLeavingReasons(db: Database, year: number, source: string, at: string): number {
  return db
    .prepare(
      `INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, note, source, set_at)
         SELECT p.id, ?, r.left_reason, '', ?, ? FROM s.staged r JOIN persons p ON p.id_number = r.id_number ${LEAVING}`,
    )
    .run(year, source, at, year).changes;
}

/** The reasons addLeavingReasons gave (the year's, set at `at` from `source`), one change each by person. */
export function recordLeavingReasons(db: Database, batchId: number, seq: number, year: number, at: string, source: string): number {
  return db
    .prepare(
      `INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) SELECT ?, ? + row_number() OVER (ORDER BY person_id), 'not_enrolled_reason', person_id, 'insert',
         json_object('year', coverage_year, 'prior', json('null'), 'setAt', set_at)
       FROM not_enrolled_reasons WHERE coverage_year = ? AND set_at = ? AND source = ?`,
    )
    .run(batchId, seq, year, at, source).changes;
}
