// At a seat's PC (issue 30): the certificate the main PC at an address presents, read without
// trusting it, so the clerk can compare its fingerprint with the main PC's screen before pairing.
// Only the office's own addresses are asked, and the answer comes within a few seconds or not at all.
import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';
import crypto from 'node:crypto';
import { isPrivateAddress, hostOf } from '../domain/lan/addresses';
import { pinOf, shortFingerprint } from '../domain/lan/pin';
import { namedIn } from '../domain/lan/renewal';
import { LAN_PORT } from '../domain/lan/port';
import { Refusal } from './context';
import { lastSeat } from '../files/seat-file';
import type { SeenMainPc } from '../types/lan';

const PEEK_MS = 5000;

/** "192.168.1.5", "192.168.1.5:5781", "https://主电脑:5781/", "[fe80::1]": the host and port. */
export function parseMainPcAddress(typed: string): { host: string; port: number } {
  const bare = typed
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '');
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(bare);
  const port = m?.[2] === undefined ? LAN_PORT : Number(m[2]);
  if (!m || port < 1 || port > 65535) throw new Refusal('invalid_input', '主电脑的地址格式不对，应像 192.168.1.5 或 192.168.1.5:5781。', 'address');
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

async function privateAddressOf(host: string): Promise<string> {
  if (net.isIP(host)) {
    if (!isPrivateAddress(host)) throw new Refusal('forbidden', '只能连接本所局域网内的电脑（如 192.168.x.x、10.x.x.x）。', 'address');
    return host;
  }
  let found: { address: string }[];
  try {
    found = await dns.lookup(host, { all: true });
  } catch {
    throw new Refusal('not_found', `找不到名为「${host}」的电脑：请改填主电脑「设置 → 多台电脑」上显示的地址。`, 'address');
  }
  const inside = found.find((f) => isPrivateAddress(f.address));
  if (!inside) throw new Refusal('forbidden', `「${host}」不是本所局域网内的电脑。`, 'address');
  return inside.address;
}

export async function peekMainPc(typed: string, dataDir: string): Promise<SeenMainPc> {
  const { host, port } = parseMainPcAddress(typed);
  const address = await privateAddressOf(host);
  const cert = await new Promise<crypto.X509Certificate | null>((resolve) => {
    // Not verified here on purpose: the clerk compares the fingerprint, and pairing pins it.
    const socket = tls.connect({ host: address, port, rejectUnauthorized: false, servername: net.isIP(host) ? undefined : host, timeout: PEEK_MS });
    const done = (c: crypto.X509Certificate | null) => {
      socket.destroy();
      resolve(c);
    };
    socket.once('secureConnect', () => done(socket.getPeerX509Certificate() ?? null));
    socket.once('timeout', () => done(null));
    socket.once('error', () => done(null));
  });
  if (!cert)
    throw new Refusal(
      'unavailable',
      `连不上 ${hostOf(host)}:${port}：请确认主电脑已开机、canbao 已打开「允许其他电脑连接」，且两台电脑在同一个局域网。`,
      'address',
    );
  const hash = new Uint8Array(
    crypto
      .createHash('sha256')
      .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
      .digest(),
  );
  const named = namedIn(cert.subjectAltName);
  return {
    url: `https://${hostOf(host)}:${port}/`,
    fingerprint: shortFingerprint(hash),
    pin: pinOf(hash),
    names: [...named.names, ...named.addresses],
    known: lastSeat(dataDir)?.pin === pinOf(hash),
  };
}

/** Refused when the key is this PC's own: a main PC made a seat of itself could never pair (only it shows codes). */
export function notThisPc(seen: SeenMainPc, ownPin: string | null): SeenMainPc {
  if (seen.pin === ownPin) throw new Refusal('invalid_input', '这是这台电脑自己的地址：这台电脑就是主电脑，不用连接。座席电脑上才填主电脑的地址。', 'address');
  return seen;
}
