// Finding a person at the desk: by ID number or its last digits, by name or any two
// characters of it, by pinyin initials, by phone. Every branch is an index range with a
// limit, so it stays fast at a million persons.
import type { Database } from 'better-sqlite3';
import type { PersonSummary } from '../types/reports';
import { reverse } from './initials';
import { sql } from './statements';

const SUMMARY = `SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, p.phone, p.village_id, v.name AS village_name,
  p.household_id, h.number AS household_number, p.status
  FROM persons p JOIN villages v ON v.id = p.village_id JOIN households h ON h.id = p.household_id`;

interface Row {
  id: number;
  name: string;
  id_number: string;
  sex: 'male' | 'female';
  birth_date: string;
  phone: string;
  village_id: number;
  village_name: string;
  household_id: number;
  household_number: string;
  status: string;
}

export const rowToSummary = (r: Row): PersonSummary => ({
  id: r.id,
  name: r.name,
  idNumber: r.id_number,
  sex: r.sex,
  birthDate: r.birth_date,
  phone: r.phone,
  villageId: r.village_id,
  villageName: r.village_name,
  householdId: r.household_id,
  householdNumber: r.household_number,
  status: r.status,
});

// Strings sort below their own prefix + U+FFFF, so [q, q+U+FFFF) is "starts with q".
const END = '\uffff';

/** The index ranges that find what was typed, most exact first (each a WHERE on persons p). */
function branches(raw: string): [where: string, ...params: unknown[]][] {
  const q = raw.replace(/\s+/g, '');
  if (!q) return [];
  const out: [string, ...unknown[]][] = [];
  if (/^\d+[xX]?$/.test(q)) {
    const up = q.toUpperCase();
    if (up.length >= 6) out.push(['p.id_number >= ? AND p.id_number < ?', up, up + END]);
    const rev = reverse(up);
    out.push(['p.id_rev >= ? AND p.id_rev < ?', rev, rev + END]);
    if (/^\d+$/.test(q)) {
      if (q.length >= 3) out.push(["p.phone >= ? AND p.phone < ? AND p.phone <> ''", q, q + END]);
      const prev = reverse(q);
      out.push(["p.phone_rev >= ? AND p.phone_rev < ? AND p.phone_rev <> ''", prev, prev + END]);
    }
  } else if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    out.push(['p.initials = ?', lower]);
    out.push(['p.initials > ? AND p.initials < ?', lower, lower + END]);
  } else {
    out.push(['p.name = ?', q]);
    out.push(['p.name > ? AND p.name < ?', q, q + END]);
    const chars = [...q];
    if (chars.length >= 2) {
      out.push(['p.name IN (SELECT name FROM name_pieces WHERE gram = ?) AND instr(p.name, ?) > 0', chars[0]! + chars[1]!, q]);
    }
  }
  return out;
}

export function searchPersons(db: Database, raw: string, limit = 50): PersonSummary[] {
  const found = new Map<number, PersonSummary>();
  for (const [where, ...params] of branches(raw)) {
    if (found.size >= limit) break;
    for (const r of sql(db, `${SUMMARY} WHERE ${where} LIMIT ?`).all(...params, limit) as Row[]) {
      if (found.size >= limit) break;
      if (!found.has(r.id)) found.set(r.id, rowToSummary(r));
    }
  }
  return [...found.values()];
}

/**
 * How many persons match what was typed, counted up to `cap` (ids only, the same index ranges
 * as the search): `more` says there are more than `count`, so a single letter at a million
 * persons costs no more than a thousand index entries a branch.
 */
export function countPersons(db: Database, raw: string, cap = 1000): { count: number; more: boolean } {
  const ids = new Set<number>();
  for (const [where, ...params] of branches(raw)) {
    for (const r of sql(db, `SELECT p.id FROM persons p WHERE ${where} LIMIT ?`).all(...params, cap + 1) as { id: number }[]) ids.add(r.id);
    if (ids.size > cap) return { count: cap, more: true };
  }
  return { count: ids.size, more: false };
}

/** One digit wrong, or two neighbours swapped: the slips of typing a number by hand. */
export function nearIdNumber(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

const CHECK_CHARACTERS = [...'0123456789X'];

/**
 * Persons whose ID number is one slip from the given one in its first 17 characters. The check
 * character follows any slip (both numbers pass their checks), so it is not compared. A slip
 * leaves either the first 12 characters or characters 14–17 untouched (a swap of the 13th and
 * 14th touches neither group): one index range on the number, and eleven on the reversed number
 * (one per check character), find every such person.
 */
export function nearIdNumbers(db: Database, idNumber: string, limit = 10): PersonSummary[] {
  const id = idNumber.toUpperCase();
  if (id.length !== 18) return [];
  const head = id.slice(0, 12);
  const rows = sql(db, `${SUMMARY} WHERE p.id_number >= ? AND p.id_number < ? LIMIT 500`).all(head, head + END) as Row[];
  const tail = reverse(id.slice(13, 17));
  for (const c of CHECK_CHARACTERS) rows.push(...(sql(db, `${SUMMARY} WHERE p.id_rev >= ? AND p.id_rev < ? LIMIT 500`).all(c + tail, c + tail + END) as Row[]));
  const found = new Map<number, PersonSummary>();
  for (const r of rows) {
    if (found.size < limit && r.id_number !== id && nearIdNumber(id.slice(0, 17), r.id_number.slice(0, 17))) found.set(r.id, rowToSummary(r));
  }
  return [...found.values()];
}

export function personsNamed(db: Database, name: string, limit = 10): PersonSummary[] {
  return (sql(db, `${SUMMARY} WHERE p.name = ? LIMIT ?`).all(name, limit) as Row[]).map(rowToSummary);
}

export function personWithIdNumber(db: Database, idNumber: string): PersonSummary | undefined {
  const r = sql(db, `${SUMMARY} WHERE p.id_number = ?`).get(idNumber.toUpperCase()) as Row | undefined;
  return r && rowToSummary(r);
}
