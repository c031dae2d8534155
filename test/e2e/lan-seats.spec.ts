// Seats on the office LAN (issue 30), across a real network: the main PC's admin turns it on in
// 设置 → 多台电脑 and shows a code; two seats (Chromium in another network namespace, trusting the
// main PC's key as a pinned seat does) pair on the main PC's page, log in, and enroll members of
// one household at the same time; a stale edit is refused with what the other changed; a retry
// is done once, also after the main PC restarted; a revoked seat is stopped at its next call.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { api, choose, expect, id, screenshot, startHost, stop, test } from './fixtures';
import { freePort, seatNet } from '../helpers/seat-net';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

/** A call from the seat's own page, as its screens make it: its session, its cookie, and a key when given. */
const seatCall = (p: Page, name: string, arg: unknown, key?: string) =>
  p.evaluate(
    async ([name, arg, key]) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-canbao-session': sessionStorage.getItem('canbao-session')! };
      if (key) headers['x-canbao-key'] = key;
      const r = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(arg) });
      return (await r.json()) as Answer;
    },
    [name, arg, key] as const,
  );

async function login(p: Page, username: string, password: string) {
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(password);
  await p.getByRole('button', { name: '登录' }).click();
  await expect(p.getByRole('menuitem', { name: '参保登记' })).toBeVisible();
}

/** Shows a new code and reads it once it is on screen (the one before may still show until then). */
async function showCode(page: Page, before: string | null = null): Promise<string> {
  await page.getByRole('button', { name: /显示配对码|换一个配对码/ }).click();
  const shown = page.getByLabel('配对码');
  if (before) await expect(shown).not.toHaveText(`${before.slice(0, 3)} ${before.slice(3)}`);
  const code = (await shown.textContent())!.replace(/\s/g, '');
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

async function pairSeat(browser: Browser, url: string, code: string, name: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const p = await ctx.newPage();
  await p.goto(url);
  await expect(p.getByRole('heading', { name: '连接所里的主电脑' })).toBeVisible();
  await p.getByLabel('配对码').fill(code);
  await p.getByLabel('这台电脑的名称').fill(name);
  await p.getByRole('button', { name: '配对' }).click();
  await expect(p.getByText(`本机「${name}」· 连接到所里的主电脑`)).toBeVisible();
  return p;
}

test('two seats across the network pair, enroll one household at once with gapless receipts, and are refused stale edits; a revoked seat stops; a retry after a restart is done once', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const net = seatNet();
  if (net.fallback) console.log(net.fallback);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-e2e-lan-'));
  const lanPort = await freePort(net.mainAddress);
  const hostArgs = ['--lan-port', String(lanPort)];
  let main = await startHost(dataDir, hostArgs, net.hostEnv);
  let seats: Browser | null = null;
  try {
    const call = await api(request, main.url);
    await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
    await call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const v = await call('villages.add', { code: '001', name: '幸福村' });
    const h = await call('roster.addHousehold', { villageId: v.id, number: '0001' });
    const members = [];
    for (const [i, name] of ['余大', '余二', '余三', '余四'].entries())
      members.push(
        await call('roster.addPerson', { idNumber: id(`50023519600101${100 + i * 2}`), name, householdId: h.id, relation: i === 0 ? '户主' : '子' }),
      );
    await call('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
    await call('users.create', { username: 'lisi', displayName: '李经办', role: 'clerk', password: 'secret2' });
    await call('users.create', { username: 'zhaoliu', displayName: '赵经办', role: 'clerk', password: 'secret3' });
    call.seal();

    // The main PC: 设置 → 多台电脑, the office's network card, on, a code.
    await page.goto(main.url);
    await login(page, 'admin', 'secret1');
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '多台电脑' }).click();
    await choose(page, '网卡', `${net.iface}（${net.mainAddress}）`);
    await page.getByRole('button', { name: '允许其他电脑连接' }).click();
    await expect(page.getByText('已打开', { exact: true })).toBeVisible();
    const seatUrl = `https://${net.mainAddress}:${lanPort}/`;
    await expect(page.getByText(seatUrl)).toBeVisible();
    const code1 = await showCode(page);
    // What a seat pins: the key's SPKI hash; the screen shows its first 64 bits to compare.
    const cert = new crypto.X509Certificate(fs.readFileSync(path.join(dataDir, 'lan', 'cert.pem')));
    const spki = crypto
      .createHash('sha256')
      .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest();
    const short = spki.subarray(0, 8).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
    await expect(page.getByLabel('证书指纹')).toHaveText(short);
    await screenshot(page, 'lan-main-on-1366');

    // For a browser seat: the certificate (never the key) and a one-page instruction to print.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出证书（用浏览器连接时安装）' }).click();
    const exported = await fs.promises.readFile((await (await downloading).path())!, 'utf8');
    expect(exported).toBe(cert.toString());
    expect(exported).not.toContain('PRIVATE KEY');
    const guide = page.getByRole('dialog', { name: '用浏览器连接：安装证书说明' });
    await expect(guide).toContainText(cert.fingerprint.replace(/:/g, '').toLowerCase());
    await expect(guide).toContainText(seatUrl);
    await expect(guide).toContainText('存储位置选「当前用户」');
    await screenshot(page, 'lan-certificate-guide-1366');
    fs.mkdirSync(path.join('test', 'artifacts'), { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: path.join('test', 'artifacts', 'lan-certificate-guide.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await guide.getByRole('button', { name: '关闭', exact: true }).last().click();

    seats = await chromium.launch({
      executablePath: net.chromium,
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spki.toString('base64')}`],
    });
    const a = await pairSeat(seats, seatUrl, code1, '窗口2 · 李经办的电脑');
    await screenshot(a, 'lan-seat-login-1366');
    await login(a, 'lisi', 'secret2');
    // The code is spent: a second seat needs a new one.
    const b = await pairSeat(seats, seatUrl, await showCode(page, code1), '窗口3 · 赵经办的电脑');
    await login(b, 'zhaoliu', 'secret3');
    if (!net.fallback) {
      // Across the network, the main PC's loopback (its own browser's door, with the token) is out of reach.
      const probe = await b.context().newPage();
      await expect(probe.goto(main.url, { timeout: 5000 })).rejects.toThrow();
      await probe.close();
    }

    // Both seats at once: one member each, and the same third member from both.
    const enroll = (p: Page, personId: number) =>
      seatCall(p, 'enroll.person', { personId, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' });
    const [r1, r2, r3a, r3b] = await Promise.all([enroll(a, members[0]!.id), enroll(b, members[1]!.id), enroll(a, members[2]!.id), enroll(b, members[2]!.id)]);
    expect(r1.ok && r2.ok).toBe(true);
    expect([r3a.ok, r3b.ok].sort()).toEqual([false, true]);
    expect((r3a.ok ? r3b : r3a).error!.message).toMatch(/已|缴/);

    // A retry of a change whose answer was lost: sent again under its key, done once.
    const KEY = 'seatretry0123456789abcdef';
    const first = await seatCall(a, 'enroll.person', { personId: members[3]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' }, KEY);
    expect(first.ok).toBe(true);

    // A stale edit: 窗口3 saves over what 窗口2 read, and is told what changed.
    const read = (await seatCall(a, 'roster.getPerson', { id: members[0]!.id })).value as { person: { version: number } };
    expect((await seatCall(a, 'roster.updatePerson', { id: members[0]!.id, phone: '13800000001', seen: read.person.version })).ok).toBe(true);
    const stale = await seatCall(b, 'roster.updatePerson', { id: members[0]!.id, phone: '13900000002', seen: read.person.version });
    expect(stale.error?.code).toBe('conflict');
    expect(stale.error?.message).toContain('13800000001');

    // The main PC restarts under the seats: the LAN comes back by itself, the seat stays paired,
    // logs in again, and the retry sent again under its key is answered as the first was.
    await stop(main.child);
    // The main PC off: the seat says so, in words a clerk can act on.
    await a.getByRole('menuitem', { name: '花名册' }).click();
    await expect(a.getByText('连不上所里的主电脑').first()).toBeVisible({ timeout: 15_000 });
    await screenshot(a, 'lan-seat-main-off-1366');
    main = await startHost(dataDir, hostArgs, net.hostEnv);
    await a.reload();
    await expect(a.getByText('本机「窗口2 · 李经办的电脑」· 连接到所里的主电脑')).toBeVisible();
    await login(a, 'lisi', 'secret2');
    const again = await seatCall(a, 'enroll.person', { personId: members[3]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' }, KEY);
    expect(again).toEqual(first);

    // The ledger: each payment once, receipts numbered by the main PC without a gap, the audit naming user and seat.
    const db = new Database(path.join(dataDir, 'canbao.sqlite'), { readonly: true, fileMustExist: true });
    const receipts = db.prepare("SELECT receipt_no FROM enrollments WHERE status = 'active' ORDER BY receipt_no").pluck().all() as string[];
    const actors = db.prepare("SELECT DISTINCT actor FROM audit_log WHERE action = 'enroll.person' ORDER BY actor").pluck().all();
    db.close();
    expect(receipts).toHaveLength(4);
    const seq = receipts.map((r) => Number(/(\d+)$/.exec(r)![1]));
    expect(seq).toEqual(seq.map((_, i) => seq[0]! + i));
    expect(actors).toEqual(['lisi（窗口2 · 李经办的电脑）', 'zhaoliu（窗口3 · 赵经办的电脑）']);

    // Revoked on the main PC's screen: the seat is refused at its next call and asked to pair again.
    // The main PC's own browser page, at the loopback port of the restarted host.
    await page.goto(main.url);
    await login(page, 'admin', 'secret1');
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '多台电脑' }).click();
    const row = page.getByRole('row').filter({ hasText: '窗口3 · 赵经办的电脑' });
    await row.getByRole('button', { name: '取消连接' }).click();
    await page.getByRole('button', { name: '取消连接', exact: true }).last().click();
    await expect(row).toContainText('已取消');
    await screenshot(page, 'lan-main-seats-1366');
    const refused = await seatCall(b, 'villages.list', {});
    expect(refused.error?.code).toBe('unpaired');
    // Working on, the clerk at the revoked seat is taken to the pairing page, told why.
    await b.getByRole('menuitem', { name: '花名册' }).click();
    await expect(b.getByText('已被主电脑的管理员取消连接')).toBeVisible();
    await screenshot(b, 'lan-seat-revoked-1366');
  } finally {
    await seats?.close();
    await stop(main.child);
    net.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
