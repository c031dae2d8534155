// The main PC's certificate (issue 30), read back by Node's own X.509 parser and used in real
// TLS handshakes on loopback: pinned by its key, trusted when installed, kept across renewal.
import crypto from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CERTIFICATE_DAYS, makeCertificate, newKeyPair, spkiSha256 } from '../../../src-main/host/certificate';
import { checkPin } from '../../../src-main/domain/lan/pin';

const NOW = new Date('2026-10-08T09:00:00+08:00');
const keys = newKeyPair();
const cert = makeCertificate({ ...keys, names: ['CANBAO-PC', 'canbao-pc.local'], addresses: ['127.0.0.1', '192.168.1.20', 'fe80::1'], now: NOW });

describe('the certificate as Node reads it', () => {
  const x = new crypto.X509Certificate(cert.pem);
  it('names the PC and its addresses, is signed by its own key and good for 825 days', () => {
    expect(x.subjectAltName).toBe('DNS:canbao-pc, DNS:canbao-pc.local, IP Address:127.0.0.1, IP Address:192.168.1.20, IP Address:FE80:0:0:0:0:0:0:1');
    expect(x.subject).toContain('CN=CANBAO-PC');
    expect(x.subject).toContain('O=canbao 参保台账');
    expect(x.verify(keys.publicKey)).toBe(true);
    expect(x.ca).toBe(false);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(new Date(x.validTo).getTime() - NOW.getTime()).toBe(CERTIFICATE_DAYS * 86_400_000);
    expect(new Date(x.validFrom).getTime()).toBe(NOW.getTime() - 3600_000);
    expect(x.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(x.checkHost('canbao-pc.local')).toBe('canbao-pc.local');
    expect(x.checkIP('192.168.1.21')).toBeUndefined();
  });
  it('carries the key the pin and the short fingerprint are of', () => {
    expect(checkPin(cert.pin, spkiSha256(x.publicKey))).toEqual({ ok: true });
    expect(cert.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  });
  it('made again (a new address, a new term) on the same key: the same pin, another serial', () => {
    const again = makeCertificate({ ...keys, names: ['canbao-pc'], addresses: ['192.168.1.33'], now: new Date('2028-12-01T00:00:00Z') });
    expect(again.pin).toBe(cert.pin);
    expect(new crypto.X509Certificate(again.pem).serialNumber).not.toBe(x.serialNumber);
  });
  it('from 2050 the times are written as GeneralizedTime, and still read', () => {
    const late = new crypto.X509Certificate(makeCertificate({ ...keys, names: ['pc'], addresses: [], now: new Date('2049-12-31T00:00:00Z') }).pem);
    expect(new Date(late.validTo).getUTCFullYear()).toBe(2052);
  });
  it('names a Chinese PC name as browsers send it (punycode), and leaves out what cannot be a host name', () => {
    const x = new crypto.X509Certificate(makeCertificate({ ...keys, names: ['社保所-主机', 'BAD NAME', 'pc_1'], addresses: ['10.0.0.2'], now: NOW }).pem);
    expect(x.subjectAltName).toBe('DNS:xn----er6a25c743bcwfrk4a, IP Address:10.0.0.2');
    expect(x.subject).toContain('CN=社保所-主机');
  });
  it('refuses what is not an address, and a certificate naming nothing', () => {
    expect(() => makeCertificate({ ...keys, names: [], addresses: ['192.168.1.300'], now: NOW })).toThrow('不是有效的网络地址');
    expect(() => makeCertificate({ ...keys, names: [], addresses: [], now: NOW })).toThrow('至少');
  });
});

describe('a TLS handshake on loopback', () => {
  let server: https.Server | null = null;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function serve(pem: string, key: crypto.KeyObject): Promise<number> {
    server = https.createServer({ cert: pem, key: key.export({ type: 'pkcs8', format: 'pem' }) }, (_, res) => res.end('ok'));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return (server.address() as AddressInfo).port;
  }
  /** What a seat sees: the key the server presents, checked against its pin. */
  function presented(port: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
        resolve(spkiSha256(s.getPeerX509Certificate()!.publicKey));
        s.end();
      });
      s.on('error', reject);
    });
  }

  it('the seat finds the key it pinned; another PC with another key at the address is refused', async () => {
    expect(checkPin(cert.pin, await presented(await serve(cert.pem, keys.privateKey)))).toEqual({ ok: true });
    await new Promise<void>((r) => server!.close(() => r()));
    const other = newKeyPair();
    const impostor = makeCertificate({ ...other, names: ['canbao-pc'], addresses: ['127.0.0.1'], now: new Date() });
    const r = checkPin(cert.pin, await presented(await serve(impostor.pem, other.privateKey)));
    expect(r.ok ? 'ok' : r.reason).toBe('changed');
  });

  it('a client that has the certificate installed trusts it by its address, and one without refuses', async () => {
    const now = makeCertificate({ ...keys, names: ['canbao-pc'], addresses: ['127.0.0.1'], now: new Date() });
    const port = await serve(now.pem, keys.privateKey);
    const get = (ca?: string) =>
      new Promise<string>((resolve, reject) =>
        https
          .get({ host: '127.0.0.1', port, path: '/', ...(ca ? { ca } : {}) }, (res) => res.on('data', (d: Buffer) => resolve(d.toString())))
          .on('error', reject),
      );
    await expect(get(now.pem)).resolves.toBe('ok');
    await expect(get()).rejects.toThrow(/self-signed|self signed/);
  });
});
