import type { Database } from 'better-sqlite3';
import type { OfficeInput, Office, Village } from '../types/office';
import { sql } from './statements';

interface VillageRow {
  id: number;
  code: string;
  name: string;
  retired_on: string | null;
  unit_code: string;
}

const rowToVillage = (r: VillageRow): Village => ({
  id: r.id,
  code: r.code,
  name: r.name,
  retiredOn: r.retired_on,
  unitCode: r.unit_code,
});

export function getOffice(db: Database): Office {
  const r = sql(db, 'SELECT township_name, county, county_code, receipt_full_id, phone, address, public_days FROM office WHERE id = 1').get() as {
    township_name: string;
    county: string;
    county_code: string;
    receipt_full_id: number;
    phone: string;
    address: string;
    public_days: number;
  };
  return {
    townshipName: r.township_name,
    county: r.county,
    countyCode: r.county_code,
    receiptFullId: r.receipt_full_id === 1,
    phone: r.phone,
    address: r.address,
    publicDays: r.public_days,
  };
}

/** 云阳县农坝镇: how receipts and papers name the office. */
export const officeTitle = (o: Office) => `${o.county}${o.townshipName}`;

export function updateOffice(db: Database, o: OfficeInput): Office {
  sql(db, 'UPDATE office SET township_name = ?, county = ? WHERE id = 1').run(o.townshipName, o.county);
  if (o.countyCode !== undefined) sql(db, 'UPDATE office SET county_code = ? WHERE id = 1').run(o.countyCode);
  if (o.receiptFullId !== undefined) sql(db, 'UPDATE office SET receipt_full_id = ? WHERE id = 1').run(o.receiptFullId ? 1 : 0);
  if (o.phone !== undefined) sql(db, 'UPDATE office SET phone = ? WHERE id = 1').run(o.phone);
  if (o.address !== undefined) sql(db, 'UPDATE office SET address = ? WHERE id = 1').run(o.address);
  if (o.publicDays !== undefined) sql(db, 'UPDATE office SET public_days = ? WHERE id = 1').run(o.publicDays);
  return getOffice(db);
}

export function listVillages(db: Database, includeRetired: boolean): Village[] {
  const rows = sql(
    db,
    `SELECT id, code, name, retired_on, unit_code FROM villages
       ${includeRetired ? '' : 'WHERE retired_on IS NULL'}
       ORDER BY retired_on IS NOT NULL, code, id`,
  ).all() as VillageRow[];
  return rows.map(rowToVillage);
}

export function getVillage(db: Database, id: number): Village | undefined {
  const r = sql(db, 'SELECT id, code, name, retired_on, unit_code FROM villages WHERE id = ?').get(id) as VillageRow | undefined;
  return r && rowToVillage(r);
}

export function findVillageByCode(db: Database, code: string): Village | undefined {
  const r = sql(db, 'SELECT id, code, name, retired_on, unit_code FROM villages WHERE code = ?').get(code) as VillageRow | undefined;
  return r && rowToVillage(r);
}

export function findActiveVillageByName(db: Database, name: string): Village | undefined {
  const r = sql(db, 'SELECT id, code, name, retired_on, unit_code FROM villages WHERE name = ? AND retired_on IS NULL').get(name) as VillageRow | undefined;
  return r && rowToVillage(r);
}

export function insertVillage(db: Database, code: string, name: string, today: string): Village {
  const info = sql(db, 'INSERT INTO villages (code, name, created_on) VALUES (?, ?, ?)').run(code, name, today);
  return getVillage(db, Number(info.lastInsertRowid))!;
}

export function setVillageUnitCode(db: Database, id: number, unitCode: string): void {
  sql(db, 'UPDATE villages SET unit_code = ? WHERE id = ?').run(unitCode, id);
}

export function setVillageName(db: Database, id: number, name: string): void {
  sql(db, 'UPDATE villages SET name = ? WHERE id = ?').run(name, id);
}

export function setVillageRetired(db: Database, id: number, retiredOn: string | null): void {
  sql(db, 'UPDATE villages SET retired_on = ? WHERE id = ?').run(retiredOn, id);
}
