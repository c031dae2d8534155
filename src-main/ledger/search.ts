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

export function searchPersons(db: Database, raw: string, limit = 50): PersonSummary[] {
  const q = raw.replace(/\s+/g, '');
  if (!q) return [];
  const found = new Map<number, PersonSummary>();
  const take = (where: string, ...params: unknown[]) => {
    if (found.size >= limit) return;
    for (const r of sql(db, `${SUMMARY} WHERE ${where} LIMIT ?`).all(...params, limit) as Row[]) {
      if (found.size >= limit) break;
      if (!found.has(r.id)) found.set(r.id, rowToSummary(r));
    }
  };

  if (/^\d+[xX]?$/.test(q)) {
    const up = q.toUpperCase();
    if (up.length >= 6) take('p.id_number >= ? AND p.id_number < ?', up, up + END);
    const rev = reverse(up);
    take('p.id_rev >= ? AND p.id_rev < ?', rev, rev + END);
    if (/^\d+$/.test(q)) {
      if (q.length >= 3) take("p.phone >= ? AND p.phone < ? AND p.phone <> ''", q, q + END);
      const prev = reverse(q);
      take("p.phone_rev >= ? AND p.phone_rev < ? AND p.phone_rev <> ''", prev, prev + END);
    }
  } else if (/^[a-zA-Z]+$/.test(q)) {
    const lower = q.toLowerCase();
    take('p.initials = ?', lower);
    take('p.initials > ? AND p.initials < ?', lower, lower + END);
  } else {
    take('p.name = ?', q);
    take('p.name > ? AND p.name < ?', q, q + END);
    const chars = [...q];
    if (chars.length >= 2) {
      take('p.name IN (SELECT name FROM name_pieces WHERE gram = ?) AND instr(p.name, ?) > 0', chars[0]! + chars[1]!, q);
    }
  }
  return [...found.values()];
}
