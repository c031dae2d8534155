// The staging file of a roster import: a scratch SQLite file of its own, attached to the
// ledger's connection as `s`, holding the rows as read, what each is to become, and the
// problems. A million rows do not fit in memory as objects, and checking them against the
// ledger is a few joins instead of a lookup per row.
import fs from 'node:fs';
import path from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import type { RosterRecord } from '../domain/import/rows';
import type { ImportProblem, PreviewCounts } from '../types/imports';
import { untouchedSince, type LedgerMark, type StaleRow } from './changes-since';
import { nameGrams, nameInitials, reverse } from './initials';
import { rollback } from './transactions';

export function attachStaging(db: Database, file: string, create: boolean): void {
  if (create) fs.mkdirSync(path.dirname(file), { recursive: true });
  else if (!fs.existsSync(file)) throw new Error(`staging file missing: ${file}`);
  db.prepare('ATTACH DATABASE ? AS s').run(file);
  // Scratch data: if the PC stops, the clerk starts the import again.
  db.pragma('s.journal_mode = OFF');
  db.pragma('s.synchronous = OFF');
  // The ledger's own cache is 64 MB; an attached file starts with SQLite's 2 MB.
  db.pragma('s.cache_size = -32768');
  if (!create) return;
  db.exec(`
    CREATE TABLE s.staged (
      row INTEGER PRIMARY KEY,
      id_number TEXT NOT NULL,
      id_rev TEXT NOT NULL,
      name TEXT NOT NULL,
      initials TEXT NOT NULL,
      sex TEXT NOT NULL,
      birth_date TEXT NOT NULL,
      phone TEXT NOT NULL,
      phone_rev TEXT NOT NULL,
      village TEXT NOT NULL,
      village_id INTEGER,
      household_number TEXT NOT NULL,
      relation TEXT NOT NULL,
      address TEXT NOT NULL,
      -- why the register no longer holds the person (是否在籍 = 否), or ''
      left_reason TEXT NOT NULL,
      person_id INTEGER,
      -- add | update | same | problem, decided by planStaged
      action TEXT NOT NULL DEFAULT 'add'
    );
    -- Kept while the rows arrive (the writer waits on the reader anyway), not built after.
    CREATE INDEX s.staged_id ON staged (id_number, row);
    CREATE TABLE s.pieces (gram TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (gram, name)) WITHOUT ROWID;
    CREATE TABLE s.problems (row INTEGER NOT NULL, field TEXT, message TEXT NOT NULL);
  `);
}

export function detachStaging(db: Database): void {
  if (db.inTransaction) rollback(db);
  db.exec('DETACH DATABASE s');
}

const STAGED_COLUMNS = 15;
/** Rows per INSERT: one statement call per row costs more than the row itself. */
const STAGE_BATCH = 64;
const MATCH_EVERY = 2048;

/**
 * Writes each record (with the village it names, if any) or problem into the attached staging
 * file as the file is read, with the name's initials (pinyin once per distinct name) and
 * reversed numbers for the indexes. `finish` writes what is still buffered and the search
 * pieces of every distinct name, calling `step` every 10,000 names.
 */
export function stagingWriter(db: Database) {
  const insert = (n: number) =>
    db.prepare(
      `INSERT INTO s.staged (row, id_number, id_rev, name, initials, sex, birth_date, phone, phone_rev, village, village_id, household_number, relation, address, left_reason)
       VALUES ${Array.from({ length: n }, () => `(${Array(STAGED_COLUMNS).fill('?').join(', ')})`).join(', ')}`,
    );
  const full = insert(STAGE_BATCH);
  const problem = db.prepare('INSERT INTO s.problems (row, field, message) VALUES (?, ?, ?)');
  // Who each row already is in the ledger, looked up as the rows arrive.
  const match = db.prepare('UPDATE s.staged SET person_id = p.id FROM main.persons p WHERE p.id_number = staged.id_number AND staged.row >= ?');
  const names = new Set<string>();
  let buffer: unknown[] = [];
  let unmatchedFrom = 0;
  let pending = 0;
  const flush = (n: number, last: boolean) => {
    if (n) (n === STAGE_BATCH ? full : insert(n)).run(buffer);
    buffer = [];
    pending += n;
    if (!pending || (pending < MATCH_EVERY && !last)) return;
    match.run(unmatchedFrom);
    unmatchedFrom = -1;
    pending = 0;
  };
  return {
    record(r: RosterRecord, villageId: number | null): void {
      names.add(r.name);
      if (unmatchedFrom < 0) unmatchedFrom = r.row;
      buffer.push(
        r.row,
        r.idNumber,
        reverse(r.idNumber),
        r.name,
        nameInitials(r.name),
        r.sex,
        r.birthDate,
        r.phone,
        reverse(r.phone),
        r.village,
        villageId,
        r.householdNumber,
        r.relation,
        r.address,
        r.leftReason,
      );
      if (buffer.length === STAGE_BATCH * STAGED_COLUMNS) flush(STAGE_BATCH, false);
    },
    problem(p: ImportProblem): void {
      problem.run(p.row, p.field, p.message);
    },
    finish(step: () => void): void {
      flush(buffer.length / STAGED_COLUMNS, true);
      const piece = db.prepare('INSERT OR IGNORE INTO s.pieces (gram, name) VALUES (?, ?)');
      let i = 0;
      for (const n of names) {
        for (const g of nameGrams(n)) piece.run(g, n);
        if (++i % 10_000 === 0) step();
      }
    },
  };
}

/**
 * Decides every staged row against the ledger, in the order the row-by-row check used:
 * a repeated ID number, then the village, then a different name under the same number,
 * then whether anything would change.
 */
export function planStaged(db: Database): void {
  // Every row is an 'add' (the column's default) until one of these says otherwise, so a
  // first import of a township rewrites no rows at all.
  db.exec(`
    CREATE TABLE s.repeats AS
      SELECT r.row AS row, f.first AS first
      FROM s.staged r JOIN (SELECT id_number, min(row) AS first FROM s.staged GROUP BY id_number HAVING count(*) > 1) f
        ON f.id_number = r.id_number AND r.row > f.first;
    INSERT INTO s.problems (row, field, message) SELECT row, 'idNumber', '身份证号与第 ' || first || ' 行重复。' FROM s.repeats;
    UPDATE s.staged SET action = 'problem' WHERE row IN (SELECT row FROM s.repeats);
    DROP TABLE s.repeats;
    INSERT INTO s.problems (row, field, message)
      SELECT row, 'village', '村（社区）“' || village || '”不在本乡镇的村/社区名单中（或已停用），请先在设置中添加或更正文件。'
      FROM s.staged WHERE action = 'add' AND village_id IS NULL;
    UPDATE s.staged SET action = 'problem' WHERE action = 'add' AND village_id IS NULL;
    INSERT INTO s.problems (row, field, message)
      SELECT r.row, 'name', '台账中此身份证号登记的姓名是「' || p.name || '」，文件中是「' || r.name || '」，请核实。'
      FROM s.staged r JOIN main.persons p ON p.id = r.person_id WHERE r.action = 'add' AND p.name <> r.name;
    UPDATE s.staged SET action = 'problem'
      WHERE action = 'add' AND person_id IS NOT NULL AND name <> (SELECT p.name FROM main.persons p WHERE p.id = staged.person_id);
    UPDATE s.staged SET action = CASE WHEN EXISTS (
        SELECT 1 FROM main.persons p JOIN main.households h ON h.id = p.household_id
        WHERE p.id = staged.person_id AND p.village_id = staged.village_id AND h.number = staged.household_number
          AND (staged.phone = '' OR staged.phone = p.phone) AND (staged.relation = '' OR staged.relation = p.relation)
      ) THEN 'same' ELSE 'update' END
      WHERE action = 'add' AND person_id IS NOT NULL;
  `);
}

/** What the dry run of a roster found (the preview's counts for a roster). */
export type StagedCounts = PreviewCounts['roster'];

/** What the plan decided, in one pass over the staged rows. They do not change after it. */
export function stagedCounts(db: Database, reasonYear: number): StagedCounts {
  const by = new Map(
    (db.prepare('SELECT action, count(*) AS n FROM s.staged GROUP BY action').all() as { action: string; n: number }[]).map((r) => [r.action, r.n]),
  );
  return {
    add: by.get('add') ?? 0,
    update: by.get('update') ?? 0,
    unchanged: by.get('same') ?? 0,
    leaving: db.prepare(`SELECT count(*) FROM s.staged r ${LEAVING}`).pluck().get(reasonYear) as number,
    problems: db.prepare('SELECT count(*) FROM s.problems').pluck().get() as number,
  };
}

/**
 * The rows (as `r`) whose register says the person left it and who have no not-enrolled
 * reason for the year yet (bound as the one parameter): a reason a village gave stays.
 */
export const LEAVING = `WHERE r.action IN ('add', 'update', 'same') AND r.left_reason <> ''
  AND NOT EXISTS (SELECT 1 FROM main.not_enrolled_reasons n JOIN main.persons p ON p.id = n.person_id
                  WHERE p.id_number = r.id_number AND n.coverage_year = ?)`;

/** A staged row a roster changes, beside what the ledger holds of its person now. */
export interface StagedChangeRow {
  row: number;
  name: string;
  idNumber: string;
  action: string;
  leftReason: string;
  phone: string;
  relation: string;
  household: string;
  village: string;
  wasHousehold: string | null;
  wasVillage: string | null;
  wasRelation: string | null;
  wasPhone: string | null;
  /** Whether the person has a not-enrolled reason for the year already (1) or not (0). */
  hasReason: number;
}

/** The first rows that update a person or say they left the register, in file order. */
export function stagedChangeRows(db: Database, reasonYear: number, limit: number): StagedChangeRow[] {
  return db
    .prepare(
      `SELECT r.row, r.name, r.id_number AS idNumber, r.action, r.left_reason AS leftReason, r.phone, r.relation,
         r.household_number AS household, v.name AS village,
         h.number AS wasHousehold, pv.name AS wasVillage, p.relation AS wasRelation, p.phone AS wasPhone,
         EXISTS (SELECT 1 FROM main.not_enrolled_reasons n WHERE n.person_id = p.id AND n.coverage_year = ?) AS hasReason
       FROM s.staged r
       LEFT JOIN main.villages v ON v.id = r.village_id
       LEFT JOIN main.persons p ON p.id = r.person_id
       LEFT JOIN main.households h ON h.id = p.household_id
       LEFT JOIN main.villages pv ON pv.id = p.village_id
       WHERE r.action = 'update' OR (r.action IN ('add', 'same') AND r.left_reason <> '')
       ORDER BY r.row LIMIT ?`,
    )
    .all(reasonYear, limit) as StagedChangeRow[];
}

/** The problems in file order (a row's own problem before what the ledger says of it). */
export function stagedProblems(db: Database, limit = -1): ImportProblem[] {
  return db.prepare('SELECT row, field, message FROM s.problems ORDER BY row, rowid LIMIT ?').all(limit) as ImportProblem[];
}

/** Every problem of a dry run, for its report (read on a connection of its own). */
export function allStagedProblems(file: string, nativeBinding?: string): ImportProblem[] {
  const db = new Sqlite(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return db.prepare('SELECT row, field, message FROM problems ORDER BY row, rowid').all() as ImportProblem[];
  } finally {
    db.close();
  }
}

/**
 * Each staged row the commit would write or count as unchanged, whose ID number now names
 * another person (or none, or one where there was none), or whose person was stamped after
 * the mark. At most `limit`: the clerk is told a few, and how many at least.
 */
export function staleStaged(db: Database, mark: LedgerMark, limit: number): StaleRow[] {
  if (untouchedSince(db, mark)) return [];
  return db
    .prepare(
      `SELECT r.id_number AS idNumber, r.person_id AS was, p.id AS now, r.name FROM s.staged r LEFT JOIN main.persons p ON p.id_number = r.id_number
       WHERE r.action <> 'problem' AND (p.id IS NOT r.person_id OR p.changed_seq > ?) ORDER BY r.row LIMIT ?`,
    )
    .all(mark.seq, limit) as StaleRow[];
}
