// Roster import (花名册, from the 公安/村 lists): households and persons, new ones added and
// existing ones (same ID number) updated. The rows are staged and checked in roster-staging
// (its tables in ledger/staging.ts), written in roster-commit (both in the import worker); here,
// the village names and undo.
import type { Database } from 'better-sqlite3';
import { listVillages } from '../ledger/office';
import { getPerson, movePerson, patchPerson } from '../ledger/roster';
import { dropReasonGivenAt } from '../ledger/not-enrolled-reasons';
import { addedHouseholdsInUse, firstWithRecords, removeAddedHouseholds, removeAddedPersons } from '../ledger/roster-undo';
import { changedLater } from './later-changes';

export function villageMatcher(db: Database) {
  // 幸福村 is often written 幸福 or 幸福村委会, 农坝社区 as 农坝 or 农坝居委会. The short form counts
  // only where one village has it: 团结 beside 团结村 and 团结社区 is not a guess the ledger makes.
  const strip = (n: string) => n.replace(/(村民委员会|居民委员会|村委会|居委会|村|社区)$/, '');
  const exact = new Map<string, number>();
  const short = new Map<string, number | null>();
  for (const v of listVillages(db, false)) {
    exact.set(v.name, v.id);
    const k = strip(v.name);
    short.set(k, short.has(k) && short.get(k) !== v.id ? null : v.id);
  }
  return (name: string): number | undefined => {
    const n = name.trim();
    // 新田村村民委员会 is 新田村's committee, 新田村委会 too; 农坝社区居民委员会 is 农坝社区.
    const committee = n.replace(/(村民委员会|居民委员会|村委会|居委会)$/, '');
    const spelled = n.replace(/(村民委员会|村委会)$/, '村').replace(/(居民委员会|居委会)$/, '社区');
    return exact.get(n) ?? exact.get(committee) ?? exact.get(spelled) ?? short.get(strip(committee)) ?? short.get(strip(n)) ?? undefined;
  };
}

type Change = { entity: string; entityId: number; op: 'insert' | 'update'; before: unknown };

/** The ids a change inserted: one row (older batches) or a range (`persons`, `households`). */
const idRange = (c: Change): [number, number] => [c.entityId, c.entity.endsWith('s') ? (c.before as { last: number }).last : c.entityId];
const isPersonInsert = (c: Change) => c.op === 'insert' && (c.entity === 'person' || c.entity === 'persons');
const isHouseholdInsert = (c: Change) => c.op === 'insert' && (c.entity === 'household' || c.entity === 'households');

/**
 * Undo refuses (returns a reason) when later work depends on what the batch added. The persons
 * in `keep` were changed since and stay as they are now, with the households they live in.
 */
export function undoRoster(
  db: Database,
  changes: Change[],
  at: string,
  batch: { id: number; at: string },
  keep: ReadonlySet<number> = new Set(),
): string | null {
  // A reason the register gave and a village's worklist answered since: undoing would bring the register's back later.
  const later = changedLater(db, changes, batch, ['not_enrolled_reason']);
  if (later) return later;
  const ownReasons = (changes.find((c) => c.entity === 'not_enrolled_reason')?.before as { setAt: string } | undefined)?.setAt ?? '';
  for (const c of changes.filter(isPersonInsert)) {
    const [first, last] = idRange(c);
    const used = firstWithRecords(db, first, last, ownReasons, keep);
    if (used !== undefined) return `「${getPerson(db, used)?.name ?? used}」导入后已有参保、资助身份、未参保原因或医保参保记录，不能整批撤销。`;
  }
  // The not-enrolled reasons the register gave go first (they name the persons); one changed
  // since by a village's worklist or the desk is someone's later word and stays.
  for (const c of changes.filter((c) => c.entity === 'not_enrolled_reason' && !keep.has(c.entityId))) {
    const b = c.before as { year: number; setAt: string };
    dropReasonGivenAt(db, c.entityId, b.year, b.setAt);
  }
  for (const c of changes) {
    if (isPersonInsert(c)) {
      const [first, last] = idRange(c);
      removeAddedPersons(db, first, last, keep);
    } else if (c.entity === 'person' && c.op === 'update' && !keep.has(c.entityId)) {
      const b = c.before as { phone: string; relation: string; householdId: number; villageId: number };
      movePerson(db, c.entityId, b.householdId, b.villageId, b.relation, at);
      patchPerson(db, c.entityId, { phone: b.phone, relation: b.relation }, at);
    } else if (isHouseholdInsert(c)) {
      const [first, last] = idRange(c);
      // A household the desk has put someone else into refuses the undo.
      if (addedHouseholdsInUse(db, first, last, keep, batch.id)) return '导入时新建的户里后来又登记了其他人，不能整批撤销。';
      removeAddedHouseholds(db, first, last, keep, batch.id);
    }
  }
  return null;
}
