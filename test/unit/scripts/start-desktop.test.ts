// `npm start` on a machine that cannot have Electron (issue 25): one try at the download, bounded
// in time, then the browser host, its address printed. The download goes to a local server
// standing in for the mirror, so the test needs no network and never fetches Electron.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../helpers/ledger';

const dirs = tempDirs();
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  dirs.cleanup();
});

/** A mirror that counts the requests and answers each with `answer` (or never). */
async function mirror(answer: ((res: http.ServerResponse) => void) | null) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    answer?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

/** Runs `npm start`'s script with no Electron to be found, until it prints the address. */
function start(mirrorUrl: string, env: Record<string, string> = {}) {
  const dir = dirs.fresh();
  const child = spawn(process.execPath, ['scripts/start-desktop.mjs', '--port', '0'], {
    env: {
      // An .npmrc's electron_mirror would come before ours (npm passes it on as npm_config_…).
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron_?mirror/i.test(k))),
      // The lookup fails: no binary there. The download then asks the stand-in mirror only.
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron'),
      ELECTRON_MIRROR: mirrorUrl,
      electron_config_cache: path.join(dir, 'cache'),
      CANBAO_DATA: path.join(dir, 'data'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  closers.push(() => child.exitCode === null && child.kill('SIGKILL'));
  let out = '';
  const started = new Promise<string>((resolve, reject) => {
    const read = (b: Buffer) => {
      out += b.toString();
      const url = /请用浏览器.*打开 (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start ended (${code}) without an address:\n${out}`)));
  });
  return { child, started, dir, output: () => out };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

/** The app answers at the address; once the script is stopped, nothing does. */
async function answersThenStops(url: string, child: ChildProcess) {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('canbao-token');
  child.kill('SIGTERM');
  expect(await exited(child)).toBe(0);
  await expect(fetch(url)).rejects.toThrow();
}

describe('npm start without Electron', () => {
  it('tries the download once and starts the browser host on its data folder when it fails', async () => {
    const m = await mirror((res) => res.writeHead(404).end());
    const s = start(m.url);
    const url = await s.started;
    expect(m.seen).toHaveLength(1);
    expect(s.output()).toContain('无法下载 Electron 运行环境（需要联网一次）。');
    expect(s.output()).toContain('改为启动浏览器版');
    expect(s.output()).toContain(`数据文件夹：${path.join(s.dir, 'data')}`);
    expect(s.output()).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(s.dir, 'data'))).toBe(true);
    await answersThenStops(url, s.child);
  }, 120_000);

  it('gives up on a download that hangs after the time allowed', async () => {
    const m = await mirror(null);
    const began = Date.now();
    const s = start(m.url, { CANBAO_ELECTRON_TIMEOUT: '3' });
    const url = await s.started;
    expect(m.seen).toHaveLength(1);
    expect(s.output()).toContain('无法下载 Electron 运行环境（需要联网一次）：3 秒内没有完成。');
    expect(Date.now() - began).toBeLessThan(90_000);
    await answersThenStops(url, s.child);
  }, 120_000);
});
