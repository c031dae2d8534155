import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../src-main/app';
import { addDays } from '../../../src-main/domain/dates';
import { dispatch, handlers } from '../../../src-main/api/index';
import { KEEP_AUTOMATIC, backupDir, listBackups } from '../../../src-main/ledger/backup';
import { startPeriodicBackups } from '../../../src-main/service/backups';
import { MIGRATIONS } from '../../../src-main/ledger/migrations/index';
import { LEDGER_FILE, openLedger } from '../../../src-main/ledger/open';
import { tempDirs } from '../../helpers/ledger';

const { fresh, cleanup } = tempDirs();
afterEach(cleanup);

const at = (iso: string) => () => new Date(iso);

describe('backups', () => {
  it('backs up on the first start of each China day only, keeping the last 30', async () => {
    const dir = fresh();
    for (let i = 0; i < KEEP_AUTOMATIC + 3; i++) {
      // 01:00Z and 09:00Z are 09:00 and 17:00 in China: one day, two starts.
      for (const hour of ['01', '09']) {
        const { stop } = await startCore(dir, { now: at(`${addDays('2024-01-01', i)}T${hour}:00:00Z`) });
        stop();
      }
    }
    const daily = listBackups(dir).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(KEEP_AUTOMATIC);
    expect(path.basename(daily[0]!.file)).toMatch(/^canbao-2024-02-02-/);
  });

  it('backs up to a folder the admin picks, and restores a backup after checking it', async () => {
    const dir = fresh();
    const usb = fresh();
    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    const call = (name: string, arg: unknown) => dispatch(handlers, ctx, name, arg);
    await call('villages.add', { code: '1', name: '备份前村' });
    // A mistyped path is refused, not made into a new folder on this PC.
    const missing = path.join(usb, 'no-such-drive');
    expect(await call('backup.copyTo', { folder: missing })).toMatchObject({
      ok: false,
      error: { field: 'folder', message: expect.stringContaining('找不到文件夹') },
    });
    expect(fs.existsSync(missing)).toBe(false);
    const b = await call('backup.copyTo', { folder: usb });
    expect(b.ok).toBe(true);
    const file = (b as { value: { file: string } }).value.file;
    expect(path.dirname(file)).toBe(usb);
    await call('villages.add', { code: '2', name: '备份后村' });

    const restored = await call('backup.restore', { file });
    expect(restored).toMatchObject({ ok: true, value: { audit: { intact: true } } });
    const names = ((await call('villages.list', {})) as { value: { name: string }[] }).value.map((v) => v.name);
    expect(names).toEqual(['备份前村']);
    // What was replaced was kept.
    expect(listBackups(dir).some((x) => x.reason === 'restore')).toBe(true);
    stop();
  });

  it('backs up after each import commit, and every 4 hours of use when something changed', async () => {
    const dir = fresh();
    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    const call = (name: string, arg: unknown) => dispatch(handlers, ctx, name, arg);
    await call('villages.add', { code: '1', name: '甲村' });
    const roster = path.join(fresh(), 'r.csv');
    fs.writeFileSync(roster, `村（社区）,户号,姓名,身份证号\r\n甲村,H1,张三,${'500235196005010117'}\r\n`);
    const p = (await call('import.preview', { kind: 'roster', file: roster })) as { value: { token: string } };
    expect(await call('import.commit', { token: p.value.token })).toMatchObject({ ok: true });
    const afterImport = () => listBackups(dir).filter((b) => b.reason === 'import');
    for (let i = 0; i < 50 && !afterImport().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(afterImport()).toHaveLength(1);
    const copy = new Database(afterImport()[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(1);
    copy.close();

    // Periodic: nothing new since the last backup, nothing taken; a change and 4 hours later, one.
    const stopTicks = startPeriodicBackups(ctx, 20);
    const periodic = () => listBackups(dir).filter((b) => b.reason === 'periodic').length;
    const fiveHoursAgo = new Date(Date.now() - 5 * 3600 * 1000);
    for (const b of listBackups(dir)) fs.utimesSync(b.file, fiveHoursAgo, fiveHoursAgo);
    await new Promise((r) => setTimeout(r, 100));
    expect(periodic()).toBe(0);
    await call('villages.add', { code: '2', name: '乙村' });
    for (let i = 0; i < 50 && periodic() === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(periodic()).toBe(1);
    // Just backed up: the next change waits its 4 hours.
    await call('villages.add', { code: '3', name: '丙村' });
    await new Promise((r) => setTimeout(r, 150));
    expect(periodic()).toBe(1);
    stopTicks();
    stop();
  });

  it('keeps the newest 30 automatic backups and, of older ones, the last of each month', async () => {
    const dir = fresh();
    // 2023-11-01 … 2024-01-09: 70 days, one start a day.
    for (let i = 0; i < 70; i++) {
      const { stop } = await startCore(dir, { now: at(`${addDays('2023-11-01', i)}T01:00:00Z`) });
      stop();
    }
    const daily = listBackups(dir)
      .filter((b) => b.reason === 'daily')
      .map((b) => path.basename(b.file).slice(7, 17))
      .sort();
    // The newest 30 (12-11 … 01-09), and November's last; December's last is among the 30.
    expect(daily).toHaveLength(31);
    expect(daily.slice(0, 2)).toEqual(['2023-11-30', '2023-12-11']);
    expect(daily.at(-1)).toBe('2024-01-09');
  }, 60_000);

  it('takes two backups in the same second as two files, the newest listed first', async () => {
    const dir = fresh();
    // The clock stands still: every backup of this test is in one second.
    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    const call = (name: string, arg: unknown) => dispatch(handlers, ctx, name, arg);
    await call('villages.add', { code: '1', name: '甲村' });
    const first = await call('backup.create', {});
    await call('villages.add', { code: '2', name: '乙村' });
    const second = await call('backup.create', {});
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const [a, b] = [first, second].map((r) => (r as { value: { file: string } }).value.file);
    expect(path.basename(a!)).toBe('canbao-2024-01-10-100000-manual.sqlite');
    expect(path.basename(b!)).toBe('canbao-2024-01-10-100000-manual-2.sqlite');
    const manual = listBackups(dir).filter((x) => x.reason === 'manual');
    expect(manual.map((x) => x.file)).toEqual([b, a]);
    const villages = new Database(b!, { readonly: true });
    expect(villages.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(2);
    villages.close();
    stop();
  });

  it('will not restore the ledger onto itself, nor while a dry run reads it, nor from a tab anything but a backup', async () => {
    const dir = fresh();
    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    const call = (name: string, arg: unknown, who?: string) => dispatch(handlers, ctx, name, arg, who);
    await call('villages.add', { code: '1', name: '甲村' });
    for (const f of ['canbao.sqlite', 'canbao.sqlite-wal']) {
      const r = await call('backup.restore', { file: path.join(dir, f) });
      expect(r, f).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toContain('正在使用的台账本身');
    }
    const b = (await call('backup.create', {})) as { ok: true; value: { file: string } };
    // From a browser tab: a backup in backups/ is fine, a path elsewhere is not.
    const usb = fresh();
    fs.copyFileSync(b.value.file, path.join(usb, 'u.sqlite'));
    expect(await call('backup.restore', { file: path.join(usb, 'u.sqlite') }, 'tab:restoring-tab-000000')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('backup.restore', { file: b.value.file }, 'tab:restoring-tab-000000')).toMatchObject({ ok: true });
    // A dry run under way holds the ledger open: the restore waits for it.
    const roster = path.join(usb, 'r.csv');
    fs.writeFileSync(roster, '村（社区）,户号,姓名,身份证号\r\n' + Array.from({ length: 30_000 }, (_, i) => `甲村,H${i},人${i},123`).join('\r\n'));
    const running = call('import.preview', { kind: 'roster', file: roster });
    await new Promise((r) => setTimeout(r, 50));
    expect(await call('backup.restore', { file: b.value.file })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '正在试导入，等它完成后再恢复备份。' },
    });
    expect((await running).ok).toBe(true);
    expect(await call('backup.restore', { file: b.value.file })).toMatchObject({ ok: true });
    stop();
  });

  it('refuses to restore a damaged or foreign file, and changes nothing', async () => {
    const dir = fresh();
    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    await dispatch(handlers, ctx, 'villages.add', { code: '1', name: '原村' });
    const junk = path.join(fresh(), 'junk.sqlite');
    fs.writeFileSync(junk, 'SQLite format 3\u0000 but not really');
    const foreign = path.join(fresh(), 'other.sqlite');
    new Database(foreign).exec('CREATE TABLE t (x)');
    for (const file of [junk, foreign, path.join(dir, 'missing.sqlite')]) {
      const r = await dispatch(handlers, ctx, 'backup.restore', { file });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(((await dispatch(handlers, ctx, 'villages.list', {})) as { value: unknown[] }).value).toHaveLength(1);
    stop();
  });

  it('backs up before migrating an older ledger, and the migration keeps its data', async () => {
    const dir = fresh();
    const old = openLedger(dir, { migrations: MIGRATIONS.slice(0, 1) });
    old.prepare("INSERT INTO villages (code, name, created_on) VALUES ('001', '老村', '2023-01-01')").run();
    old.prepare("UPDATE office SET township_name = '农坝镇'").run();
    old.close();

    const { ctx, stop } = await startCore(dir, { now: at('2024-01-10T02:00:00Z') });
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(ctx.db.prepare('SELECT name FROM villages').pluck().all()).toEqual(['老村']);
    expect(ctx.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
    stop();

    const pre = listBackups(dir).find((b) => b.reason === 'migration')!;
    const copy = new Database(pre.file, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM villages').pluck().all()).toEqual(['老村']);
    copy.close();
    expect(fs.existsSync(path.join(dir, LEDGER_FILE))).toBe(true);
    expect(fs.readdirSync(backupDir(dir)).length).toBe(2);
  });
});
