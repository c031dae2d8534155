// Logins never stall the office (issue 24): a flood of wrong passwords hashes off the main
// thread, a few at a time, while a logged-in clerk's calls are answered; a tab that keeps
// failing waits, whichever names it tries.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import { HASHES_AT_ONCE } from '../../../src-main/service/hash-turns';
import { FREE_TRIES } from '../../../src-main/service/sessions';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
let clock: number;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  clock = Date.parse('2024-01-10T02:00:00Z');
  t.ctx.now = () => new Date(clock);
  await t.ok('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
  await t.ok('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret2' });
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
});

const as = (caller: string) => (name: string, arg: unknown) => dispatch(handlers, t.ctx, name, arg, caller);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the scrypts under way through Node's async scrypt, and the most at once. */
function watchScrypt(): { calls: () => number; peak: () => number } {
  const real = crypto.scrypt.bind(crypto) as (...args: unknown[]) => void;
  let live = 0;
  let peak = 0;
  let calls = 0;
  vi.spyOn(crypto, 'scrypt').mockImplementation(((...args: unknown[]) => {
    calls++;
    peak = Math.max(peak, ++live);
    const done = args.pop() as (err: Error | null, key: Buffer) => void;
    real(...args, (err: Error | null, key: Buffer) => {
      live--;
      done(err, key);
    });
  }) as typeof crypto.scrypt);
  return { calls: () => calls, peak: () => peak };
}

const WRONG = { ok: false, error: { code: 'forbidden', message: '用户名或密码不对，或该用户已停用。' } };

describe('a flood of wrong logins', () => {
  it('leaves a logged-in clerk’s calls answered while it lasts, and the right password still works after', async () => {
    const clerk = as('tab:clerk');
    expect(await clerk('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
    const n = 20;
    // The event loop's breathing: the longest gap between ticks of a 5 ms timer.
    let last = performance.now();
    let gap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }, 5);
    let floodDone = false;
    const flood = Promise.all(
      Array.from({ length: n }, (_, i) => as(`tab:flood-${i}`)('session.login', { username: `guess${i}`, password: 'wrong!' })),
    ).finally(() => (floodDone = true));
    const answered: number[] = [];
    try {
      while (!floodDone) {
        const t0 = performance.now();
        const r = await clerk('session.get', {});
        expect(r).toMatchObject({ ok: true, value: { user: { username: 'clerk1' } } });
        expect(await clerk('roster.search', { q: '张' })).toMatchObject({ ok: true });
        if (!floodDone) answered.push(performance.now() - t0);
        await sleep(10);
      }
    } finally {
      clearInterval(ticker);
    }
    for (const r of await flood) expect(r).toMatchObject(WRONG);
    // Each hash takes ~50–200 ms and twenty of them a second or more: the clerk was answered all along.
    expect(answered.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...answered)).toBeLessThan(1000);
    expect(gap).toBeLessThan(1000);
    expect(await as('tab:later')('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true, value: { username: 'clerk1' } });
  }, 60_000);

  it(`hashes at most ${HASHES_AT_ONCE} at once, every try in its turn (none refused for waiting)`, async () => {
    const scrypt = watchScrypt();
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => as(`tab:flood-${i}`)('session.login', { username: `guess${i}`, password: 'wrong!' })),
    );
    for (const r of results) expect(r).toMatchObject(WRONG);
    expect(scrypt.calls()).toBe(n);
    expect(scrypt.peak()).toBe(HASHES_AT_ONCE);
  }, 60_000);
});

describe('one tab trying many names', () => {
  it('waits after five wrong passwords, whichever names it tried; other tabs and the name itself do not', async () => {
    const tab = as('tab:guesser');
    for (let i = 0; i < FREE_TRIES; i++) expect(await tab('session.login', { username: `guess${i}`, password: 'wrong!' })).toMatchObject(WRONG);
    const waiting = await tab('session.login', { username: 'clerk1', password: 'secret2' });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!waiting.ok) expect(waiting.error.message).toBe('密码错误次数太多，请 1 秒后再试。');
    // clerk1 itself was never tried wrongly: another tab logs in as it.
    expect(await as('tab:other')('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
    clock += 1001;
    expect(await tab('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
  });

  it('spends no hash on the tries it queued behind its own wrong ones', async () => {
    const scrypt = watchScrypt();
    const tab = as('tab:guesser');
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => tab('session.login', { username: `guess${i}`, password: 'wrong!' })));
    // The tries already hashing when the fifth failed finish theirs.
    const hashed = scrypt.calls();
    expect(hashed).toBeGreaterThanOrEqual(FREE_TRIES);
    expect(hashed).toBeLessThan(FREE_TRIES + HASHES_AT_ONCE);
    expect(results.filter((r) => !r.ok && r.error.message === WRONG.error.message)).toHaveLength(hashed);
    expect(results.filter((r) => !r.ok && /错误次数太多/.test(r.error.message))).toHaveLength(30 - hashed);
  }, 60_000);
});

describe('logging in, now that the hash runs before the write', () => {
  it('still works on a read-only ledger, unaudited', async () => {
    const entries = () => t.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const before = entries();
    t.ctx.readOnly = '磁盘空间不足。';
    const a = as('tab:a');
    expect(await a('session.login', { username: 'admin', password: 'secret1' })).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await a('session.get', {})).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    expect(await a('villages.add', { code: '1', name: '幸福村' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(entries()).toBe(before);
    t.ctx.readOnly = null;
    await as('tab:b')('session.login', { username: 'clerk1', password: 'secret2' });
    expect(entries()).toBe(before + 1);
  });

  it('refuses a user disabled while the password was being checked', async () => {
    const pending = as('tab:a')('session.login', { username: 'clerk1', password: 'secret2' });
    t.ctx.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'clerk1'").run();
    expect(await pending).toMatchObject(WRONG);
    expect(await as('tab:a')('session.get', {})).toMatchObject({ ok: true, value: { user: null } });
  });
});
