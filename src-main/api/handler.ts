import { z } from 'zod';
import type { Database } from 'better-sqlite3';
import type { Policy } from '../domain/policy/schema';
import { appendAudit, auditHead, writeAuditHead, type AuditCheck, type AuditEntry } from '../ledger/audit';
import type { ImportWorkerSpec } from '../excel/worker-run';
import type { Api, ApiError, ApiName, ErrorCode, Result, SessionUser } from './contract';

// Zod's own messages in Chinese for the rare field that has no message of ours.
z.config(z.locales.zhCN());

export interface Context {
  /** Replaced in place when a backup is restored. */
  db: Database;
  dataDir: string;
  /** Injected so tests can pin "today"; never read the clock elsewhere. */
  now: () => Date;
  policies: ReadonlyMap<string, Policy>;
  /** One office PC, one clerk at a time: the session belongs to the running process. */
  session: { user: SessionUser | null };
  /** The audit chain as checked when the ledger was opened. */
  startupAudit: AuditCheck;
  /** Set while an import holds the ledger's write transaction: other changes wait. */
  busy?: string | null;
  /** Where the roster import runs; without it, on the main thread (the same code, blocking). */
  importWorker?: ImportWorkerSpec | undefined;
}

export function actorOf(ctx: Context): string {
  return ctx.session.user?.username ?? '（未设用户）';
}

/** Writes one audit entry in the caller's transaction, stamped with the clerk and the time. */
export function audit(ctx: Context, e: Omit<AuditEntry, 'actor'>): void {
  appendAudit(ctx.db, { ...e, actor: actorOf(ctx) }, ctx.now().toISOString());
}

export interface Handler<I, O> {
  input: z.ZodType<I, unknown>;
  run: (ctx: Context, arg: I) => O | Promise<O>;
  /** Writing handlers run inside one IMMEDIATE transaction: all of it lands, or none. */
  writes: boolean;
  /** Callable without logging in (logging in itself, and setting up the first user). */
  open?: boolean;
}

export type HandlerMap = { [K in ApiName]: Handler<Api[K]['input'], Api[K]['output']> };

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

export function reads<I, O>(
  input: z.ZodType<I, unknown>,
  run: (ctx: Context, arg: I) => O | Promise<O>,
): Handler<I, O> {
  return { input, run, writes: false };
}

export function writes<I, O>(
  input: z.ZodType<I, unknown>,
  run: (ctx: Context, arg: I) => O,
  opts: { open?: boolean } = {},
): Handler<I, O> {
  return { input, run, writes: true, ...opts };
}

const knownHead = new WeakMap<Context, number>();

/** After a change, the audit head beside the ledger follows the chain (only while it is intact). */
function keepAuditHead(ctx: Context): void {
  if (!ctx.startupAudit.intact) return;
  const head = auditHead(ctx.db);
  if (head && knownHead.get(ctx) !== head.lastId) {
    writeAuditHead(ctx.dataDir, head);
    knownHead.set(ctx, head.lastId);
  }
}

export function loginRequired(ctx: Context): boolean {
  return ctx.session.user === null && ctx.db.prepare('SELECT 1 FROM users WHERE disabled = 0 LIMIT 1').get() !== undefined;
}

/**
 * Why a change cannot be made now — nobody logged in, or an import holds the ledger — or null.
 * Writing handlers are checked by `dispatch`; handlers that read a file before they write
 * (large imports) call this themselves.
 */
export function writeRefusal(ctx: Context, opts: { open?: boolean | undefined } = {}): Refusal | null {
  if (!opts.open && loginRequired(ctx)) return new Refusal('forbidden', '请先登录再进行修改。');
  if (ctx.busy) return new Refusal('unavailable', `${ctx.busy}，请稍候再修改。`);
  return null;
}

function runInTransaction<O>(ctx: Context, fn: () => O): O {
  return ctx.db
    .transaction(() => {
      const out = fn();
      if (out instanceof Promise) throw new Error('a writing handler must be synchronous');
      return out;
    })
    .immediate();
}

function describeIssue(issue: z.core.$ZodIssue): ApiError {
  const field = issue.path.map(String).join('.');
  return { code: 'invalid_input', message: issue.message, ...(field ? { field } : {}) };
}

function isApiName(handlers: HandlerMap, name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(handlers, name);
}

/**
 * The single entry point used by IPC, the browser host and tests. Never throws: every
 * failure becomes `{ ok: false }`, and unexpected ones are logged here rather than sent
 * to the clerk as a stack trace.
 */
export async function dispatch(
  handlers: HandlerMap,
  ctx: Context,
  name: string,
  rawArg: unknown,
): Promise<Result<unknown>> {
  if (!isApiName(handlers, name)) {
    return { ok: false, error: { code: 'not_found', message: `没有名为「${name}」的功能。` } };
  }
  const h = handlers[name] as Handler<unknown, unknown>;
  // Until the office creates its first user, the app runs without logins (first start).
  const refused = h.writes ? writeRefusal(ctx, { open: h.open }) : null;
  if (refused) return { ok: false, error: { code: refused.code, message: refused.message } };
  const parsed = h.input.safeParse(rawArg ?? {});
  if (!parsed.success) {
    return { ok: false, error: describeIssue(parsed.error.issues[0]!) };
  }
  try {
    const data = parsed.data;
    const value = h.writes ? runInTransaction(ctx, () => h.run(ctx, data)) : await h.run(ctx, data);
    keepAuditHead(ctx);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof Refusal) {
      return {
        ok: false,
        error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) },
      };
    }
    console.error(`[canbao] ${name} failed`, err);
    return {
      ok: false,
      error: { code: 'internal', message: '操作没有完成：程序内部出错，数据未被修改。请重试或联系维护人员。' },
    };
  }
}
