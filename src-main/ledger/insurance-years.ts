// What the ledger knows of a person's insurance in each coverage year, read one way for the
// desk's quote, the drawer, the lists, 工作台 and the bench (docs/rules.md "History decides a lapse"): the
// records below, combined by yearState (domain/policy/lapse.ts) with the years known for
// everyone (known-years.ts).
import type { Database } from 'better-sqlite3';
import type { OutOfCounty } from '../domain/codes';
import type { Scheme } from '../domain/import/insurance';
import { firstInsurableYear, yearState, type Evidence, type YearRecord } from '../domain/policy/lapse';
import { sql } from './statements';

/**
 * Every record that speaks of a person's 居民医保 year: an active enrollment; a payment still on
 * 待核实 (money was paid for the person; a row settled 不予登记 is not); a 医保 or desk record of
 * either scheme saying insured, or of 居民医保 saying not insured or ended. A 职工医保 row that is
 * not insurance (是否参保职工 = 否, 暂停, 停保) says nothing of 居民医保.
 */
const SOURCES = [
  {
    person: 'e.person_id',
    year: 'e.coverage_year',
    code: '1',
    words: `'本所台账参保记录（收据 ' || e.receipt_no || '）'`,
    from: `enrollments e WHERE e.status = 'active'`,
  },
  {
    person: 'p.id',
    year: 'q.coverage_year',
    code: '1',
    words: `'导入的缴费记录（待核实，' || b.file_name || ' 第 ' || q.row_number || ' 行）'`,
    from: `pending_payments q JOIN import_batches b ON b.id = q.batch_id JOIN persons p ON p.id_number = q.id_number
      WHERE q.resolution IS NULL AND b.undone_at IS NULL`,
  },
  {
    person: 'h.person_id',
    year: 'h.coverage_year',
    code: 'CASE WHEN h.insured = 1 THEN 1 WHEN h.ended = 1 THEN 3 ELSE 2 END',
    words: `CASE h.scheme WHEN 'employee' THEN '职工医保' ELSE '居民医保' END || CASE WHEN h.insured = 0 AND h.ended = 1 THEN '终止或暂停参保' ELSE '' END || '（' || h.source || '）'`,
    from: `insurance_history h WHERE (h.insured = 1 OR h.scheme = 'resident')`,
  },
] as const;

/** Evidence codes as the queries give them. */
const EVIDENCE: Record<number, Evidence> = { 1: 'insured', 2: 'not_insured', 3: 'ended' };

/**
 * The records of one person (with their words), or in some years of everyone or of some
 * persons (codes only; the persons as a JSON array, the last parameter of each part).
 */
function evidenceQuery(of: 'person' | { years: number; some: boolean }): string {
  return SOURCES.map((s) =>
    of === 'person'
      ? `SELECT ${s.year} AS year, ${s.code} AS code, ${s.words} AS words FROM ${s.from} AND ${s.person} = :id`
      : `SELECT ${s.person}, ${s.year}, ${s.code} FROM ${s.from} AND ${s.year} IN (${Array.from({ length: of.years }, () => '?').join(', ')})` +
        (of.some ? ` AND ${s.person} IN (SELECT value FROM json_each(?))` : ''),
  ).join('\nUNION ALL ');
}

/** The person's state in each year, as readHistory asks for it. */
export function yearStates(db: Database, person: { id: number }, complete: Map<number, string>): (year: number) => YearRecord {
  const rows = sql(db, evidenceQuery('person')).all({ id: person.id }) as { year: number; code: number; words: string }[];
  const byYear = new Map<number, { code: number; words: string }[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return (year) => {
    const ev = byYear.get(year) ?? [];
    const known = complete.get(year);
    const { state, basis } = yearState(
      ev.map((e) => EVIDENCE[e.code]!),
      known !== undefined,
    );
    if (basis === 'absence') return { year, state, source: `${known}，其中没有此人：未见参保记录`, basis };
    if (basis === null) return { year, state, source: '' };
    // The record that decided it: insured first, then a 未参保, then an ending.
    const want = state === 'insured' ? 1 : state === 'not_insured' ? 2 : 3;
    return { year, state, source: ev.find((e) => e.code === want)!.words, basis };
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
     ON CONFLICT DO UPDATE SET insured = 1, ended = 0, source = excluded.source, set_at = excluded.set_at WHERE insured = 0`,
  );
  for (const scheme of schemes) put.run(personId, year, scheme, DESK_SOURCE, at);
}

/** One year's record of one scheme as it stands, with where it came from: what an import's undo puts back. */
export interface HistoryRecord {
  insured: number;
  ended: number;
  division: string;
  source: string;
  setAt: string;
}

export function historyRecord(db: Database, personId: number, year: number, scheme: Scheme): HistoryRecord | undefined {
  return sql(
    db,
    'SELECT insured, ended, division, source, set_at AS setAt FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND scheme = ?',
  ).get(personId, year, scheme) as HistoryRecord | undefined;
}

/** What the record says, to compare with a file's row. */
export function historySays(db: Database, personId: number, year: number, scheme: Scheme): { insured: number; ended: number; division: string } | undefined {
  return sql(db, 'SELECT insured, ended, division FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND scheme = ?').get(
    personId,
    year,
    scheme,
  ) as { insured: number; ended: number; division: string } | undefined;
}

/** Writes a year's record of a scheme as a file gives it, over what was there. */
export function putHistory(
  db: Database,
  personId: number,
  h: { year: number; scheme: Scheme; insured: boolean; ended?: boolean | undefined; division: string },
  source: string,
  at: string,
): void {
  sql(
    db,
    `INSERT INTO insurance_history (person_id, coverage_year, scheme, insured, ended, division, source, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET insured = excluded.insured, ended = excluded.ended, division = excluded.division, source = excluded.source, set_at = excluded.set_at`,
  ).run(personId, h.year, h.scheme, h.insured ? 1 : 0, h.ended ? 1 : 0, h.division, source, at);
}

export function putBackHistory(db: Database, personId: number, year: number, scheme: Scheme, prior: HistoryRecord): void {
  sql(
    db,
    'UPDATE insurance_history SET insured = ?, ended = ?, division = ?, source = ?, set_at = ? WHERE person_id = ? AND coverage_year = ? AND scheme = ?',
  ).run(prior.insured, prior.ended, prior.division, prior.source, prior.setAt, personId, year, scheme);
}

export function dropHistory(db: Database, personId: number, year: number, scheme: Scheme): void {
  sql(db, 'DELETE FROM insurance_history WHERE person_id = ? AND coverage_year = ? AND scheme = ?').run(personId, year, scheme);
}

/** A year's state for everyone at once, one byte per person and year: 0 unknown, 1 insured, 2 not insured. */
export const STATE_CODES = ['unknown', 'insured', 'not_insured'] as const;

export interface RosterYears {
  personIds: Int32Array;
  /** Each person's first insurable year (firstInsurableYear): the lapse count reads no further back. */
  firstYears: Int16Array;
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

/** The state code for each set of evidence flags (bit 0 insured, 1 not insured, 2 ended), by yearState itself. */
function stateTable(known: boolean): Uint8Array {
  const out = new Uint8Array(8);
  for (let flags = 0; flags < 8; flags++) {
    const ev = ([1, 2, 3] as const).filter((code) => flags & (1 << (code - 1))).map((code) => EVIDENCE[code]!);
    out[flags] = STATE_CODES.indexOf(yearState(ev, known).state);
  }
  return out;
}

/** Days from 1800-01-01, as the roster's birth dates are packed. */
const EPOCH = Date.UTC(1800, 0, 1);
const DAY = 86_400_000;

/**
 * Every active person (or only some: a village's list need not read the township) and their
 * state in each of the years, read in one pass over the same records as yearStates, for a
 * township's lists and counts (and the bench's million).
 */
export function rosterYears(db: Database, years: number[], complete: Map<number, string>, only?: readonly number[]): RosterYears {
  const some = only === undefined ? null : JSON.stringify(only);
  // One number per person (id and birth day packed): a million rows read as plain numbers.
  const packed = sql(
    db,
    `SELECT id * 1048576 + CAST(julianday(birth_date) - julianday('1800-01-01') AS INTEGER) FROM persons
     WHERE status = 'active'${some ? ' AND id IN (SELECT value FROM json_each(?))' : ''} ORDER BY id`,
  )
    .pluck()
    .all(...(some ? [some] : [])) as number[];
  const n = packed.length;
  const personIds = new Int32Array(n);
  const firstYears = new Int16Array(n);
  const firstOfDay = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = packed[i]!;
    const day = v % 1048576;
    personIds[i] = (v - day) / 1048576;
    let first = firstOfDay.get(day);
    if (first === undefined) {
      first = firstInsurableYear(new Date(EPOCH + day * DAY).toISOString().slice(0, 10));
      firstOfDay.set(day, first);
    }
    firstYears[i] = first;
  }
  const rowOf = rowFinder(personIds);
  const k = years.length;
  const flags = new Uint8Array(n * k);
  const slot = new Map(years.map((y, j) => [y, j]));
  const part = some ? [...years, some] : years;
  for (const [p, y, code] of sql(db, evidenceQuery({ years: k, some: some !== null }))
    .raw()
    .all(...SOURCES.flatMap(() => part)) as [number, number, number][]) {
    const i = rowOf(p);
    const j = slot.get(y);
    if (i >= 0 && j !== undefined) flags[i * k + j]! |= 1 << (code - 1);
  }
  const states = new Uint8Array(n * k);
  const tables = years.map((y) => stateTable(complete.has(y)));
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) states[i * k + j] = tables[j]![flags[i * k + j]!]!;
  return { personIds, firstYears, years, states };
}
