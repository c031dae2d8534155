// Village targets (附件2): each village's number of persons to enroll in a coverage year.
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

export const villageTarget = (db: Database, villageId: number, year: number): number | null =>
  (sql(db, 'SELECT target FROM village_targets WHERE village_id = ? AND coverage_year = ?').pluck().get(villageId, year) as number | undefined) ?? null;

export function putVillageTarget(db: Database, villageId: number, year: number, target: number): void {
  sql(db, 'INSERT INTO village_targets (village_id, coverage_year, target) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET target = excluded.target').run(
    villageId,
    year,
    target,
  );
}

/** The targets of one year that a village still open has no target for in the other. */
export const targetsToCopy = (db: Database, from: number, to: number) =>
  sql(
    db,
    `SELECT t.village_id AS villageId, t.target FROM village_targets t JOIN villages v ON v.id = t.village_id
     WHERE t.coverage_year = ? AND v.retired_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM village_targets n WHERE n.village_id = t.village_id AND n.coverage_year = ?)`,
  ).all(from, to) as { villageId: number; target: number }[];

export const targetCount = (db: Database, year: number): number =>
  sql(db, 'SELECT count(*) FROM village_targets WHERE coverage_year = ?').pluck().get(year) as number;
