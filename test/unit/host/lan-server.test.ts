// The main PC serving the office LAN (issue 30), on a real ledger over real HTTPS on loopback:
// turning it on and off, pairing (right, wrong, expired, reused code), a seat's calls, revoking,
// the gate's refusals, and listening again after a restart with the same key.
import fs from 'node:fs';
import path from 'node:path';
import type os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanService } from '../../../src-main/host/lan-service';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { freePort, lanRequest } from '../../helpers/lan';
import { rememberSeat } from '../../../src-main/files/seat-file';
import { dispatch, handlers } from '../../../src-main/api/index';

const IFACE = (address: string): NodeJS.Dict<os.NetworkInterfaceInfo[]> => ({
  办公室: [{ address, netmask: '255.0.0.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: `${address}/8` }],
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
});

let t: TestLedger;
let lan: LanService;
let port: number;
let rendererDir: string;
let now: number;
const ADDRESS = '127.0.0.1';

function service(): LanService {
  const s = new LanService({ ctx: t.ctx, rendererDir, port, interfaces: () => IFACE(ADDRESS), hostname: () => 'ZhuDianNao', watchMs: 3_600_000 });
  t.ctx.lan = s;
  return s;
}

beforeEach(async () => {
  now = Date.parse('2024-11-01T02:00:00Z');
  t = openTestLedger();
  t.ctx.now = () => new Date(now);
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>canbao</title></head><body></body></html>');
  port = await freePort();
  await t.ok('users.create', { username: 'admin', displayName: '管理员', role: 'admin', password: 'secret123' });
  await t.ok('users.create', { username: 'lisi', displayName: '李四', role: 'clerk', password: 'secret456' });
  lan = service();
});
afterEach(async () => {
  await lan.close();
  t.close();
});

const req = (o: Omit<Parameters<typeof lanRequest>[0], 'address' | 'port'>) => lanRequest({ address: ADDRESS, port, ...o });
const SESSION = { 'x-canbao-session': 'seatsession0000000001' };
const api = (name: string, body: unknown, cookie: string | null, headers: Record<string, string> = SESSION) =>
  req({ path: `/api/${name}`, body, cookie, headers });

async function turnOn(): Promise<string> {
  await t.ok('lan.enable', { interface: '办公室' });
  const s = await t.ok('lan.status', {});
  expect(s.problem).toBeNull();
  return (await t.ok('lan.showCode', {})).code;
}

async function pair(name = '窗口2 · 李经办的电脑'): Promise<string> {
  const code = await turnOn();
  const r = await req({ path: '/pair', body: { code, name } });
  expect(r.json.ok).toBe(true);
  expect(r.cookie).toMatch(/^canbao_seat=[A-Za-z0-9_-]{43}$/);
  // The token is the cookie's alone: never in the answer's body.
  expect(r.body).not.toContain(r.cookie!.split('=')[1]);
  return r.cookie!;
}

describe('turning the LAN on and off', () => {
  it('is off until the admin turns it on; then the page is served without any token, and off closes the port at once', async () => {
    const off = await t.ok('lan.status', {});
    expect(off).toMatchObject({ available: true, enabled: false, listening: [] });
    expect(off.interfaces).toEqual([{ name: '办公室', addresses: [ADDRESS] }]);
    await expect(req({ path: '/' })).rejects.toThrow(/ECONNREFUSED/);

    await t.ok('lan.enable', { interface: '办公室' });
    const on = await t.ok('lan.status', {});
    expect(on.listening).toEqual([`${ADDRESS}:${port}`]);
    expect(on.urls).toContain(`https://${ADDRESS}:${port}/`);
    expect(on.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const page = await req({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name="canbao-lan" content="seat">');
    expect(page.body).not.toContain('canbao-token');

    await t.ok('lan.disable', {});
    expect((await t.ok('lan.status', {})).listening).toEqual([]);
    await expect(req({ path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    const audit = t.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'lan' ORDER BY id").pluck().all();
    expect(audit).toEqual(['lan.enable', 'lan.disable']);
  });

  it('is opened only once the office has users', async () => {
    const bare = openTestLedger();
    bare.ctx.lan = lan;
    const r = await bare.call('lan.enable', { interface: '办公室' });
    expect(r.ok ? '' : r.error.message).toContain('请先在「设置 → 用户」中建立管理员');
    bare.close();
  });

  it('says so when the chosen interface has no address now, and listens once it has one', async () => {
    let address: string | null = null;
    await lan.close();
    lan = new LanService({ ctx: t.ctx, rendererDir, port, interfaces: () => (address ? IFACE(address) : {}), hostname: () => 'pc', watchMs: 3_600_000 });
    t.ctx.lan = lan;
    await t.ok('lan.enable', { interface: '办公室' });
    expect((await t.ok('lan.status', {})).problem).toContain('网卡「办公室」现在没有局域网地址');
    address = ADDRESS;
    lan.apply();
    expect((await t.ok('lan.status', {})).listening).toEqual([`${ADDRESS}:${port}`]);
  });
});

describe("at a seat's PC: a look at the main PC before pairing", () => {
  it('shows the fingerprint the main PC presents, known once this PC was connected to that key', async () => {
    // The main PC: another ledger serving on this address; this PC (t) does not serve.
    const main = openTestLedger();
    const mainDir = tempDir();
    fs.writeFileSync(path.join(mainDir, 'index.html'), '<html><head></head></html>');
    const mainPort = await freePort();
    await main.ok('users.create', { username: 'admin', displayName: '管理员', role: 'admin', password: 'secret123' });
    const mainLan = new LanService({
      ctx: main.ctx,
      rendererDir: mainDir,
      port: mainPort,
      interfaces: () => IFACE(ADDRESS),
      hostname: () => 'ZhuDianNao',
      watchMs: 3_600_000,
    });
    main.ctx.lan = mainLan;
    try {
      await main.ok('lan.enable', { interface: '办公室' });
      const shown = (await main.ok('lan.status', {})).fingerprint;
      const seen = await t.ok('lan.peek', { address: `https://${ADDRESS}:${mainPort}/` });
      expect(seen).toMatchObject({ url: `https://${ADDRESS}:${mainPort}/`, fingerprint: shown, known: false });
      expect(seen.names).toContain('zhudiannao');
      rememberSeat(t.ctx.dataDir, { url: 'https://192.168.9.9:5781/', host: '192.168.9.9', pin: seen.pin });
      expect((await t.ok('lan.peek', { address: `${ADDRESS}:${mainPort}` })).known).toBe(true);
    } finally {
      await mainLan.close();
      main.close();
    }
  });

  it("refuses this PC's own address: a main PC made a seat of itself could never pair", async () => {
    await turnOn();
    const r = await t.call('lan.peek', { address: `${ADDRESS}:${port}` });
    expect(r.ok ? '' : r.error.message).toContain('这台电脑就是主电脑');
  });

  it("asks only the office's own addresses, and says so when nothing answers", async () => {
    for (const [address, why] of [
      ['8.8.8.8', '只能连接本所局域网内的电脑'],
      ['192.168.1.5:99999', '格式不对'],
      [`127.0.0.1:${await freePort()}`, '连不上'],
    ] as const) {
      const r = await t.call('lan.peek', { address });
      expect(r.ok ? '' : r.error.message, address).toContain(why);
    }
  });
});

describe('a new address from DHCP', () => {
  it('moves to the address the interface has now, with the same key, and the seat stays paired', async () => {
    let address = ADDRESS;
    await lan.close();
    lan = new LanService({ ctx: t.ctx, rendererDir, port, interfaces: () => IFACE(address), hostname: () => 'ZhuDianNao', watchMs: 3_600_000 });
    t.ctx.lan = lan;
    const cookie = await pair('窗口2');
    const before = await req({ path: '/' });
    address = '127.0.0.3';
    lan.apply();
    const s = await t.ok('lan.status', {});
    expect(s.listening).toEqual([`127.0.0.3:${port}`]);
    await expect(req({ path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    const moved = await lanRequest({ address: '127.0.0.3', port, path: '/api/session.get', body: {}, cookie, headers: SESSION });
    expect(moved.json).toMatchObject({ ok: true, value: { seat: '窗口2' } });
    expect(moved.pin).toBe(before.pin);
  });
});

describe('pairing a seat', () => {
  it('a seat not paired gets only the page; its calls are refused in Chinese', async () => {
    await turnOn();
    const r = await api('session.get', {}, null);
    expect(r.status).toBe(401);
    expect(r.json.error).toMatchObject({ code: 'unpaired' });
    expect(r.json.error!.message).toContain('还没有与主电脑配对');
    const forged = await api('session.get', {}, `canbao_seat=${'A'.repeat(43)}`);
    expect(forged.json.error?.code).toBe('unpaired');
  });

  it('a wrong code is refused and counted; the right one pairs once and is spent', async () => {
    const code = await turnOn();
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await req({ path: '/pair', body: { code: wrong, name: '窗口2' } });
    expect(bad.json.error?.message).toContain('还可以输 4 次');
    expect(bad.cookie).toBeNull();
    const good = await req({ path: '/pair', body: { code: code.replace(/(\d{3})/, '$1 '), name: '窗口2' } });
    expect(good.json).toMatchObject({ ok: true, value: { seat: { name: '窗口2', pairedFrom: ADDRESS } } });
    const again = await req({ path: '/pair', body: { code, name: '窗口3' } });
    expect(again.json.error?.message).toContain('已经用过');
    expect((await t.ok('lan.status', {})).seats.map((s) => s.name)).toEqual(['窗口2']);
    expect((await t.ok('lan.status', {})).pairing).toBeNull();
  });

  it('an expired code and one spent by five wrong tries are refused', async () => {
    const code = await turnOn();
    now += 11 * 60_000;
    expect((await req({ path: '/pair', body: { code, name: '窗口2' } })).json.error?.message).toContain('已过期');
    const fresh = (await t.ok('lan.showCode', {})).code;
    const wrong = fresh === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await req({ path: '/pair', body: { code: wrong, name: '窗口2' } });
    expect((await req({ path: '/pair', body: { code: fresh, name: '窗口2' } })).json.error?.message).toContain('已作废');
    expect(t.ctx.db.prepare('SELECT count(*) FROM seats').pluck().get()).toBe(0);
  });

  it("lan.pair is refused anywhere but the LAN's /pair, even to the main PC's own admin", async () => {
    const code = await turnOn();
    const r = await t.call('lan.pair', { code, name: '窗口2' });
    expect(r.ok ? '' : r.error.message).toContain('只能在要连接的电脑上');
  });
});

describe('working from a seat', () => {
  it("logs in at the seat; the audit names the user and the seat; the main PC's settings are refused to it", async () => {
    const cookie = await pair('窗口2');
    const before = await api('session.get', {}, cookie);
    expect(before.json).toMatchObject({ ok: true, value: { user: null, loginRequired: true, seat: '窗口2' } });
    expect((await api('villages.list', {}, cookie)).json.error?.code).toBe('unauthenticated');
    expect((await api('session.login', { username: 'admin', password: 'secret123' }, cookie)).json.ok).toBe(true);
    const v = await api('villages.add', { code: '001', name: '石桥村' }, cookie);
    expect(v.json.ok).toBe(true);
    const actor = t.ctx.db.prepare("SELECT actor FROM audit_log WHERE action = 'villages.add'").pluck().get();
    expect(actor).toBe('admin（窗口2）');
    // An admin at the seat still may not change the main PC's LAN settings.
    const r = await api('lan.disable', {}, cookie);
    expect(r.json.error?.message).toBe('这项设置只能在主电脑上操作。');
    expect((await t.ok('lan.status', {})).enabled).toBe(true);
  });

  it('a revoked seat is refused at its next call, whatever it was doing', async () => {
    const cookie = await pair('窗口2');
    expect((await api('session.login', { username: 'lisi', password: 'secret456' }, cookie)).json.ok).toBe(true);
    expect((await api('villages.list', {}, cookie)).json.ok).toBe(true);
    const seat = (await t.ok('lan.status', {})).seats[0]!;
    await t.ok('lan.revokeSeat', { id: seat.id });
    const r = await api('villages.list', {}, cookie);
    expect(r.status).toBe(401);
    expect(r.json.error?.message).toContain('已被主电脑的管理员取消连接');
    expect((await t.ok('lan.status', {})).seats[0]).toMatchObject({ name: '窗口2', revokedBy: 'admin' });
  });

  it('wrong passwords count against the seat, whatever tab or name it tries', async () => {
    const cookie = await pair('窗口2');
    for (let i = 0; i < 5; i++) {
      const session = { 'x-canbao-session': `seatsession00000000${10 + i}` };
      await api('session.login', { username: `nobody${i}`, password: 'wrongwrong' }, cookie, session);
    }
    const r = await api('session.login', { username: 'lisi', password: 'secret456' }, cookie, { 'x-canbao-session': 'seatsession0000000099' });
    expect(r.json.error?.message).toContain('密码错误次数太多');
    // The main PC's own window is not held back by what a seat tried.
    expect((await dispatch(handlers, t.ctx, 'session.login', { username: 'lisi', password: 'secret456' }, 'window:1')).ok).toBe(true);
  });
});

describe('the gate', () => {
  it('refuses a name the PC does not answer to, another origin, and a GET to the API', async () => {
    const cookie = await pair();
    expect((await req({ path: '/', host: 'evil.example:443' })).status).toBe(421);
    expect((await api('session.get', {}, cookie, { ...SESSION, origin: 'https://evil.example' })).status).toBe(403);
    expect((await req({ path: '/api/session.get', cookie })).status).toBe(405);
    // By the PC's name, as the certificate names it (lower-cased).
    expect((await req({ path: '/', host: `zhudiannao:${port}` })).status).toBe(200);
  });

  it('after a restart it listens again with the same key, and the seat stays paired', async () => {
    const cookie = await pair();
    const pinBefore = (await req({ path: '/' })).pin;
    await lan.close();
    lan = service();
    lan.apply();
    const s = await t.ok('lan.status', {});
    expect(s.listening).toEqual([`${ADDRESS}:${port}`]);
    const r = await api('session.get', {}, cookie);
    expect(r.json).toMatchObject({ ok: true, value: { seat: '窗口2 · 李经办的电脑' } });
    expect(r.pin).toBe(pinBefore);
  });
});

describe('what a seat may not reach', () => {
  async function adminAtSeat(): Promise<string> {
    const cookie = await pair('窗口2');
    expect((await api('session.login', { username: 'admin', password: 'secret123' }, cookie)).json.ok).toBe(true);
    return cookie;
  }

  it("the main PC's own: the LAN's status and its code, probing addresses, backing up into a folder of the main PC", async () => {
    const cookie = await adminAtSeat();
    await t.ok('lan.showCode', {});
    for (const [name, arg] of [
      ['lan.status', {}],
      ['lan.exportCertificate', {}],
      ['lan.peek', { address: `127.0.0.1:${port}` }],
      ['backup.copyTo', { folder: rendererDir }],
    ] as const) {
      const r = await api(name, arg, cookie);
      expect(r.json.error?.message, name).toBe('这项设置只能在主电脑上操作。');
    }
    expect(fs.readdirSync(rendererDir)).toEqual(['index.html']);
  });

  it('downloads only the exports its own calls made', async () => {
    const cookie = await adminAtSeat();
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const mine = await api('export.write', { kind: 'fujian1', coverageYear: 2024 }, cookie);
    expect(mine.json.ok).toBe(true);
    const theirs = await t.ok('export.write', { kind: 'fujian1', coverageYear: 2024 });
    const download = (file: string) => req({ path: '/download', body: { file }, cookie, headers: SESSION });
    expect((await download((mine.json.value as { file: string }).file)).status).toBe(200);
    expect((await download(theirs.file)).status).toBe(404);
    // Another tab of the same seat is another caller.
    expect(
      (
        await req({
          path: '/download',
          body: { file: (mine.json.value as { file: string }).file },
          cookie,
          headers: { 'x-canbao-session': 'seatsession0000000002' },
        })
      ).status,
    ).toBe(401);
  });

  it('a seat revoked after its request passed the gate is refused by dispatch itself', async () => {
    const cookie = await pair('窗口2');
    expect((await api('session.login', { username: 'lisi', password: 'secret456' }, cookie)).json.ok).toBe(true);
    const seat = (await t.ok('lan.status', {})).seats[0]!;
    await t.ok('lan.revokeSeat', { id: seat.id });
    const r = await dispatch(handlers, t.ctx, 'villages.list', {}, `tab:${SESSION['x-canbao-session']}:seat:${seat.id}`);
    expect(r).toMatchObject({ ok: false, error: { code: 'unpaired' } });
  });

  it("a restored backup keeps today's seats: one revoked since the backup stays out", async () => {
    const cookie = await pair('窗口2');
    const backup = await t.ok('backup.create', {});
    const seat = (await t.ok('lan.status', {})).seats[0]!;
    await t.ok('lan.revokeSeat', { id: seat.id });
    await t.ok('backup.restore', { file: backup.file });
    await t.ok('session.login', { username: 'admin', password: 'secret123' });
    expect((await api('session.get', {}, cookie)).json.error?.code).toBe('unpaired');
    expect((await t.ok('lan.status', {})).seats[0]).toMatchObject({ name: '窗口2', revokedBy: 'admin' });
  });

  it('the screen asking for the status every few seconds keeps no login alive', async () => {
    let clock = now;
    t.ctx.now = () => new Date(clock);
    await t.ok('session.login', { username: 'admin', password: 'secret123' });
    for (let i = 0; i < 40; i++) {
      clock += 60_000;
      const r = await t.call('lan.status', {});
      if (!r.ok) break;
    }
    expect((await t.call('villages.list', {})).ok).toBe(false);
  });

  it('closed, it does not open again on a change that lands meanwhile', async () => {
    await turnOn();
    const closing = lan.close();
    lan.apply();
    await closing;
    await expect(req({ path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    lan = service();
  });
});
