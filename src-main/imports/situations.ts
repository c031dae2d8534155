// 附件4 and the not-enrolled worklist, filled in by the villages and sent back: who is
// insured outside the county (and where), who has died, is an empty registration or abroad,
// and why someone still in scope is not enrolled this year (拒参, 失踪, 户口迁出 …).
import type { Database } from 'better-sqlite3';
import { historyWriter, restoreHistory } from './history-rows';
import { NOT_ENROLLED_REASONS, OUT_OF_COUNTY, OUT_OF_SCOPE, type NotEnrolledReason, type OutOfCounty, type OutOfScope } from '../domain/codes';
import type { SituationRecord } from '../domain/import/rows';
import { chinaDate } from '../domain/dates';
import { sql } from '../ledger/statements';
import type { BatchChanges } from '../ledger/import-batches';
import type { RowProblem, Tick } from '../excel/importing';
import { changedLater } from './later-changes';

export interface SituationPlan {
  /** The year a not-enrolled reason is for (the worklist's year). */
  coverageYear: number;
  apply: { personId: number; name: string; record: SituationRecord; what: string }[];
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

const isReason = (code: string): code is NotEnrolledReason => code in NOT_ENROLLED_REASONS;

/** What the row sets, in the clerk's words (the dry run's diff). */
function describeSituation(r: SituationRecord, year: number): string {
  if (r.situation in OUT_OF_COUNTY) return `县外参保：${OUT_OF_COUNTY[r.situation as OutOfCounty]}${r.place ? `（${r.place}）` : ''}`;
  if (isReason(r.situation)) return `${year} 年度未参保原因：${NOT_ENROLLED_REASONS[r.situation]}${r.place ? `（${r.place}）` : ''}`;
  return `人员状态：${OUT_OF_SCOPE[r.situation as OutOfScope]}`;
}

export async function planSituations(db: Database, records: SituationRecord[], coverageYear: number, tick: Tick): Promise<SituationPlan> {
  const plan: SituationPlan = { coverageYear, apply: [], unchanged: 0, problems: [] };
  const reasonOf = sql(db, 'SELECT reason, note FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?');
  const find = sql(db, 'SELECT id, name, status, out_of_county, out_of_county_place FROM persons WHERE id_number = ?');
  // Two answers for one person (a village that filled in a row twice) are the clerk's to settle, not the last one's.
  const seen = new Map<string, number>();
  for (const r of records) {
    await tick();
    const first = seen.get(r.idNumber);
    if (first !== undefined) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: `身份证号与第 ${first} 行重复。` });
      continue;
    }
    seen.set(r.idNumber, r.row);
    const p = find.get(r.idNumber) as Lite | undefined;
    if (!p) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: '台账中没有此身份证号。' });
      continue;
    }
    if (r.name && r.name !== p.name) {
      plan.problems.push({ row: r.row, field: 'name', message: `台账中此身份证号登记的姓名是「${p.name}」。` });
      continue;
    }
    const had = isReason(r.situation) ? (reasonOf.get(p.id, coverageYear) as { reason: string; note: string } | undefined) : undefined;
    const same =
      r.situation in OUT_OF_COUNTY
        ? p.out_of_county === r.situation && p.out_of_county_place === r.place
        : isReason(r.situation)
          ? had?.reason === r.situation && had.note === r.place
          : p.status === r.situation;
    if (same) plan.unchanged++;
    else plan.apply.push({ personId: p.id, name: p.name, record: r, what: describeSituation(r, coverageYear) });
  }
  return plan;
}

export async function commitSituations(
  db: Database,
  plan: SituationPlan,
  changes: BatchChanges,
  at: string,
  tick: Tick,
  source: string,
): Promise<{ apply: number }> {
  const today = chinaDate(new Date(at));
  // 县外参保 in the list is the list's year's record too: a later season counts it as insured.
  const record = historyWriter(db, changes, source, at);
  for (const { personId, record: r } of plan.apply) {
    await tick();
    if (isReason(r.situation)) {
      const prior = sql(db, 'SELECT reason, note, source, set_at AS setAt FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?').get(
        personId,
        plan.coverageYear,
      );
      changes.add('not_enrolled_reason', personId, prior ? 'update' : 'insert', { year: plan.coverageYear, prior: prior ?? null });
      sql(
        db,
        `INSERT INTO not_enrolled_reasons (person_id, coverage_year, reason, note, source, set_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET reason = excluded.reason, note = excluded.note, source = excluded.source, set_at = excluded.set_at`,
      ).run(personId, plan.coverageYear, r.situation, r.place, source, at);
      continue;
    }
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
      const scheme = r.situation.endsWith('_employee') ? 'employee' : r.situation.endsWith('_resident') ? 'resident' : null;
      if (scheme) record(personId, { year: plan.coverageYear, scheme, insured: true, division: '' });
    } else {
      sql(db, 'UPDATE persons SET status = ?, status_on = ?, updated_at = ? WHERE id = ?').run(r.situation, today, at, personId);
    }
  }
  return { apply: plan.apply.length };
}

export function undoSituations(
  db: Database,
  changes: { entity: string; entityId: number; op: string; before: unknown }[],
  batch: { id: number; at: string },
): string | null {
  const later = changedLater(db, changes, batch, ['person', 'not_enrolled_reason', 'insurance_history']);
  if (later) return later;
  for (const c of changes) {
    if (c.entity === 'insurance_history') {
      restoreHistory(db, c.entityId, c.before);
      continue;
    }
    if (c.entity === 'not_enrolled_reason') {
      const b = c.before as { year: number; prior: { reason: string; note: string; source: string; setAt: string } | null };
      if (b.prior)
        sql(db, 'UPDATE not_enrolled_reasons SET reason = ?, note = ?, source = ?, set_at = ? WHERE person_id = ? AND coverage_year = ?').run(
          b.prior.reason,
          b.prior.note,
          b.prior.source,
          b.prior.setAt,
          c.entityId,
          b.year,
        );
      else sql(db, 'DELETE FROM not_enrolled_reasons WHERE person_id = ? AND coverage_year = ?').run(c.entityId, b.year);
      continue;
    }
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
