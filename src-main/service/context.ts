// What every rule of the app runs with: the ledger, the clock, the policies, the caller (set
// by dispatch for the whole call), and the one way to refuse in Chinese or to audit a change.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from 'better-sqlite3';
import type { Policy } from '../domain/policy/schema';
import { appendAudit, type AuditCheck, type AuditEntry } from '../ledger/audit';
import type { ImportWorkerSpec } from '../imports/worker-tasks';
import type { CountyTables } from '../policies/county-tables';
import type { ErrorCode } from '../types/errors';
import type { SessionUser } from '../types/office';
import type { Caller, Sessions } from './sessions';
import type { LanControl } from './lan';

export interface Context {
  /** Replaced in place when a backup is restored. */
  db: Database;
  dataDir: string;
  /** Injected so tests can pin "today"; never read the clock elsewhere. */
  now: () => Date;
  policies: ReadonlyMap<string, Policy>;
  /** Who is logged in, per window or tab (the caller key `dispatch` is given). */
  sessions: Sessions;
  /** The audit chain as checked when the ledger was opened. */
  startupAudit: AuditCheck;
  /** Set while an import holds the ledger's write transaction: other changes wait. */
  busy?: string | null;
  /** Why the ledger is read-only (too little disk space at start), or null. */
  readOnly: string | null;
  /** The tables the county edits (category aliases, header words), checked whenever they change. */
  tables: CountyTables;
  /** Where the roster import runs; without it, on the main thread (the same code, blocking). */
  importWorker?: ImportWorkerSpec | undefined;
  /** The main PC's side of the office LAN (issue 30), where this host can serve it. */
  lan?: LanControl | undefined;
}

export const calls = new AsyncLocalStorage<Caller>();

const deferred = new WeakMap<Caller, (() => void)[]>();

/**
 * Runs `fn` once the caller's write transaction has committed, never if it rolls back (a full
 * disk at COMMIT): what lives outside the ledger (a session) follows only a change that landed.
 * Outside a write, at once.
 */
export function afterCommit(fn: () => void): void {
  const c = calls.getStore();
  const list = c && deferred.get(c);
  if (list) list.push(fn);
  else fn();
}

/** Runs a write, then what it deferred to after its commit. */
export function committing<T>(write: () => T): T {
  const c = calls.getStore();
  if (!c) return write();
  const list: (() => void)[] = [];
  deferred.set(c, list);
  try {
    const out = write();
    for (const fn of list) fn();
    return out;
  } finally {
    deferred.delete(c);
  }
}

/** The caller key used when none is given: the tests, the CLI, a single window. */
export const LOCAL_CALLER = 'local';

/** The caller key of a browser tab: `session` is the random key the tab keeps. */
export const tabCaller = (session: string) => `tab:${session}`;

/** The caller key of a tab on another PC of the office, paired as seat `seatId` (issue 30). */
export const seatCaller = (session: string, seatId: number) => `${tabCaller(session)}:seat:${seatId}`;

/** The seat a caller key names, or null for the main PC's own windows and tabs. */
export function seatIdOf(key: string): number | null {
  const m = /^tab:[A-Za-z0-9_-]+:seat:(\d{1,9})$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** The caller of the handler that is running (set by `dispatch` for the whole call). */
export function caller(): Caller {
  return calls.getStore() ?? { key: LOCAL_CALLER, user: null };
}

/** Whether that caller is a browser tab, which has no paths of its own: only what it uploaded. */
export const callerIsTab = () => caller().key.startsWith(tabCaller(''));

export function currentUser(): SessionUser | null {
  return caller().user;
}

/** Who the ledger records when the office has set no users. */
export const NO_USER = '（未设用户）';

/** The user, and the seat when the change came from another PC of the office: 李四（窗口2）. */
export function actorOf(_ctx: Context): string {
  const c = caller();
  if (c.key.startsWith('pair:')) return `配对的电脑（${c.key.slice(5)}）`;
  const user = c.user?.username ?? NO_USER;
  return c.seat ? `${user}（${c.seat.name}）` : user;
}

/**
 * What wrong passwords count against besides the user name: the seat (whatever tabs it opens),
 * else the browser tab, else nothing (the desktop window).
 */
export function triesCaller(): string | null {
  const c = caller();
  if (c.seat) return `seat:${c.seat.id}`;
  return callerIsTab() ? c.key : null;
}

/** Writes one audit entry in the caller's transaction, stamped with the clerk and the time. */
export function audit(ctx: Context, e: Omit<AuditEntry, 'actor'>): void {
  // A read-only ledger takes no entries: only handlers declared for it run then, and they change nothing else.
  if (ctx.readOnly) return;
  appendAudit(ctx.db, { ...e, actor: actorOf(ctx) }, ctx.now().toISOString());
}

/** Thrown inside a handler to answer with a clerk-readable error. */
export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
