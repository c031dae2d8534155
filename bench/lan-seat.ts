// The seats of the LAN bench (issue 30), run inside the seats' network namespace: each seat pairs
// with a code the orchestrator (bench/lan.ts) asks the main PC for, logs in as its own clerk, then
// does the rush mix (search, quote, enroll, receipt) at a fixed rate, each action timed from
// when it was due. Prints one JSON line of timings at the end.
import crypto from 'node:crypto';
import https from 'node:https';
import readline from 'node:readline';
import type tls from 'node:tls';

interface Config {
  url: string;
  pin: string;
  seats: { username: string; password: string; persons: number[] }[];
  names: string[];
  coverageYear: number;
  paidOn: string;
  seconds: number;
  perSecond: number;
}

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

const config = JSON.parse(process.argv[2]!) as Config;
const lines = readline.createInterface({ input: process.stdin });
const nextLine = (() => {
  const queue: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiting.length ? waiting.shift()!(l) : queue.push(l)));
  return () => new Promise<string>((r) => (queue.length ? r(queue.shift()!) : waiting.push(r)));
})();

const pinned = new WeakSet<tls.TLSSocket>();

class Seat {
  private cookie = '';
  private readonly session = crypto.randomBytes(12).toString('hex');
  // A browser keeps its connection to the main PC open: so does each seat here.
  private readonly agent = new https.Agent({ keepAlive: true, maxSockets: 2, rejectUnauthorized: false, maxCachedSessions: 0 });

  post(path: string, body: unknown, key?: string): Promise<Answer> {
    const text = JSON.stringify(body);
    const u = new URL(path, config.url);
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: u.hostname.replace(/^\[|\]$/g, ''),
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            host: u.host,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            'x-canbao-session': this.session,
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(key ? { 'x-canbao-key': key } : {}),
          },
        },
        (res) => {
          // Pinned, as a seat's window pins it: the key the clerk compared, not an authority;
          // checked on each new connection (a kept-alive one has shown it already).
          const socket = res.socket as tls.TLSSocket;
          if (!pinned.has(socket)) {
            const x = socket.getPeerX509Certificate();
            const pin =
              x &&
              crypto
                .createHash('sha256')
                .update(x.publicKey.export({ type: 'spki', format: 'der' }))
                .digest('base64');
            if (pin !== config.pin) return reject(new Error(`certificate pin ${pin} is not the main PC's`));
            pinned.add(socket);
          }
          const set = res.headers['set-cookie']?.[0];
          if (set) this.cookie = set.split(';')[0]!;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  call(name: string, arg: unknown, write = false) {
    return this.post(`/api/${name}`, arg, write ? crypto.randomBytes(16).toString('hex') : undefined);
  }

  close() {
    this.agent.destroy();
  }
}

const must = (r: Answer, what: string) => {
  if (!r.ok) throw new Error(`${what}: ${r.error?.message}`);
  return r.value;
};

const seats: Seat[] = [];
for (const [i, s] of config.seats.entries()) {
  console.log('CODE?');
  const code = await nextLine();
  const seat = new Seat();
  must(await seat.post('/pair', { code, name: `窗口${i + 2}` }), `pairing seat ${i + 2}`);
  must(await seat.call('session.login', { username: s.username, password: s.password }), `login at seat ${i + 2}`);
  seats.push(seat);
}

const ACTIONS = ['search', 'quote', 'enroll', 'receipt'] as const;
const times: Record<string, number[]> = { search: [], quote: [], enroll: [], receipt: [] };
const errors: string[] = [];
const interval = 1000 / config.perSecond;
const count = Math.floor(config.seconds * config.perSecond);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const t0 = performance.now() + 200;

async function rush(seat: Seat, i: number) {
  const persons = config.seats[i]!.persons;
  let enrolled = 0;
  let lastEnrollment: number | null = null;
  // Seats out of step with each other, as clerks are.
  const offset = (interval / seats.length) * i;
  for (let k = 0; k < count; k++) {
    const due = t0 + offset + k * interval;
    await sleep(due - performance.now());
    const action = ACTIONS[k % ACTIONS.length]!;
    const person = persons[enrolled % persons.length]!;
    let r: Answer;
    try {
      if (action === 'search') r = await seat.call('roster.search', { q: config.names[(k * 7 + i) % config.names.length]!, limit: 20 });
      else if (action === 'quote') r = await seat.call('enroll.quote', { personId: person, coverageYear: config.coverageYear, tier: 1, paidOn: config.paidOn });
      else if (action === 'enroll') {
        r = await seat.call('enroll.person', { personId: person, coverageYear: config.coverageYear, tier: 1, paidOn: config.paidOn, channel: '现金' }, true);
        enrolled++;
        if (r.ok) lastEnrollment = (r.value as { id: number }).id;
      } else r = lastEnrollment === null ? { ok: true } : await seat.call('enroll.receipt', { id: lastEnrollment });
    } catch (e) {
      r = { ok: false, error: { code: 'network', message: String(e) } };
    }
    times[action]!.push(performance.now() - due);
    if (!r.ok) errors.push(`${action}: ${r.error?.message}`);
  }
}

await Promise.all(seats.map((s, i) => rush(s, i)));
for (const s of seats) s.close();
console.log(JSON.stringify({ times, errors }));
lines.close();
