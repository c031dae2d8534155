// Undoing a batch puts back what was there before it: where a later batch or the desk has
// changed the same thing since, that would wipe out the later change too, so undo refuses.
import type { Database } from 'better-sqlite3';
import { certificationHolder } from '../ledger/category-certs';
import { changedSinceClock, commitEntryOf, deskSetSituationSince, type ChangedSince } from '../ledger/changes-since';
import { enrolledPerson } from '../ledger/enrollments';
import { batchClock, laterChangesOf } from '../ledger/import-batches';
import { threeNames } from '../ledger/roster';
import { changeLines } from './dry-run-promise';

type Change = { entity: string; entityId: number; before: unknown };

/** Whether a later batch, or a change at the desk, has since touched what this change set. */
function touchedLater(db: Database, c: Change, batch: { id: number; at: string }): boolean {
  const later = laterChangesOf(db, batch.id, c.entity, c.entityId);
  const year = (c.before as { year?: number } | null)?.year;
  if (later.some((j) => year === undefined || (JSON.parse(j) as { year?: number }).year === year)) return true;
  if (c.entity !== 'person') return false;
  return deskSetSituationSince(db, c.entityId, batch.at);
}

/** Why the batch cannot be undone (naming up to three persons), or null. */
export function changedLater(db: Database, changes: Change[], batch: { id: number; at: string }, entities: string[]): string | null {
  // A batch with a stamp was judged already, person by person (changedSinceBatch).
  if (batchClock(db, batch.id) !== null) return null;
  const blocked = changes.filter((c) => entities.includes(c.entity) && touchedLater(db, c, batch));
  if (!blocked.length) return null;
  // A change is of a person, or of something of theirs (a category, a year's record): counted by person.
  const persons = [...new Set(blocked.map((c) => (c.entity === 'person_category' ? certificationHolder(db, c.entityId)! : c.entityId)))];
  const names = threeNames(db, persons);
  return `这个批次之后，又有导入或经办人改过其中 ${persons.length} 人的情况（${names.join('、')}${persons.length > 3 ? ' 等' : ''}），撤销会把后来的改动一起抹掉。请先撤销后面的批次，或在人员信息中逐个改正。`;
}

/**
 * Everyone the batch wrote (their row or a row of theirs) who has been changed since it was
 * written, by the desk or by a batch not undone since: undoing their part would wipe that out. Empty for a batch written
 * before the ledger kept stamps (then `changedLater` judges, by later batches and the desk).
 */
export function changedSinceBatch(db: Database, batchId: number): ChangedSince[] {
  const clock = batchClock(db, batchId);
  if (clock === null || clock === undefined) return [];
  return changedSinceClock(db, batchId, clock);
}

/** Whose row a change is of (or of something of theirs); null for a range or a 待核实 row. */
export function personOfChange(db: Database, c: Change): number | null {
  if (c.entity === 'person' || c.entity === 'not_enrolled_reason' || c.entity === 'insurance_history') return c.entityId;
  if (c.entity === 'enrollment') return enrolledPerson(db, c.entityId) ?? null;
  if (c.entity === 'person_category') return certificationHolder(db, c.entityId) ?? null;
  return null;
}

/** The refusal of an undo that would wipe out later changes, a line per person (the first three). */
export function laterChangesMessage(db: Database, batchId: number, later: ChangedSince[], now: Date): string {
  const clock = batchClock(db, batchId)!;
  const audit = commitEntryOf(db, batchId) ?? 0;
  const lines = changeLines(
    db,
    { seq: clock, audit, maxPerson: 0, persons: 0, undone: 0, knownMax: 0, knownWithdrawn: 0 },
    later.map((p) => ({ idNumber: p.idNumber, was: p.id, now: p.id })),
    now,
    undefined,
    true,
  );
  return [
    `这个批次写入之后，其中 ${later.length} 人又被改过（经办人在柜台、其他导入或其他窗口），整批撤销会把后来的改动一起抹掉，所以没有撤销：`,
    ...lines,
    '可以先撤销后面的批次或逐个改正后再撤销；也可以选择“撤销其余部分”：这些人保留现在的样子，其余的照常撤销。',
  ].join('\n');
}
