// Writing a planned roster import (staged in `s`, see roster-staging) into the ledger: a
// few set-based statements inside the caller's transaction, each followed by `step`, which
// reports progress and throws to cancel. Every change is recorded for undo in the order
// undo needs it reversed: the new households, the new persons (each as a range of ids),
// then the moves and new phone numbers of persons already there, one by one.
import type { Database } from 'better-sqlite3';
import { LEAVING, type StagedCounts } from '../ledger/staging';

/** From this many new persons the search indexes are built once at the end instead of row by row. */
export const REBUILD_INDEXES_FROM = 100_000;

export type Step = (phase: string, done: number, total: number) => void;

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

/** `counts` are the dry run's (stagedCounts): the staged rows have not changed since. */
export function commitStaged(
  db: Database,
  batchId: number,
  at: string,
  counts: Pick<StagedCounts, 'add' | 'update' | 'leaving'>,
  step: Step,
  leaving: { year: number; source: string } = { year: 0, source: '' },
  rebuildFrom = REBUILD_INDEXES_FROM,
): { add: number; update: number; households: number; leaving: number } {
  const one = (q: string, ...args: unknown[]) =>
    db
      .prepare(q)
      .pluck()
      .get(...args) as number;
  const { add: adds, update: updates } = counts;
  const total = adds + updates;
  const maxPerson = one('SELECT coalesce(max(id), 0) FROM persons');
  const maxHousehold = one('SELECT coalesce(max(id), 0) FROM households');
  let seq = one('SELECT coalesce(max(seq), 0) FROM import_changes WHERE batch_id = ?', batchId);
  const record = (select: string, ...args: unknown[]) => {
    const n = db.prepare(`INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) ${select}`).run(batchId, seq, ...args).changes;
    seq += n;
  };
  // The rows a batch inserted are one run of ids (it is the only writer): one change each
  // for its households and its persons, undone with a range instead of row by row.
  const recordRange = (entity: 'households' | 'persons', after: number) => {
    const r = db.prepare(`SELECT min(id) AS first, max(id) AS last FROM ${entity} WHERE id > ?`).get(after) as { first: number | null; last: number | null };
    if (r.first === null) return;
    db.prepare("INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) VALUES (?, ?, ?, ?, 'insert', ?)").run(
      batchId,
      ++seq,
      entity,
      r.first,
      JSON.stringify({ last: r.last }),
    );
  };
  step('写入台账', 0, total);

  const rebuild = adds >= rebuildFrom ? dropPersonIndexes(db) : [];

  // A household is made by the first row (in file order) that names it.
  const households = db
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
  recordRange('households', maxHousehold);
  step('写入台账', 0, total);

  db.prepare(
    `INSERT INTO persons (id_number, id_rev, name, initials, sex, birth_date, phone, phone_rev, household_id, village_id, relation, residence, student, created_at, updated_at)
     SELECT r.id_number, r.id_rev, r.name, r.initials, r.sex, r.birth_date, r.phone, r.phone_rev, h.id, r.village_id, r.relation, 'local_hukou', 'none', ?, ?
     FROM s.staged r JOIN households h ON h.village_id = r.village_id AND h.number = r.household_number
     WHERE r.action = 'add'`,
  ).run(at, at);
  step('写入台账', adds, total);
  recordRange('persons', maxPerson);
  db.prepare(
    `UPDATE households SET head_person_id = f.pid
     FROM (SELECT household_id, min(id) AS pid FROM persons WHERE id > ? AND relation = '户主' GROUP BY household_id) f
     WHERE households.id = f.household_id AND households.head_person_id IS NULL`,
  ).run(maxPerson);
  // Every staged name's pieces: those of rows not added are known already (same name) or
  // belong to a row with a problem, and a piece that leads to no person finds nobody.
  db.exec('INSERT OR IGNORE INTO name_pieces (gram, name) SELECT gram, name FROM s.pieces');
  step('写入台账', adds, total);

  if (updates) {
    record(
      `SELECT ?, ? + row_number() OVER (ORDER BY r.row), 'person', p.id, 'update',
         json_object('phone', p.phone, 'relation', p.relation, 'householdId', p.household_id, 'villageId', p.village_id)
       FROM s.staged r JOIN persons p ON p.id = r.person_id WHERE r.action = 'update'`,
    );
    db.prepare(
      `UPDATE persons SET household_id = h.id, village_id = r.village_id,
         relation = CASE WHEN r.relation <> '' THEN r.relation ELSE persons.relation END,
         phone = CASE WHEN r.phone <> '' THEN r.phone ELSE persons.phone END,
         phone_rev = CASE WHEN r.phone <> '' THEN r.phone_rev ELSE persons.phone_rev END,
         updated_at = ?
       FROM s.staged r JOIN households h ON h.village_id = r.village_id AND h.number = r.household_number
       WHERE r.action = 'update' AND persons.id = r.person_id`,
    ).run(at);
    // A head who moved out heads the old household no more.
    db.exec(`UPDATE households SET head_person_id = NULL
      WHERE head_person_id IN (SELECT person_id FROM s.staged WHERE action = 'update')
        AND id <> (SELECT household_id FROM persons WHERE id = households.head_person_id)`);
    step('写入台账', total, total);
  }

  for (const q of rebuild) {
    db.exec(q);
    step('建立索引', total, total);
  }

  // 是否在籍 = 否: the year's not-enrolled reason, where no one has given one yet.
  let left = 0;
  if (counts.leaving) {
    left = db
      .prepare(
        `INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, note, source, set_at)
         SELECT p.id, ?, r.left_reason, '', ?, ? FROM s.staged r JOIN persons p ON p.id_number = r.id_number ${LEAVING}`,
      )
      .run(leaving.year, leaving.source, at, leaving.year).changes;
    record(
      `SELECT ?, ? + row_number() OVER (ORDER BY person_id), 'not_enrolled_reason', person_id, 'insert',
         json_object('year', coverage_year, 'prior', json('null'), 'setAt', set_at)
       FROM not_enrolled_reasons WHERE coverage_year = ? AND set_at = ? AND source = ?`,
      leaving.year,
      at,
      leaving.source,
    );
  }
  return { add: adds, update: updates, households, leaving: left };
}
