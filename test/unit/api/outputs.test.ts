// Outputs stay home: what the program writes goes under the data folder with names of its
// own, only those files are handed out, and uploads do not pile up.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearOldReports, downloadable, safeFileName } from '../../../src-main/files/outputs';
import { dispatch, handlers } from '../../../src-main/api/index';
import { clearStaleUploads, receiveUpload, STALE_MS, UPLOAD_LIMITS, uploadsDir } from '../../../src-main/files/uploads';
import { startHost, type RunningHost } from '../../../src-main/host/server';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeXlsx } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';

let t: TestLedger;
let host: RunningHost;
let renderer: string;
beforeEach(async () => {
  t = openTestLedger('2024-01-10T02:00:00Z');
  renderer = tempDir('canbao-renderer-');
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body>canbao</body></html>');
  host = await startHost({ ctx: t.ctx, rendererDir: renderer, port: 0, token: 'test-token', maxUploadBytes: 64 * 1024 });
});
afterEach(async () => {
  await host.close();
  t.close();
  fs.rmSync(renderer, { recursive: true, force: true });
});

const headers = { 'x-canbao-token': 'test-token', 'x-canbao-session': 'outputs-test-session' };
const post = (p: string, body: unknown, extra: Record<string, string> = {}) =>
  fetch(`${host.url}${p.replace(/^\//, '')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...extra },
    body: typeof body === 'string' || body instanceof Buffer ? body : JSON.stringify(body),
  });

describe('outputs stay home', () => {
  it('takes no destination from the caller: an export aimed at the ledger lands in exports/', async () => {
    await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    const r = await t.call('export.write', { kind: 'fujian1', coverageYear: 2024, file: path.join(t.ctx.dataDir, 'canbao.sqlite') } as never);
    expect(r.ok).toBe(true);
    if (r.ok) expect(path.dirname(r.value.file)).toBe(path.join(t.ctx.dataDir, 'exports'));
    expect(t.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(fs.readFileSync(path.join(t.ctx.dataDir, 'canbao.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('hands out only regular files written into exports/ or reports/, never through a link', async () => {
    await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    const { file } = await t.ok('export.write', { kind: 'fujian1', coverageYear: 2024 });
    expect(downloadable(t.ctx.dataDir, file)).toBe(fs.realpathSync(file));
    const ok = await post('/download', { file });
    expect(ok.status).toBe(200);
    expect((await ok.arrayBuffer()).byteLength).toBe(fs.statSync(file).size);

    const exports = path.join(t.ctx.dataDir, 'exports');
    const link = path.join(exports, 'ledger.xlsx');
    fs.symlinkSync(path.join(t.ctx.dataDir, 'canbao.sqlite'), link);
    fs.symlinkSync('/etc', path.join(exports, 'etc'));
    for (const f of [
      link,
      path.join(exports, 'etc', 'passwd'),
      path.join(t.ctx.dataDir, 'canbao.sqlite'),
      `${exports}/../canbao.sqlite`,
      exports,
      '',
      'a\u0000b',
    ]) {
      expect(downloadable(t.ctx.dataDir, f), f).toBeNull();
      const r = await post('/download', { file: f });
      expect(r.status, f).toBe(404);
      expect(((await r.json()) as { error: { message: string } }).error.message).toContain('找不到要下载的文件');
    }
  });

  it('reduces upload names to safe ones and deletes an upload once its import is done with', async () => {
    for (const name of ['..', '../../canbao.sqlite', '..\\..\\x.xlsx', '%2e%2e', '.hidden.csv', 'a/b/c.xlsx', '']) {
      const r = await post(`/upload?name=${encodeURIComponent(name)}`, Buffer.from('x'), { 'content-type': 'application/octet-stream' });
      expect(r.status, name).toBe(200);
      const saved = ((await r.json()) as { value: { file: string } }).value.file;
      expect(path.dirname(path.dirname(saved)), name).toBe(uploadsDir(t.ctx.dataDir));
      expect(path.basename(saved), name).not.toMatch(/^\.|[\\/]/);
    }
    fs.rmSync(uploadsDir(t.ctx.dataDir), { recursive: true });

    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const local = await writeXlsx(path.join(tempDir(), '花名册.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张三', idFor('1960-05-01', 11)]],
    });
    const file = await receiveUpload(t.ctx.dataDir, '花名册.xlsx', [fs.readFileSync(local)], 1e9, 'local');
    const first = await t.ok('import.preview', { kind: 'roster', file });
    // The same upload read again (a corrected mapping) stays; committing deletes it.
    const again = await t.ok('import.preview', { kind: 'roster', file });
    expect(fs.existsSync(file)).toBe(true);
    expect(await t.call('import.commit', { token: first.token })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await t.ok('import.commit', { token: again.token });
    expect(fs.existsSync(path.dirname(file))).toBe(false);

    // A dry run replaced by another file's deletes the first upload.
    const a = await receiveUpload(t.ctx.dataDir, 'a.xlsx', [fs.readFileSync(local)], 1e9, 'local');
    const b = await receiveUpload(t.ctx.dataDir, 'b.xlsx', [fs.readFileSync(local)], 1e9, 'local');
    await t.ok('import.preview', { kind: 'roster', file: a });
    await t.ok('import.preview', { kind: 'roster', file: b });
    expect(fs.existsSync(a)).toBe(false);
    expect(fs.existsSync(b)).toBe(true);
  });

  it('removes uploads after an hour, as the screen says, unless an open dry run still reads them', async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const local = await writeXlsx(path.join(tempDir(), '花名册.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张三', idFor('1960-05-01', 11)]],
    });
    const at = Date.now();
    const left = await receiveUpload(t.ctx.dataDir, '没有试导入.xlsx', [fs.readFileSync(local)], 1e9, 'local');
    const dry = await receiveUpload(t.ctx.dataDir, '试导入中.xlsx', [fs.readFileSync(local)], 1e9, 'local');
    const broken = await receiveUpload(t.ctx.dataDir, '坏文件.xlsx', [Buffer.from('not a workbook')], 1e9, 'local');
    const preview = await t.ok('import.preview', { kind: 'roster', file: dry });
    expect(await t.call('import.preview', { kind: 'roster', file: broken })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    clearStaleUploads(t.ctx.dataDir, at + STALE_MS - 60_000);
    for (const f of [left, dry, broken]) expect(fs.existsSync(f), f).toBe(true);
    clearStaleUploads(t.ctx.dataDir, at + STALE_MS + 60_000);
    expect(fs.existsSync(path.dirname(left))).toBe(false);
    expect(fs.existsSync(path.dirname(broken))).toBe(false);
    // The dry run's file is read again for its problem report and by the commit's report.
    expect(fs.existsSync(dry)).toBe(true);
    await t.ok('import.report', { token: preview.token });
    await t.ok('import.commit', { token: preview.token });
    expect(fs.existsSync(path.dirname(dry))).toBe(false);
  });

  it('looks for uploads past their hour on every new upload, and every few minutes in the browser host', async () => {
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    const old = await receiveUpload(t.ctx.dataDir, 'old.csv', [Buffer.from('x')], 1e9, 'local');
    fs.utimesSync(path.dirname(old), hoursAgo, hoursAgo);
    const fresh = await receiveUpload(t.ctx.dataDir, 'new.csv', [Buffer.from('x')], 1e9, 'local');
    expect(fs.existsSync(path.dirname(old))).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const second = await startHost({ ctx: t.ctx, rendererDir: renderer, port: 0, token: 'test-token' });
    try {
      fs.utimesSync(path.dirname(fresh), hoursAgo, hoursAgo);
      vi.advanceTimersByTime(60_000);
      expect(fs.existsSync(fresh)).toBe(true);
      vi.advanceTimersByTime(5 * 60_000);
      expect(fs.existsSync(path.dirname(fresh))).toBe(false);
    } finally {
      await second.close();
      vi.useRealTimers();
    }
  });

  it('answers odd paths with a 400 or 404 in Chinese, never a 500', async () => {
    const bad = await fetch(`${host.url}%E0%A4%A`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('网址有误');
    const nul = await fetch(`${host.url}assets/%00x.js`);
    expect(nul.status).toBe(404);
    const noSession = await fetch(`${host.url}api/office.get`, { method: 'POST', headers: { 'x-canbao-token': 'test-token' }, body: '{}' });
    expect(noSession.status).toBe(400);
    expect(((await noSession.json()) as { error: { message: string } }).error.message).toContain('会话');
    const api = await post('/api/%E0%A4%A', {});
    expect(api.status).toBe(200);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const junk = await post('/api/office.get', '{"a":');
    expect(junk.status).toBe(400);
  });

  it('takes uploads and hands out downloads only to a logged-in tab once users exist', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
    const up = await post('/upload?name=a.csv', Buffer.from('x'), { 'content-type': 'application/octet-stream' });
    expect(up.status).toBe(401);
    expect(((await up.json()) as { error: { message: string } }).error.message).toBe('请先登录。');
    const down = await post('/download', { file: path.join(t.ctx.dataDir, 'exports', 'x.xlsx') });
    expect(down.status).toBe(401);
    await dispatch(handlers, t.ctx, 'session.login', { username: 'admin', password: 'secret1' }, 'tab:outputs-test-session');
    expect((await post('/upload?name=a.csv', Buffer.from('x'), { 'content-type': 'application/octet-stream' })).status).toBe(200);
  });

  it('writes an upload to disk as it comes and keeps nothing of one past the limit', async () => {
    const leftovers = () => (fs.existsSync(uploadsDir(t.ctx.dataDir)) ? fs.readdirSync(uploadsDir(t.ctx.dataDir)) : []);
    const declared = await post('/upload?name=big.csv', Buffer.alloc(65 * 1024, 'a'), { 'content-type': 'application/octet-stream' });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/^文件太大/);
    // Sent in chunks without a length: stopped at the limit, the partial copy removed.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(8 * 1024).fill(98));
        c.close();
      },
    });
    const chunked = await fetch(`${host.url}upload?name=chunked.csv`, { method: 'POST', headers, body: chunks, duplex: 'half' } as RequestInit).catch(
      () => null,
    );
    if (chunked) expect(chunked.status).toBe(413);
    expect(leftovers()).toEqual([]);
    const fits = await post('/upload?name=ok.csv', Buffer.alloc(60 * 1024, 'a'), { 'content-type': 'application/octet-stream' });
    expect(fits.status).toBe(200);
    expect(fs.statSync(((await fits.json()) as { value: { file: string } }).value.file).size).toBe(60 * 1024);
  });

  it("lets a tab read only files it uploaded, and keeps each tab's dry run its own", async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const local = await writeXlsx(path.join(tempDir(), '花名册.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张三', idFor('1960-05-01', 11)]],
    });
    const api = async (name: string, arg: unknown, session = 'outputs-test-session') =>
      (await (await post(`/api/${name}`, arg, { 'x-canbao-session': session })).json()) as {
        ok: boolean;
        value?: { token: string };
        error?: { code: string; message: string };
      };
    for (const [name, arg] of [
      ['import.preview', { kind: 'roster', file: local }],
      ['import.preview', { kind: 'roster', file: path.join(t.ctx.dataDir, 'canbao.sqlite') }],
      ['import.preview', { kind: 'categories', file: '/etc/passwd', options: { department: 'civil_affairs' } }],
      ['targets.import', { coverageYear: 2024, file: local }],
      ['policies.import', { file: '/etc/hostname', name: 'x.yaml' }],
    ] as const) {
      const r = await api(name, arg);
      expect(r, `${name} ${JSON.stringify(arg)}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(r.error!.message).toContain('只能读取从本页面上传的文件');
    }
    // The desktop window and the CLI name local files.
    expect((await t.call('import.preview', { kind: 'roster', file: local })).ok).toBe(true);

    const upload = async (session: string) =>
      (
        (await (
          await post('/upload?name=花名册.xlsx', fs.readFileSync(local), { 'content-type': 'application/octet-stream', 'x-canbao-session': session })
        ).json()) as { value: { file: string } }
      ).value.file;
    const a = await upload('tab-a-session-0000');
    const b = await upload('tab-b-session-0000');
    const first = await api('import.preview', { kind: 'roster', file: a }, 'tab-a-session-0000');
    expect(first.ok).toBe(true);
    const second = await api('import.preview', { kind: 'roster', file: b }, 'tab-b-session-0000');
    expect(second.ok).toBe(true);
    // Tab B's dry run of the same kind left tab A's alone, and neither token works in the other tab.
    expect(fs.existsSync(a)).toBe(true);
    expect(await api('import.commit', { token: first.value!.token }, 'tab-b-session-0000')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api('import.commit', { token: first.value!.token }, 'tab-a-session-0000')).toMatchObject({ ok: true });
    expect(fs.existsSync(a)).toBe(false);
  });

  it('reads a tab only its own uploads, never a file with a second name', async () => {
    const { village } = await seedHousehold(t, [], { village: '幸福村' });
    const local = await writeXlsx(path.join(tempDir(), '花名册.xlsx'), {
      headers: ['村（社区）', '户号', '姓名', '身份证号'],
      rows: [[village.name, 'H1', '张三', idFor('1960-05-01', 11)]],
    });
    const tabA = 'tab-a-session-1111';
    const tabB = 'tab-b-session-2222';
    const up = await post('/upload?name=a.xlsx', fs.readFileSync(local), { 'content-type': 'application/octet-stream', 'x-canbao-session': tabA });
    const file = ((await up.json()) as { value: { file: string } }).value.file;
    const preview = async (session: string, f: string) =>
      (await (await post('/api/import.preview', { kind: 'roster', file: f }, { 'x-canbao-session': session })).json()) as {
        ok: boolean;
        error?: { code: string };
      };
    expect(await preview(tabB, file)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A hard link planted among the uploads (to the ledger, say) has two names: refused.
    const linked = path.join(path.dirname(file), 'linked.xlsx');
    fs.linkSync(local, linked);
    expect(await preview(tabA, linked)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    fs.rmSync(linked);
    expect((await preview(tabA, file)).ok).toBe(true);
    // The same holds for downloads: a hard link or a file in a subfolder of reports/ is not handed out.
    const reports = path.join(t.ctx.dataDir, 'reports');
    fs.mkdirSync(path.join(reports, 'sub'), { recursive: true });
    fs.linkSync(local, path.join(reports, 'hard.xlsx'));
    fs.copyFileSync(local, path.join(reports, 'sub', 'deep.xlsx'));
    for (const f of [path.join(reports, 'hard.xlsx'), path.join(reports, 'sub', 'deep.xlsx')])
      expect((await post('/download', { file: f })).status, f).toBe(404);
  });

  it('survives downloads cut off midway and files gone before they are sent, closing every file', async () => {
    const reports = path.join(t.ctx.dataDir, 'reports');
    fs.mkdirSync(reports, { recursive: true });
    const big = path.join(reports, 'big.xlsx');
    fs.writeFileSync(big, Buffer.alloc(32 * 1024 * 1024, 'x'));
    const open = () => fs.readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      const r = await post('/download', { file: big }, { connection: 'close' });
      const reader = r.body!.getReader();
      await reader.read();
      await reader.cancel();
    }
    // Each cut-off download let its file go (it once stayed open until the process ran out of them).
    for (let i = 0; i < 50 && open() > before + 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(open()).toBeLessThanOrEqual(before + 2);
    fs.rmSync(big);
    const gone = await post('/download', { file: big });
    expect(gone.status).toBe(404);
    expect((await post('/download', { file: path.join(reports, 'none.xlsx') })).status).toBe(404);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('answers what Node itself refuses in Chinese, and keeps serving', async () => {
    const net = await import('node:net');
    const { port } = new URL(host.url);
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
        let got = '';
        socket.on('data', (d) => (got += d.toString('utf8')));
        socket.on('close', () => resolve(got));
      });
    const bad = await raw(`POST /upload?name=a.csv HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: -5\r\n\r\n`);
    expect(bad).toMatch(/^HTTP\/1\.1 400/);
    expect(bad).toContain('请求的格式不对');
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('holds all the uploads waiting for imports to a quota, making room from stale ones first', async () => {
    const quota = UPLOAD_LIMITS.quota;
    UPLOAD_LIMITS.quota = 100 * 1024;
    try {
      const send = (kb: number) => post('/upload?name=x.csv', Buffer.alloc(kb * 1024, 'a'), { 'content-type': 'application/octet-stream' });
      expect((await send(60)).status).toBe(200);
      const full = await send(60);
      expect(full.status).toBe(507);
      expect(((await full.json()) as { error: { message: string } }).error.message).toMatch(/^等待导入的上传文件已超过/);
      // An hour later the first one gives way.
      const [first] = fs.readdirSync(uploadsDir(t.ctx.dataDir));
      const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
      fs.utimesSync(path.join(uploadsDir(t.ctx.dataDir), first!), hourAgo, hourAgo);
      expect((await send(60)).status).toBe(200);
      expect(fs.readdirSync(uploadsDir(t.ctx.dataDir))).toHaveLength(1);
    } finally {
      UPLOAD_LIMITS.quota = quota;
    }
  });
});

describe('problem reports', () => {
  it('go a week after they were written, when the app starts; exports stay', () => {
    const t2 = openTestLedger();
    const reports = path.join(t2.ctx.dataDir, 'reports');
    const exports = path.join(t2.ctx.dataDir, 'exports');
    fs.mkdirSync(reports, { recursive: true });
    fs.mkdirSync(exports, { recursive: true });
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    for (const f of [path.join(reports, 'old.xlsx'), path.join(exports, 'old.xlsx')]) {
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, weekAgo, weekAgo);
    }
    fs.writeFileSync(path.join(reports, 'new.xlsx'), 'x');
    clearOldReports(t2.ctx.dataDir, new Date());
    expect(fs.readdirSync(reports)).toEqual(['new.xlsx']);
    expect(fs.readdirSync(exports)).toEqual(['old.xlsx']);
    t2.close();
  });
});

describe('file names from outside', () => {
  it('keeps the extension, drops what could climb or hide, and steers clear of Windows device names', () => {
    const cases: [string, string][] = [
      ['😀.csv', 'upload.csv'],
      ['x.csv ', 'x.csv'],
      ['NUL.csv', 'upload-NUL.csv'],
      ['aux.xlsx', 'upload-aux.xlsx'],
      ['../../canbao.sqlite', 'canbao.sqlite'],
      ['..', 'upload'],
      ['.hidden.csv', 'hidden.csv'],
      ['农坝镇 2024年 花名册(终).xlsx', '农坝镇_2024年_花名册(终).xlsx'],
    ];
    for (const [given, made] of cases) expect(safeFileName(given, 'upload'), given).toBe(made);
    expect(safeFileName(`${'长'.repeat(200)}.xlsx`).length).toBeLessThanOrEqual(80);
  });
});
