// Two to five clerks on one ledger, driven through the handler map at random and checked after
// every step against a small reference model (fast-check's model-based commands): dry runs and
// commits of real files, undos (with and without keeping later changes), backups and restores,
// desk edits, enrollments, voids and certifications on what each window last showed, logins
// and logouts. The model decides on its own what each answer must be; the ledger is then
// held to it: every enrollment on the person its source named, receipts unique and gapless,
// no edit lost without the clerk being told, the audit chain intact, the same persons.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { dispatch, handlers, type Context } from '../../src-main/api/index';
import type { ApiInput, ApiName, ApiOutput, Result } from '../../src-main/api/contract';
import { verifyAudit } from '../../src-main/ledger/audit';
import { openTestLedger, tempDir, type TestLedger } from '../helpers/ledger';
import { writeCsv } from '../helpers/files';
import { idFor } from '../helpers/people';
import { seatsOverHttps, type Seats } from './seats-over-https';

const NAMES = ['甲', '乙', '丙', '丁', '戊', '己'];
export const IDS = NAMES.map((_, i) => idFor(`19${55 + i * 4}-0${1 + i}-1${i}`, 11 + 2 * i));
const HOUSEHOLDS = ['1', '2', '3'];
const PASSWORD = 'mima-1234';

type Source = 'desk' | number;
interface MPerson {
  dbId: number;
  household: string;
  phone: string;
  receipt: string | null;
  /** The receipt came from a 税务 file (paid 2023-11-05, 380 元): the same row again is already recorded. */
  paidByFile: boolean;
  certified: boolean;
  events: { step: number; source: Source }[];
}
interface MBatch {
  id: number;
  kind: 'roster' | 'payments';
  step: number;
  undone: boolean;
  added: string[];
  updated: Map<string, { household: string; phone: string }>;
  enrolled: string[];
}
interface Shown {
  version: number;
  dbId: number;
  step: number;
  /** Read from the ledger a restore replaced, in a state the restored one does not have. */
  stale?: true;
}
interface DryRun {
  token: string;
  kind: 'roster' | 'payments';
  step: number;
  gen: number;
  rows: { id: string; household: string; phone: string }[];
  /** Who each ID number named then (dbId), or null. */
  named: Map<string, number | null>;
}
interface MSession {
  key: string;
  loggedIn: boolean;
  shown: Map<string, Shown>;
  dry: DryRun | null;
}
interface Snapshot {
  persons: Map<string, MPerson>;
  receipts: Map<string, string>;
  batches: MBatch[];
  /** ID numbers with a 待核实 row of a batch not undone (the same row again is not listed twice). */
  pending: Map<string, number>;
}
export interface Model {
  step: number;
  gen: number;
  persons: Map<string, MPerson>;
  /** Every receipt the ledger holds, with the ID number its source named. */
  receipts: Map<string, string>;
  batches: MBatch[];
  pending: Map<string, number>;
  sessions: MSession[];
  backup: { file: string; step: number; snapshot: Snapshot } | null;
  files: number;
  /** The next step runs with the ledger's disk full but for this many bytes (a fault), or null. */
  fullNext: number | null;
  /** The next step's import runs in a worker thread that dies after this many ms (a fault), or null. */
  killNext: number | null;
}
export interface Real {
  t: TestLedger;
  dir: string;
  /** The small disk the ledger is on, when the run injects full-disk faults. */
  disk: string | null;
  ctx: Context;
  /** `key`: the change's key (dispatch's writeKey), as a page sends it with each call and its retries. */
  call<K extends ApiName>(session: number, name: K, arg: ApiInput<K>, key?: string): Promise<Result<ApiOutput<K>>>;
  /** When the windows are seats on the LAN, calling over HTTPS. */
  seats: Seats | null;
}

export const stats = {
  steps: 0,
  checks: 0,
  refusedAsModelSaid: 0,
  committed: 0,
  undone: 0,
  restored: 0,
  diskFaults: 0,
  workersKilled: 0,
  refusedForFault: 0,
};

/** A change refused because the disk was full: the model leaves it undone, and the ledger must too. */
class NotWritten extends Error {}

const clone = (m: Model): Snapshot => ({
  persons: new Map([...m.persons].map(([k, p]) => [k, { ...p, events: [...p.events] }])),
  receipts: new Map(m.receipts),
  batches: m.batches.map((b) => ({ ...b, added: [...b.added], updated: new Map(b.updated), enrolled: [...b.enrolled] })),
  pending: new Map(m.pending),
});

function fail(what: string): never {
  throw new Error(what);
}
/** A fault is on for the step under way: a refusal that says the disk or the program failed is a change not made. */
let faulty = false;
const faultRefusal = (r: Result<unknown>) => faulty && !r.ok && (r.error.code === 'unavailable' || r.error.code === 'internal');
function expectOk<T>(r: Result<T>, what: string): T {
  if (faultRefusal(r)) throw new NotWritten(r.ok ? '' : r.error.message);
  if (!r.ok) fail(`${what}: 模型认为应当成功，却被拒绝：${r.error.message}`);
  return r.value;
}
function expectRefused(r: Result<unknown>, what: string, field?: string): void {
  if (r.ok) fail(`${what}: 模型认为应当拒绝，却成功了`);
  if (faultRefusal(r)) throw new NotWritten(r.error.message);
  if (field && r.error.field !== field) fail(`${what}: 拒绝的原因不对（${r.error.field ?? '无'}）：${r.error.message}`);
  stats.refusedAsModelSaid++;
}

/** Fills the small disk but for `leave` bytes; gives back what frees it. */
function fill(disk: string, leave: number): () => void {
  const filler = path.join(disk, 'filler.bin');
  const s = fs.statfsSync(disk);
  execFileSync('fallocate', ['-l', String(Math.max(4096, s.bavail * s.bsize - leave)), filler]);
  return () => fs.rmSync(filler, { force: true });
}
const changedSince = (p: MPerson | undefined, step: number) => !!p && p.events.some((e) => e.step > step);

/** Whether a session's screen still shows the person as the ledger has them. */
function fresh(m: Model, s: MSession, id: string): boolean {
  const shown = s.shown.get(id);
  const p = m.persons.get(id);
  return !!shown && !shown.stale && !!p && shown.dbId === p.dbId && !changedSince(p, shown.step);
}

/** Persons a batch touched who were changed after it by the desk or by a batch not undone since. */
function changedLater(m: Model, b: MBatch): string[] {
  const touched = new Set([...b.added, ...b.updated.keys(), ...b.enrolled]);
  const paid = new Set(m.receipts.values());
  return [...touched].filter((id) => {
    const p = m.persons.get(id);
    if (!p) return false;
    // A person the batch added who has paid since (even if voided since) cannot go: a payment is never deleted.
    if (b.added.includes(id) && paid.has(id)) return true;
    return p.events.some((e) => e.step > b.step && e.source !== b.id && (e.source === 'desk' || !m.batches.find((x) => x.id === e.source)?.undone));
  });
}

async function refresh(m: Model, r: Real, si: number, id: string): Promise<void> {
  const p = m.persons.get(id);
  if (!p) return void m.sessions[si]!.shown.delete(id);
  const got = await r.call(si, 'roster.getPerson', { id: p.dbId });
  if (!got.ok) return;
  m.sessions[si]!.shown.set(id, { version: got.value.person.version, dbId: p.dbId, step: m.step });
}

abstract class Step implements fc.AsyncCommand<Model, Real> {
  constructor(readonly s: number) {}
  check(m: Model): boolean {
    return this.s < m.sessions.length;
  }
  abstract act(m: Model, r: Real, s: MSession): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    m.step++;
    stats.steps++;
    const s = m.sessions[this.s]!;
    if (!s.loggedIn && !(this instanceof Login)) {
      const answer = await r.call(this.s, 'villages.list', {});
      expectRefused(answer, `${this.toString()}（未登录）`);
      return;
    }
    const fault = !(this instanceof DiskFull || this instanceof KillWorker);
    const free = fault && m.fullNext !== null && r.disk ? fill(r.disk, m.fullNext) : null;
    const kill = fault ? m.killNext : null;
    if (fault) [m.fullNext, m.killNext] = [null, null];
    if (kill !== null) {
      process.env.CANBAO_KILL_AFTER_MS = String(kill);
      r.ctx.importWorker = { script: KILLED_WORKER };
    }
    faulty = free !== null || kill !== null;
    try {
      await this.act(m, r, s);
    } catch (e) {
      if (!(e instanceof NotWritten)) throw e;
      stats.refusedForFault++;
    } finally {
      free?.();
      r.ctx.importWorker = undefined;
      faulty = false;
    }
    await holds(m, r);
  }
  abstract toString(): string;
}

class Read extends Step {
  constructor(
    s: number,
    readonly who: number,
  ) {
    super(s);
  }
  async act(m: Model, r: Real): Promise<void> {
    await refresh(m, r, this.s, IDS[this.who]!);
  }
  toString = () => `窗口${this.s} 打开 ${NAMES[this.who]}`;
}

/** A change at the desk on a person the window has open: it states the version the window showed. */
abstract class AtDesk extends Step {
  constructor(
    s: number,
    readonly who: number,
  ) {
    super(s);
  }
  abstract onPerson(m: Model, r: Real, s: MSession, id: string, shown: Shown, p: MPerson): Promise<void>;
  async act(m: Model, r: Real, s: MSession): Promise<void> {
    const id = IDS[this.who]!;
    const shown = s.shown.get(id);
    const p = m.persons.get(id);
    if (shown && p) await this.onPerson(m, r, s, id, shown, p);
  }
}

class EditPhone extends AtDesk {
  constructor(
    s: number,
    who: number,
    readonly digit: number,
    /** Sent again under its key, as a page does when the first answer was lost: made once, answered alike. */
    readonly retried = false,
  ) {
    super(s, who);
  }
  async onPerson(m: Model, r: Real, s: MSession, id: string, shown: Shown, p: MPerson): Promise<void> {
    const phone = `1390000${String(m.step).padStart(3, '0')}${this.digit}`;
    const arg = { id: shown.dbId, phone, seen: shown.version };
    const key = this.retried ? `model-${m.step}-${this.s}-retried` : undefined;
    const answer = await r.call(this.s, 'roster.updatePerson', arg, key);
    if (key) {
      const again = await r.call(this.s, 'roster.updatePerson', arg, key);
      if (JSON.stringify(again) !== JSON.stringify(answer)) throw new Error(`${this.toString()}：重发的回答与第一次不同：${JSON.stringify(again)}`);
    }
    if (!fresh(m, s, id)) return expectRefused(answer, this.toString(), shown.dbId === p.dbId ? 'seen' : undefined);
    const after = expectOk(answer, this.toString());
    p.phone = phone;
    p.events.push({ step: m.step, source: 'desk' });
    s.shown.set(id, { version: after.version, dbId: p.dbId, step: m.step });
  }
  toString = () => `窗口${this.s} 改 ${NAMES[this.who]} 的电话${this.retried ? '（没收到回答，重发）' : ''}`;
}

class Enroll extends AtDesk {
  async onPerson(m: Model, r: Real, s: MSession, id: string, shown: Shown, p: MPerson): Promise<void> {
    const answer = await r.call(this.s, 'enroll.person', {
      personId: shown.dbId,
      coverageYear: 2024,
      paidOn: '2023-11-10',
      channel: '现金',
      seen: shown.version,
    });
    if (!fresh(m, s, id) || p.receipt) return expectRefused(answer, this.toString());
    const e = expectOk(answer, this.toString());
    p.receipt = e.receiptNo;
    p.paidByFile = false;
    m.receipts.set(e.receiptNo, id);
    p.events.push({ step: m.step, source: 'desk' });
    await refresh(m, r, this.s, id);
  }
  toString = () => `窗口${this.s} 为 ${NAMES[this.who]} 登记参保`;
}

class Void extends AtDesk {
  async onPerson(m: Model, r: Real, s: MSession, id: string, shown: Shown, p: MPerson): Promise<void> {
    if (!p.receipt) return;
    const e = r.ctx.db.prepare('SELECT id FROM enrollments WHERE receipt_no = ?').pluck().get(p.receipt) as number;
    const answer = await r.call(this.s, 'enroll.void', { id: e, reason: '登记有误', seen: shown.version });
    if (!fresh(m, s, id)) return expectRefused(answer, this.toString(), 'seen');
    expectOk(answer, this.toString());
    p.receipt = null;
    p.events.push({ step: m.step, source: 'desk' });
    await refresh(m, r, this.s, id);
  }
  toString = () => `窗口${this.s} 作废 ${NAMES[this.who]} 的参保`;
}

class Certify extends AtDesk {
  async onPerson(m: Model, r: Real, s: MSession, id: string, shown: Shown, p: MPerson): Promise<void> {
    const answer = await r.call(this.s, 'categories.certify', {
      personId: shown.dbId,
      code: 'min_living',
      validFrom: '2023-01-01',
      source: '民政',
      seen: shown.version,
    });
    if (!fresh(m, s, id)) return expectRefused(answer, this.toString(), 'seen');
    const c = expectOk(answer, this.toString());
    if (p.certified !== (c.unchanged === true)) fail(`${this.toString()}: 已认定的应答为 unchanged，未认定的应新增一条`);
    if (!p.certified) p.events.push({ step: m.step, source: 'desk' });
    p.certified = true;
    await refresh(m, r, this.s, id);
  }
  toString = () => `窗口${this.s} 认定 ${NAMES[this.who]} 为低保`;
}

class DryRunRoster extends Step {
  constructor(
    s: number,
    readonly rows: { who: number; household: number; digit: number }[],
  ) {
    super(s);
  }
  async act(m: Model, r: Real, s: MSession): Promise<void> {
    const rows = [...new Map(this.rows.map((x) => [x.who, x])).values()].map((x) => ({
      id: IDS[x.who]!,
      household: HOUSEHOLDS[x.household]!,
      phone: `1380000${String(x.who)}00${x.digit}`,
    }));
    const file = writeCsv(path.join(r.dir, `户籍${++m.files}.csv`), [
      ['姓名', '身份证号码', '村', '户号', '联系电话'],
      ...rows.map((x) => [NAMES[IDS.indexOf(x.id)]!, x.id, '幸福村', x.household, x.phone]),
    ]);
    const p = expectOk(await r.call(this.s, 'import.preview', { kind: 'roster', file }), this.toString());
    s.dry = { token: p.token, kind: 'roster', step: m.step, gen: m.gen, rows, named: new Map(rows.map((x) => [x.id, m.persons.get(x.id)?.dbId ?? null])) };
  }
  toString = () => `窗口${this.s} 试导入花名册（${this.rows.map((x) => `${NAMES[x.who]}→户${HOUSEHOLDS[x.household]}`).join('、')}）`;
}

class DryRunPayments extends Step {
  constructor(
    s: number,
    readonly who: number[],
  ) {
    super(s);
  }
  async act(m: Model, r: Real, s: MSession): Promise<void> {
    const ids = [...new Set(this.who.map((w) => IDS[w]!))].filter((id) => m.persons.has(id));
    if (!ids.length) return;
    const file = writeCsv(path.join(r.dir, `税务${++m.files}.csv`), [
      ['证件号码', '姓名', '费款所属期', '缴费金额', '缴费日期', '缴费渠道'],
      ...ids.map((id) => [id, NAMES[IDS.indexOf(id)]!, '2024', '380', '2023-11-05', '微信']),
    ]);
    const p = expectOk(await r.call(this.s, 'import.preview', { kind: 'payments', file }), this.toString());
    s.dry = {
      token: p.token,
      kind: 'payments',
      step: m.step,
      gen: m.gen,
      rows: ids.map((id) => ({ id, household: '', phone: '' })),
      named: new Map(ids.map((id) => [id, m.persons.get(id)?.dbId ?? null])),
    };
  }
  toString = () => `窗口${this.s} 试导入税务缴费（${this.who.map((w) => NAMES[w]).join('、')}）`;
}

class Commit extends Step {
  async act(m: Model, r: Real, own: MSession): Promise<void> {
    // This window's dry run, else the next logged-in window's that has one.
    const order = [...m.sessions.slice(this.s), ...m.sessions.slice(0, this.s)];
    const s = own.dry ? own : order.find((x) => x.dry && x.loggedIn);
    const d = s?.dry;
    if (!s || !d) return;
    s.dry = null;
    const answer = await r.call(m.sessions.indexOf(s), 'import.commit', { token: d.token });
    const stale = d.gen !== m.gen || d.rows.some((x) => (m.persons.get(x.id)?.dbId ?? null) !== d.named.get(x.id) || changedSince(m.persons.get(x.id), d.step));
    if (stale) return expectRefused(answer, this.toString(), 'token');
    if (d.kind === 'roster') {
      const writes = d.rows.filter((x) => {
        const p = m.persons.get(x.id);
        return !p || p.household !== x.household || p.phone !== x.phone;
      });
      if (!writes.length) return expectRefused(answer, `${this.toString()}（没有要写入的）`);
      const b = expectOk(answer, this.toString());
      const batch: MBatch = { id: b.id, kind: 'roster', step: m.step, undone: false, added: [], updated: new Map(), enrolled: [] };
      for (const x of writes) {
        const p = m.persons.get(x.id);
        if (!p) {
          const dbId = r.ctx.db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(x.id) as number;
          m.persons.set(x.id, { dbId, household: x.household, phone: x.phone, receipt: null, paidByFile: false, certified: false, events: [] });
          batch.added.push(x.id);
        } else {
          batch.updated.set(x.id, { household: p.household, phone: p.phone });
          Object.assign(p, { household: x.household, phone: x.phone });
          p.events.push({ step: m.step, source: b.id });
        }
      }
      m.batches.push(batch);
    } else {
      // Each row: already there (the same row waits on 待核实, or was recorded from a file), waiting
      // (paid at the desk, or a subsidy that changes the amount), or recorded.
      const fate = (id: string) => {
        const p = m.persons.get(id)!;
        if (m.pending.has(id) || (p.receipt && p.paidByFile)) return 'already';
        return p.receipt || p.certified ? 'pending' : 'record';
      };
      const fates = d.rows.map((x) => [x.id, fate(x.id)] as const);
      if (fates.every(([, f]) => f === 'already')) return expectRefused(answer, `${this.toString()}（都已登记）`);
      const b = expectOk(answer, this.toString());
      const batch: MBatch = { id: b.id, kind: 'payments', step: m.step, undone: false, added: [], updated: new Map(), enrolled: [] };
      const recorded = fates.filter(([, f]) => f === 'record').map(([id]) => id);
      for (const [id, f] of fates) if (f === 'pending') m.pending.set(id, b.id);
      const got = r.ctx.db
        .prepare(
          `SELECT e.receipt_no AS receipt, p.id_number AS id FROM import_changes ch JOIN enrollments e ON e.id = ch.entity_id JOIN persons p ON p.id = e.person_id
           WHERE ch.batch_id = ? AND ch.entity = 'enrollment'`,
        )
        .all(b.id) as { receipt: string; id: string }[];
      const named = new Set(d.rows.map((x) => x.id));
      for (const g of got) if (!named.has(g.id)) fail(`${this.toString()}: 收据 ${g.receipt} 记在了文件没有的人（${g.id}）名下`);
      if (JSON.stringify(got.map((g) => g.id).sort()) !== JSON.stringify([...recorded].sort()))
        fail(
          `${this.toString()}: 登记的人（${got.map((g) => NAMES[IDS.indexOf(g.id)]).join('')}）不是模型算的（${recorded.map((id) => NAMES[IDS.indexOf(id)]).join('')}）`,
        );
      for (const g of got) {
        const p = m.persons.get(g.id)!;
        p.receipt = g.receipt;
        p.paidByFile = true;
        m.receipts.set(g.receipt, g.id);
        p.events.push({ step: m.step, source: b.id });
        batch.enrolled.push(g.id);
      }
      m.batches.push(batch);
    }
    stats.committed++;
  }
  toString = () => `窗口${this.s} 确认导入`;
}

class Undo extends Step {
  constructor(
    s: number,
    readonly pick: number,
    readonly keepLater: boolean,
  ) {
    super(s);
  }
  async act(m: Model, r: Real): Promise<void> {
    const open = m.batches.filter((b) => !b.undone);
    if (!open.length) return;
    // The newest first, as a clerk undoes; now and then an older one.
    const b = open[open.length - 1 - (this.pick % open.length)]!;
    const answer = await r.call(this.s, 'import.undo', { batchId: b.id, ...(this.keepLater ? { keepLater: true } : {}) });
    const later = changedLater(m, b);
    if (later.length && !this.keepLater) return expectRefused(answer, this.toString(), 'keepLater');
    const done = expectOk(answer, this.toString());
    const kept = new Set(later);
    const told = done.keptLater.map((x) => x.slice(0, x.indexOf('（')));
    if (JSON.stringify(told.sort()) !== JSON.stringify(later.map((id) => NAMES[IDS.indexOf(id)]).sort()))
      fail(`${this.toString()}: 保留的人（${told.join('')}）不是模型算的（${later.map((id) => NAMES[IDS.indexOf(id)]).join('')}）`);
    b.undone = true;
    // What the batch wrote of a kept person still stands, as the desk's word does.
    for (const id of kept) for (const e of m.persons.get(id)?.events ?? []) if (e.source === b.id) e.source = 'desk';
    for (const id of b.added) if (!kept.has(id)) m.persons.delete(id);
    for (const [id, before] of b.updated) {
      const p = m.persons.get(id);
      if (!p || kept.has(id)) continue;
      Object.assign(p, before);
      p.events.push({ step: m.step, source: b.id });
    }
    for (const id of b.enrolled) {
      const p = m.persons.get(id);
      if (!p || kept.has(id)) continue;
      p.receipt = null;
      p.events.push({ step: m.step, source: b.id });
    }
    for (const [id, batch] of [...m.pending]) if (batch === b.id) m.pending.delete(id);
    m.gen++;
    stats.undone++;
  }
  toString = () => `窗口${this.s} 撤销倒数第 ${this.pick + 1} 个未撤销的批次${this.keepLater ? '（保留后来的改动）' : ''}`;
}

class Backup extends Step {
  async act(m: Model, r: Real): Promise<void> {
    const b = expectOk(await r.call(this.s, 'backup.create', {}), this.toString());
    m.backup = { file: b.file, step: m.step, snapshot: clone(m) };
  }
  toString = () => `窗口${this.s} 备份`;
}

class Restore extends Step {
  async act(m: Model, r: Real): Promise<void> {
    if (!m.backup) return;
    expectOk(await r.call(this.s, 'backup.restore', { file: m.backup.file }), this.toString());
    // A window that read a person after the backup, in a state the backup does not hold, is stale.
    const since = m.backup.step;
    for (const s of m.sessions)
      for (const [id, shown] of s.shown) {
        const old = m.persons.get(id);
        if (shown.step > since && (!old || old.events.some((e) => e.step > since && e.step <= shown.step))) shown.stale = true;
      }
    const snap = clone({ ...m, ...m.backup.snapshot });
    m.persons = snap.persons;
    m.receipts = snap.receipts;
    m.batches = snap.batches;
    m.pending = snap.pending;
    m.gen++;
    // Everyone logs in again on a restored ledger.
    for (const s of m.sessions) {
      s.loggedIn = false;
      s.dry = null;
    }
    stats.restored++;
  }
  toString = () => `窗口${this.s} 恢复备份`;
}

/** A fault: the next step finds the ledger's disk full but for a few bytes (ENOSPC on its write). */
class DiskFull extends Step {
  constructor(
    s: number,
    readonly leave: number,
  ) {
    super(s);
  }
  async act(m: Model): Promise<void> {
    m.fullNext = this.leave;
    stats.diskFaults++;
  }
  toString = () => `（故障）下一步时磁盘只剩 ${this.leave} 字节`;
}

const KILLED_WORKER = new URL('./killed-worker.ts', import.meta.url).pathname;

/** A fault: the next step's import runs in a worker thread that dies after `ms`, wherever it is. */
class KillWorker extends Step {
  constructor(
    s: number,
    readonly ms: number,
  ) {
    super(s);
  }
  async act(m: Model): Promise<void> {
    m.killNext = this.ms;
    stats.workersKilled++;
  }
  toString = () => `（故障）下一步的导入线程在 ${this.ms} 毫秒后被杀掉`;
}

class Logout extends Step {
  async act(m: Model, r: Real, s: MSession): Promise<void> {
    expectOk(await r.call(this.s, 'session.logout', {}), this.toString());
    s.loggedIn = false;
  }
  toString = () => `窗口${this.s} 退出登录`;
}

class Login extends Step {
  async act(m: Model, r: Real, s: MSession): Promise<void> {
    expectOk(await r.call(this.s, 'session.login', { username: `jb${this.s}`, password: PASSWORD }), this.toString());
    s.loggedIn = true;
  }
  toString = () => `窗口${this.s} 登录`;
}

/** The ledger as the model has it, read straight from SQLite after every step. */
async function holds(m: Model, r: Real): Promise<void> {
  stats.checks++;
  const db = r.ctx.db;
  const persons = db
    .prepare(
      `SELECT p.id_number AS id, p.id AS dbId, p.phone, h.number AS household,
         (SELECT receipt_no FROM enrollments e WHERE e.person_id = p.id AND e.coverage_year = 2024 AND e.status = 'active') AS receipt,
         EXISTS (SELECT 1 FROM person_categories c WHERE c.person_id = p.id AND c.code = 'min_living') AS certified
       FROM persons p JOIN households h ON h.id = p.household_id`,
    )
    .all() as { id: string; dbId: number; phone: string; household: string; receipt: string | null; certified: number }[];
  if (persons.length !== m.persons.size) fail(`台账有 ${persons.length} 人，模型有 ${m.persons.size} 人`);
  for (const p of persons) {
    const q = m.persons.get(p.id);
    if (!q) fail(`台账里有模型没有的人 ${p.id}`);
    const name = NAMES[IDS.indexOf(p.id)];
    if (q.dbId !== p.dbId) fail(`${name} 的编号变了（${q.dbId} → ${p.dbId}）`);
    if (q.phone !== p.phone) fail(`${name} 的电话是 ${p.phone}，模型是 ${q.phone}：有改动没有告诉经办人就丢了`);
    if (q.household !== p.household) fail(`${name} 在户 ${p.household}，模型是户 ${q.household}`);
    if (q.receipt !== p.receipt) fail(`${name} 的参保收据是 ${p.receipt ?? '无'}，模型是 ${q.receipt ?? '无'}`);
    if (q.certified !== (p.certified === 1)) fail(`${name} 的低保认定与模型不符`);
  }
  // Every receipt on the person its source named; numbered from the first, with no gap or repeat.
  const receipts = db
    .prepare('SELECT e.receipt_no AS receipt, p.id_number AS id FROM enrollments e JOIN persons p ON p.id = e.person_id ORDER BY e.receipt_no')
    .all() as { receipt: string; id: string }[];
  receipts.forEach((x, i) => {
    if (x.receipt !== String(2024000001 + i)) fail(`收据号不连续：第 ${i + 1} 张是 ${x.receipt}`);
    if (m.receipts.get(x.receipt) !== x.id) fail(`收据 ${x.receipt} 记在 ${x.id} 名下，来源说的是 ${m.receipts.get(x.receipt) ?? '无'}`);
  });
  if (!verifyAudit(db).intact) fail('审计记录链断了');
}

export const stepsArbitrary = (sessions: number, faults: boolean) => {
  const s = fc.nat({ max: sessions - 1 });
  const who = fc.nat({ max: IDS.length - 1 });
  const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
  return [
    fc.oneof(
      w(
        5,
        fc.tuple(s, who).map(([a, b]) => new Read(a, b)),
      ),
      w(
        4,
        fc.tuple(s, who, fc.nat({ max: 9 }), fc.boolean()).map(([a, b, c, d]) => new EditPhone(a, b, c, d)),
      ),
      w(
        3,
        fc.tuple(s, who).map(([a, b]) => new Enroll(a, b)),
      ),
      w(
        1,
        fc.tuple(s, who).map(([a, b]) => new Void(a, b)),
      ),
      w(
        1,
        fc.tuple(s, who).map(([a, b]) => new Certify(a, b)),
      ),
      w(
        3,
        fc
          .tuple(s, fc.array(fc.record({ who, household: fc.nat({ max: HOUSEHOLDS.length - 1 }), digit: fc.nat({ max: 2 }) }), { minLength: 1, maxLength: 4 }))
          .map(([a, rows]) => new DryRunRoster(a, rows)),
      ),
      w(
        3,
        fc.tuple(s, fc.array(who, { minLength: 1, maxLength: 3 })).map(([a, x]) => new DryRunPayments(a, x)),
      ),
      w(
        5,
        s.map((a) => new Commit(a)),
      ),
      w(
        1,
        fc.tuple(s, fc.nat({ max: 5 }), fc.boolean()).map(([a, p, k]) => new Undo(a, Math.max(0, p - 2), k)),
      ),
      w(
        1,
        s.map((a) => new Backup(a)),
      ),
      w(
        1,
        fc.tuple(s, fc.nat({ max: 2 })).map(([a, n]) => (n === 0 ? new Restore(a) : new Login(a))),
      ),
      w(
        1,
        s.map((a) => new Logout(a)),
      ),
      w(
        3,
        s.map((a) => new Login(a)),
      ),
      ...(faults
        ? [
            w(
              1,
              fc.tuple(s, fc.constantFrom(0, 16 * 1024, 96 * 1024)).map(([a, leave]) => new DiskFull(a, leave)),
            ),
            w(
              2,
              fc.tuple(s, fc.integer({ min: 0, max: 4000 })).map(([a, ms]) => new KillWorker(a, ms)),
            ),
          ]
        : []),
    ),
  ];
};

/**
 * A fresh ledger: one village, its households, an administrator per window, each logged in. With
 * `seats`, each window is a seat on the office LAN calling the main PC over HTTPS.
 */
export async function setUp(sessions: number, disk: string | null = null, seats = false): Promise<{ model: Model; real: Real }> {
  const t = openTestLedger('2023-11-10T02:00:00Z', disk ? fs.mkdtempSync(path.join(disk, 'ledger-')) : undefined);
  // The model runs hundreds of imports: on this thread they cost 70 ms, in a worker thread seconds.
  t.ctx.importWorker = undefined;
  const dir = tempDir('canbao-model-');
  let call = <K extends ApiName>(si: number, name: K, arg: ApiInput<K>, key?: string) =>
    dispatch(handlers, t.ctx, name, arg, `window:${si}`, key) as Promise<Result<ApiOutput<K>>>;
  const village = await t.ok('villages.add', { code: '001', name: '幸福村' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  for (const n of HOUSEHOLDS) await t.ok('roster.addHousehold', { villageId: village.id, number: n });
  // The main PC's own window makes the users (the first is logged in there): seats pair only once users exist.
  for (let i = 0; i < sessions; i++) await t.ok('users.create', { username: `jb${i}`, displayName: `经办${i}`, role: 'admin', password: PASSWORD });
  const lan = seats ? await seatsOverHttps(t, sessions) : null;
  if (lan) call = lan.call;
  if (lan?.fallback) console.warn(lan.fallback);
  for (let i = 0; i < sessions; i++) {
    const l = await call(i, 'session.login', { username: `jb${i}`, password: PASSWORD });
    if (!l.ok) {
      await lan?.close();
      throw new Error(l.error.message);
    }
  }
  // Everyone in the roster from the start (the first batch, undoable like any other).
  const first = writeCsv(path.join(dir, '户籍0.csv'), [
    ['姓名', '身份证号码', '村', '户号', '联系电话'],
    ...IDS.map((id, i) => [NAMES[i]!, id, '幸福村', HOUSEHOLDS[i % HOUSEHOLDS.length]!, `1370000000${i}`]),
  ]);
  const dry = await call(0, 'import.preview', { kind: 'roster', file: first });
  if (!dry.ok) throw new Error(dry.error.message);
  const batch = await call(0, 'import.commit', { token: dry.value.token });
  if (!batch.ok) throw new Error(batch.error.message);
  const dbId = (id: string) => t.ctx.db.prepare('SELECT id FROM persons WHERE id_number = ?').pluck().get(id) as number;
  const model: Model = {
    step: 0,
    gen: 0,
    persons: new Map(
      IDS.map((id, i) => [
        id,
        {
          dbId: dbId(id),
          household: HOUSEHOLDS[i % HOUSEHOLDS.length]!,
          phone: `1370000000${i}`,
          receipt: null,
          paidByFile: false,
          certified: false,
          events: [],
        },
      ]),
    ),
    receipts: new Map(),
    batches: [{ id: batch.value.id, kind: 'roster', step: 0, undone: false, added: [...IDS], updated: new Map(), enrolled: [] }],
    pending: new Map(),
    sessions: Array.from({ length: sessions }, (_, i) => ({ key: `window:${i}`, loggedIn: true, shown: new Map(), dry: null })),
    backup: null,
    files: 0,
    fullNext: null,
    killNext: null,
  };
  return { model, real: { t, dir, disk, ctx: t.ctx, call, seats: lan } };
}

export async function tearDown(real: Real): Promise<void> {
  await real.seats?.close();
  real.t.close();
  fs.rmSync(real.dir, { recursive: true, force: true });
}

/** One seeded property: runs of `steps` steps by 2–5 windows (or `seats` seats on the LAN), each checked after every step. */
export function property(maxSteps: number, disk: string | null = null, seats: number | null = null) {
  return fc.asyncProperty(
    fc
      .integer({ min: seats ?? 2, max: seats ?? 5 })
      .chain((sessions) => fc.tuple(fc.constant(sessions), fc.commands(stepsArbitrary(sessions, disk !== null), { maxCommands: maxSteps, size: 'max' }))),
    async ([sessions, cmds]) => {
      const setup = await setUp(sessions, disk, seats !== null);
      try {
        await fc.asyncModelRun(() => setup, cmds);
      } finally {
        await tearDown(setup.real);
      }
    },
  );
}
