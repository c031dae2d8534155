import type { Database } from 'better-sqlite3';
import type { OutOfCounty } from '../domain/codes';
import { inHouseholdOrder } from '../domain/household/member-order';
import type { BookHousehold, BookMember, CertifiedCategory, Household, InsuranceYear, Person, PersonStatus } from '../types/roster';
import { nameGrams, nameInitials, reverse } from './initials';
import { sql } from './statements';

const PERSON_SELECT = `
  SELECT p.*, h.number AS household_number, h.head_person_id AS household_head, v.name AS village_name
  FROM persons p JOIN households h ON h.id = p.household_id JOIN villages v ON v.id = p.village_id`;

interface PersonRow {
  id: number;
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  phone: string;
  household_id: number;
  household_number: string;
  village_id: number;
  village_name: string;
  relation: string;
  residence: Person['residence'];
  student: Person['student'];
  status: PersonStatus;
  status_on: string | null;
  employee_insured: number;
  out_of_county: Person['outOfCounty'];
  out_of_county_place: string;
  changed_seq: number;
}

export const rowToPerson = (r: PersonRow): Person => ({
  id: r.id,
  idNumber: r.id_number,
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  phone: r.phone,
  householdId: r.household_id,
  householdNumber: r.household_number,
  villageId: r.village_id,
  villageName: r.village_name,
  relation: r.relation,
  residence: r.residence,
  student: r.student,
  status: r.status,
  statusOn: r.status_on,
  employeeInsured: r.employee_insured === 1,
  outOfCounty: r.out_of_county,
  outOfCountyPlace: r.out_of_county_place,
  version: r.changed_seq,
});

export function getPerson(db: Database, id: number): Person | undefined {
  const r = sql(db, `${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return r && rowToPerson(r);
}

export function findPersonByIdNumber(db: Database, idNumber: string): Person | undefined {
  const r = sql(db, `${PERSON_SELECT} WHERE p.id_number = ?`).get(idNumber) as PersonRow | undefined;
  return r && rowToPerson(r);
}

export function personName(db: Database, id: number): string | undefined {
  return sql(db, 'SELECT name FROM persons WHERE id = ?').pluck().get(id) as string | undefined;
}

/** The names of three of the persons at most, as a refusal names them. */
export function threeNames(db: Database, ids: number[]): string[] {
  return sql(db, `SELECT name FROM persons WHERE id IN (SELECT value FROM json_each(?)) LIMIT 3`).pluck().all(JSON.stringify(ids)) as string[];
}

/** Who an ID number names, just the id and the name: a list is held against them row by row. */
export function whoHasIdNumber(db: Database, idNumber: string): { id: number; name: string } | undefined {
  return sql(db, 'SELECT id, name FROM persons WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined;
}

/** How many active persons of the roster some ID numbers name: a file's reach. */
export function namedOnRoster(db: Database, idNumbers: Iterable<string>): number {
  return sql(db, `SELECT count(*) FROM persons WHERE status = 'active' AND id_number IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify([...idNumbers])) as number;
}

/** How many active persons the roster holds. */
export const rosterSize = (db: Database): number => sql(db, `SELECT count(*) FROM persons WHERE status = 'active'`).pluck().get() as number;

export function householdMembers(db: Database, householdId: number): Person[] {
  // As the 户口簿 lists them, on every household paper and screen alike.
  const rows = sql(db, `${PERSON_SELECT} WHERE p.household_id = ?`).all(householdId) as (PersonRow & { household_head: number | null })[];
  return inHouseholdOrder(rows.map(rowToPerson), rows[0]?.household_head ?? null);
}

export interface NewPerson {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  householdId: number;
  villageId: number;
  relation: string;
  residence: string;
  student: string;
}

const INSERT_PERSON = `INSERT INTO persons
    (id_number, id_rev, name, initials, sex, birth_date, phone, phone_rev, household_id, village_id, relation, residence, student, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const insertPerson = (db: Database, p: NewPerson, at: string): number =>
  Number(
    sql(db, INSERT_PERSON).run(
      p.idNumber,
      reverse(p.idNumber),
      p.name,
      nameInitials(p.name),
      p.sex,
      p.birthDate,
      p.phone,
      reverse(p.phone),
      p.householdId,
      p.villageId,
      p.relation,
      p.residence,
      p.student,
      at,
      at,
    ).lastInsertRowid,
  );

const PUT_PIECE = 'INSERT OR IGNORE INTO name_pieces (gram, name) VALUES (?, ?)';

/** The pieces a name is found by; a name already known has them. */
function putNamePieces(db: Database, name: string): void {
  const put = sql(db, PUT_PIECE);
  for (const g of nameGrams(name)) put.run(g, name);
}

/** One person at the desk: the row and the pieces of the name. */
export function addPersonRow(db: Database, p: NewPerson, at: string): number {
  const id = insertPerson(db, p, at);
  putNamePieces(db, p.name);
  return id;
}

export function renamePerson(db: Database, id: number, name: string): void {
  sql(db, 'UPDATE persons SET name = ?, initials = ? WHERE id = ?').run(name, nameInitials(name), id);
  putNamePieces(db, name);
}

const PATCHABLE = { phone: 'phone', relation: 'relation', residence: 'residence', student: 'student' } as const;

export function patchPerson(db: Database, id: number, patch: Partial<Record<keyof typeof PATCHABLE, string>>, at: string): void {
  for (const [k, col] of Object.entries(PATCHABLE)) {
    const v = patch[k as keyof typeof PATCHABLE];
    if (v === undefined) continue;
    sql(db, `UPDATE persons SET ${col} = ? WHERE id = ?`).run(v, id);
    if (k === 'phone') sql(db, 'UPDATE persons SET phone_rev = ? WHERE id = ?').run(reverse(v), id);
  }
  sql(db, 'UPDATE persons SET updated_at = ? WHERE id = ?').run(at, id);
}

export function movePerson(db: Database, id: number, householdId: number, villageId: number, relation: string, at: string): void {
  sql(db, 'UPDATE persons SET household_id = ?, village_id = ?, relation = ?, updated_at = ? WHERE id = ?').run(householdId, villageId, relation, at, id);
  sql(db, 'UPDATE households SET head_person_id = NULL WHERE head_person_id = ? AND id <> ?').run(id, householdId);
}

export function setStatus(db: Database, id: number, status: PersonStatus, on: string | null, at: string): void {
  sql(db, 'UPDATE persons SET status = ?, status_on = ?, updated_at = ? WHERE id = ?').run(status, on, at, id);
}

export function setInsurance(db: Database, id: number, employeeInsured: boolean, outOfCounty: string | null, place: string, at: string): void {
  sql(db, 'UPDATE persons SET employee_insured = ?, out_of_county = ?, out_of_county_place = ?, updated_at = ? WHERE id = ?').run(
    employeeInsured ? 1 : 0,
    outOfCounty,
    place,
    at,
    id,
  );
}

/** A person's situation as a village's return reads it, by ID number. */
export interface SituationRow {
  id: number;
  name: string;
  status: string;
  status_on: string | null;
  out_of_county: string | null;
  out_of_county_place: string;
}

export function situationByIdNumber(db: Database, idNumber: string): SituationRow | undefined {
  return sql(db, 'SELECT id, name, status, status_on, out_of_county, out_of_county_place FROM persons WHERE id_number = ?').get(idNumber) as
    SituationRow | undefined;
}

export interface Situation {
  status: string;
  statusOn: string | null;
  outOfCounty: string | null;
  place: string;
}

/** What a village's return may change of a person: what its undo puts back. */
export function situationOf(db: Database, id: number): Situation | undefined {
  return sql(db, 'SELECT status, status_on AS statusOn, out_of_county AS outOfCounty, out_of_county_place AS place FROM persons WHERE id = ?').get(id) as
    Situation | undefined;
}

export function setOutOfCounty(db: Database, id: number, kind: string, place: string, at: string): void {
  sql(db, 'UPDATE persons SET out_of_county = ?, out_of_county_place = ?, updated_at = ? WHERE id = ?').run(kind, place, at, id);
}

export function putBackSituation(db: Database, id: number, s: Situation): void {
  sql(db, 'UPDATE persons SET status = ?, status_on = ?, out_of_county = ?, out_of_county_place = ? WHERE id = ?').run(
    s.status,
    s.statusOn,
    s.outOfCounty,
    s.place,
    id,
  );
}

/** Where a person is insured now, as 医保's list is held against it. */
export interface InsuranceFactsRow {
  id: number;
  name: string;
  employee_insured: number;
  out_of_county: OutOfCounty | null;
  out_of_county_place: string;
}

export function insuranceFactsByIdNumber(db: Database, idNumber: string): InsuranceFactsRow | undefined {
  return sql(db, 'SELECT id, name, employee_insured, out_of_county, out_of_county_place FROM persons WHERE id_number = ?').get(idNumber) as
    InsuranceFactsRow | undefined;
}

/** Before an import changes them: what its undo puts back. */
export function insuranceFactsOf(db: Database, id: number): { employeeInsured: number; outOfCounty: string | null; place: string } | undefined {
  return sql(db, 'SELECT employee_insured AS employeeInsured, out_of_county AS outOfCounty, out_of_county_place AS place FROM persons WHERE id = ?').get(id) as
    { employeeInsured: number; outOfCounty: string | null; place: string } | undefined;
}

export function putBackInsuranceFacts(db: Database, id: number, f: { employeeInsured: boolean; outOfCounty: string | null; place: string }): void {
  sql(db, 'UPDATE persons SET employee_insured = ?, out_of_county = ?, out_of_county_place = ? WHERE id = ?').run(
    f.employeeInsured ? 1 : 0,
    f.outOfCounty,
    f.place,
    id,
  );
}

interface HouseholdRow {
  id: number;
  village_id: number;
  village_name: string;
  number: string;
  address: string;
  head_person_id: number | null;
  head_name: string | null;
  members: number;
}

const HOUSEHOLD_SELECT = `
  SELECT h.id, h.village_id, v.name AS village_name, h.number, h.address, h.head_person_id,
         (SELECT name FROM persons WHERE id = h.head_person_id) AS head_name,
         (SELECT count(*) FROM persons WHERE household_id = h.id) AS members
  FROM households h JOIN villages v ON v.id = h.village_id`;

const rowToHousehold = (r: HouseholdRow): Household => ({
  id: r.id,
  villageId: r.village_id,
  villageName: r.village_name,
  number: r.number,
  address: r.address,
  headPersonId: r.head_person_id,
  headName: r.head_name,
  members: r.members,
});

export function getHousehold(db: Database, id: number): Household | undefined {
  const r = sql(db, `${HOUSEHOLD_SELECT} WHERE h.id = ?`).get(id) as HouseholdRow | undefined;
  return r && rowToHousehold(r);
}

export function findHousehold(db: Database, villageId: number, number: string): Household | undefined {
  const r = sql(db, `${HOUSEHOLD_SELECT} WHERE h.village_id = ? AND h.number = ?`).get(villageId, number) as HouseholdRow | undefined;
  return r && rowToHousehold(r);
}

/** Just the id: imports look households up once per row, without the member counts. */
export function householdId(db: Database, villageId: number, number: string): number | undefined {
  return sql(db, 'SELECT id FROM households WHERE village_id = ? AND number = ?').pluck().get(villageId, number) as number | undefined;
}

export function listHouseholds(db: Database, villageId: number): Household[] {
  return (sql(db, `${HOUSEHOLD_SELECT} WHERE h.village_id = ?`).all(villageId) as HouseholdRow[])
    .map(rowToHousehold)
    .sort((a, b) => byNumber(a.number, b.number));
}

/** Households someone lives in (of one village, or of every village still in use), with the village code they are ordered by. */
export function householdsWithMembers(
  db: Database,
  villageId?: number,
): { id: number; number: string; code: string; villageId: number; villageName: string }[] {
  return sql(
    db,
    `SELECT h.id, h.number, v.code, v.id AS villageId, v.name AS villageName FROM households h JOIN villages v ON v.id = h.village_id
     WHERE EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id) ${villageId ? 'AND h.village_id = ?' : 'AND v.retired_on IS NULL'}`,
  ).all(...(villageId ? [villageId] : [])) as { id: number; number: string; code: string; villageId: number; villageName: string }[];
}

export function insertHousehold(db: Database, villageId: number, number: string, address: string, at: string): number {
  return Number(
    sql(db, 'INSERT INTO households (village_id, number, address, created_at) VALUES (?, ?, ?, ?)').run(villageId, number, address, at).lastInsertRowid,
  );
}

export function updateHousehold(db: Database, id: number, address: string | undefined, headPersonId: number | null | undefined): void {
  if (address !== undefined) sql(db, 'UPDATE households SET address = ? WHERE id = ?').run(address, id);
  if (headPersonId !== undefined) sql(db, 'UPDATE households SET head_person_id = ? WHERE id = ?').run(headPersonId, id);
}

interface CategoryRow {
  id: number;
  person_id: number;
  code: CertifiedCategory['code'];
  department: CertifiedCategory['department'];
  valid_from: string;
  valid_to: string | null;
  source: string;
  source_on: string;
  created_by: string;
}

const rowToCategory = (r: CategoryRow): CertifiedCategory => ({
  id: r.id,
  personId: r.person_id,
  code: r.code,
  department: r.department,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  source: r.source,
  sourceOn: r.source_on,
  createdBy: r.created_by,
});

export function personCategories(db: Database, personId: number): CertifiedCategory[] {
  return (sql(db, 'SELECT * FROM person_categories WHERE person_id = ? ORDER BY valid_from, id').all(personId) as CategoryRow[]).map(rowToCategory);
}

export function getCategory(db: Database, id: number): CertifiedCategory | undefined {
  const r = sql(db, 'SELECT * FROM person_categories WHERE id = ?').get(id) as CategoryRow | undefined;
  return r && rowToCategory(r);
}

/** Codes certified for the person on a date (valid_from ≤ date ≤ valid_to). */
export function categoriesOn(db: Database, personId: number, on: string): string[] {
  return sql(db, 'SELECT DISTINCT code FROM person_categories WHERE person_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)')
    .pluck()
    .all(personId, on, on) as string[];
}

export function insertCategory(
  db: Database,
  c: {
    personId: number;
    code: string;
    department: string | null;
    validFrom: string;
    validTo: string | null;
    source: string;
    sourceOn: string;
    createdBy: string;
  },
  at: string,
): CertifiedCategory {
  const id = Number(
    sql(
      db,
      `INSERT INTO person_categories (person_id, code, department, valid_from, valid_to, source, source_on, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(c.personId, c.code, c.department, c.validFrom, c.validTo, c.source, c.sourceOn, c.createdBy, at).lastInsertRowid,
  );
  return getCategory(db, id)!;
}

export function endCategory(db: Database, id: number, validTo: string): void {
  sql(db, 'UPDATE person_categories SET valid_to = ? WHERE id = ?').run(validTo, id);
}

// 户号 as the clerk reads them: 2 before 10, 农坝-3-9 before 农坝-3-12.
const numbers = new Intl.Collator('zh-Hans-CN', { numeric: true });
export const byNumber = (a: string, b: string) => numbers.compare(a, b);

/** A village's households with their members in 户口簿 order, and who paid for the year. */
export function villageBook(db: Database, villageId: number, year: number | null): BookHousehold[] {
  const rows = sql(
    db,
    `SELECT h.id AS householdId, h.number, h.address, p.id, p.name, p.id_number AS idNumber, p.sex, p.birth_date AS birthDate, p.relation, p.status,
       p.id = h.head_person_id AS head, e.receipt_no AS receiptNo, p.changed_seq AS version
     FROM households h LEFT JOIN persons p ON p.household_id = h.id
       LEFT JOIN enrollments e ON e.person_id = p.id AND e.coverage_year = ? AND e.status = 'active'
     WHERE h.village_id = ? ORDER BY h.id`,
  ).all(year, villageId) as (BookMember & { householdId: number; number: string; address: string; id: number | null; head: number })[];
  const out = new Map<number, BookHousehold>();
  const heads = new Map<number, number>();
  for (const r of rows) {
    let h = out.get(r.householdId);
    if (!h) out.set(r.householdId, (h = { id: r.householdId, number: r.number, address: r.address, headName: null, members: [] }));
    if (r.id === null) continue;
    if (r.head) {
      h.headName = r.name;
      heads.set(h.id, r.id);
    }
    h.members.push({
      id: r.id,
      name: r.name,
      idNumber: r.idNumber,
      sex: r.sex,
      birthDate: r.birthDate,
      relation: r.relation,
      status: r.status,
      receiptNo: r.receiptNo,
      version: r.version,
    });
  }
  for (const h of out.values()) h.members = inHouseholdOrder(h.members, heads.get(h.id) ?? null);
  return [...out.values()].sort((a, b) => byNumber(a.number, b.number));
}

export function checkCategory(db: Database, id: number, on: string, by: string): void {
  sql(db, 'UPDATE person_categories SET checked_on = ?, checked_by = ? WHERE id = ?').run(on, by, id);
}

/** What 医保's lists said of a person's insurance, year by year (insurance_history). */
export function insuranceYears(db: Database, personId: number): InsuranceYear[] {
  return (
    sql(
      db,
      'SELECT coverage_year AS year, scheme, insured, division, source FROM insurance_history WHERE person_id = ? ORDER BY coverage_year DESC, scheme',
    ).all(personId) as (Omit<InsuranceYear, 'insured'> & { insured: number })[]
  ).map((r) => ({ ...r, insured: r.insured === 1 }));
}
