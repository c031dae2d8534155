// Writing a planned roster import (staged in `s`, whose tables ledger/staging.ts makes) into the ledger: a
// few set-based statements (ledger/roster-commit.ts) inside the caller's transaction, each
// followed by `step`, which reports progress and throws to cancel. Every change is recorded
// for undo in the order undo needs it reversed: the new households, the new persons (each as
// a range of ids), then the moves and new phone numbers of persons already there, one by one.
import type { Database } from 'better-sqlite3';
import {
  addLeavingReasons,
  addStagedHouseholds,
  addStagedNamePieces,
  addStagedPersons,
  dropPersonIndexes,
  headFromAdded,
  lastChangeSeq,
  lastHouseholdId,
  lastPersonId,
  rebuildIndex,
  recordAddedRun,
  recordLeavingReasons,
  recordStagedUpdates,
  unheadMovedOut,
  updateStagedPersons,
} from '../ledger/roster-commit';
import type { StagedCounts } from '../ledger/staging';

/** From this many new persons the search indexes are built once at the end instead of row by row. */
export const REBUILD_INDEXES_FROM = 100_000;

export type Step = (phase: string, done: number, total: number) => void;

/** `counts` are the dry run's (stagedCounts): the staged rows have not changed since. */
export function commitStaged(
  db: Database,
  batchId: number,
  at: string,
  counts: Pick<StagedCounts, 'add' | 'update' | 'leaving'>,
  step: Step,
  leaving: { year: number; source: string } = { year: 0, source: '' },
  rebuildFrom = REBUILD_INDEXES_FROM,
): { add: number; update: number; households: number; leaving: number } {
  const { add: adds, update: updates } = counts;
  const total = adds + updates;
  const maxPerson = lastPersonId(db);
  const maxHousehold = lastHouseholdId(db);
  let seq = lastChangeSeq(db, batchId);
  step('写入台账', 0, total);

  const rebuild = adds >= rebuildFrom ? dropPersonIndexes(db) : [];

  const households = addStagedHouseholds(db, at);
  seq += recordAddedRun(db, batchId, seq, 'households', maxHousehold);
  step('写入台账', 0, total);

  addStagedPersons(db, at);
  step('写入台账', adds, total);
  seq += recordAddedRun(db, batchId, seq, 'persons', maxPerson);
  headFromAdded(db, maxPerson);
  addStagedNamePieces(db);
  step('写入台账', adds, total);

  if (updates) {
    seq += recordStagedUpdates(db, batchId, seq);
    updateStagedPersons(db, at);
    unheadMovedOut(db);
    step('写入台账', total, total);
  }

  for (const q of rebuild) {
    rebuildIndex(db, q);
    step('建立索引', total, total);
  }

  let left = 0;
  if (counts.leaving) {
    left = addLeavingReasons(db, leaving.year, leaving.source, at);
    recordLeavingReasons(db, batchId, seq, leaving.year, at, leaving.source);
  }
  return { add: adds, update: updates, households, leaving: left };
}
