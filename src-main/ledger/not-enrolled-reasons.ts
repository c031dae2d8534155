// Why a person in scope is not enrolled in a year (拒参, 失踪, 户口迁出 …), as the villages'
// worklist, the register or the desk gave it: one reason per person and year, with its source.
import type { Database } from 'better-sqlite3';
import type { NotEnrolledReason } from '../domain/codes';
import { sql } from './statements';

export interface ReasonRecord {
  reason: string;
  note: string;
  source: string;
  setAt: string;
}

/** The reason given for the year, if any. */
export function notEnrolledReason(db: Database, personId: number, year: number): { reason: NotEnrolledReason; note: string } | undefined {
  return sql(db, 'SELECT reason, note FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?').get(personId, year) as
    { reason: NotEnrolledReason; note: string } | undefined;
}

/** The reason with who gave it and when: what an undo puts back. */
export function reasonRecord(db: Database, personId: number, year: number): ReasonRecord | undefined {
  return sql(db, 'SELECT reason, note, source, set_at AS setAt FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?').get(personId, year) as
    ReasonRecord | undefined;
}

/** Gives the year's reason, replacing the one given before. */
export function setNotEnrolledReason(db: Database, personId: number, year: number, r: ReasonRecord): void {
  sql(
    db,
    `INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, note, source, set_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET reason = excluded.reason, note = excluded.note, source = excluded.source, set_at = excluded.set_at`,
  ).run(personId, year, r.reason, r.note, r.source, r.setAt);
}

export function putBackReason(db: Database, personId: number, year: number, prior: ReasonRecord): void {
  sql(db, 'UPDATE not_enrolled_reasons SET reason = ?, note = ?, source = ?, set_at = ? WHERE person_id = ? AND coverage_year = ?').run(
    prior.reason,
    prior.note,
    prior.source,
    prior.setAt,
    personId,
    year,
  );
}

export function dropNotEnrolledReason(db: Database, personId: number, year: number): void {
  sql(db, 'DELETE FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?').run(personId, year);
}

/** The reason, if it is still the one given at that moment. */
export function dropReasonGivenAt(db: Database, personId: number, year: number, setAt: string): void {
  sql(db, 'DELETE FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ? AND set_at = ?').run(personId, year, setAt);
}
