import crypto from 'node:crypto';
import { z } from 'zod';
import { auditHead, writeAuditHead } from '../ledger/audit';
import { caller, callerIsTab, calls, committing, LOCAL_CALLER, Refusal, seatIdOf, type Context } from '../service/context';
import { isUpload } from '../files/uploads';
import type { Api, ApiError, ApiName, Result, SessionUser } from './contract';

export { Refusal, LOCAL_CALLER, NO_USER, actorOf, audit, caller, currentUser, type Context } from '../service/context';
import { ioProblem } from '../ledger/space';
import { getUser, hasActiveUsers } from '../ledger/users';
import { doneWrite, rememberWrite } from '../ledger/write-keys';
import { getSeat } from '../ledger/seats';

/** A change's key as callers make it: random, URL-safe, long enough never to meet another. */
export const WRITE_KEY = /^[A-Za-z0-9_-]{16,80}$/;

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '一组内容', date: '日期' };

/**
 * The message for a field that has none of ours (a caller other than our screens sent it):
 * our own Chinese, never zod's ("数值过大：期望 array").
 */
export function fallbackMessage(iss: {
  code?: string;
  path?: PropertyKey[] | undefined;
  input?: unknown;
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  keys?: string[];
}): string {
  const name = iss.path?.length ? `「${iss.path.map(String).join('.')}」` : '提交的内容';
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? `缺少${name}。` : `${name}的类型不对，应为${TYPE_NAMES[String(iss.expected)] ?? '其他类型'}。`;
    case 'too_big':
      return `${name}太大或太长（最多 ${String(iss.maximum)}）。`;
    case 'too_small':
      return `${name}太小或太短（至少 ${String(iss.minimum)}）。`;
    case 'invalid_value':
      return `${name}不是可选的值。`;
    case 'invalid_format':
      return `${name}的格式不对。`;
    case 'unrecognized_keys':
      return `提交的内容里有不认识的项：${(iss.keys ?? []).slice(0, 5).join('、')}。`;
    default:
      return `${name}不对。`;
  }
}

z.config({ customError: (iss) => fallbackMessage(iss as Parameters<typeof fallbackMessage>[0]) });

/**
 * Who may call a handler once the office has users (before the first one exists, on first
 * start, anyone may call anything): `anyone` (logging in), a logged-in `clerk` or admin,
 * or an `admin` only.
 */
export type Who = 'anyone' | 'clerk' | 'admin';

/**
 * What a handler does: `read`s change nothing in the ledger; `write`s run inside one
 * IMMEDIATE transaction (all of it lands, or none), some after a slow step that changes
 * nothing (`writesAfter`); a `task` is a long write that manages its own transaction while
 * `dispatch` holds the busy flag, so other changes wait.
 */
export type Kind = 'read' | 'write' | 'task';

export interface Handler<I, O> {
  kind: Kind;
  who: Who;
  input: z.ZodType<I, unknown>;
  run: (ctx: Context, arg: I, prepared?: unknown) => O | Promise<O>;
  /**
   * For a write: a slow step that changes nothing (a password's scrypt), awaited before the
   * transaction so that other calls are answered meanwhile; `run` gets what it returns.
   */
  prepare?: (ctx: Context, arg: I) => Promise<unknown>;
  /** For a task: what the clerk is told while it runs (`正在导入`…). */
  busy?: string;
  /** Still callable on a read-only ledger (logging in, backing up elsewhere); it then writes no audit entry. */
  readOnly?: boolean;
  /**
   * false: not done under a caller's key (dispatch's `writeKey`): its arguments hold a password,
   * which a key's record must not keep, and sending it again does no harm (logging in or out).
   */
  keyed?: false;
  /** Only at the main PC itself, never from a seat on the LAN (turning the LAN on and off, pairing). */
  local?: true;
  /** A read a screen repeats on its own (every few seconds): it does not count as use of the login, so the idle logout still comes. */
  quiet?: true;
}

interface Options {
  readOnly?: boolean;
  keyed?: false;
  local?: true;
  quiet?: true;
}

export type HandlerMap = { [K in ApiName]: Handler<Api[K]['input'], Api[K]['output']> };

export function reads<I, O>(who: Who, input: z.ZodType<I, unknown>, run: (ctx: Context, arg: I) => O | Promise<O>, opts: Options = {}): Handler<I, O> {
  return { kind: 'read', who, input, run, ...opts };
}

export function writes<I, O>(who: Who, input: z.ZodType<I, unknown>, run: (ctx: Context, arg: I) => O, opts: Options = {}): Handler<I, O> {
  return { kind: 'write', who, input, run, ...opts };
}

/**
 * A write whose slow part changes nothing and so needs no transaction: `prepare` is awaited
 * first, outside any (other calls go on meanwhile), then `run` makes the change in a short
 * transaction of its own, as a `writes` does, with what `prepare` returned.
 */
export function writesAfter<I, P, O>(
  who: Who,
  input: z.ZodType<I, unknown>,
  prepare: (ctx: Context, arg: I) => Promise<P>,
  run: (ctx: Context, arg: I, prepared: P) => O,
  opts: Options = {},
): Handler<I, O> {
  return { kind: 'write', who, input, prepare, run: (ctx, arg, prepared) => run(ctx, arg, prepared as P), ...opts };
}

export function task<I, O>(who: Who, busy: string, input: z.ZodType<I, unknown>, run: (ctx: Context, arg: I) => Promise<O>, opts: Options = {}): Handler<I, O> {
  return { kind: 'task', who, input, run, busy, ...opts };
}

const knownHead = new WeakMap<Context, number>();

/**
 * After a change, the audit head beside the ledger follows the chain (only while it is
 * intact). A head that cannot be written (a full disk) is tried again after the next change;
 * the change itself has landed and is answered as such.
 */
function keepAuditHead(ctx: Context): void {
  if (!ctx.startupAudit.intact) return;
  try {
    const head = auditHead(ctx.db);
    if (head && knownHead.get(ctx) !== head.lastId) {
      writeAuditHead(ctx.dataDir, head);
      knownHead.set(ctx, head.lastId);
    }
  } catch (e) {
    console.error('[canbao] 审计记录摘要没有写入，下次修改时重试', e);
  }
}

/**
 * The caller's user as the ledger has it now: one disabled since logging in is logged out.
 * Only a call that needs the login (`touch`) counts as use of the session.
 */
function sessionUser(ctx: Context, key: string, touch: boolean): { user: SessionUser | null; expired: boolean } {
  const now = ctx.now().getTime();
  const state = touch ? ctx.sessions.use(key, now) : ctx.sessions.peek(key, now);
  if (state.user === null) return { user: null, expired: state.expired };
  const r = getUser(ctx.db, state.user);
  if (!r || r.disabled) {
    ctx.sessions.signOut(key);
    return { user: null, expired: false };
  }
  return { user: { id: r.id, username: r.username, displayName: r.displayName, role: r.role }, expired: false };
}

/** Whether this caller may touch the ledger's files (upload, download): logged in, or no users yet. */
export function mayUseFiles(ctx: Context, callerKey: string): boolean {
  if (seatOfCaller(ctx, callerKey) === 'revoked') return false;
  return !hasActiveUsers(ctx.db) || sessionUser(ctx, callerKey, true).user !== null;
}

/**
 * The file an import is to read. A browser tab has no paths of its own: what it may have read
 * is what it uploaded, so from a tab any other path is refused (else any page holding the token
 * could read the office PC's files). The desktop window and the CLI name local files.
 */
export function sourceFile(ctx: Context, file: string): string {
  if (callerIsTab() && !isUpload(ctx.dataDir, file, caller().key)) throw new Refusal('forbidden', '只能读取从本页面上传的文件，请重新选择文件上传。', 'file');
  return file;
}

const SEAT_REVOKED = '这台电脑已被主电脑的管理员取消连接。如需继续使用，请找管理员重新配对。';

/**
 * The seat a caller on the LAN calls from, by the name it has now (the audit names it); revoked
 * also when it was revoked after its request passed the gate (a slow body, a long upload).
 */
function seatOfCaller(ctx: Context, key: string): { id: number; name: string } | null | 'revoked' {
  const id = seatIdOf(key);
  if (id === null) return null;
  const s = getSeat(ctx.db, id);
  if (!s || s.revokedAt) return 'revoked';
  return { id, name: s.name };
}

/** Why this caller may not call a handler declared for `who`, or null. */
function callerRefusal(ctx: Context, who: Who, user: SessionUser | null, expired: boolean): Refusal | null {
  if (who === 'anyone' || !hasActiveUsers(ctx.db)) return null;
  if (!user) return new Refusal('unauthenticated', expired ? '已经 30 分钟没有操作，为保护居民信息请重新输入密码。' : '请先登录。');
  if (who === 'admin' && user.role !== 'admin') return new Refusal('forbidden', '只有管理员可以进行这项操作。');
  return null;
}

function readOnlyRefusal(ctx: Context, h: Handler<unknown, unknown>): Refusal | null {
  return ctx.readOnly && !h.readOnly ? new Refusal('unavailable', `台账现在是只读的，不能修改。${ctx.readOnly}`) : null;
}

/** Why a change cannot be made now (an import or restore holds the ledger), or null. */
function busyRefusal(ctx: Context): Refusal | null {
  return ctx.busy ? new Refusal('unavailable', `${ctx.busy}，请稍候再修改。`) : null;
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
  callerKey: string = LOCAL_CALLER,
  /** The caller's key for this change (a seat's retry sends the same one): done once, answered alike. */
  writeKey?: string,
): Promise<Result<unknown>> {
  if (!isApiName(handlers, name)) {
    return { ok: false, error: { code: 'not_found', message: `没有名为「${name}」的功能。` } };
  }
  if (writeKey !== undefined && !WRITE_KEY.test(writeKey)) {
    return { ok: false, error: { code: 'invalid_input', message: '提交编号的格式不对，请刷新页面后重试。' } };
  }
  const h = handlers[name] as Handler<unknown, unknown>;
  // A change already made under this key is answered as it was before anything else is asked:
  // a retry after a restart (its login gone) or while an import runs is not refused, so the
  // clerk is never led to make it again under a new key.
  const k = keyedCall(ctx, h, name, rawArg, callerKey, writeKey);
  if (k) {
    try {
      const before = answeredBefore(ctx, k);
      if (before) return { ok: true, value: before.value };
    } catch (err) {
      if (err instanceof Refusal) return { ok: false, error: { code: err.code, message: err.message } };
      throw err;
    }
  }
  const seat = seatOfCaller(ctx, callerKey);
  if (seat === 'revoked') return { ok: false, error: { code: 'unpaired', message: SEAT_REVOKED } };
  if (h.local && seat) return { ok: false, error: { code: 'forbidden', message: '这项设置只能在主电脑上操作。' } };
  const { user, expired } = sessionUser(ctx, callerKey, h.who !== 'anyone' && !h.quiet);
  const refused = callerRefusal(ctx, h.who, user, expired) ?? (h.kind === 'read' ? null : (readOnlyRefusal(ctx, h) ?? busyRefusal(ctx)));
  if (refused) return { ok: false, error: { code: refused.code, message: refused.message } };
  const parsed = h.input.safeParse(rawArg ?? {});
  if (!parsed.success) {
    return { ok: false, error: describeIssue(parsed.error.issues[0]!) };
  }
  try {
    const data = parsed.data;
    const value = await calls.run({ key: callerKey, user, seat }, () => runHandler(ctx, h, data, k));
    if (h.kind !== 'read') keepAuditHead(ctx);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof Refusal) {
      return {
        ok: false,
        error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) },
      };
    }
    const io = ioProblem(err);
    if (io) {
      console.error(`[canbao] ${name}: ${io}`, err);
      const what = h.kind === 'read' ? '没有完成（台账没有改动）' : '这次修改没有保存，台账仍是修改前的样子';
      return { ok: false, error: { code: 'unavailable', message: `${io}，${what}。请清理磁盘空间或检查磁盘后重试。` } };
    }
    console.error(`[canbao] ${name} failed`, err);
    return {
      ok: false,
      error: { code: 'internal', message: '操作没有完成：程序内部出错，数据未被修改。请重试或联系维护人员。' },
    };
  }
}

/**
 * A change under a key is done once: the key and the answer are kept in the change's own
 * transaction (a task's just after it), and the same key again from the same caller (a retry
 * that heard no answer) gets that answer back without the change being made twice. The caller
 * is the tab or window (its key outlives a restart of the main process; a user's login does not).
 */
interface Keyed {
  key: string;
  name: string;
  argHash: string;
  by: string;
}

/** The key's record for this call, or null when the call is not done under one. */
function keyedCall(ctx: Context, h: Handler<unknown, unknown>, name: string, rawArg: unknown, callerKey: string, writeKey: string | undefined): Keyed | null {
  // A read-only ledger takes no keys: what still runs on it (a login, a backup elsewhere) changes nothing.
  if (writeKey === undefined || h.kind === 'read' || h.keyed === false || ctx.readOnly) return null;
  return {
    key: writeKey,
    name,
    argHash: crypto
      .createHash('sha256')
      .update(JSON.stringify(rawArg ?? null))
      .digest('hex'),
    by: callerKey,
  };
}

/** The answer this key was given before, if it was; another change's or another caller's key is refused. */
function answeredBefore(ctx: Context, k: Keyed): { value: unknown } | undefined {
  const before = doneWrite(ctx.db, k.key);
  if (!before) return undefined;
  if (before.name !== k.name || before.argHash !== k.argHash || before.doneBy !== k.by)
    throw new Refusal('conflict', '这个提交编号已用于另一项修改，这次没有做。请刷新页面后重试。');
  return { value: JSON.parse(before.answer) as unknown };
}

function keep(ctx: Context, k: Keyed, out: unknown): void {
  rememberWrite(ctx.db, { key: k.key, name: k.name, argHash: k.argHash, doneBy: k.by, doneAt: ctx.now().toISOString(), answer: JSON.stringify(out ?? null) });
}

/** The write, and its key kept in the same transaction (another caller may have made it meanwhile: looked up again there). */
function once(ctx: Context, k: Keyed | null, write: () => unknown): () => unknown {
  if (!k) return write;
  return () => {
    const before = answeredBefore(ctx, k);
    if (before) return before.value;
    const out = write();
    keep(ctx, k, out);
    return out;
  };
}

async function runHandler(ctx: Context, h: Handler<unknown, unknown>, arg: unknown, k: Keyed | null): Promise<unknown> {
  if (h.kind === 'read') return h.run(ctx, arg);
  if (h.kind === 'write') {
    if (!h.prepare)
      return committing(() =>
        runInTransaction(
          ctx,
          once(ctx, k, () => h.run(ctx, arg)),
        ),
      );
    const prepared = await h.prepare(ctx, arg);
    // An import or a restore may have taken the ledger while the slow step ran.
    const refused = busyRefusal(ctx);
    if (refused) throw refused;
    return committing(() =>
      runInTransaction(
        ctx,
        once(ctx, k, () => h.run(ctx, arg, prepared)),
      ),
    );
  }
  ctx.busy = h.busy ?? '正在处理';
  try {
    // A task keeps its own transactions, so its key is kept just after it: a retry after its
    // answer was lost gets that answer (dispatch looked it up; another run of the task cannot
    // start meanwhile, the ledger being busy); one that found the task not done (a crash between
    // the two) runs it again, and the task's own checks (a dry run committed once) hold.
    const out = await h.run(ctx, arg);
    if (k) runInTransaction(ctx, () => keep(ctx, k, out));
    return out;
  } finally {
    ctx.busy = null;
  }
}
