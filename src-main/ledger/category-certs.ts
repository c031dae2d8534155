// Certified categories as the departments' lists make them (person_categories): the one a
// list finds open, the ones the previous list of a department made, and what undo puts back.
// The desk's own reads and writes of a certification are in roster.ts.
import type { Database } from 'better-sqlite3';
import type { Department, PersonCategory } from '../domain/codes';
import { sql } from './statements';

/** The person's certification of the code that is open on the day (the earliest, if several). */
export function openCertification(
  db: Database,
  personId: number,
  code: PersonCategory,
  on: string,
): { id: number; validFrom: string; department: string | null } | undefined {
  return sql(
    db,
    'SELECT id, valid_from AS validFrom, department FROM person_categories WHERE person_id = ? AND code = ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from LIMIT 1',
  ).get(personId, code, on) as { id: number; validFrom: string; department: string | null } | undefined;
}

export interface ListedCertification {
  categoryId: number;
  personId: number;
  name: string;
  idNumber: string;
  code: PersonCategory;
}

// For each category, the department's last full list (not undone) that named it.
const LATEST_FULL = `WITH latest AS (
  SELECT m.code, max(m.batch_id) AS batch_id FROM full_list_members m JOIN import_batches b ON b.id = m.batch_id
  WHERE b.kind = 'categories' AND b.undone_at IS NULL AND json_extract(b.options_json, '$.department') = ? GROUP BY m.code)`;

/**
 * The certifications still open that the department's previous list made: for a category with a
 * full list, everyone on its last one (a 特困 list says nothing of who is 低保); else the last
 * list's own new certifications.
 */
export function lastListCertifications(db: Database, department: Department): ListedCertification[] {
  const full = sql(
    db,
    `${LATEST_FULL}
     SELECT c.id AS categoryId, p.id AS personId, p.name, p.id_number AS idNumber, c.code
     FROM latest l JOIN full_list_members m ON m.batch_id = l.batch_id AND m.code = l.code JOIN persons p ON p.id = m.person_id
     JOIN person_categories c ON c.person_id = m.person_id AND c.code = m.code AND c.department = ? AND c.valid_to IS NULL
     ORDER BY m.person_id, m.code`,
  ).all(department, department) as ListedCertification[];
  const fullCodes = new Set(sql(db, `${LATEST_FULL} SELECT code FROM latest`).pluck().all(department) as string[]);
  return [...full, ...lastListOnly(db, department).filter((x) => !fullCodes.has(x.code))];
}

function lastListOnly(db: Database, department: Department): ListedCertification[] {
  // Before any full list: the last list's own certifications.
  const batch = sql(
    db,
    // The last list that certified anyone: a batch that only re-dated certifications is no list of who is on it.
    `SELECT id FROM import_batches b WHERE kind = 'categories' AND undone_at IS NULL AND json_extract(options_json, '$.department') = ?
       AND EXISTS (SELECT 1 FROM import_changes ch WHERE ch.batch_id = b.id AND ch.op = 'insert') ORDER BY id DESC LIMIT 1`,
  )
    .pluck()
    .get(department) as number | undefined;
  if (batch === undefined) return [];
  return sql(
    db,
    `SELECT c.id AS categoryId, p.id AS personId, p.name, p.id_number AS idNumber, c.code
     FROM import_changes ch JOIN person_categories c ON c.id = ch.entity_id JOIN persons p ON p.id = c.person_id
     WHERE ch.batch_id = ? AND ch.entity = 'person_category' AND ch.op = 'insert' AND c.valid_to IS NULL`,
  ).all(batch) as ListedCertification[];
}

/** Who was on a full list the clerk applied, kept with its batch (undone with it). */
export function keepFullList(db: Database, batchId: number, members: readonly { personId: number; code: string }[]): void {
  const add = sql(db, 'INSERT OR IGNORE INTO full_list_members (batch_id, person_id, code) VALUES (?, ?, ?)');
  for (const m of members) add.run(batchId, m.personId, m.code);
}

export function redateCertification(db: Database, id: number, validFrom: string): void {
  sql(db, 'UPDATE person_categories SET valid_from = ? WHERE id = ?').run(validFrom, id);
}

/** An undo's: the end the certification had before (null: open). */
export function putBackCertificationEnd(db: Database, id: number, validTo: string | null): void {
  sql(db, 'UPDATE person_categories SET valid_to = ? WHERE id = ?').run(validTo, id);
}

export function deleteCertification(db: Database, id: number): void {
  sql(db, 'DELETE FROM person_categories WHERE id = ?').run(id);
}

/** Whose certification it is. */
export function certificationHolder(db: Database, id: number): number | undefined {
  return sql(db, 'SELECT person_id FROM person_categories WHERE id = ?').pluck().get(id) as number | undefined;
}
