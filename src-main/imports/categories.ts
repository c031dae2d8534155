// A department's category list (民政 低保名单, 残联 重度残疾名单 …): certifies the category for
// every matched person, reports IDs the ledger does not hold, and shows who is on the
// previous list from the same department but not on this one.
import { matchPerson } from '../domain/import/match';
import type { Database } from 'better-sqlite3';
import { PERSON_CATEGORIES, type Department, type PersonCategory } from '../domain/codes';
import { addDays } from '../domain/dates';
import type { CategoryReading } from '../domain/import/category-labels';
import type { CategoryRecord } from '../domain/import/rows';
import {
  deleteCertification,
  keepFullList,
  lastListCertifications,
  openCertification,
  putBackCertificationEnd,
  redateCertification,
  type ListedCertification,
} from '../ledger/category-certs';
import { endCategory, getCategory, insertCategory, whoHasIdNumber } from '../ledger/roster';
import type { BatchChanges } from '../ledger/import-batches';
import type { RowProblem, Tick } from '../excel/importing';
import { changedLater } from './later-changes';

export interface CategoryOptions {
  code?: PersonCategory;
  department: Department;
  validFrom: string;
  source: string;
  endLost?: boolean;
}

export interface CategoryPlan {
  certify: { personId: number; code: PersonCategory; validFrom: string; row: number; name: string; idNumber: string }[];
  /** Open certifications the list dates earlier than the ledger does (a list first imported without its dates). */
  redate: { categoryId: number; code: PersonCategory; from: string; validFrom: string; row: number; name: string; idNumber: string }[];
  unchanged: number;
  problems: RowProblem[];
  /** Certified by the previous list of this department, open, and absent from this one. */
  lost: ListedCertification[];
  /**
   * Why those not on the list are not ended this time: a row the dry run could not read may be
   * one of them (nobody is ended because a row was unreadable). The other rows go in as usual.
   */
  lostHeld: string | null;
  /** Everyone the list names who is on the roster, in each category it names: kept when it is applied as a full list. */
  members: { personId: number; code: PersonCategory }[];
}

export async function planCategories(
  db: Database,
  records: CategoryRecord[],
  opts: CategoryOptions,
  readLabel: (label: string, opts: { grades: boolean }) => CategoryReading,
  tick: Tick,
): Promise<CategoryPlan> {
  const plan: CategoryPlan = { certify: [], redate: [], unchanged: 0, problems: [], lost: [], lostHeld: null, members: [] };
  const seen = new Map<string, number>();
  const codesOnList = new Set<PersonCategory>();
  const onThisList = new Set<string>();
  for (const r of records) {
    await tick();
    const codes = codesOf(r, opts, readLabel, plan.problems);
    if (!codes) continue;
    const found = whoHasIdNumber(db, r.idNumber);
    // On the list whatever name it gives: a certification of theirs is not lost by a typo.
    if (found) for (const code of codes) onThisList.add(`${found.id}|${code}`);
    const m = matchPerson(r, found);
    const fresh = codes.filter((code) => !seen.has(`${r.idNumber}|${code}`));
    if (!fresh.length) {
      plan.problems.push({ row: r.row, field: 'idNumber', message: `与第 ${seen.get(`${r.idNumber}|${codes[0]}`)} 行重复。` });
      continue;
    }
    for (const code of fresh) seen.set(`${r.idNumber}|${code}`, r.row);
    if (!('person' in m)) {
      // Not on the roster: the list's name says whom to register first.
      const message = m.unmatched === 'idNumber' ? `台账中没有身份证号 ${r.idNumber}（${r.name || '姓名未填'}），请先在花名册中登记。` : `${m.message}请核实。`;
      plan.problems.push({ row: r.row, field: m.unmatched, message });
      continue;
    }
    const p = m.person;
    const validFrom = r.validFrom ?? opts.validFrom;
    // A cell may name several categories (低保、重度残疾): each is certified.
    for (const code of fresh) {
      codesOnList.add(code);
      const had = openCertification(db, p.id, code, validFrom);
      const who = { row: r.row, name: p.name, idNumber: r.idNumber };
      if (!had) plan.certify.push({ personId: p.id, code, validFrom, ...who });
      // Held from a later day (the list went in once without its dates): the list's date is the
      // certification's, where the certification is this department's own.
      else if (had.validFrom > validFrom && had.department === opts.department)
        plan.redate.push({ categoryId: had.id, code, from: had.validFrom, validFrom, ...who });
      else plan.unchanged++;
    }
  }
  // Only for the groups this list speaks of: a 低保 list says nothing of who is 低保边缘户.
  plan.lost = lastListCertifications(db, opts.department).filter((x) => codesOnList.has(x.code) && !onThisList.has(`${x.personId}|${x.code}`));
  plan.members = [...onThisList].map((k) => {
    const [personId, code] = k.split('|');
    return { personId: Number(personId), code: code as PersonCategory };
  });
  return plan;
}

/** Holds the ending of those not on the list while any row could not be read (its ID or its category). */
export function holdLost(plan: CategoryPlan, opts: CategoryOptions, unreadRows: number): void {
  const unread = unreadRows + plan.problems.filter((p) => p.field === 'category' || p.field === null).length;
  if (!opts.endLost || unread === 0) return;
  // Not kept as the full list either: the next one would miss whoever is on the unread row.
  plan.lostHeld = plan.lost.length
    ? `有 ${unread} 行读不出（见问题行），其中可能就有不在本次名单上的人，这次不终止任何人的认定；其余各行照常导入。改正这些行后再导入一次，才会终止不在名单上的 ${plan.lost.length} 人。`
    : `有 ${unread} 行读不出（见问题行），这份名单这次不作为该部门的全部名单保存；其余各行照常导入。改正这些行后再导入一次。`;
}

/** The codes a row's label names, or null with the row's problem noted: an unknown or ambiguous label is the clerk's to decide. */
function codesOf(
  r: CategoryRecord,
  opts: CategoryOptions,
  readLabel: (label: string, o: { grades: boolean }) => CategoryReading,
  problems: RowProblem[],
): PersonCategory[] | null {
  if (!r.label) {
    if (opts.code) return [opts.code];
    problems.push({ row: r.row, field: null, message: '没有人员类别列，请在导入时选择这份名单的类别。' });
    return null;
  }
  const reading = readLabel(r.label, { grades: r.grade });
  const said: string[] = [];
  if (reading.unknown.length) said.push(`“${reading.unknown.join('”“')}”对不上任何资助类别`);
  for (const a of reading.ambiguous) said.push(`“${a.label}”对应多个类别（${a.codes.map((c) => PERSON_CATEGORIES[c]).join('、')}），请核对后在导入时指定类别`);
  if (said.length || !reading.codes.length) {
    problems.push({ row: r.row, field: 'category', message: `人员类别“${r.label}”中${said.join('；') || '没有可识别的类别'}。` });
    return null;
  }
  return reading.codes;
}

export async function commitCategories(
  db: Database,
  batchId: number,
  plan: CategoryPlan,
  opts: CategoryOptions,
  changes: BatchChanges,
  actor: string,
  today: string,
  at: string,
  tick: Tick,
): Promise<{ certify: number; redate: number; ended: number }> {
  for (const c of plan.certify) {
    await tick();
    const cat = insertCategory(
      db,
      {
        personId: c.personId,
        code: c.code,
        department: opts.department,
        validFrom: c.validFrom,
        validTo: null,
        source: opts.source,
        sourceOn: today,
        createdBy: actor,
      },
      at,
    );
    changes.add('person_category', cat.id, 'insert');
  }
  for (const d of plan.redate) {
    await tick();
    changes.add('person_category', d.categoryId, 'update', { validFrom: getCategory(db, d.categoryId)!.validFrom });
    redateCertification(db, d.categoryId, d.validFrom);
  }
  let ended = 0;
  if (opts.endLost && !plan.lostHeld) {
    // The department's full list from now on: the next one is compared with all of it.
    keepFullList(db, batchId, plan.members);
    const end = addDays(opts.validFrom, -1);
    for (const l of plan.lost) {
      const before = getCategory(db, l.categoryId)!;
      changes.add('person_category', l.categoryId, 'update', { validTo: before.validTo });
      endCategory(db, l.categoryId, end < before.validFrom ? before.validFrom : end);
      ended++;
    }
  }
  return { certify: plan.certify.length, redate: plan.redate.length, ended };
}

export function undoCategories(
  db: Database,
  changes: { entity: string; entityId: number; op: 'insert' | 'update'; before: unknown }[],
  batch: { id: number; at: string },
): string | null {
  // A certification a later list ended or re-dated: putting this batch's dates back would undo that too.
  const later = changedLater(db, changes, batch, ['person_category']);
  if (later) return later;
  for (const c of changes) {
    if (c.entity !== 'person_category') continue;
    const before = c.before as { validTo?: string | null; validFrom?: string };
    if (c.op === 'insert') deleteCertification(db, c.entityId);
    else if (before.validFrom !== undefined) redateCertification(db, c.entityId, before.validFrom);
    else putBackCertificationEnd(db, c.entityId, before.validTo ?? null);
  }
  return null;
}

/** Who the list certifies or re-dates, and how, a line per person (the dry run's diff; the first 500). */
export function categoryChanges(plan: CategoryPlan, label: (c: PersonCategory) => string): { row: number; name: string; idNumber: string; what: string[] }[] {
  const by = new Map<number, { row: number; name: string; idNumber: string; what: string[] }>();
  const line = (x: { row: number; name: string; idNumber: string }, what: string) => {
    const e = by.get(x.row) ?? { row: x.row, name: x.name, idNumber: x.idNumber, what: [] };
    e.what.push(what);
    by.set(x.row, e);
  };
  for (const c of plan.certify.slice(0, 1000)) line(c, `认定：${label(c.code)}（自 ${c.validFrom}）`);
  for (const d of plan.redate.slice(0, 1000)) line(d, `更正认定日期：${label(d.code)} ${d.from} → ${d.validFrom}`);
  return [...by.values()].sort((a, b) => a.row - b.row).slice(0, 500);
}
