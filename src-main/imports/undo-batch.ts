// Undoing a committed batch: only what is still the batch's. Persons changed since refuse the
// undo, or, when the clerk chooses (keepLater), stay as they are now and are named in the answer.
import { batchChanges, beginUndo, keepStanding, listBatches, markUndone } from '../ledger/import-batches';
import { Refusal, actorOf, audit, type Context } from '../service/context';
import type { ImportBatch } from '../types/imports';
import { changedSinceBatch, laterChangesMessage, personOfChange } from './later-changes';
import { IMPORT_KINDS } from './registry';

/** Inside the caller's write transaction: all of the undo or, refused, none of it. */
export function undoBatch(ctx: Context, batchId: number, keepLater: boolean): ImportBatch & { keptLater: string[] } {
  const b = listBatches(ctx.db).find((x) => x.id === batchId);
  if (!b) throw new Refusal('not_found', '找不到这个导入批次。');
  if (b.undoneAt) throw new Refusal('conflict', `这个批次已于 ${b.undoneAt.slice(0, 10)} 撤销。`);
  const later = changedSinceBatch(ctx.db, b.id);
  if (later.length && !keepLater) throw new Refusal('conflict', laterChangesMessage(ctx.db, b.id, later, ctx.now()), 'keepLater');
  const keep = new Set(later.map((p) => p.id));
  beginUndo(ctx.db, b.id);
  const all = batchChanges(ctx.db, b.id);
  const changes = keep.size ? all.filter((c) => !keep.has(personOfChange(ctx.db, c) ?? -1)) : all;
  const reason = IMPORT_KINDS[b.kind].undo(ctx, changes, { id: b.id, at: b.at }, keep);
  if (reason) throw new Refusal('conflict', reason);
  const keptLater = later.map((p) => `${p.name}（身份证号 ${p.idNumber.slice(0, 6)}…${p.idNumber.slice(-4)}）`);
  markUndone(ctx.db, b.id, actorOf(ctx), ctx.now().toISOString());
  // What the batch wrote of a kept person still stands: its stamps are no longer the (undone)
  // batch's, so an undo of an earlier batch sees a standing change after it and does not put
  // back what came before; a later batch's undo is not held up by them.
  keepStanding(ctx.db, b.id, keep);
  audit(ctx, { action: 'import.undo', entity: 'import_batch', entityId: b.id, before: b.counts, ...(keptLater.length ? { after: { keptLater } } : {}) });
  return { ...listBatches(ctx.db).find((x) => x.id === b.id)!, keptLater };
}
