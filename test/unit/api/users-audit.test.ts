import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAudit } from '../../../src-main/ledger/audit';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
});
afterEach(() => t.close());

describe('users and logging in', () => {
  it('runs without logins until the first user; the first user must be an administrator', async () => {
    expect(await t.ok('session.get', {})).toEqual({ user: null, loginRequired: false, readOnly: null, seat: null });
    expect(await t.call('users.create', { username: 'clerk1', displayName: '经办甲', role: 'clerk', password: 'secret1' })).toMatchObject({ ok: false });
    const admin = await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    expect(await t.ok('session.get', {})).toEqual({
      user: { id: admin.id, username: 'admin', displayName: '所长', role: 'admin' },
      loginRequired: true,
      readOnly: null,
      seat: null,
    });
  });

  it('requires a login for changes once users exist, and checks passwords', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    await t.ok('users.create', { username: 'clerk1', displayName: '经办甲', role: 'clerk', password: 'secret2' });
    await t.ok('session.logout', {});
    expect(await t.call('targets.snapshot', { coverageYear: 2024 })).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });
    expect(await t.call('session.login', { username: 'clerk1', password: 'wrong!' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await t.ok('session.login', { username: 'clerk1', password: 'secret2' });
    await t.ok('targets.snapshot', { coverageYear: 2024 });
    // Clerks do not manage users or villages.
    expect(await t.call('users.create', { username: 'x2', displayName: '乙', role: 'clerk', password: 'secret3' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await t.call('villages.add', { code: '1', name: '幸福村' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: '只有管理员可以进行这项操作。' },
    });
  });

  it('spends one scrypt on every login, so the time taken does not tell which usernames exist', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    const clerk = await t.ok('users.create', { username: 'clerk1', displayName: '经办甲', role: 'clerk', password: 'secret2' });
    await t.ok('users.setDisabled', { id: clerk.id, disabled: true });
    await t.ok('session.logout', {});
    const scrypt = vi.spyOn(crypto, 'scrypt');
    try {
      for (const [username, password] of [
        ['nobody', 'secret1'],
        ['clerk1', 'secret2'],
        ['admin', 'wrong!'],
        ['admin', 'secret1'],
      ] as const) {
        scrypt.mockClear();
        await t.call('session.login', { username, password });
        expect(scrypt, username).toHaveBeenCalledTimes(1);
        expect(scrypt.mock.calls[0]![2], username).toBe(32);
      }
    } finally {
      scrypt.mockRestore();
    }
  });

  it("changes one's own password only with the current one; an administrator resets another's without it", async () => {
    const admin = await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    const clerk = await t.ok('users.create', { username: 'clerk1', displayName: '经办甲', role: 'clerk', password: 'secret2' });
    await t.ok('users.setPassword', { id: clerk.id, password: 'reset22' });
    await t.ok('session.logout', {});
    await t.ok('session.login', { username: 'clerk1', password: 'reset22' });
    expect(await t.call('users.setPassword', { id: clerk.id, password: 'mine123' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', field: 'current' },
    });
    expect(await t.call('users.setPassword', { id: clerk.id, password: 'mine123', current: 'wrong!' })).toMatchObject({
      ok: false,
      error: { message: '当前密码不对。' },
    });
    expect(await t.call('users.setPassword', { id: admin.id, password: 'mine123', current: 'secret1' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await t.ok('users.setPassword', { id: clerk.id, password: 'mine123', current: 'reset22' });
    await t.ok('session.logout', {});
    await t.ok('session.login', { username: 'clerk1', password: 'mine123' });
  });

  it('stores scrypt hashes, never the password', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    const hash = t.ctx.db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('secret1');
  });

  it('will not disable the last administrator', async () => {
    const admin = await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    expect(await t.call('users.setDisabled', { id: admin.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('the audit log', () => {
  it('records who changed what, with before and after', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    const v = await t.ok('villages.add', { code: '1', name: '幸福村' });
    await t.ok('villages.rename', { id: v.id, name: '幸福社区' });
    const last = t.ctx.db.prepare('SELECT actor, action, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, string>;
    expect(last.actor).toBe('admin');
    expect(last.action).toBe('villages.rename');
    expect(JSON.parse(last.before_json!).name).toBe('幸福村');
    expect(JSON.parse(last.after_json!).name).toBe('幸福社区');
    expect(verifyAudit(t.ctx.db)).toMatchObject({ intact: true, entries: 3 });
  });

  it('a refused change leaves no audit entry', async () => {
    await t.ok('villages.add', { code: '1', name: '幸福村' });
    await t.call('villages.add', { code: '1', name: '红梁村' });
    expect(verifyAudit(t.ctx.db).entries).toBe(1);
  });

  it('cannot be edited from inside the app', async () => {
    await t.ok('villages.add', { code: '1', name: '幸福村' });
    expect(() => t.ctx.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => t.ctx.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('detects an edit made to the file behind the app', async () => {
    await t.ok('villages.add', { code: '1', name: '幸福村' });
    await t.ok('villages.add', { code: '2', name: '红梁村' });
    await t.ok('villages.add', { code: '3', name: '水竹村' });
    // Another program opens the file, drops the trigger and rewrites history.
    const file = path.join(t.ctx.dataDir, 'canbao.sqlite');
    const other = new Database(file);
    other.exec('DROP TRIGGER audit_log_no_update');
    other.prepare("UPDATE audit_log SET after_json = replace(after_json, '红梁村', '假村') WHERE id = 2").run();
    other.close();
    const check = verifyAudit(t.ctx.db);
    expect(check.intact).toBe(false);
    expect(check.problem).toContain('第 2 条记录');
  });

  it('detects a deleted entry in the middle', async () => {
    for (const [code, name] of [
      ['1', '甲村'],
      ['2', '乙村'],
      ['3', '丙村'],
    ])
      await t.ok('villages.add', { code: code!, name: name! });
    const other = new Database(path.join(t.ctx.dataDir, 'canbao.sqlite'));
    other.exec('DROP TRIGGER audit_log_no_delete');
    other.prepare('DELETE FROM audit_log WHERE id = 2').run();
    other.close();
    expect(verifyAudit(t.ctx.db)).toMatchObject({ intact: false });
    expect(verifyAudit(t.ctx.db).problem).toContain('第 3 条之前的记录被删除或改动过');
  });
});

describe('the audit log’s last entries', () => {
  it('are missed on the next start when someone cuts them off the file', async () => {
    const { startCore } = await import('../../../src-main/app');
    const { dispatch, handlers } = await import('../../../src-main/api/index');
    const { tempDir } = await import('../../helpers/ledger');
    const dir = tempDir();
    const first = await startCore(dir, { now: () => new Date('2024-01-10T02:00:00Z') });
    for (const [code, name] of [
      ['1', '甲村'],
      ['2', '乙村'],
      ['3', '丙村'],
    ])
      await dispatch(handlers, first.ctx, 'villages.add', { code, name });
    first.stop();

    const other = new Database(path.join(dir, 'canbao.sqlite'));
    other.exec('DROP TRIGGER audit_log_no_delete');
    other.prepare('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').run();
    other.close();

    const second = await startCore(dir, { now: () => new Date('2024-01-11T02:00:00Z') });
    expect(second.audit.intact).toBe(false);
    expect(second.audit.problem).toContain('日志末尾的记录被删除');
    expect(((await dispatch(handlers, second.ctx, 'backup.status', {})) as { value: { audit: { intact: boolean } } }).value.audit.intact).toBe(false);
    second.stop();
  });
});
