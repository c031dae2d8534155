// The model's windows as seats on the office LAN (issue 30): each paired with the main PC and
// calling it over HTTPS, as the main PC's page on another PC does (its cookie, its session, a key
// per change, files uploaded first). Across a veth pair into a network namespace through a relay
// there (seat-relay.ts); where no namespace can be made, straight to a second loopback address.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type os from 'node:os';
import readline from 'node:readline';
import type { ApiInput, ApiName, ApiOutput, Result } from '../../src-main/api/contract';
import { LanService } from '../../src-main/host/lan-service';
import { freePort, seatNet, type SeatNet } from '../helpers/seat-net';
import { tempDir, type TestLedger } from '../helpers/ledger';

export interface Seats {
  call<K extends ApiName>(seat: number, name: K, arg: ApiInput<K>, key?: string): Promise<Result<ApiOutput<K>>>;
  close(): Promise<void>;
  /** Why the seats are on loopback, or null. */
  fallback: string | null;
}

interface Answer {
  status: number;
  body: Buffer;
  cookie: string | null;
}

/** The main PC side in this process, on the seats' network; `t` is logged in as an administrator. */
export async function seatsOverHttps(t: TestLedger, count: number): Promise<Seats> {
  const net: SeatNet = seatNet();
  const rendererDir = tempDir('canbao-model-page-');
  let lan: LanService | null = null;
  let relay: ChildProcess | null = null;
  // Whatever fails on the way, the namespace, the relay and the listener go.
  const cleanUp = async () => {
    relay?.kill();
    await lan?.close();
    net.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  };
  try {
    return await start();
  } catch (e) {
    await cleanUp();
    throw e;
  }

  async function start(): Promise<Seats> {
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const port = await freePort(net.mainAddress);
    const iface: NodeJS.Dict<os.NetworkInterfaceInfo[]> = {
      [net.iface]: [
        { address: net.mainAddress, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: `${net.mainAddress}/24` },
      ],
    };
    lan = new LanService({ ctx: t.ctx, rendererDir, port, interfaces: () => iface, hostname: () => 'zhudiannao', watchMs: 3_600_000 });
    t.ctx.lan = lan;
    await t.ok('lan.enable', { interface: net.iface });
    const state = await lan.state();
    if (!state.listening.length) throw new Error(`the LAN did not start: ${state.problem}`);
    const cert = new crypto.X509Certificate(fs.readFileSync(path.join(t.ctx.dataDir, 'lan', 'cert.pem')));
    const pin = crypto
      .createHash('sha256')
      .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    const target = `https://${net.mainAddress}:${port}`;

    // How a request leaves this process: to the relay in the namespace, or straight over TLS.
    const socketPath = path.join(rendererDir, 'relay.sock');
    if (net.netns) {
      relay = spawn('ip', ['netns', 'exec', net.netns, process.execPath, '--import', 'tsx', 'test/model/seat-relay.ts', socketPath, target, pin], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let ready = false;
      for await (const line of readline.createInterface({ input: relay.stdout! }))
        if (line === 'READY') {
          ready = true;
          break;
        }
      if (!ready) throw new Error("the seats' relay in the namespace did not start");
    }
    const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
    const relayAgent = new http.Agent({ keepAlive: true });
    const send = (o: { path: string; body: Buffer; headers: Record<string, string> }): Promise<Answer> =>
      new Promise((resolve, reject) => {
        const headers = { ...o.headers, host: `${net.mainAddress}:${port}`, 'content-length': String(o.body.length) };
        const options = relay
          ? { socketPath, path: o.path, method: 'POST', headers, agent: relayAgent }
          : { host: net.mainAddress, port, path: o.path, method: 'POST', headers, agent };
        const req = (relay ? http : https).request(options, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), cookie: res.headers['set-cookie']?.[0]?.split(';')[0] ?? null }),
          );
        });
        req.on('error', reject);
        req.end(o.body);
      });

    const seats: { cookie: string; session: string }[] = [];
    for (let i = 0; i < count; i++) {
      const { code } = await t.ok('lan.showCode', {});
      const a = await send({
        path: '/pair',
        body: Buffer.from(JSON.stringify({ code, name: `窗口${i + 1}` })),
        headers: { 'content-type': 'application/json' },
      });
      if (!a.cookie) throw new Error(`seat ${i + 1} did not pair: ${a.body.toString()}`);
      seats.push({ cookie: a.cookie, session: crypto.randomBytes(12).toString('hex') });
    }

    const json = async <T>(a: Promise<Answer>): Promise<Result<T>> => JSON.parse((await a).body.toString('utf8')) as Result<T>;
    return {
      fallback: net.fallback,
      async call<K extends ApiName>(si: number, name: K, arg: ApiInput<K>, key?: string): Promise<Result<ApiOutput<K>>> {
        const seat = seats[si]!;
        const headers: Record<string, string> = { cookie: seat.cookie, 'x-canbao-session': seat.session };
        let sent: unknown = arg;
        // A seat has no paths of its own: the file it imports goes up first, as the page uploads it.
        const file = (arg as { file?: unknown }).file;
        if (name === 'import.preview' && typeof file === 'string') {
          const up = await json<{ file: string }>(
            send({
              path: `/upload?name=${encodeURIComponent(path.basename(file))}`,
              body: fs.readFileSync(file),
              headers: { ...headers, 'content-type': 'application/octet-stream' },
            }),
          );
          if (!up.ok) return up;
          sent = { ...(arg as object), file: up.value.file };
        }
        return json<ApiOutput<K>>(
          send({
            path: `/api/${name}`,
            body: Buffer.from(JSON.stringify(sent)),
            headers: { ...headers, 'content-type': 'application/json', ...(key ? { 'x-canbao-key': key } : {}) },
          }),
        );
      },
      async close() {
        agent.destroy();
        relayAgent.destroy();
        await cleanUp();
      },
    };
  }
}
