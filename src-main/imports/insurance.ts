// 医保's 困难人员参保核实 list read into the ledger: each person's current 职工医保 and 县外参保
// facts, and what the list says of each year (insurance_history, which a lapse is counted from).
import { matchPerson } from '../domain/import/match';
import type { Database } from 'better-sqlite3';
import { OUT_OF_COUNTY, type OutOfCounty } from '../domain/codes';
import { divisionWhere, outOfCountyKind, type InsuranceRecord, type Scheme, type SchemeFact } from '../domain/import/insurance';
import type { BatchChanges } from '../ledger/import-batches';
import { historySays } from '../ledger/insurance-years';
import { insuranceFactsByIdNumber, insuranceFactsOf, putBackInsuranceFacts, setInsurance } from '../ledger/roster';
import { historyWriter, restoreHistory } from './history-rows';
import type { RowProblem, Tick } from '../excel/importing';
import { changedLater } from './later-changes';
import type { YearCount } from '../domain/import/file-years';

/** The 附件4 kinds a 医保 list can speak to; 参军 and 服刑 are the village's word and stay. */
const INSURANCE_KINDS = new Set<OutOfCounty>(['in_city_resident', 'in_city_employee', 'out_city_resident', 'out_city_employee']);

interface Facts {
  employeeInsured: boolean;
  outOfCounty: OutOfCounty | null;
  place: string;
}

interface HistoryFact {
  year: number;
  scheme: Scheme;
  insured: boolean;
  ended: boolean;
  division: string;
}

export interface InsuranceChange {
  row: number;
  personId: number;
  name: string;
  idNumber: string;
  /** The person's facts after, where they change. */
  facts: Facts | null;
  history: HistoryFact[];
  /** What changes, in the clerk's words (the dry run's diff). */
  what: string[];
}

export interface InsurancePlan {
  apply: InsuranceChange[];
  unchanged: number;
  problems: RowProblem[];
  /** The 居民医保 years the file's rows speak of, with its rows and the roster persons they name. */
  years: YearCount[];
}

export interface County {
  code: string;
  name: string;
}

const SCHEME_LABEL: Record<Scheme, string> = { employee: '职工医保', resident: '居民医保' };
const kindLabel = (k: OutOfCounty | null) => (k ? OUT_OF_COUNTY[k] : '无');

/**
 * Where the person is insured now, by the row: 职工医保 first (a person in both is an
 * employee), then 居民医保 outside the county. Facts older than `currentFrom` are history only.
 */
function nextFacts(now: Facts, r: InsuranceRecord, county: County, currentFrom: number): Facts | RowProblem {
  const next = { ...now };
  const current = (f: SchemeFact | null) => f !== null && (f.year === null || f.year >= currentFrom);
  const canSet = next.outOfCounty === null || INSURANCE_KINDS.has(next.outOfCounty);
  const place = (scheme: Scheme, f: SchemeFact): RowProblem | null => {
    if (!f.division || !canSet) return null;
    const where = divisionWhere(f.division, county);
    if (where === undefined)
      return {
        row: r.row,
        field: scheme === 'employee' ? 'employeeDivision' : 'residentDivision',
        message: `${SCHEME_LABEL[scheme]}所属区划“${f.division}”看不出是不是本县${county.code ? '' : '（设置中还没有填写本县区划代码）'}，请写 6 位区划代码，或在人员信息中登记县外参保。`,
      };
    if (where === 'county') {
      next.outOfCounty = null;
      next.place = '';
    } else {
      next.outOfCounty = outOfCountyKind(scheme, where);
      next.place = f.division;
    }
    return null;
  };
  if (current(r.employee)) {
    next.employeeInsured = r.employee!.insured;
    if (r.employee!.insured) {
      const p = place('employee', r.employee!);
      if (p) return p;
    } else if (next.outOfCounty?.endsWith('_employee')) {
      next.outOfCounty = null;
      next.place = '';
    }
  }
  if (current(r.resident) && r.resident!.insured && !(current(r.employee) && r.employee!.insured)) {
    const p = place('resident', r.resident!);
    if (p) return p;
  }
  return next;
}

function describeFacts(before: Facts, after: Facts): string[] {
  const out: string[] = [];
  if (before.employeeInsured !== after.employeeInsured)
    out.push(`职工医保：${before.employeeInsured ? '已参加' : '未参加'} → ${after.employeeInsured ? '已参加' : '未参加'}`);
  if (before.outOfCounty !== after.outOfCounty || before.place !== after.place)
    out.push(`县外参保：${kindLabel(before.outOfCounty)} → ${kindLabel(after.outOfCounty)}${after.place ? `（${after.place}）` : ''}`);
  return out;
}

export async function planInsurance(db: Database, records: InsuranceRecord[], county: County, currentFrom: number, tick: Tick): Promise<InsurancePlan> {
  const plan: InsurancePlan = { apply: [], unchanged: 0, problems: [], years: [] };
  const years = new Map<number, { rows: number; persons: Set<number> }>();
  const seen = new Map<string, number>();
  const factsFrom = new Map<string, number>();
  for (const r of records) {
    await tick();
    const m = matchPerson(r, insuranceFactsByIdNumber(db, r.idNumber));
    if (!('person' in m)) {
      plan.problems.push({ row: r.row, field: m.unmatched, message: m.message });
      continue;
    }
    const p = m.person;
    const ry = r.resident?.year;
    if (ry) {
      const y = years.get(ry) ?? { rows: 0, persons: new Set<number>() };
      years.set(ry, y);
      y.rows++;
      y.persons.add(p.id);
    }
    // A status sheet has a row per person and year; two answers for the same year and scheme,
    // or two rows that each move the person's present facts, are the clerk's to settle.
    const keys = (['employee', 'resident'] as const).flatMap((k) => (r[k]?.year ? [`${r.idNumber}|${k}|${r[k]!.year}`] : []));
    const clash = keys.map((k) => seen.get(k)).find((x) => x !== undefined);
    if (clash !== undefined) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: `与第 ${clash} 行是同一人同一年度的参保情况。` });
      continue;
    }
    const before: Facts = { employeeInsured: p.employee_insured === 1, outOfCounty: p.out_of_county, place: p.out_of_county_place };
    const after = nextFacts(before, r, county, currentFrom);
    if ('message' in after) {
      plan.problems.push(after);
      continue;
    }
    const factLines = describeFacts(before, after);
    const moved = factsFrom.get(r.idNumber);
    if (factLines.length && moved !== undefined) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: `第 ${moved} 行已改了此人现在的参保情况，同一人不能两行都改。` });
      continue;
    }
    for (const k of keys) seen.set(k, r.row);
    if (factLines.length) factsFrom.set(r.idNumber, r.row);
    const what = [...factLines];
    const history: HistoryFact[] = [];
    for (const scheme of ['employee', 'resident'] as const) {
      const f = r[scheme];
      if (!f || f.year === null) continue;
      const ended = f.ended === true;
      const had = historySays(db, p.id, f.year, scheme);
      if (had && had.insured === (f.insured ? 1 : 0) && had.ended === (ended ? 1 : 0) && had.division === f.division) continue;
      history.push({ year: f.year, scheme, insured: f.insured, ended, division: f.division });
      const word = (insured: boolean, e: boolean) => (insured ? '已参保' : e ? '终止或暂停参保（该年度情况不明）' : '未参保');
      const was = had ? `${word(had.insured === 1, had.ended === 1)} → ` : '';
      what.push(`${f.year} 年${SCHEME_LABEL[scheme]}：${was}${word(f.insured, ended)}${f.division ? `（${f.division}）` : ''}`);
    }
    if (!what.length) {
      plan.unchanged++;
      continue;
    }
    plan.apply.push({ row: r.row, personId: p.id, name: p.name, idNumber: r.idNumber, facts: factLines.length ? after : null, history, what });
  }
  plan.years = [...years].map(([year, y]) => ({ year, rows: y.rows, persons: y.persons.size }));
  return plan;
}

export async function commitInsurance(
  db: Database,
  plan: InsurancePlan,
  changes: BatchChanges,
  at: string,
  tick: Tick,
  source: string,
): Promise<{ apply: number; history: number }> {
  let history = 0;
  const record = historyWriter(db, changes, source, at);
  for (const c of plan.apply) {
    await tick();
    if (c.facts) {
      const b = insuranceFactsOf(db, c.personId)!;
      changes.add('person', c.personId, 'update', { employeeInsured: b.employeeInsured === 1, outOfCounty: b.outOfCounty, place: b.place });
      setInsurance(db, c.personId, c.facts.employeeInsured, c.facts.outOfCounty, c.facts.place, at);
    }
    for (const h of c.history) {
      record(c.personId, h);
      history++;
    }
  }
  return { apply: plan.apply.filter((c) => c.facts).length, history };
}

export function undoInsurance(
  db: Database,
  changes: { entity: string; entityId: number; op: string; before: unknown }[],
  batch: { id: number; at: string },
): string | null {
  const later = changedLater(db, changes, batch, ['person', 'insurance_history']);
  if (later) return later;
  for (const c of changes) {
    if (c.entity === 'insurance_history') {
      restoreHistory(db, c.entityId, c.before);
    } else if (c.entity === 'person' && c.op === 'update') {
      putBackInsuranceFacts(db, c.entityId, c.before as { employeeInsured: boolean; outOfCounty: string | null; place: string });
    }
  }
  return null;
}
