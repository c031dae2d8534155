// Dry runs kept between the check and the commit: whose they are, how many, and when they stop
// holding (an undo or a restore since, or another tab's newer ones crowding them out).
import { discardUpload, releaseUpload } from '../files/uploads';
import { type LedgerMark } from '../ledger/changes-since';
import { lastUndone, undoneBatches } from '../ledger/import-batches';
import { displayNames } from '../ledger/users';
import { Refusal, caller, type Context } from '../service/context';
import type { DryRun } from './kind';

/** The field of a refusal that says: this dry run no longer holds, dry-run the file again. */
export const STALE_DRY_RUN = 'token';

/** Dry runs of one kind kept across all windows and tabs; past this the oldest goes. */
const MAX_PER_KIND = 4;

interface Kept {
  dryRun: DryRun;
  mark: LedgerMark;
  /** The generation of dry runs it belongs to: an undo or a restore starts a new one. */
  generation: number;
  /** The window or tab that made it: its token is no use elsewhere. */
  owner: string;
}

interface State {
  kept: Map<string, Kept>;
  generation: number;
  /** Why the last generation ended. */
  why: string;
  /** Tokens of dry runs ended by an undo or a restore, with why. */
  endedBy: Map<string, string>;
  /** Tokens of dry runs dropped to keep MAX_PER_KIND, so their tab is told why. */
  crowdedOut: Set<string>;
  /** Tokens whose commit landed, with the batch: a retry (a lost answer, a second click) is told so. */
  committed: Map<string, number>;
  /** Dry runs being read now: a restore must not pull the ledger from under them. */
  running: number;
}

const states = new WeakMap<Context, State>();
function stateOf(ctx: Context): State {
  let s = states.get(ctx);
  if (!s) states.set(ctx, (s = { kept: new Map(), generation: 0, why: '', endedBy: new Map(), crowdedOut: new Set(), committed: new Map(), running: 0 }));
  return s;
}

// The maps of tokens are bounded: a tab that never comes back must not grow them for ever.
function remember<K, V>(m: Map<K, V> | Set<K>, k: K, v?: V): void {
  if (m.size > 1000) m.clear();
  if (m instanceof Map) m.set(k, v as V);
  else m.add(k);
}

export const dryRunsRunning = (ctx: Context) => stateOf(ctx).running;

/** Runs a dry run, counted as under way while it reads; the generation is taken before it reads anything. */
export async function whileRunning(ctx: Context, run: () => Promise<Omit<Kept, 'owner' | 'generation'>>): Promise<Omit<Kept, 'owner'>> {
  const s = stateOf(ctx);
  const generation = s.generation;
  s.running++;
  try {
    return { ...(await run()), generation };
  } finally {
    s.running--;
  }
}

/**
 * Forgets a dry run: its own files go, and the uploaded copy it read unless still in use.
 * Until then the copy is held (files/uploads.ts): the problem report reads it again.
 */
function dropDryRun(ctx: Context, token: string, keepFile?: string): void {
  const s = stateOf(ctx);
  const k = s.kept.get(token);
  if (!k) return;
  if (k.generation !== s.generation) remember(s.endedBy, token, s.why);
  s.kept.delete(token);
  k.dryRun.release();
  releaseUpload(k.dryRun.file);
  if (k.dryRun.file !== keepFile) discardUpload(ctx.dataDir, k.dryRun.file);
}

/** Ends every dry run kept or under way, saying why to the tab that tries to commit one. */
export function endDryRuns(ctx: Context, why: string, restored = false): void {
  const s = stateOf(ctx);
  s.generation++;
  s.why = why;
  // A restored ledger has its own batches: a landed commit remembered from before is no answer there.
  if (restored) s.committed.clear();
  // The uploaded files stay (the hourly sweep takes them): the clerk dry-runs the same file again.
  for (const [t, k] of [...s.kept]) dropDryRun(ctx, t, k.dryRun.file);
}

/** Keeps a new dry run for its caller, in place of the caller's last one of its kind. */
export function keepDryRun(ctx: Context, token: string, k: Omit<Kept, 'owner'>): void {
  const s = stateOf(ctx);
  const me = caller().key;
  const kind = k.dryRun.kind;
  const file = k.dryRun.file;
  // A new dry run (the clerk corrected the mapping, or chose another file) replaces the one
  // before of its kind: a roster's staging file is as big as the ledger's share of it.
  for (const [t, q] of s.kept) if (q.dryRun.kind === kind && q.owner === me) dropDryRun(ctx, t, file);
  const same = [...s.kept].filter(([, q]) => q.dryRun.kind === kind);
  for (const [t] of same.slice(0, Math.max(0, same.length - MAX_PER_KIND + 1))) {
    dropDryRun(ctx, t, file);
    remember(s.crowdedOut, t);
  }
  s.kept.set(token, { ...k, owner: me });
}

/** The caller's dry run under this token, refused with why when it no longer holds. */
export function dryRunOf(ctx: Context, token: string): DryRun {
  const s = stateOf(ctx);
  const found = s.kept.get(token);
  const k = found && found.owner === caller().key ? found : undefined;
  if (k && k.generation !== s.generation) dropDryRun(ctx, token);
  const ended = s.endedBy.get(token);
  if (ended !== undefined && (!k || k.generation !== s.generation))
    throw new Refusal('conflict', `${ended}，这次试导入的检查结果已失效，台账没有改动。请重新试导入后再确认导入。`, STALE_DRY_RUN);
  // An undo ends every open dry run, once it has landed: read from the ledger, not remembered
  // (an undo refused, or stopped by a full disk, ends none).
  const why = k && undoneSince(ctx, k.mark);
  if (k && why) {
    dropDryRun(ctx, token, k.dryRun.file);
    throw new Refusal('conflict', `${why}，这次试导入的检查结果已失效，台账没有改动。请重新试导入后再确认导入。`, STALE_DRY_RUN);
  }
  if (!k && s.crowdedOut.has(token))
    throw new Refusal('not_found', `其他窗口又做了几次同类的试导入（同时最多保留 ${MAX_PER_KIND} 次），这次的检查结果已让出，请重新选择文件试导入。`);
  if (!k) throw new Refusal('not_found', '这次导入的检查结果已失效（可能已导入或程序重启过），请重新选择文件。');
  return k.dryRun;
}

/** Who undid which batch since the mark, in the clerk's words, or null. */
function undoneSince(ctx: Context, mark: LedgerMark): string | null {
  if (undoneBatches(ctx.db) === mark.undone) return null;
  const b = lastUndone(ctx.db)!;
  return `${displayNames(ctx.db)(b.undoneBy)}撤销了第 ${b.id} 批导入（${b.fileName}）`;
}

/** The batch a token's commit landed as, if it did. */
export const committedAs = (ctx: Context, token: string): number | undefined => stateOf(ctx).committed.get(token);

/** The commit landed: the dry run goes, and a retry of its token is told which batch it became. */
export function landed(ctx: Context, token: string, batchId: number): void {
  remember(stateOf(ctx).committed, token, batchId);
  dropDryRun(ctx, token);
}
