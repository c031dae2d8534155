// 附件4 and the not-enrolled worklist, filled in by the villages and sent back: who is
// insured outside the county (and where), who has died, is an empty registration or abroad.
import type { Database } from 'better-sqlite3';
import { OUT_OF_COUNTY, type OutOfCounty } from '../domain/codes';
import type { SituationRecord } from '../domain/import/rows';
import { chinaDate } from '../domain/dates';
import { sql } from '../ledger/statements';
import type { BatchChanges } from '../excel/batches';
import type { RowProblem, Tick } from '../excel/importing';

export interface SituationPlan {
  apply: { personId: number; record: SituationRecord }[];
  unchanged: number;
  problems: RowProblem[];
}

interface Lite {
  id: number;
  name: string;
  status: string;
  out_of_county: string | null;
  out_of_county_place: string;
}

export async function planSituations(db: Database, records: SituationRecord[], tick: Tick): Promise<SituationPlan> {
  const plan: SituationPlan = { apply: [], unchanged: 0, problems: [] };
  const find = sql(db, 'SELECT id, name, status, out_of_county, out_of_county_place FROM persons WHERE id_number = ?');
  for (const r of records) {
    await tick();
    const p = find.get(r.idNumber) as Lite | undefined;
    if (!p) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: '台账中没有此身份证号。' });
      continue;
    }
    if (r.name && r.name !== p.name) {
      plan.problems.push({ row: r.row, field: 'name', message: `台账中此身份证号登记的姓名是「${p.name}」。` });
      continue;
    }
    const same = r.situation in OUT_OF_COUNTY ? p.out_of_county === r.situation && p.out_of_county_place === r.place : p.status === r.situation;
    if (same) plan.unchanged++;
    else plan.apply.push({ personId: p.id, record: r });
  }
  return plan;
}

export async function commitSituations(db: Database, plan: SituationPlan, changes: BatchChanges, at: string, tick: Tick): Promise<{ apply: number }> {
  const today = chinaDate(new Date(at));
  for (const { personId, record: r } of plan.apply) {
    await tick();
    const before = sql(db, 'SELECT status, status_on AS statusOn, out_of_county AS outOfCounty, out_of_county_place AS place FROM persons WHERE id = ?').get(
      personId,
    );
    changes.add('person', personId, 'update', before);
    if (r.situation in OUT_OF_COUNTY) {
      sql(db, 'UPDATE persons SET out_of_county = ?, out_of_county_place = ?, updated_at = ? WHERE id = ?').run(
        r.situation as OutOfCounty,
        r.place,
        at,
        personId,
      );
    } else {
      sql(db, 'UPDATE persons SET status = ?, status_on = ?, updated_at = ? WHERE id = ?').run(r.situation, today, at, personId);
    }
  }
  return { apply: plan.apply.length };
}

export function undoSituations(db: Database, changes: { entity: string; entityId: number; op: string; before: unknown }[]): string | null {
  for (const c of changes) {
    if (c.entity !== 'person' || c.op !== 'update') continue;
    const b = c.before as { status: string; statusOn: string | null; outOfCounty: string | null; place: string };
    sql(db, 'UPDATE persons SET status = ?, status_on = ?, out_of_county = ?, out_of_county_place = ? WHERE id = ?').run(
      b.status,
      b.statusOn,
      b.outOfCounty,
      b.place,
      c.entityId,
    );
  }
  return null;
}
