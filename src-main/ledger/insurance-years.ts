// What the ledger knows of a person's insurance in each coverage year (rules.md "History
// decides a lapse"): insured from an active enrollment, an open imported payment record or
// an insured record from 医保's lists; not insured from 医保's lists, or from a year the office
// holds all the payment records of; otherwise unknown.
import type { Database } from 'better-sqlite3';
import type { OutOfCounty } from '../domain/codes';
import type { YearRecord } from '../domain/policy/lapse';
import { sql } from './statements';

/** Years known for the whole roster, each with why: its payment records were imported, or the office said so. */
export function completeYears(db: Database): Map<number, string> {
  const rows = sql(
    db,
    `SELECT coverage_year AS year, 0 AS marked FROM (
       SELECT e.coverage_year FROM import_batches b
       JOIN import_changes c ON c.batch_id = b.id AND c.entity = 'enrollment'
       JOIN enrollments e ON e.id = c.entity_id
       WHERE b.kind = 'payments' AND b.undone_at IS NULL
       UNION SELECT q.coverage_year FROM import_batches b JOIN pending_payments q ON q.batch_id = b.id
       WHERE b.kind = 'payments' AND b.undone_at IS NULL
       -- A file of payments all recorded before still says its years were taken in.
       UNION SELECT j.value FROM import_batches b, json_each(b.options_json, '$.coverageYears') j
       WHERE b.kind = 'payments' AND b.undone_at IS NULL)
     UNION SELECT coverage_year, 1 FROM complete_years
     ORDER BY 2`,
  ).all() as { year: number; marked: number }[];
  const out = new Map<number, string>();
  for (const r of rows) out.set(r.year, r.marked ? `已标记 ${r.year} 年度参保记录齐全` : `已导入 ${r.year} 年度税务/医保缴费记录`);
  return out;
}

export interface MarkedYear {
  year: number;
  markedBy: string;
  markedAt: string;
}

export function markedYears(db: Database): MarkedYear[] {
  return sql(db, 'SELECT coverage_year AS year, marked_by AS markedBy, marked_at AS markedAt FROM complete_years ORDER BY coverage_year').all() as MarkedYear[];
}

export function setYearMarked(db: Database, year: number, marked: boolean, by: string, at: string): void {
  if (marked) sql(db, 'INSERT INTO complete_years (coverage_year, marked_by, marked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(year, by, at);
  else sql(db, 'DELETE FROM complete_years WHERE coverage_year = ?').run(year);
}

interface Evidence {
  year: number;
  insured: number;
  source: string;
}

/** The person's state in each year, as readHistory asks for it. */
export function yearStates(db: Database, person: { id: number; idNumber: string }, complete: Map<number, string>): (year: number) => YearRecord {
  const rows = sql(
    db,
    `SELECT coverage_year AS year, 1 AS insured, '本所台账参保记录（收据 ' || receipt_no || '）' AS source, 0 AS rank
       FROM enrollments WHERE person_id = :id AND status = 'active'
     UNION ALL SELECT q.coverage_year, 1, '导入的缴费记录（待核实）', 1
       FROM pending_payments q JOIN import_batches b ON b.id = q.batch_id
       WHERE q.id_number = :idNumber AND q.resolution IS NULL AND b.undone_at IS NULL
     UNION ALL SELECT coverage_year, insured, CASE scheme WHEN 'employee' THEN '职工医保' ELSE '居民医保' END || '（' || source || '）', 2
       FROM insurance_history WHERE person_id = :id
     ORDER BY rank`,
  ).all({ id: person.id, idNumber: person.idNumber }) as Evidence[];
  const byYear = new Map<number, Evidence[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return (year) => {
    const ev = byYear.get(year) ?? [];
    const insured = ev.find((e) => e.insured === 1);
    if (insured) return { year, state: 'insured', source: insured.source };
    const lapsed = ev[0];
    if (lapsed) return { year, state: 'not_insured', source: lapsed.source };
    const why = complete.get(year);
    if (why) return { year, state: 'not_insured', source: `${why}，其中没有此人` };
    return { year, state: 'unknown', source: '' };
  };
}

/** Who the desk's own word on a year is recorded as, so clearing it takes back only that. */
export const DESK_SOURCE = '经办人登记';

/**
 * The desk's word that a person is insured elsewhere (职工医保, 县外参保) in a year, kept as that
 * year's record; cleared, the desk's earlier word for the year goes. 医保's own records stay,
 * except a 未参保 the desk now knows better.
 */
export function recordElsewhere(
  db: Database,
  personId: number,
  year: number,
  f: { employeeInsured: boolean; outOfCounty: OutOfCounty | null },
  at: string,
): void {
  sql(db, 'DELETE FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND source = ?').run(personId, year, DESK_SOURCE);
  const schemes = new Set<'resident' | 'employee'>();
  if (f.employeeInsured || f.outOfCounty?.endsWith('_employee')) schemes.add('employee');
  if (f.outOfCounty?.endsWith('_resident')) schemes.add('resident');
  const put = sql(
    db,
    `INSERT INTO insurance_history (person_id, coverage_year, scheme, insured, division, source, set_at) VALUES (?, ?, ?, 1, '', ?, ?)
     ON CONFLICT DO UPDATE SET insured = 1, source = excluded.source, set_at = excluded.set_at WHERE insured = 0`,
  );
  for (const scheme of schemes) put.run(personId, year, scheme, DESK_SOURCE, at);
}

/** A year's state for everyone at once, one byte per person and year: 0 unknown, 1 insured, 2 not insured. */
export const STATE_CODES = ['unknown', 'insured', 'not_insured'] as const;

export interface RosterYears {
  personIds: Int32Array;
  birthYears: Int16Array;
  years: number[];
  /** states[i * years.length + k]: person i in years[k]. */
  states: Uint8Array;
}

/**
 * Finds a person's row among ids read in ascending order. Ids are never reused, so an undone
 * import leaves a gap: an array indexed by id serves while the ids are mostly taken, a binary
 * search once the gaps would make that array several times the roster.
 */
export function rowFinder(ids: Int32Array): (id: number) => number {
  const n = ids.length;
  const maxId = n ? ids[n - 1]! : 0;
  if (maxId <= 4 * n + 65_536) {
    const rowOf = new Int32Array(maxId + 1).fill(-1);
    ids.forEach((id, i) => (rowOf[id] = i));
    return (id) => (id >= 0 && id <= maxId ? rowOf[id]! : -1);
  }
  return (id) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/**
 * Every person in scope and their state in each of the years, read in one pass per source:
 * the same evidence as yearStates, for a township's lists and counts (and the bench's million).
 */
export function rosterYears(db: Database, years: number[], complete: Map<number, string>): RosterYears {
  // One number per person (id and birth year packed): a million rows read as plain numbers.
  const packed = sql(db, `SELECT id * 512 + (CAST(substr(birth_date, 1, 4) AS INTEGER) - 1800) FROM persons WHERE status = 'active' ORDER BY id`)
    .pluck()
    .all() as number[];
  const n = packed.length;
  const personIds = new Int32Array(n);
  const birthYears = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    personIds[i] = Math.floor(v / 512);
    birthYears[i] = (v % 512) + 1800;
  }
  const rowOf = rowFinder(personIds);
  const k = years.length;
  const states = new Uint8Array(n * k);
  const slot = new Map(years.map((y, j) => [y, j]));
  const marks = years.map(() => '?').join(', ');
  const mark = (personId: number, year: number, state: 1 | 2) => {
    const i = rowOf(personId);
    const j = slot.get(year);
    if (i < 0 || j === undefined) return;
    const at = i * k + j;
    // Insured wins over any 未参保: a payment is evidence, a list's 未参保 is a lack of it.
    if (state === 1 || states[at] === 0) states[at] = state;
  };
  for (const [p, y] of sql(db, `SELECT person_id, coverage_year FROM enrollments WHERE status = 'active' AND coverage_year IN (${marks})`)
    .raw()
    .all(...years) as [number, number][])
    mark(p, y, 1);
  for (const [p, y, insured] of sql(db, `SELECT person_id, coverage_year, max(insured) FROM insurance_history WHERE coverage_year IN (${marks}) GROUP BY 1, 2`)
    .raw()
    .all(...years) as [number, number, number][])
    mark(p, y, insured ? 1 : 2);
  for (const [p, y] of sql(
    db,
    `SELECT p.id, q.coverage_year FROM pending_payments q JOIN import_batches b ON b.id = q.batch_id JOIN persons p ON p.id_number = q.id_number
     WHERE q.resolution IS NULL AND b.undone_at IS NULL AND q.coverage_year IN (${marks})`,
  )
    .raw()
    .all(...years) as [number, number][])
    mark(p, y, 1);
  years.forEach((y, j) => {
    if (!complete.has(y)) return;
    for (let i = 0; i < n; i++) if (states[i * k + j] === 0) states[i * k + j] = 2;
  });
  return { personIds, birthYears, years, states };
}
