// Who may call what: every handler's declaration, held to what dispatch really answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import type { Handler } from '../../../src-main/api/handler';
import { FREE_TRIES, IDLE_MS } from '../../../src-main/service/sessions';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

const all = Object.entries(handlers) as [string, Handler<unknown, unknown>][];
const declared = (who: string) =>
  all
    .filter(([, h]) => h.who === who)
    .map(([n]) => n)
    .sort();

// What only the administrator may do (issue 11): the office, villages, users, the policy in
// force, policy files, backups to a chosen folder, restoring; and saying a year's records are all in (issue 17).
const ADMIN_ONLY = [
  'backup.copyTo',
  'backup.restore',
  'history.markYear',
  'history.previewMark',
  'history.withdraw',
  // The office's other PCs (issue 30): turning the LAN on and off, pairing codes, the seats.
  'lan.disable',
  'lan.enable',
  'lan.exportCertificate',
  'lan.renameSeat',
  'lan.revokeSeat',
  'lan.showCode',
  'lan.status',
  'office.setPolicy',
  'office.update',
  'policies.import',
  'users.create',
  'users.list',
  'users.setDisabled',
  'villages.add',
  'villages.rename',
  'villages.restore',
  'villages.retire',
  'villages.setUnitCode',
];
// lan.pair: a PC pairing has no login here yet; it is answered only through the LAN's /pair (test/unit/host/lan-server.test.ts).
const ANYONE = ['glossary.get', 'lan.pair', 'session.get', 'session.login', 'session.logout'];

let t: TestLedger;
let clock: number;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  clock = Date.parse('2024-01-10T02:00:00Z');
  t.ctx.now = () => new Date(clock);
  await t.ok('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
  await t.ok('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret2' });
});
afterEach(() => t.close());

const as = (caller: string) => (name: string, arg: unknown) => dispatch(handlers, t.ctx, name, arg, caller);

describe('every handler declares what it does and who may call it', () => {
  it('has a kind and a caller for every handler', () => {
    for (const [name, h] of all) {
      expect(['read', 'write', 'task'], name).toContain(h.kind);
      expect(['anyone', 'clerk', 'admin'], name).toContain(h.who);
      if (h.kind === 'task') expect(h.busy, name).toMatch(/^正在/);
    }
  });

  it('keeps the administrator’s handlers and the open ones to their lists', () => {
    expect(declared('admin')).toEqual(ADMIN_ONLY);
    expect(declared('anyone')).toEqual(ANYONE);
  });

  it('answers nobody logged in with 请先登录 for every handler but the open ones, before reading the input', async () => {
    const nobody = as('tab:nobody');
    for (const [name] of all) {
      const r = await nobody(name, {});
      if (ANYONE.includes(name)) continue;
      expect(r, name).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });
    }
  });

  it('refuses a clerk every administrator’s handler, and only those', async () => {
    const clerk = as('tab:clerk');
    await clerk('session.login', { username: 'clerk1', password: 'secret2' });
    for (const [name] of all) {
      if (name === 'session.logout') continue;
      const r = await clerk(name, {});
      if (ADMIN_ONLY.includes(name)) expect(r, name).toMatchObject({ ok: false, error: { code: 'forbidden', message: '只有管理员可以进行这项操作。' } });
      else if (!r.ok) expect(r.error.code, `${name}: ${r.error.message}`).not.toMatch(/forbidden|unauthenticated/);
    }
  });

  it('shows no person to a caller without a login', async () => {
    const { persons, household } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    const nobody = as('tab:stranger');
    for (const [name, arg] of [
      ['roster.search', { q: '张' }],
      ['roster.getPerson', { id: persons[0]!.id }],
      ['roster.getHousehold', { id: household.id }],
      ['reports.notEnrolled', { coverageYear: 2024 }],
      ['print.householdNotice', { householdId: household.id, coverageYear: 2024, fullId: true }],
      ['backup.list', {}],
    ] as const) {
      const r = await nobody(name, arg);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(JSON.stringify(r)).not.toContain(persons[0]!.idNumber);
    }
  });
});

describe('sessions belong to the window that logged in', () => {
  it('logs in one tab without logging in another', async () => {
    const a = as('tab:a');
    const b = as('tab:b');
    expect(await a('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
    expect(await a('session.get', {})).toMatchObject({ ok: true, value: { user: { username: 'clerk1' } } });
    expect(await b('session.get', {})).toMatchObject({ ok: true, value: { user: null, loginRequired: true } });
    expect(await b('roster.search', { q: '张' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await a('session.logout', {});
    expect(await a('roster.search', { q: '张' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('ends after 30 minutes without use, and says so; use keeps it alive', async () => {
    const a = as('tab:a');
    await a('session.login', { username: 'clerk1', password: 'secret2' });
    clock += IDLE_MS - 1000;
    expect(await a('roster.search', { q: '张' })).toMatchObject({ ok: true });
    clock += IDLE_MS - 1000;
    expect(await a('roster.search', { q: '张' })).toMatchObject({ ok: true });
    clock += IDLE_MS + 1;
    const r = await a('roster.search', { q: '张' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    if (!r.ok) expect(r.error.message).toContain('30 分钟');
    expect(await a('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
  });

  it('is kept alive only by calls that need the login: a page asking who is logged in every minute is logged out after 30 minutes', async () => {
    const a = as('tab:a');
    await a('session.login', { username: 'clerk1', password: 'secret2' });
    for (let minute = 1; minute <= 30; minute++) {
      clock += 60_000;
      expect(await a('session.get', {}), `minute ${minute}`).toMatchObject({ ok: true, value: { user: { username: 'clerk1' } } });
      expect(await a('glossary.get', {}), `minute ${minute}`).toMatchObject({ ok: true });
    }
    clock += 60_000;
    expect(await a('session.get', {})).toMatchObject({ ok: true, value: { user: null, loginRequired: true } });
    // …and the first call that needs the login still says why.
    const r = await a('roster.search', { q: '张' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    if (!r.ok) expect(r.error.message).toContain('30 分钟');
    expect(await a('roster.search', { q: '张' })).toMatchObject({ ok: false, error: { message: '请先登录。' } });
  });

  it('logs out a user the administrator disables', async () => {
    const admin = as('tab:admin');
    const clerk = as('tab:clerk');
    await admin('session.login', { username: 'admin', password: 'secret1' });
    const c = (await clerk('session.login', { username: 'clerk1', password: 'secret2' })) as { value: { id: number } };
    expect(await admin('users.setDisabled', { id: c.value.id, disabled: true })).toMatchObject({ ok: true });
    expect(await clerk('roster.search', { q: '张' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('makes each try wait longer after five wrong passwords, even with the right one', async () => {
    const a = as('tab:a');
    for (let i = 0; i < FREE_TRIES - 1; i++)
      expect(await a('session.login', { username: 'clerk1', password: 'wrong' })).toMatchObject({
        ok: false,
        error: { message: '用户名或密码不对，或该用户已停用。' },
      });
    // The fifth wrong one starts the waiting.
    await a('session.login', { username: 'clerk1', password: 'wrong' });
    const waiting = await a('session.login', { username: 'clerk1', password: 'secret2' });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!waiting.ok) expect(waiting.error.message).toMatch(/错误次数太多，请 1 秒后再试/);
    clock += 1001;
    await a('session.login', { username: 'clerk1', password: 'wrong' });
    clock += 1001;
    const longer = await a('session.login', { username: 'clerk1', password: 'secret2' });
    if (!longer.ok) expect(longer.error.message).toMatch(/请 1 秒后再试/);
    clock += 1000;
    expect(await a('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
    // A success clears the count: the next wrong one is free again.
    await a('session.logout', {});
    await a('session.login', { username: 'clerk1', password: 'wrong' });
    expect(await a('session.login', { username: 'clerk1', password: 'secret2' })).toMatchObject({ ok: true });
  });
});

describe('full ID numbers follow the office’s setting', () => {
  it('masks a receipt that asks for the full number while the office masks', async () => {
    const a = as('tab:a');
    await a('session.login', { username: 'admin', password: 'secret1' });
    const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    const e = (await a('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-01', channel: '现金' })) as {
      ok: boolean;
      value: { id: number };
    };
    const asked = (await a('enroll.receipt', { id: e.value.id, fullId: true })) as { value: { idNumber: string } };
    expect(asked.value.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await a('office.update', { townshipName: '农坝镇', county: '云阳县', receiptFullId: true });
    expect(((await a('enroll.receipt', { id: e.value.id })) as { value: { idNumber: string } }).value.idNumber).toBe(persons[0]!.idNumber);
  });
});
