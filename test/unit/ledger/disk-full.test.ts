// A full disk, on a real small filesystem (tmpfs, mounted for the test: CI runs as root).
// What the clerk is told must be true, reads must keep working, and the app must start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, handlers } from '../../../src-main/api/index';
import { startCore, type Started } from '../../../src-main/app';
import { startHost } from '../../../src-main/host/server';
import { openTestLedger } from '../../helpers/ledger';
import { idFor } from '../../helpers/people';

const MB = 1024 * 1024;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-tmpfs-'));

function mount(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const canMount = (() => {
  const probe = path.join(root, 'probe');
  if (!mount(probe, '1m')) return false;
  execFileSync('umount', [probe]);
  return true;
})();
if (!canMount) console.warn('跳过磁盘写满的测试：这台机器不能挂载 tmpfs（需要 root）。');

const mounted: string[] = [];
function smallDisk(name: string, size: string): string {
  const dir = path.join(root, name);
  if (!mount(dir, size)) throw new Error(`mount ${dir} failed`);
  mounted.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of mounted) execFileSync('umount', ['-l', d]);
  fs.rmSync(root, { recursive: true, force: true });
});

const freeBytes = (dir: string) => {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
};
/** Fills the disk but for `leave` bytes. */
function fill(dir: string, leave: number): string {
  const filler = path.join(dir, 'filler.bin');
  execFileSync('fallocate', ['-l', String(Math.max(0, freeBytes(dir) - leave)), filler]);
  return filler;
}

let started: Started | null = null;
afterEach(() => {
  started?.stop();
  started = null;
});
const call = (name: string, arg: unknown) => dispatch(handlers, started!.ctx, name, arg);

describe.skipIf(!canMount)('a full disk', () => {
  let disk: string;
  beforeAll(() => {
    disk = smallDisk('full', '600m');
  });

  it('refuses a change it could not write with the truth, keeps reading, and writes again once there is room', async () => {
    const data = path.join(disk, 'data');
    started = await startCore(data);
    expect(started.ctx.readOnly).toBeNull();
    expect(await call('villages.add', { code: '1', name: '甲村' })).toMatchObject({ ok: true });
    const filler = fill(disk, 16 * 1024);
    let refused: { ok: boolean; error?: { code: string; message: string } } | null = null;
    for (let i = 2; i < 400 && !refused; i++) {
      const r = await call('villages.add', { code: String(i), name: `村${i}`.padEnd(28, '村') });
      if (!r.ok) refused = r;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused!.error!.message).toMatch(/^磁盘空间已满，这次修改没有保存，台账仍是修改前的样子。/);
    // Reads go on, and show exactly what was answered as written.
    const listed = await call('villages.list', {});
    expect(listed.ok).toBe(true);
    const names = (listed as { value: { name: string }[] }).value.map((v) => v.name);
    expect(names[0]).toBe('甲村');
    const integrity = started.ctx.db.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
    fs.rmSync(filler);
    expect(await call('villages.add', { code: '999', name: '乙村' })).toMatchObject({ ok: true });
  }, 60_000);

  it('starts read-only with the space it needs when the disk is nearly full, and still backs up elsewhere', async () => {
    const data = path.join(disk, 'ro');
    started = await startCore(data);
    await call('villages.add', { code: '1', name: '甲村' });
    started.stop();
    const filler = fill(disk, 200 * MB);
    started = await startCore(data);
    expect(started.ctx.readOnly).toMatch(/只剩 \d+ MB，至少需要 500 MB/);
    expect(await call('session.get', {})).toMatchObject({ ok: true, value: { readOnly: started.ctx.readOnly } });
    const refused = await call('villages.add', { code: '2', name: '乙村' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!refused.ok) expect(refused.error.message).toContain('台账现在是只读的');
    expect(await call('villages.list', {})).toMatchObject({ ok: true, value: [{ name: '甲村' }] });
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-usb-'));
    expect(await call('backup.copyTo', { folder: usb })).toMatchObject({ ok: true });
    expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    fs.rmSync(usb, { recursive: true, force: true });
    fs.rmSync(filler);
  }, 60_000);
});

describe.skipIf(!canMount)('a full disk under the files the clerk sends and takes away', () => {
  it('answers an upload, a problem report and an export it could not write with the truth, and leaves no partial file', async () => {
    const disk = smallDisk('files', '600m');
    const data = path.join(disk, 'data');
    started = await startCore(data);
    const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body></body></html>');
    const host = await startHost({ ctx: started.ctx, rendererDir: renderer, port: 0, token: 'disk-token' });
    try {
      await call('villages.add', { code: '1', name: '甲村' });
      // Enough people that the export's file outgrows what exceljs buffers before the disk is hit.
      const good = path.join(renderer, '甲村.csv');
      const people = Array.from({ length: 6000 }, (_, i) => `甲村,H${i},居民${i},${idFor(`19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`, 1 + (i % 997))}`);
      fs.writeFileSync(good, '村（社区）,户号,姓名,身份证号\r\n' + [...new Set(people)].join('\r\n'));
      const first = await call('import.preview', { kind: 'roster', file: good });
      expect(await call('import.commit', { token: (first as { value: { token: string } }).value.token })).toMatchObject({ ok: true });
      const roster = path.join(renderer, '花名册.csv');
      fs.writeFileSync(roster, '村（社区）,户号,姓名,身份证号\r\n' + Array.from({ length: 2000 }, (_, i) => `乙村,H${i},人${i},123`).join('\r\n'));
      const preview = await call('import.preview', { kind: 'roster', file: roster });
      expect(preview.ok).toBe(true);
      const filler = fill(disk, 0);

      const up = await fetch(`${host.url}upload?name=big.csv`, {
        method: 'POST',
        headers: { 'x-canbao-token': 'disk-token', 'x-canbao-session': 'disk-full-session-1', 'content-type': 'application/octet-stream' },
        body: Buffer.alloc(2 * MB, 'a'),
      });
      expect(up.status).toBe(507);
      expect(((await up.json()) as { error: { message: string } }).error.message).toBe(
        '磁盘空间已满，文件没有上传完，已删除不完整的副本。请清理磁盘空间后重试。',
      );
      const uploads = path.join(data, 'uploads');
      expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);

      const report = await call('import.report', { token: (preview as { value: { token: string } }).value.token });
      expect(report).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      if (!report.ok) expect(report.error.message).toBe('磁盘空间已满，问题报告没有写完，已删除不完整的文件；台账没有改动。');
      expect(fs.readdirSync(path.join(data, 'reports'))).toEqual([]);

      // An export stopped by the disk midway (it once waited for ever).
      const exported = await call('export.write', { kind: 'notEnrolled', coverageYear: 2024 });
      expect(exported).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      if (!exported.ok) expect(exported.error.message).toBe('磁盘空间已满，导出文件没有写完，已删除不完整的文件；台账没有改动。');
      expect(fs.readdirSync(path.join(data, 'exports'))).toEqual([]);
      fs.rmSync(filler);
    } finally {
      await host.close();
      fs.rmSync(renderer, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the audit head beside the ledger', () => {
  it('does not turn a change that landed into an error when the head cannot be written, and tries again on the next change only', async () => {
    const t = openTestLedger();
    const head = path.join(t.ctx.dataDir, 'audit-head.json');
    // The head is written through a .tmp file: a folder of that name makes every write fail.
    fs.mkdirSync(`${head}.tmp`);
    expect(await t.call('villages.add', { code: '1', name: '甲村' })).toMatchObject({ ok: true });
    expect(fs.existsSync(head)).toBe(false);
    expect(await t.call('villages.list', {})).toMatchObject({ ok: true });
    fs.rmdirSync(`${head}.tmp`);
    // A read does not retry it; the next change does.
    await t.call('villages.list', {});
    expect(fs.existsSync(head)).toBe(false);
    await t.call('villages.add', { code: '2', name: '乙村' });
    expect(JSON.parse(fs.readFileSync(head, 'utf8'))).toMatchObject({ lastId: 2 });
    t.close();
  });
});
