// Weekly progress snapshots: what each village stood at when the week began.
import type { Database } from 'better-sqlite3';
import { addDays, weekStart } from '../domain/dates';
import { enrolledByVillage, targets } from './reports';
import { listVillages } from './office';
import { sql } from './statements';

/** Records (or, asked again the same week, replaces) this week's figures for a year. */
export function takeSnapshot(db: Database, year: number, today: string, at: string): number {
  const week = weekStart(today);
  const tg = targets(db, year);
  const en = enrolledByVillage(db, year);
  const put = sql(db, 'INSERT OR REPLACE INTO progress_snapshots (coverage_year, week_of, village_id, target, enrolled, taken_at) VALUES (?, ?, ?, ?, ?, ?)');
  const villages = listVillages(db, false);
  for (const v of villages) put.run(year, week, v.id, tg.get(v.id) ?? 0, en.get(v.id) ?? 0, at);
  return villages.length;
}

/** The first start of a week takes its snapshot for every year the office has a policy for. */
export function weeklySnapshots(db: Database, today: string, at: string): void {
  const week = weekStart(today);
  const years = sql(db, 'SELECT coverage_year FROM office_policies').pluck().all() as number[];
  const has = sql(db, 'SELECT 1 FROM progress_snapshots WHERE coverage_year = ? AND week_of = ? LIMIT 1').pluck();
  db.transaction(() => {
    for (const y of years) if (!has.get(y, week)) takeSnapshot(db, y, today, at);
  })();
}

/** Enrolled per village at the start of this week and of last week, from the snapshots. */
export function weekFigures(db: Database, year: number, today: string): { thisWeek: Map<number, number>; lastWeek: Map<number, number> } {
  const week = weekStart(today);
  const at = (w: string) =>
    new Map(
      (
        sql(db, 'SELECT village_id, enrolled FROM progress_snapshots WHERE coverage_year = ? AND week_of = ?').all(year, w) as {
          village_id: number;
          enrolled: number;
        }[]
      ).map((r) => [r.village_id, r.enrolled]),
    );
  return { thisWeek: at(week), lastWeek: at(addDays(week, -7)) };
}
