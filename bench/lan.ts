// Issue 30's figures: five seats across the office LAN (a network namespace joined by a veth
// pair; a second loopback address where none can be made) doing a rush mix on a 5,000-person
// ledger, each at 2 actions a second for 2 minutes: p50 and p99 of each action as a seat sees
// it (HTTPS, its own keep-alive connection, timed from when the action was due), the errors, and
// whether the receipts the main PC numbered are gapless.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { dispatch, handlers } from '../src-main/api/index';
import type { Policy } from '../src-main/domain/policy/schema';
import { startCore } from '../src-main/app';
import { openLedger } from '../src-main/ledger/open';
import { freePort, seatNet } from '../test/helpers/seat-net';
import { buildLedger } from './build-ledger';
import { host } from './host';
import { DESK_DAY } from './renderer/seed';
import { median, percentile, report } from './util';

const SEATS = 5;

async function seed(policy: Policy, persons: number, perSeat: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-bench-lan-'));
  const db = openLedger(dataDir);
  const built = buildLedger(db, policy, persons);
  db.close();
  const { ctx, stop } = await startCore(dataDir);
  try {
    const call = async (name: string, arg: unknown) => {
      const r = await dispatch(handlers, ctx, name, arg, 'tab:bench-admin');
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    await call('users.create', { username: 'admin', displayName: '所长', role: 'admin', password: 'secret1' });
    for (let i = 1; i <= SEATS; i++) await call('users.create', { username: `clerk${i}`, displayName: `经办${i}`, role: 'clerk', password: 'secret2' });
    await call('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const unenrolled = ctx.db
      .prepare('SELECT id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.coverage_year = ?) ORDER BY id')
      .pluck()
      .all(policy.coverageYear) as number[];
    const enrollable: number[] = [];
    for (const id of unenrolled) {
      if (enrollable.length >= perSeat * SEATS) break;
      const q = (await call('enroll.quote', { personId: id, coverageYear: policy.coverageYear, tier: 1, paidOn: DESK_DAY })) as { eligible: boolean };
      if (q.eligible) enrollable.push(id);
    }
    if (enrollable.length < perSeat * SEATS) throw new Error(`only ${enrollable.length} persons to enrol, ${perSeat * SEATS} wanted`);
    // The seats' enrollments are those after this one.
    const lastEnrollment = ctx.db.prepare('SELECT coalesce(max(id), 0) FROM enrollments').pluck().get() as number;
    return { dataDir, names: built.sampleNames, enrollable, lastEnrollment };
  } finally {
    stop();
  }
}

export async function benchLan(policy: Policy, persons: number, seconds: number): Promise<void> {
  const perSecond = 2;
  const perSeat = Math.ceil((seconds * perSecond) / 4) + 1;
  const office = await seed(policy, persons, perSeat);
  const net = seatNet();
  let main: { stop: () => void } | null = null;
  try {
    if (net.fallback) report(`  ${net.fallback}`);
    const lanPort = await freePort(net.mainAddress);
    const started = await host(office.dataDir, ['--lan-port', String(lanPort)], net.hostEnv);
    main = started;
    // The main PC's admin, through the loopback door with the page's token.
    const token = /name="canbao-token" content="([^"]+)"/.exec(await (await fetch(started.url)).text())![1]!;
    const session = crypto.randomBytes(12).toString('hex');
    const admin = async (name: string, arg: unknown) => {
      const res = await fetch(`${started.url}api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-canbao-token': token, 'x-canbao-session': session },
        body: JSON.stringify(arg),
      });
      const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!r.ok) throw new Error(`${name}: ${r.error?.message}`);
      return r.value;
    };
    await admin('session.login', { username: 'admin', password: 'secret1' });
    await admin('lan.enable', { interface: net.iface });
    const status = (await admin('lan.status', {})) as { listening: string[] };
    if (!status.listening.length) throw new Error('the main PC is not listening on the LAN');
    const cert = new crypto.X509Certificate(fs.readFileSync(path.join(office.dataDir, 'lan', 'cert.pem')));
    const pin = crypto
      .createHash('sha256')
      .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    const config = {
      url: `https://${net.mainAddress}:${lanPort}/`,
      pin,
      seats: Array.from({ length: SEATS }, (_, i) => ({
        username: `clerk${i + 1}`,
        password: 'secret2',
        persons: office.enrollable.slice(i * perSeat, (i + 1) * perSeat),
      })),
      names: office.names,
      coverageYear: policy.coverageYear,
      paidOn: DESK_DAY,
      seconds,
      perSecond,
    };
    const driver = [process.execPath, '--import', 'tsx', 'bench/lan-seat.ts', JSON.stringify(config)];
    const [cmd, ...args] = net.netns ? ['ip', 'netns', 'exec', net.netns, ...driver] : driver;
    const child = spawn(cmd!, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let result = '';
    for await (const line of readline.createInterface({ input: child.stdout })) {
      if (line === 'CODE?') child.stdin.write(`${((await admin('lan.showCode', {})) as { code: string }).code}\n`);
      else result = line;
    }
    const { times, errors } = JSON.parse(result) as { times: Record<string, number[]>; errors: string[] };
    report(
      `LAN seats (issue 30): ${SEATS} seats × ${perSecond}/s × ${seconds} s over HTTPS${net.fallback ? ' (loopback)' : ' across a veth pair'}, ${persons} persons`,
    );
    for (const [action, xs] of Object.entries(times))
      report(
        `  ${action.padEnd(8)} n=${String(xs.length).padStart(4)}  p50 ${median(xs).toFixed(1)} ms  p99 ${percentile(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`,
      );
    report(`  errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
    const db = new Database(path.join(office.dataDir, 'canbao.sqlite'), { readonly: true });
    const numbers = (db.prepare("SELECT receipt_no FROM enrollments WHERE id > ? AND status = 'active'").pluck().all(office.lastEnrollment) as string[])
      .map((r) => Number(/(\d+)$/.exec(r)![1]))
      .sort((a, b) => a - b);
    db.close();
    const gaps = numbers.filter((n, i) => i > 0 && n !== numbers[i - 1]! + 1).length;
    report(`  receipts the seats were given: ${numbers.length}, gaps ${gaps}`);
  } finally {
    main?.stop();
    net.close();
    fs.rmSync(office.dataDir, { recursive: true, force: true });
  }
}
