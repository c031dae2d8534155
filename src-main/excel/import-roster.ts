// Roster import (花名册, from the 公安/村 lists): households and persons, new ones added and
// existing ones (same ID number) updated.
import type { Database } from 'better-sqlite3';
import type { RosterRecord } from '../domain/import/rows';
import { listVillages } from '../ledger/office';
import { bulkPersonWriter, findPersonByIdNumber, getPerson, householdId, insertHousehold, movePerson, patchPerson } from '../ledger/roster';
import { sql } from '../ledger/statements';
import type { BatchChanges } from './batches';
import type { RowProblem, Tick } from './importing';

/** From this many new persons the search indexes are built once at the end instead of row by row. */
const REBUILD_INDEXES_FROM = 100_000;

export interface RosterPlan {
  adds: RosterRecord[];
  updates: { record: RosterRecord; personId: number }[];
  unchanged: number;
  problems: RowProblem[];
}

export function villageMatcher(db: Database) {
  const byName = new Map<string, number>();
  for (const v of listVillages(db, false)) {
    byName.set(v.name, v.id);
    // 幸福村 is often written 幸福, 农坝社区 as 农坝.
    byName.set(v.name.replace(/(村|社区|居委会|村委会)$/, ''), v.id);
  }
  return (name: string) => byName.get(name.trim()) ?? byName.get(name.trim().replace(/(村|社区|居委会|村委会|村民委员会|居民委员会)$/, ''));
}

export async function planRoster(db: Database, records: RosterRecord[], tick: Tick): Promise<RosterPlan> {
  const village = villageMatcher(db);
  const seen = new Map<string, number>();
  const plan: RosterPlan = { adds: [], updates: [], unchanged: 0, problems: [] };
  for (const r of records) {
    await tick();
    const first = seen.get(r.idNumber);
    if (first !== undefined) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: `身份证号与第 ${first} 行重复。` });
      continue;
    }
    seen.set(r.idNumber, r.row);
    const villageId = village(r.village);
    if (villageId === undefined) {
      plan.problems.push({ row: r.row, field: 'village', message: `村（社区）“${r.village}”不在本乡镇的村/社区名单中（或已停用），请先在设置中添加或更正文件。` });
      continue;
    }
    const existing = findPersonByIdNumber(db, r.idNumber);
    if (!existing) {
      plan.adds.push(r);
      continue;
    }
    if (existing.name !== r.name) {
      plan.problems.push({ row: r.row, field: 'name', message: `台账中此身份证号登记的姓名是「${existing.name}」，文件中是「${r.name}」，请核实。` });
      continue;
    }
    const sameHousehold = existing.villageId === villageId && existing.householdNumber === r.householdNumber;
    const same = sameHousehold && (r.phone === '' || r.phone === existing.phone) && (r.relation === '' || r.relation === existing.relation);
    if (same) plan.unchanged++;
    else plan.updates.push({ record: r, personId: existing.id });
  }
  return plan;
}

export async function commitRoster(db: Database, plan: RosterPlan, changes: BatchChanges, at: string, tick: Tick): Promise<{ added: number; updated: number; households: number }> {
  const village = villageMatcher(db);
  const writer = bulkPersonWriter(db, { rebuildIndexes: plan.adds.length >= REBUILD_INDEXES_FROM });
  let households = 0;
  const known = new Map<string, number>();
  const household = (r: RosterRecord): { id: number; villageId: number } => {
    const villageId = village(r.village)!;
    const key = `${villageId}\u0000${r.householdNumber}`;
    let id = known.get(key) ?? householdId(db, villageId, r.householdNumber);
    if (id === undefined) {
      id = insertHousehold(db, villageId, r.householdNumber, r.address, at);
      changes.add('household', id, 'insert');
      households++;
    }
    known.set(key, id);
    return { id, villageId };
  };
  // In ID order, the unique index on the number grows at its end instead of all over.
  const adds = [...plan.adds].sort((a, b) => (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0));
  for (const r of adds) {
    await tick();
    const h = household(r);
    const id = writer.add({ idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, phone: r.phone, householdId: h.id, villageId: h.villageId, relation: r.relation, residence: 'local_hukou', student: 'none' }, at);
    if (r.relation === '户主') sql(db, 'UPDATE households SET head_person_id = ? WHERE id = ? AND head_person_id IS NULL').run(id, h.id);
    changes.add('person', id, 'insert');
  }
  for (const { record: r, personId } of plan.updates) {
    await tick();
    const before = getPerson(db, personId)!;
    changes.add('person', personId, 'update', { phone: before.phone, relation: before.relation, householdId: before.householdId, villageId: before.villageId });
    const h = household(r);
    if (h.id !== before.householdId) movePerson(db, personId, h.id, h.villageId, r.relation || before.relation, at);
    patchPerson(db, personId, { ...(r.phone ? { phone: r.phone } : {}), ...(r.relation ? { relation: r.relation } : {}) }, at);
  }
  await writer.finish(() => new Promise((r) => setImmediate(r)));
  return { added: plan.adds.length, updated: plan.updates.length, households };
}

/** Undo refuses (returns a reason) when later work depends on what the batch added. */
export function undoRoster(db: Database, changes: { entity: string; entityId: number; op: 'insert' | 'update'; before: unknown }[], at: string): string | null {
  for (const c of changes) {
    if (c.entity === 'person' && c.op === 'insert') {
      const used = sql(db, 'SELECT (SELECT count(*) FROM enrollments WHERE person_id = ?) + (SELECT count(*) FROM person_categories WHERE person_id = ?)').pluck().get(c.entityId, c.entityId) as number;
      if (used) {
        const p = getPerson(db, c.entityId);
        return `「${p?.name ?? c.entityId}」导入后已有参保或资助身份记录，不能整批撤销。`;
      }
    }
  }
  for (const c of changes) {
    if (c.entity === 'person' && c.op === 'insert') {
      sql(db, 'UPDATE households SET head_person_id = NULL WHERE head_person_id = ?').run(c.entityId);
      sql(db, 'DELETE FROM persons WHERE id = ?').run(c.entityId);
    } else if (c.entity === 'person' && c.op === 'update') {
      const b = c.before as { phone: string; relation: string; householdId: number; villageId: number };
      movePerson(db, c.entityId, b.householdId, b.villageId, b.relation, at);
      patchPerson(db, c.entityId, { phone: b.phone, relation: b.relation }, at);
    } else if (c.entity === 'household' && c.op === 'insert') {
      const left = sql(db, 'SELECT count(*) FROM persons WHERE household_id = ?').pluck().get(c.entityId) as number;
      if (left) return '导入时新建的户里后来又登记了其他人，不能整批撤销。';
      sql(db, 'DELETE FROM households WHERE id = ?').run(c.entityId);
    }
  }
  return null;
}
