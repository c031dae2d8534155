import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/**
 * Tables whose ids a dry run, a screen or a batch's record of its changes may hold while the
 * row goes (an undo deletes what its batch inserted): without AUTOINCREMENT SQLite hands the
 * freed id to the next row, and a payment planned for 乙 lands on 丁. audit_log is not among
 * them: its triggers forbid deletes, so its ids are never freed.
 */
const KEPT_IDS = [
  'villages',
  'users',
  'households',
  'persons',
  'person_categories',
  'frozen_bases',
  'enrollments',
  'refunds',
  'import_batches',
  'pending_payments',
] as const;

/** Rebuilds one table with AUTOINCREMENT (SQLite cannot add it in place), keeping its rows, indexes and ids. */
function keepIds(db: Database, table: string): void {
  const created = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const key = /\bid INTEGER PRIMARY KEY,/g;
  if ((created.match(key) ?? []).length !== 1) throw new Error(`migration 013: ${table} has no single integer id`);
  const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
  const fresh = created.replace(/^CREATE TABLE "?\w+"?/, `CREATE TABLE ${table}_new`).replace(key, 'id INTEGER PRIMARY KEY AUTOINCREMENT,');
  db.exec(`${fresh};
    INSERT INTO ${table}_new SELECT * FROM ${table};
    DROP TABLE ${table};
    ALTER TABLE ${table}_new RENAME TO ${table};`);
  for (const sql of indexes) db.exec(sql);
}

/** A person's rows and everything of theirs a dry run or a screen decides on. */
const OF_PERSON: [table: string, events: string[], person: string][] = [
  ['enrollments', ['INSERT', 'UPDATE'], 'person_id'],
  ['person_categories', ['INSERT', 'UPDATE', 'DELETE'], 'person_id'],
  ['insurance_history', ['INSERT', 'UPDATE', 'DELETE'], 'person_id'],
  ['not_enrolled_reasons', ['INSERT', 'UPDATE', 'DELETE'], 'person_id'],
  ['refunds', ['INSERT'], '(SELECT person_id FROM enrollments WHERE id = {row}.enrollment_id)'],
];

export const m013RowVersions: Migration = {
  version: 13,
  name: '编号永不重复使用；每人的资料带修改序号（试导入和柜台据此发现别处的改动）',
  rebuildsTables: true,
  up(db) {
    for (const t of KEPT_IDS) keepIds(db, t);
    // One counter for the ledger, stamped on each person when their rows change: a dry run
    // remembers the counter, and at its commit a person stamped later was changed since.
    // Inserting a person stamps nothing (0): a dry run notices a newcomer by the ID number.
    // Each stamp is also logged with the batch that made it (the batch being written or
    // undone, else NULL: the desk), so an undo can tell a later change that still stands from
    // one whose batch was undone since.
    db.exec(`
      CREATE TABLE ledger_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        batch INTEGER
      ) STRICT;
      INSERT INTO ledger_clock (id, seq) VALUES (1, 0);
      CREATE TABLE person_changes (
        seq INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        batch_id INTEGER,
        PRIMARY KEY (person_id, seq)
      ) STRICT, WITHOUT ROWID;
      ALTER TABLE persons ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
      -- The counter when a batch was written: its persons changed past it by anything but a
      -- batch undone since were changed later. NULL for batches from before this version.
      ALTER TABLE import_batches ADD COLUMN clock INTEGER;
    `);
    const stamp = (column: 'id' | 'household_id', value: string) => `
        UPDATE ledger_clock SET seq = seq + 1;
        UPDATE persons SET changed_seq = (SELECT seq FROM ledger_clock) WHERE ${column} = ${value};
        INSERT INTO person_changes (seq, person_id, batch_id) SELECT c.seq, p.id, c.batch FROM ledger_clock c JOIN persons p ON p.${column} = ${value};`;
    db.exec(`
      CREATE TRIGGER persons_changed AFTER UPDATE ON persons WHEN NEW.changed_seq IS OLD.changed_seq BEGIN ${stamp('id', 'NEW.id')}
      END;
      -- A household renumbered or moved moves its members; its head does not (set on every import).
      CREATE TRIGGER households_changed AFTER UPDATE OF village_id, number ON households BEGIN ${stamp('household_id', 'NEW.id')}
      END;
    `);
    for (const [table, events, person] of OF_PERSON)
      for (const ev of events) {
        const row = ev === 'DELETE' ? 'OLD' : 'NEW';
        const who = person === 'person_id' ? `${row}.person_id` : person.replace('{row}', row);
        db.exec(`CREATE TRIGGER ${table}_${ev.toLowerCase()}_stamps_person AFTER ${ev} ON ${table} BEGIN ${stamp('id', who)}
        END;`);
      }
  },
};
