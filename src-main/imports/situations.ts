// 附件4 and the not-enrolled worklist, filled in by the villages and sent back: who is
// insured outside the county (and where), who has died, is an empty registration or abroad,
// and why someone still in scope is not enrolled this year (拒参, 失踪, 户口迁出 …).
import { matchPerson } from '../domain/import/match';
import type { Database } from 'better-sqlite3';
import { historyWriter, restoreHistory } from './history-rows';
import { NOT_ENROLLED_REASONS, OUT_OF_COUNTY, OUT_OF_SCOPE, type NotEnrolledReason, type OutOfCounty, type OutOfScope } from '../domain/codes';
import type { SituationRecord } from '../domain/import/rows';
import { chinaDate } from '../domain/dates';
import type { BatchChanges } from '../ledger/import-batches';
import { dropNotEnrolledReason, notEnrolledReason, putBackReason, reasonRecord, setNotEnrolledReason, type ReasonRecord } from '../ledger/not-enrolled-reasons';
import { putBackSituation, setOutOfCounty, setStatus, situationByIdNumber, situationOf, type Situation } from '../ledger/roster';
import type { RowProblem, Tick } from '../excel/importing';
import { listForPerson } from '../ledger/enrollments';
import { formatYuan } from '../domain/money';
import type { Enrollment } from '../types/enroll';
import { changedLater } from './later-changes';

export interface SituationPlan {
  /** The year a not-enrolled reason is for (the worklist's year). */
  coverageYear: number;
  apply: { personId: number; name: string; record: SituationRecord; what: string; money: string[] }[];
  unchanged: number;
  problems: RowProblem[];
}

const isReason = (code: string): code is NotEnrolledReason => code in NOT_ENROLLED_REASONS;

/** What the row sets, in the clerk's words (the dry run's diff). */
function describeSituation(r: SituationRecord, year: number): string {
  if (r.situation in OUT_OF_COUNTY) return `县外参保：${OUT_OF_COUNTY[r.situation as OutOfCounty]}${r.place ? `（${r.place}）` : ''}`;
  if (isReason(r.situation)) return `${year} 年度未参保原因：${NOT_ENROLLED_REASONS[r.situation]}${r.place ? `（${r.place}）` : ''}`;
  return `人员状态：${OUT_OF_SCOPE[r.situation as OutOfScope]}${r.on ? `（${r.on}）` : ''}`;
}

/**
 * What a death means for money (docs/rules.md "A death list"): each standing payment made after
 * the death, or for a year that starts after it, to refund or void by hand; never voided here.
 */
export function afterDeath(enrollments: readonly Enrollment[], on: string): string[] {
  return enrollments
    .filter((e) => e.status === 'active' && (e.paidOn > on || `${e.coverageYear}-01-01` > on))
    .map(
      (e) =>
        `${e.coverageYear} 年度已缴费（收据号 ${e.receiptNo}，${e.paidOn} 缴，个人 ${formatYuan(e.personalFen)} 元）：${e.paidOn > on ? '死亡之后缴的费' : '死亡之后才开始的年度'}，请核实后在人员信息中退费或作废（导入不会自动作废）。`,
    );
}

export async function planSituations(db: Database, records: SituationRecord[], coverageYear: number, tick: Tick): Promise<SituationPlan> {
  const plan: SituationPlan = { coverageYear, apply: [], unchanged: 0, problems: [] };
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
    const m = matchPerson(r, situationByIdNumber(db, r.idNumber));
    if (!('person' in m)) {
      plan.problems.push({ row: r.row, field: m.unmatched, message: m.message });
      continue;
    }
    const p = m.person;
    const had = isReason(r.situation) ? notEnrolledReason(db, p.id, coverageYear) : undefined;
    const same =
      r.situation in OUT_OF_COUNTY
        ? p.out_of_county === r.situation && p.out_of_county_place === r.place
        : isReason(r.situation)
          ? had?.reason === r.situation && had.note === r.place
          : p.status === r.situation && (r.on === null || p.status_on === r.on);
    if (same) plan.unchanged++;
    else {
      const money = r.situation === 'deceased' && r.on ? afterDeath(listForPerson(db, p.id), r.on) : [];
      plan.apply.push({ personId: p.id, name: p.name, record: r, what: describeSituation(r, coverageYear), money });
    }
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
      const prior = reasonRecord(db, personId, plan.coverageYear);
      changes.add('not_enrolled_reason', personId, prior ? 'update' : 'insert', { year: plan.coverageYear, prior: prior ?? null });
      setNotEnrolledReason(db, personId, plan.coverageYear, { reason: r.situation, note: r.place, source, setAt: at });
      continue;
    }
    changes.add('person', personId, 'update', situationOf(db, personId));
    if (r.situation in OUT_OF_COUNTY) {
      setOutOfCounty(db, personId, r.situation as OutOfCounty, r.place, at);
      const scheme = r.situation.endsWith('_employee') ? 'employee' : r.situation.endsWith('_resident') ? 'resident' : null;
      if (scheme) record(personId, { year: plan.coverageYear, scheme, insured: true, division: '' });
    } else {
      setStatus(db, personId, r.situation as OutOfScope, r.on ?? today, at);
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
      const b = c.before as { year: number; prior: ReasonRecord | null };
      if (b.prior) putBackReason(db, c.entityId, b.year, b.prior);
      else dropNotEnrolledReason(db, c.entityId, b.year);
      continue;
    }
    if (c.entity !== 'person' || c.op !== 'update') continue;
    putBackSituation(db, c.entityId, c.before as Situation);
  }
  return null;
}
