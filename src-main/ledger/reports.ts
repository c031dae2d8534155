// The office's work lists and figures, straight from the ledger.
import type { ListScope } from '../domain/policy/scope';
import type { Database } from 'better-sqlite3';
import { OUT_OF_COUNTY, type OutOfCounty } from '../domain/codes';
import type { Fujian5Row, PaymentDay, PersonSummary } from '../types/reports';
import { rosterYears, rowFinder } from './insurance-years';
import { completeYears } from './known-years';
import { rowToSummary } from './search';
import { sql } from './statements';

const SUMMARY = `SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.phone, p.village_id, v.name AS village_name,
  p.household_id, h.number AS household_number, p.status
  FROM persons p JOIN villages v ON v.id = p.village_id JOIN households h ON h.id = p.household_id`;

type SummaryTuple = [number, string, string, 'male' | 'female', string, string, number, string, number, string, string];

/** A SUMMARY row read raw, in its column order. */
const summaryOf = (r: SummaryTuple): PersonSummary => ({
  id: r[0],
  name: r[1],
  idNumber: r[2],
  sex: r[3],
  birthDate: r[4],
  phone: r[5],
  villageId: r[6],
  villageName: r[7],
  householdId: r[8],
  householdNumber: r[9],
  status: r[10],
});

// In scope for the year: domain/policy/scope.ts's outOfScope said in SQL (living here, not insured
// outside the county, not in 职工医保); test/unit/api/scope.test.ts holds the two together.
const IN_SCOPE = `p.status = 'active' AND p.employee_insured = 0 AND p.out_of_county IS NULL`;
// What the year's policy leaves out (domain/policy/scope.ts's listScope): refused at the desk, so
// chased by no list.
const policyScope = (s: ListScope) =>
  s
    ? ` AND p.residence IN (SELECT value FROM json_each(@residences))
        AND NOT EXISTS (SELECT 1 FROM person_categories oc WHERE oc.person_id = p.id AND oc.code IN (SELECT value FROM json_each(@outOfScope))
                          AND oc.valid_from <= @on AND (oc.valid_to IS NULL OR oc.valid_to >= @on))`
    : '';
const policyScopeParams = (s: ListScope) => (s ? { residences: JSON.stringify(s.residences), outOfScope: JSON.stringify(s.outOfScope), on: s.on } : {});
const NOT_ENROLLED = `NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.coverage_year = @year AND e.status = 'active')`;

/**
 * Which of the not-enrolled a list holds, by last year as the lapse count reads it: all, those
 * insured (villages chase them first), those known not insured, or those whose last year is
 * not known (counted apart: a list says only what is known, docs/rules.md "Lists say only what is known").
 */
export type LastYearFilter = 'insured' | 'not_insured' | 'unknown' | undefined;

const STATE_OF_FILTER = { unknown: 0, insured: 1, not_insured: 2 } as const;

/** The not-enrolled persons' ids in list order, kept to last year's state when asked. */
function notEnrolledIds(db: Database, year: number, scope: ListScope, villageId: number | undefined, lastYear: LastYearFilter): number[] {
  const ids = sql(
    db,
    `SELECT p.id FROM persons p JOIN villages v ON v.id = p.village_id JOIN households h ON h.id = p.household_id
     WHERE ${IN_SCOPE}${policyScope(scope)} AND ${NOT_ENROLLED}${villageId ? ' AND p.village_id = @villageId' : ''}
     ORDER BY v.code, length(h.number), h.number, p.birth_date`,
  )
    .pluck()
    .all({ year, villageId: villageId ?? null, ...policyScopeParams(scope) }) as number[];
  if (!lastYear) return ids;
  // A village's few are read alone; the township's many in one pass over everyone (faster than naming them).
  const state = lastYearStates(db, year, villageId ? ids : undefined);
  const want = STATE_OF_FILTER[lastYear];
  return ids.filter((id) => state(id) === want);
}

/** Each person's (or some persons') state last year (0 unknown, 1 insured, 2 not insured), from the one reading of the years. */
function lastYearStates(db: Database, year: number, ids?: readonly number[]): (personId: number) => number {
  const r = rosterYears(db, [year - 1], completeYears(db), ids);
  const rowOf = rowFinder(r.personIds);
  return (id) => {
    const i = rowOf(id);
    return i < 0 ? 0 : r.states[i]!;
  };
}

/** The persons of some ids, in the ids' order. */
function summariesOf(db: Database, ids: number[]): PersonSummary[] {
  if (!ids.length) return [];
  const rows = sql(db, `${SUMMARY} WHERE p.id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(ids)) as SummaryTuple[];
  const byId = new Map(rows.map((r) => [r[0], r]));
  return ids.map((id) => summaryOf(byId.get(id)!));
}

export function notEnrolled(
  db: Database,
  year: number,
  scope: ListScope,
  villageId: number | undefined,
  limit: number,
  offset: number,
  lastYear?: LastYearFilter,
): { total: number; rows: PersonSummary[] } {
  const ids = notEnrolledIds(db, year, scope, villageId, lastYear);
  return { total: ids.length, rows: summariesOf(db, ids.slice(offset, offset + limit)) };
}

/** How many are not enrolled, split by last year: the 工作台's tiles. */
export function notEnrolledCounts(
  db: Database,
  year: number,
  scope: ListScope,
): { all: number; insuredLastYear: number; notInsuredLastYear: number; unknownLastYear: number } {
  const ids = notEnrolledIds(db, year, scope, undefined, undefined);
  const state = lastYearStates(db, year);
  const n = [0, 0, 0];
  for (const id of ids) n[state(id)]!++;
  return { all: ids.length, insuredLastYear: n[1]!, notInsuredLastYear: n[2]!, unknownLastYear: n[0]! };
}

/** One village's not-enrolled persons, in list order: exports go village by village. */
export function notEnrolledInVillage(db: Database, year: number, scope: ListScope, villageId: number, lastYear?: LastYearFilter): PersonSummary[] {
  return summariesOf(db, notEnrolledIds(db, year, scope, villageId, lastYear));
}

/**
 * Certified categories that ended, or will end, between two days (last season's window opening
 * and this season's window closing), for persons still here, unless renewed past the second day:
 * the names the departments' next lists should carry.
 */
export function endingCategories(db: Database, from: string, before: string): (PersonSummary & { code: string; department: string | null; validTo: string })[] {
  const rows = sql(
    db,
    `${SUMMARY.replace('SELECT p.id,', 'SELECT c.code, c.department, c.valid_to AS validTo, p.id,')}
       JOIN person_categories c ON c.person_id = p.id
       WHERE c.valid_to >= @from AND c.valid_to < @before AND p.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM person_categories r WHERE r.person_id = p.id AND r.code = c.code AND (r.valid_to IS NULL OR r.valid_to >= @before))
       ORDER BY c.department, v.code, length(h.number), h.number, c.valid_to`,
  ).all({ from, before }) as (Parameters<typeof rowToSummary>[0] & { code: string; department: string | null; validTo: string })[];
  return rows.map((r) => ({ ...rowToSummary(r), code: r.code, department: r.department, validTo: r.validTo }));
}

export function subsidizedNotEnrolled(
  db: Database,
  year: number,
  scope: ListScope,
  subsidyCodes: readonly string[],
): (PersonSummary & { categories: string[] })[] {
  if (!subsidyCodes.length) return [];
  const yearEnd = `${year}-12-31`;
  const yearStart = `${year - 1}-09-01`;
  const marks = subsidyCodes.map(() => '?').join(', ');
  const rows = sql(
    db,
    `${SUMMARY.replace('SELECT p.id,', 'SELECT DISTINCT p.id,')}
       JOIN person_categories c ON c.person_id = p.id
       WHERE c.code IN (SELECT value FROM json_each(@codes)) AND c.valid_from <= @yearEnd AND (c.valid_to IS NULL OR c.valid_to >= @yearStart)
         AND ${IN_SCOPE}${policyScope(scope)} AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.coverage_year = @year AND e.status = 'active')
       ORDER BY v.code, length(h.number), h.number`,
  ).all({ codes: JSON.stringify(subsidyCodes), yearEnd, yearStart, year, ...policyScopeParams(scope) }) as Parameters<typeof rowToSummary>[0][];
  const cats = sql(
    db,
    `SELECT DISTINCT code FROM person_categories WHERE person_id = ? AND code IN (${marks}) AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`,
  ).pluck();
  return rows.map((r) => ({ ...rowToSummary(r), categories: cats.all(r.id, ...subsidyCodes, yearEnd, yearStart) as string[] }));
}

export function enrolledByVillage(db: Database, year: number): Map<number, number> {
  const rows = sql(
    db,
    `SELECT p.village_id AS v, count(*) AS n FROM enrollments e JOIN persons p ON p.id = e.person_id
              WHERE e.coverage_year = ? AND e.status = 'active' GROUP BY p.village_id`,
  ).all(year) as { v: number; n: number }[];
  return new Map(rows.map((r) => [r.v, r.n]));
}

/** Enrolled for a year by a payment date (active now): this season against last season's same calendar day. */
export function enrolledBy(db: Database, year: number, on: string): number {
  return sql(db, `SELECT count(*) FROM enrollments WHERE coverage_year = ? AND status = 'active' AND paid_on <= ?`).pluck().get(year, on) as number;
}

export function targets(db: Database, year: number): Map<number, number> {
  const rows = sql(db, 'SELECT village_id AS v, target AS t FROM village_targets WHERE coverage_year = ?').all(year) as { v: number; t: number }[];
  return new Map(rows.map((r) => [r.v, r.t]));
}

export function subsidyByDepartment(db: Database, year: number): { department: string; persons: number; subsidyFen: number }[] {
  return sql(
    db,
    `SELECT department, count(*) AS persons, sum(subsidy_fen) AS subsidyFen FROM enrollments
              WHERE coverage_year = ? AND status = 'active' AND subsidy_fen > 0 AND department IS NOT NULL
              GROUP BY department ORDER BY department`,
  ).all(year) as { department: string; persons: number; subsidyFen: number }[];
}

export function paymentsByDay(db: Database, year: number): PaymentDay[] {
  return sql(
    db,
    `SELECT paid_on AS paidOn, channel, count(*) AS count, sum(personal_fen) AS personalFen FROM enrollments
              WHERE coverage_year = ? AND status = 'active' GROUP BY paid_on, channel ORDER BY paid_on, channel`,
  ).all(year) as PaymentDay[];
}

export function fujian5(db: Database): Fujian5Row[] {
  const kinds = Object.keys(OUT_OF_COUNTY) as OutOfCounty[];
  const rows = sql(
    db,
    `SELECT v.id AS villageId, v.name AS villageName, count(p.id) AS population,
        sum(p.status = 'empty_registration') AS empty_registration, sum(p.status = 'deceased') AS deceased, sum(p.status = 'abroad') AS abroad,
        ${kinds.map((k) => `sum(p.status = 'active' AND p.out_of_county = '${k}') AS ${k}`).join(', ')}
       FROM villages v LEFT JOIN persons p ON p.village_id = v.id
       WHERE v.retired_on IS NULL OR p.id IS NOT NULL
       GROUP BY v.id ORDER BY v.code`,
  ).all() as Record<string, number | string | null>[];
  const out: Fujian5Row[] = rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    const outOfCounty = Object.fromEntries(kinds.map((k) => [k, n(k)])) as Record<OutOfCounty, number>;
    return {
      villageId: r.villageId as number,
      villageName: r.villageName as string,
      population: n('population'),
      notInScope: {
        empty_registration: n('empty_registration'),
        deceased: n('deceased'),
        abroad: n('abroad'),
        total: n('empty_registration') + n('deceased') + n('abroad'),
      },
      outOfCounty: { ...outOfCounty, total: kinds.reduce((s, k) => s + outOfCounty[k], 0) },
    };
  });
  const sum = (f: (r: Fujian5Row) => number) => out.reduce((s, r) => s + f(r), 0);
  out.push({
    villageId: null,
    villageName: '合计',
    population: sum((r) => r.population),
    notInScope: {
      empty_registration: sum((r) => r.notInScope.empty_registration),
      deceased: sum((r) => r.notInScope.deceased),
      abroad: sum((r) => r.notInScope.abroad),
      total: sum((r) => r.notInScope.total),
    },
    outOfCounty: {
      ...(Object.fromEntries(kinds.map((k) => [k, sum((r) => r.outOfCounty[k])])) as Record<OutOfCounty, number>),
      total: sum((r) => r.outOfCounty.total),
    },
  });
  return out;
}

/**
 * Categories in force on a day that no department list put there (entered by hand at the
 * desk): the office should check them against the department's next list.
 */
export function handCertified(db: Database, on: string): (PersonSummary & { categoryId: number; code: string; source: string })[] {
  const rows = sql(
    db,
    `${SUMMARY.replace('SELECT p.id,', 'SELECT c.id AS category_id, c.code, c.source, p.id,')}
     JOIN person_categories c ON c.person_id = p.id
     WHERE c.valid_from <= ? AND (c.valid_to IS NULL OR c.valid_to >= ?) AND p.status = 'active' AND c.checked_on IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM import_changes ch JOIN import_batches b ON b.id = ch.batch_id
         WHERE ch.entity = 'person_category' AND ch.entity_id = c.id AND b.undone_at IS NULL)
     ORDER BY v.code, length(h.number), h.number, p.name`,
  ).all(on, on) as (Parameters<typeof rowToSummary>[0] & { category_id: number; code: string; source: string })[];
  return rows.map((r) => ({ ...rowToSummary(r), categoryId: r.category_id, code: r.code, source: r.source }));
}
