// A change sent again with its key is done once (issue 30): the retry of a seat that heard no
// answer gets the first answer back, on a real ledger and over the real browser host.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import type { Result } from '../../../src-main/api/contract';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
});
afterEach(() => t.close());

const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const count = (sql: string, ...args: unknown[]) =>
  t.ctx.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const as =
  (key?: string, caller = 'window:1') =>
  (name: string, arg: unknown) =>
    dispatch(handlers, t.ctx, name, arg, caller, key);

describe('a change under a key', () => {
  it('sent again is answered as the first was and made once: one enrollment, one receipt, one audit entry', async () => {
    const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    const args = { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' };
    const first = await as(KEY)('enroll.person', args);
    const again = await as(KEY)('enroll.person', args);
    expect(first.ok).toBe(true);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    expect(count('SELECT count(*) FROM enrollments WHERE person_id = ?', persons[0]!.id)).toBe(1);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'enroll.person'")).toBe(1);
    // Without the key the same change is a second one, and the ledger says it is paid already.
    const plain = await as()('enroll.person', args);
    expect(plain.ok).toBe(false);
  });

  it('a change the ledger would allow twice (a category certified) is still made once', async () => {
    const { persons } = await seedHousehold(t, [{ name: '李四', birth: '1960-05-01' }]);
    const arg = { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '低保名单' };
    for (let i = 0; i < 3; i++) expect((await as(KEY)('categories.certify', arg)).ok).toBe(true);
    expect(count('SELECT count(*) FROM person_categories WHERE person_id = ?', persons[0]!.id)).toBe(1);
  });

  it('a refused change keeps no key: sent again once it can be made, it is made', async () => {
    const { persons } = await seedHousehold(t, [{ name: '王五', birth: '1970-01-01' }]);
    const args = { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2024-02-01', channel: '现金' };
    expect((await as(KEY)('enroll.person', args)).ok).toBe(false);
    expect(count('SELECT count(*) FROM write_keys')).toBe(0);
    expect((await as(KEY)('enroll.person', { ...args, paidOn: '2023-11-02' })).ok).toBe(true);
    expect(count('SELECT count(*) FROM write_keys')).toBe(1);
  });

  it('the key of another change, or of a malformed shape, is refused in Chinese and changes nothing', async () => {
    await as(KEY)('villages.add', { code: '009', name: '新村' });
    // The same key with other arguments, or for another handler: not a retry.
    expect(await as(KEY)('villages.add', { code: '010', name: '另一村' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await as(KEY)('roster.addHousehold', { villageId: 1, number: '0009' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const bad = (await as('短')('villages.add', { code: '011', name: '又一村' })) as Result<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '提交编号的格式不对，请刷新页面后重试。' } });
    expect(count("SELECT count(*) FROM villages WHERE code IN ('010', '011')")).toBe(0);
  });

  it('the same key from another user is not their retry: refused', async () => {
    const as1 = as(undefined, 'window:1');
    await as1('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    await as1('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret2' });
    expect((await as(undefined, 'window:1')('session.login', { username: 'admin', password: 'secret1' })).ok).toBe(true);
    expect((await as(undefined, 'window:2')('session.login', { username: 'clerk1', password: 'secret2' })).ok).toBe(true);
    const v = (await as(undefined, 'window:1')('villages.add', { code: '020', name: '东村' })) as Result<{ id: number }>;
    const arg = { villageId: v.ok ? v.value.id : 0, number: '0020' };
    expect((await as(KEY, 'window:1')('roster.addHousehold', arg)).ok).toBe(true);
    expect(await as(KEY, 'window:2')('roster.addHousehold', arg)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await as(KEY, 'window:1')('roster.addHousehold', arg)).toMatchObject({ ok: true });
    expect(count("SELECT count(*) FROM households WHERE number = '0020'")).toBe(1);
  });

  it('a task (a backup) under a key is done once; on a read-only ledger nothing is kept and it still runs', async () => {
    const first = (await as(KEY)('backup.create', {})) as Result<unknown>;
    expect(first.ok).toBe(true);
    expect(await as(KEY)('backup.create', {})).toEqual(JSON.parse(JSON.stringify(first)));
    expect(fs.readdirSync(path.join(t.ctx.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    t.ctx.readOnly = '磁盘空间不足（测试）';
    expect((await as('b1b2c3d4e5f60718293a4b5c6d7e8f90')('backup.create', {})).ok).toBe(true);
    expect(count('SELECT count(*) FROM write_keys')).toBe(1);
    t.ctx.readOnly = null;
  });

  it('a retry after the main process restarted (the login gone) or while an import runs is answered from its key', async () => {
    const w1 = as(undefined, 'window:1');
    await w1('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    expect((await as(KEY, 'window:1')('session.login', { username: 'admin', password: 'secret1' })).ok).toBe(true);
    // A login is never kept under a key: its arguments hold the password.
    expect(count('SELECT count(*) FROM write_keys')).toBe(0);
    const arg = { code: '030', name: '西村' };
    const first = await as(KEY, 'window:1')('villages.add', arg);
    expect(first.ok).toBe(true);
    t.ctx.sessions.signOut('window:1');
    expect(await as(KEY, 'window:1')('villages.add', arg)).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await as('c1b2c3d4e5f60718293a4b5c6d7e8f90', 'window:1')('villages.add', { code: '031', name: '北村' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    t.ctx.busy = '正在导入';
    expect(await as(KEY, 'window:1')('villages.add', arg)).toEqual(JSON.parse(JSON.stringify(first)));
    t.ctx.busy = null;
  });

  it('keys older than a week go when the next is kept', async () => {
    t.ctx.db
      .prepare(
        "INSERT INTO write_keys (key, name, arg_hash, done_by, done_at, answer) VALUES ('old-old-old-old-old', 'villages.add', '', 'x', '2023-12-01T00:00:00.000Z', 'null')",
      )
      .run();
    await as(KEY)('villages.add', { code: '012', name: '后村' });
    expect(count("SELECT count(*) FROM write_keys WHERE key = 'old-old-old-old-old'")).toBe(0);
  });
});

describe('over the browser host', () => {
  let host: RunningHost;
  let renderer: string;
  beforeEach(async () => {
    renderer = tempDir('canbao-renderer-');
    fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body>canbao</body></html>');
    host = await startHost({ ctx: t.ctx, rendererDir: renderer, port: 0, token: 'test-token' });
  });
  afterEach(async () => {
    await host.close();
    fs.rmSync(renderer, { recursive: true, force: true });
  });

  /** Sends the change and hangs up before the answer: the seat never hears whether it was made. */
  function sendAndDrop(body: string, key: string): Promise<void> {
    const url = new URL(`${host.url}api/enroll.person`);
    return new Promise((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-canbao-token': 'test-token', 'x-canbao-session': 'seat-session-0001', 'x-canbao-key': key },
      });
      req.on('error', () => resolve());
      req.end(body, () => {
        req.destroy();
        resolve();
      });
    });
  }

  it('a change whose answer was lost, sent again with its key, is made once and answered', async () => {
    const { persons } = await seedHousehold(t, [{ name: '赵六', birth: '1960-05-01' }]);
    const body = JSON.stringify({ personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' });
    await sendAndDrop(body, KEY);
    const retry = async () =>
      (await (
        await fetch(`${host.url}api/enroll.person`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-canbao-token': 'test-token', 'x-canbao-session': 'seat-session-0001', 'x-canbao-key': KEY },
          body,
        })
      ).json()) as Result<{ receiptNo: string }>;
    const r = await retry();
    expect(r).toMatchObject({ ok: true, value: { receiptNo: '2024000001' } });
    expect(await retry()).toEqual(r);
    expect(count('SELECT count(*) FROM enrollments WHERE person_id = ?', persons[0]!.id)).toBe(1);
  });
});
