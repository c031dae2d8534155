// Import batches: the record of each commit, what it changed row by row, and undo.
import type { Database } from 'better-sqlite3';
import type { BatchCounts, ImportBatch, ImportKind } from '../types/imports';
import { sql } from './statements';

export interface BatchChanges {
  add(entity: string, entityId: number, op: 'insert' | 'update', before?: unknown): void;
}

export function openBatch(
  db: Database,
  b: { kind: string; fileName: string; fileHash: string; actor: string; at: string; options?: unknown },
): { id: number; changes: BatchChanges } {
  const id = Number(
    sql(db, 'INSERT INTO import_batches (kind, file_name, file_hash, actor, at, counts_json, options_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      b.kind,
      b.fileName,
      b.fileHash,
      b.actor,
      b.at,
      '{}',
      JSON.stringify(b.options ?? {}),
    ).lastInsertRowid,
  );
  // The stamps on persons from here to closeBatch are this batch's (person_changes).
  sql(db, 'UPDATE ledger_clock SET batch = ?').run(id);
  let seq = 0;
  const insert = sql(db, 'INSERT INTO import_changes (batch_id, seq, entity, entity_id, op, before_json) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    id,
    changes: { add: (entity, entityId, op, before) => void insert.run(id, ++seq, entity, entityId, op, before === undefined ? null : JSON.stringify(before)) },
  };
}

export function closeBatch(db: Database, id: number, counts: BatchCounts[ImportKind]): void {
  sql(db, 'UPDATE import_batches SET counts_json = ?, clock = (SELECT seq FROM ledger_clock) WHERE id = ?').run(JSON.stringify(counts), id);
  sql(db, 'UPDATE ledger_clock SET batch = NULL').run();
}

export type BatchRow = ImportBatch;

export function listBatches(db: Database): BatchRow[] {
  return (
    sql(db, 'SELECT id, kind, file_name, file_hash, actor, at, counts_json, undone_at FROM import_batches ORDER BY id DESC').all() as {
      id: number;
      kind: string;
      file_name: string;
      file_hash: string;
      actor: string;
      at: string;
      counts_json: string;
      undone_at: string | null;
    }[]
  ).map(
    (r) =>
      // The kind is one of the four (a CHECK on the table); its counts were written by that kind's commit.
      ({
        id: r.id,
        kind: r.kind,
        fileName: r.file_name,
        fileHash: r.file_hash,
        actor: r.actor,
        at: r.at,
        counts: JSON.parse(r.counts_json) as unknown,
        undoneAt: r.undone_at,
      }) as ImportBatch,
  );
}

/** How many batches have been undone: a dry run's mark counts them, so an undo since shows. */
export const undoneBatches = (db: Database): number => sql(db, 'SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL').pluck().get() as number;

/** The batch undone last, to name who ended a dry run. */
export const lastUndone = (db: Database) =>
  sql(
    db,
    'SELECT id, file_name AS fileName, undone_by AS undoneBy FROM import_batches WHERE undone_at IS NOT NULL ORDER BY undone_at DESC, id DESC LIMIT 1',
  ).get() as { id: number; fileName: string; undoneBy: string } | undefined;

/** The batch a commit stamped with this moment and file wrote, if it landed (its answer may have been an error). */
export const landedBatch = (db: Database, at: string, fileHash: string): number | undefined =>
  sql(db, 'SELECT id FROM import_batches WHERE at = ? AND file_hash = ? AND undone_at IS NULL').pluck().get(at, fileHash) as number | undefined;

export function batchChanges(db: Database, id: number): { entity: string; entityId: number; op: 'insert' | 'update'; before: unknown }[] {
  return (
    sql(db, 'SELECT entity, entity_id, op, before_json FROM import_changes WHERE batch_id = ? ORDER BY seq DESC').all(id) as {
      entity: string;
      entity_id: number;
      op: 'insert' | 'update';
      before_json: string | null;
    }[]
  ).map((r) => ({ entity: r.entity, entityId: r.entity_id, op: r.op, before: r.before_json === null ? null : JSON.parse(r.before_json) }));
}

/** The stamps an undo makes are its batch's: undone, the batch and its undo leave no later change behind. */
export function beginUndo(db: Database, id: number): void {
  sql(db, 'UPDATE ledger_clock SET batch = ?').run(id);
}

export function markUndone(db: Database, id: number, by: string, at: string): void {
  sql(db, 'UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, by, id);
  sql(db, 'UPDATE ledger_clock SET batch = NULL').run();
}

/** The stamps a batch made on persons its undo kept: they stand, as the desk's do (batch_id NULL). */
export function keepStanding(db: Database, id: number, kept: ReadonlySet<number>): void {
  if (kept.size)
    sql(db, 'UPDATE person_changes SET batch_id = NULL WHERE batch_id = ? AND person_id IN (SELECT value FROM json_each(?))').run(
      id,
      JSON.stringify([...kept]),
    );
}

/** The ledger's change number when the batch was written; null for a batch written before the ledger kept them (undefined: no such batch). */
export function batchClock(db: Database, id: number): number | null | undefined {
  return sql(db, 'SELECT clock FROM import_batches WHERE id = ?').pluck().get(id) as number | null | undefined;
}

export function batchFileName(db: Database, id: number): string | undefined {
  return sql(db, 'SELECT file_name FROM import_batches WHERE id = ?').pluck().get(id) as string | undefined;
}

/** Who wrote the batch and when, and who undid it and when, if anyone did. */
export function batchDoneBy(
  db: Database,
  id: number,
): { id: number; fileName: string; undoneAt: string | null; undoneBy: string | null; actor: string; at: string } | undefined {
  return sql(db, 'SELECT id, file_name AS fileName, undone_at AS undoneAt, undone_by AS undoneBy, actor, at FROM import_batches WHERE id = ?').get(id) as
    { id: number; fileName: string; undoneAt: string | null; undoneBy: string | null; actor: string; at: string } | undefined;
}

/** What later batches, not undone, recorded of the same entity: each change's before_json. */
export function laterChangesOf(db: Database, batchId: number, entity: string, entityId: number): string[] {
  return sql(
    db,
    `SELECT ch.before_json FROM import_changes ch JOIN import_batches b ON b.id = ch.batch_id
     WHERE b.id > ? AND b.undone_at IS NULL AND ch.entity = ? AND ch.entity_id = ?`,
  )
    .pluck()
    .all(batchId, entity, entityId) as string[];
}
