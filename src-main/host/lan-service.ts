// The main PC's side of the office LAN (issue 30), as the ledger's setting says: listening on the
// chosen interface's private addresses, following them when DHCP gives the PC another (checked
// every 30 s; the key, and so every seat's pin, stays), and holding the one pairing code on show.
import os from 'node:os';
import path from 'node:path';
import { allowedHosts, isPrivateAddress } from '../domain/lan/addresses';
import { newPairingCode, redeem, PAIRING_MINUTES, PAIRING_TRIES, type PairingCode, type Redeemed } from '../domain/lan/pairing';
import { LAN_PORT } from '../domain/lan/port';
import { RENEW_DAYS_BEFORE } from '../domain/lan/renewal';
import { getLanSetting } from '../ledger/seats';
import type { Context } from '../api/index';
import type { LanControl, LanState } from '../service/lan';
import type { NetworkInterfaceChoice } from '../types/lan';
import { hostNames } from './certificate';
import { lanIdentity, type LanIdentity } from './lan-identity';
import { startLanServer, type RunningLan } from './lan-server';
import { readIndexHtml, UPLOAD_SWEEP_MS } from './server';
import { OutputOwners } from './serve';
import { clearStaleUploads } from '../files/uploads';
import crypto from 'node:crypto';

export interface LanServiceOptions {
  ctx: Context;
  rendererDir: string;
  port?: number;
  /** The system's interfaces; a test's own in tests. */
  interfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  hostname?: () => string;
  watchMs?: number;
}

/** The interfaces a main PC can serve on: each with its private addresses (IPv4, and IPv6 unique-local). */
export function interfaceChoices(all: NodeJS.Dict<os.NetworkInterfaceInfo[]>): NetworkInterfaceChoice[] {
  const out: NetworkInterfaceChoice[] = [];
  for (const [name, infos] of Object.entries(all)) {
    // Link-local IPv6 needs its zone to be bound and typed: left out.
    const addresses = (infos ?? [])
      .filter((i) => !i.internal && isPrivateAddress(i.address) && !i.address.toLowerCase().startsWith('fe80'))
      .map((i) => i.address);
    if (addresses.length) out.push({ name, addresses });
  }
  return out;
}

export class LanService implements LanControl {
  private running: RunningLan | null = null;
  private bound = '';
  private problem: string | null = null;
  private identity: LanIdentity | null = null;
  private code: PairingCode | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  private readonly sweep: NodeJS.Timeout;
  private readonly port: number;
  private readonly outputs: OutputOwners;

  constructor(private readonly o: LanServiceOptions) {
    this.port = o.port ?? LAN_PORT;
    this.outputs = new OutputOwners(o.ctx.dataDir);
    this.timer = setInterval(() => this.apply(), o.watchMs ?? 30_000);
    this.timer.unref();
    // Seats upload what they import; what a dry run left goes after its hour (the desktop has no loopback host to sweep).
    this.sweep = setInterval(() => {
      try {
        clearStaleUploads(o.ctx.dataDir, Date.now());
      } catch (e) {
        console.error('[canbao lan] 清理过期的上传文件没有完成', e);
      }
    }, UPLOAD_SWEEP_MS);
    this.sweep.unref();
  }

  private interfaces(): NetworkInterfaceChoice[] {
    return interfaceChoices((this.o.interfaces ?? os.networkInterfaces)());
  }

  private names(): string[] {
    const h = (this.o.hostname ?? os.hostname)();
    return hostNames([h, `${h}.local`]);
  }

  apply(): void {
    // A change that lands while the app shuts down must not open the port again.
    if (this.closed) return;
    this.chain = this.chain.then(
      () => this.reconcile(),
      () => this.reconcile(),
    );
  }

  private async stop(): Promise<void> {
    const r = this.running;
    this.running = null;
    this.bound = '';
    if (r) await r.close();
  }

  private async reconcile(): Promise<void> {
    try {
      const s = getLanSetting(this.o.ctx.db);
      if (!s.enabled || this.closed) {
        this.code = null;
        this.problem = null;
        return await this.stop();
      }
      const choice = this.interfaces().find((i) => i.name === s.interface);
      if (!choice) {
        await this.stop();
        this.problem = `网卡「${s.interface}」现在没有局域网地址（网线没插好、无线没连上，或网卡已换）。接好后会自动恢复；也可以改选网卡。`;
        return;
      }
      const key = choice.addresses.join(',');
      const now = this.o.ctx.now();
      const expiring = this.identity !== null && this.identity.notAfter.getTime() - now.getTime() < RENEW_DAYS_BEFORE * 86_400_000;
      if (this.running && key === this.bound && !expiring) return;
      await this.stop();
      this.identity = lanIdentity(this.o.ctx.dataDir, { names: this.names(), addresses: choice.addresses }, now);
      const rendererDir = path.resolve(this.o.rendererDir);
      this.running = await startLanServer({
        ctx: this.o.ctx,
        rendererDir,
        indexHtml: readIndexHtml(rendererDir).replace('</head>', '<meta name="canbao-lan" content="seat"></head>'),
        addresses: choice.addresses,
        port: this.port,
        keyPem: this.identity.keyPem,
        certPem: this.identity.certPem,
        hosts: allowedHosts({ names: this.names(), addresses: choice.addresses, port: this.port }),
        outputs: this.outputs,
      });
      this.bound = key;
      this.problem = null;
    } catch (e) {
      await this.stop();
      const code = (e as NodeJS.ErrnoException).code;
      this.problem =
        code === 'EADDRINUSE'
          ? `端口 ${this.port} 已被其他程序占用，其他电脑暂时连不上。请关闭占用它的程序（或这台电脑上另开的 canbao）。`
          : code === 'EADDRNOTAVAIL'
            ? '网卡的地址刚刚变了，稍后会自动重试。'
            : `没能开始为其他电脑提供服务：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async state(): Promise<LanState> {
    await this.chain;
    const urls = this.running
      ? [
          ...this.running.listening.map((l) => `https://${l}/`),
          ...this.names()
            .filter((n) => !n.endsWith('.local'))
            .map((n) => `https://${n}:${this.port}/`),
        ]
      : [];
    const live = this.live();
    return {
      listening: this.running?.listening ?? [],
      urls,
      port: this.port,
      fingerprint: this.identity?.fingerprint ?? null,
      certificateUntil: this.identity?.notAfter.toISOString() ?? null,
      problem: this.problem,
      interfaces: this.interfaces(),
      pairing: live ? { code: live.code, until: new Date(live.issuedAt + PAIRING_MINUTES * 60_000).toISOString() } : null,
    };
  }

  /** The code on show still works: not used, not spent by wrong tries, not past its ten minutes. */
  private live(): PairingCode | null {
    const c = this.code;
    return c !== null && !c.used && c.wrong < PAIRING_TRIES && this.o.ctx.now().getTime() - c.issuedAt <= PAIRING_MINUTES * 60_000 ? c : null;
  }

  showCode(now: number): { code: string; until: string } {
    this.code = newPairingCode((n) => crypto.randomBytes(n), now);
    return { code: this.code.code, until: new Date(now + PAIRING_MINUTES * 60_000).toISOString() };
  }

  redeem(typed: string, now: number): Redeemed {
    const r = redeem(this.code, typed, now);
    if (r.code) this.code = r.code;
    return r;
  }

  /** The certificate seats and browsers may install (the key never leaves this PC). */
  pin(): string | null {
    return this.identity?.pin ?? null;
  }

  certificatePem(): string | null {
    return this.identity?.certPem ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.sweep);
    await this.chain;
    await this.stop();
  }
}
