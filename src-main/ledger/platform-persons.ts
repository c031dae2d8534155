// Who the 医保 platform knows, and who the office has exported for its 批量参保登记 (docs/rules.md
// "New persons for the platform").
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

/** Persons a 医保 list or payment detail named (batch kept: an undone batch knows no one). */
export function markKnown(db: Database, batchId: number, persons: readonly { personId: number; personNo: string }[]): void {
  const add = sql(db, 'INSERT OR REPLACE INTO platform_persons (person_id, batch_id, person_no) VALUES (?, ?, ?)');
  for (const p of persons) add.run(p.personId, batchId, p.personNo);
}

export function isKnown(db: Database, personId: number): boolean {
  return (
    sql(db, 'SELECT 1 FROM platform_persons k JOIN import_batches b ON b.id = k.batch_id WHERE k.person_id = ? AND b.undone_at IS NULL LIMIT 1').get(
      personId,
    ) !== undefined
  );
}

export interface DueForRegistration {
  id: number;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  relation: string;
  householdNumber: string;
  address: string;
  changedSeq: number;
  /** The person was exported before and has changed since. */
  again: boolean;
}

/**
 * A village's persons in scope that the platform does not know yet (no 人员编号, in no 医保 list
 * of a batch still standing) and that were not exported as they are now, in 户号 order.
 */
export function dueForRegistration(db: Database, villageId: number): DueForRegistration[] {
  return (
    sql(
      db,
      `SELECT p.id, p.id_number AS idNumber, p.name, p.sex, p.birth_date AS birthDate, p.phone, p.relation, h.number AS householdNumber,
         h.address, p.changed_seq AS changedSeq, x.person_id IS NOT NULL AS again
       FROM persons p JOIN households h ON h.id = p.household_id
       LEFT JOIN registration_exports x ON x.person_id = p.id
       WHERE p.village_id = ? AND p.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM platform_persons k JOIN import_batches b ON b.id = k.batch_id WHERE k.person_id = p.id AND b.undone_at IS NULL)
         AND (x.person_id IS NULL OR x.changed_seq < p.changed_seq)
       ORDER BY h.number, h.id, p.id`,
    ).all(villageId) as (Omit<DueForRegistration, 'again'> & { again: number })[]
  ).map((r) => ({ ...r, again: r.again === 1 }));
}

/** Each person as exported now: the next export leaves them out until they change. */
export function markExported(db: Database, persons: readonly { id: number; changedSeq: number }[], by: string, at: string): void {
  const put = sql(
    db,
    `INSERT INTO registration_exports (person_id, changed_seq, exported_at, exported_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET changed_seq = excluded.changed_seq, exported_at = excluded.exported_at, exported_by = excluded.exported_by`,
  );
  for (const p of persons) put.run(p.id, p.changedSeq, at, by);
}
