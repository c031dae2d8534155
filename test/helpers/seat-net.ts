// A second network for the seats (issue 30): a network namespace joined to this one by a veth
// pair, so a seat's browser reaches the main PC across a real network interface, as another PC
// of the office would, and cannot reach the main PC's loopback. Needs root (CI runs as root);
// where a namespace cannot be made, the seats run on a second loopback address and say so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';

export interface SeatNet {
  /** The main PC's interface name and address on the office network. */
  iface: string;
  mainAddress: string;
  /** The browser the seats run: Chromium inside the namespace (or plain Chromium on loopback). */
  chromium: string;
  /** The seats' namespace (commands run in it with `ip netns exec`), or null on loopback. */
  netns: string | null;
  /** Why the seats are on loopback rather than across a namespace, or null. */
  fallback: string | null;
  /** Environment for the main host: a test interface on loopback when there is no namespace. */
  hostEnv: Record<string, string>;
  close(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function seatNet(): SeatNet {
  const n = process.pid % 10_000;
  const ns = `cbseat${n}`;
  const main = `cbm${n}`;
  const seat = `cbs${n}`;
  const subnet = `10.77.${n % 250}`;
  const browser = process.env.CANBAO_CHROMIUM ?? '/usr/bin/chromium';
  try {
    // To see the loopback way on a machine that could make a namespace.
    if (process.env.CANBAO_NO_NETNS) throw new Error('CANBAO_NO_NETNS');
    // One left by a run that was killed (its process id came round again) goes first.
    try {
      ip('netns', 'del', ns);
    } catch {
      /* none */
    }
    ip('netns', 'add', ns);
    try {
      ip('link', 'add', main, 'type', 'veth', 'peer', 'name', seat);
      ip('link', 'set', seat, 'netns', ns);
      ip('addr', 'add', `${subnet}.1/24`, 'dev', main);
      ip('link', 'set', main, 'up');
      ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${subnet}.2/24`, 'dev', seat);
      ip('netns', 'exec', ns, 'ip', 'link', 'set', seat, 'up');
      ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
    } catch (e) {
      ip('netns', 'del', ns);
      throw e;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-seatnet-'));
    const wrapper = path.join(dir, 'chromium-in-seat-ns');
    // Playwright talks to the browser over inherited pipes, which `ip netns exec` keeps.
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${browser} "$@"\n`, { mode: 0o755 });
    return {
      iface: main,
      mainAddress: `${subnet}.1`,
      chromium: wrapper,
      netns: ns,
      fallback: null,
      hostEnv: {},
      close() {
        // Deleting the namespace deletes its end of the pair, and with it this one.
        try {
          ip('netns', 'del', ns);
        } catch {
          /* gone already */
        }
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    const why = e instanceof Error ? ((e as { stderr?: Buffer }).stderr?.toString().trim() ?? e.message) : String(e);
    return {
      iface: '测试回环',
      mainAddress: '127.0.0.2',
      chromium: browser,
      netns: null,
      fallback: `不能建立网络命名空间（${why || '需要 root'}），座席改在第二个回环地址 127.0.0.2 上测试。`,
      hostEnv: { CANBAO_LAN_TEST_ADDRESS: '127.0.0.2' },
      close() {},
    };
  }
}

/** A port free on `host` now (the main PC's LAN port, fixed for a test so that a restart finds it again). */
export async function freePort(host: string): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, host, () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
