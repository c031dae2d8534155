// Which coverage years are known for the whole roster, and how each became known
// (docs/rules.md "Which files make a year known"): the office's mark, or a committed import
// the clerk confirmed as the township's full list. A withdrawn way, or one whose import was undone, no longer counts.
import type { Database } from 'better-sqlite3';
import { sql } from './statements';

export interface KnownWay {
  id: number;
  year: number;
  /** The import of the full list, or null for the office's mark. */
  batch: { id: number; fileName: string; undone: boolean } | null;
  /** How many of the roster the list named, or the mark turned into 未参保. */
  persons: number;
  by: string;
  at: string;
  withdrawn: { by: string; at: string } | null;
}

interface Row {
  id: number;
  year: number;
  batchId: number | null;
  fileName: string | null;
  undoneAt: string | null;
  persons: number;
  by: string;
  at: string;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
}

const WAYS = `SELECT k.id, k.coverage_year AS year, k.batch_id AS batchId, b.file_name AS fileName, b.undone_at AS undoneAt, k.persons,
    k.known_by AS "by", k.known_at AS "at", k.withdrawn_by AS withdrawnBy, k.withdrawn_at AS withdrawnAt
  FROM known_years k LEFT JOIN import_batches b ON b.id = k.batch_id`;

const wayOf = (r: Row): KnownWay => ({
  id: r.id,
  year: r.year,
  batch: r.batchId === null ? null : { id: r.batchId, fileName: r.fileName ?? '', undone: r.undoneAt !== null },
  persons: r.persons,
  by: r.by,
  at: r.at,
  withdrawn: r.withdrawnBy === null ? null : { by: r.withdrawnBy, at: r.withdrawnAt! },
});

/** Every way a year became known, withdrawn and undone ones too, newest year first: the 政策 page's record. */
export function knownWays(db: Database): KnownWay[] {
  return (sql(db, `${WAYS} ORDER BY k.coverage_year DESC, k.id`).all() as Row[]).map(wayOf);
}

export const inForce = (w: KnownWay): boolean => w.withdrawn === null && !(w.batch?.undone ?? false);

/** The way in force for each year known for everyone, in the clerk's words: the lapse reads these. */
export function completeYears(db: Database): Map<number, string> {
  const out = new Map<number, string>();
  for (const w of knownWays(db).filter(inForce)) {
    if (out.has(w.year)) continue;
    out.set(w.year, w.batch ? `已导入本乡镇 ${w.year} 年度全部参保名单（${w.batch.fileName}）` : `本所已标记 ${w.year} 年度参保记录齐全`);
  }
  return out;
}

/** The office's mark in force for a year, if any. */
export function markOf(db: Database, year: number): KnownWay | undefined {
  return knownWays(db).find((w) => w.year === year && w.batch === null && inForce(w));
}

export function addKnownWay(db: Database, w: { year: number; batchId: number | null; persons: number; by: string; at: string }): number {
  return Number(
    sql(db, 'INSERT INTO known_years (coverage_year, batch_id, persons, known_by, known_at) VALUES (?, ?, ?, ?, ?)').run(
      w.year,
      w.batchId,
      w.persons,
      w.by,
      w.at,
    ).lastInsertRowid,
  );
}

/** Withdraws a way in force; false when it was not (already withdrawn, or its import undone). */
export function withdrawKnownWay(db: Database, id: number, by: string, at: string): boolean {
  return sql(db, 'UPDATE known_years SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').run(by, at, id).changes === 1;
}

/** The ways added since a mark's newest (id past it), and the newest withdrawals past a count of them. */
export function knownWaysSince(db: Database, mark: { knownMax: number; knownWithdrawn: number }): { added: KnownWay[]; withdrawn: KnownWay[] } {
  const added = (sql(db, `${WAYS} WHERE k.id > ? ORDER BY k.id`).all(mark.knownMax) as Row[]).map(wayOf);
  const withdrawn = (sql(db, `${WAYS} WHERE k.withdrawn_at IS NOT NULL ORDER BY k.withdrawn_at DESC, k.id DESC`).all() as Row[]).map(wayOf);
  return { added, withdrawn: withdrawn.slice(0, Math.max(0, withdrawn.length - mark.knownWithdrawn)) };
}
