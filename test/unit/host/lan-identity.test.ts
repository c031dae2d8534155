// The LAN identity in a real data folder (issue 30): made once, kept, made again for a new
// address on the same key, and a damaged key refused in Chinese rather than replaced.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lanIdentity } from '../../../src-main/host/lan-identity';
import { makeCertificate, newKeyPair } from '../../../src-main/host/certificate';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'canbao-lan-'));
const want = { names: ['canbao-pc'], addresses: ['192.168.1.20'] };
const NOW = new Date('2026-10-08T00:00:00Z');

describe('lanIdentity', () => {
  it('is made once, the key readable by this user only, and kept', () => {
    const dir = folder();
    const first = lanIdentity(dir, want, NOW);
    expect(first.renewed).toBe('none');
    expect(fs.statSync(path.join(dir, 'lan', 'key.pem')).mode & 0o777).toBe(0o600);
    const again = lanIdentity(dir, want, new Date(NOW.getTime() + 86_400_000));
    expect(again).toMatchObject({ renewed: null, pin: first.pin, certPem: first.certPem, fingerprint: first.fingerprint });
  });

  it('a new address (DHCP) or a certificate near its end is made again on the same key', () => {
    const dir = folder();
    const first = lanIdentity(dir, want, NOW);
    const moved = lanIdentity(dir, { names: ['canbao-pc'], addresses: ['192.168.1.33'] }, NOW);
    expect(moved.renewed).toBe('names');
    expect(moved.pin).toBe(first.pin);
    expect(new crypto.X509Certificate(moved.certPem).subjectAltName).toBe('DNS:canbao-pc, IP Address:192.168.1.33');
    const late = lanIdentity(dir, { names: ['canbao-pc'], addresses: ['192.168.1.33'] }, new Date(moved.notAfter.getTime() - 10 * 86_400_000));
    expect(late.renewed).toBe('expiring');
    expect(late.pin).toBe(first.pin);
  });

  it('a certificate of another key put in the folder is replaced by one of ours', () => {
    const dir = folder();
    const first = lanIdentity(dir, want, NOW);
    const other = newKeyPair();
    fs.writeFileSync(path.join(dir, 'lan', 'cert.pem'), makeCertificate({ ...other, ...want, now: NOW }).pem);
    const back = lanIdentity(dir, want, NOW);
    expect(back.renewed).toBe('none');
    expect(back.pin).toBe(first.pin);
  });

  it('a damaged key is refused in Chinese, not quietly made again (every seat would have to pair again)', () => {
    const dir = folder();
    lanIdentity(dir, want, NOW);
    fs.writeFileSync(path.join(dir, 'lan', 'key.pem'), 'garbage');
    expect(() => lanIdentity(dir, want, NOW)).toThrow('密钥文件已损坏');
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    fs.writeFileSync(path.join(dir, 'lan', 'key.pem'), rsa);
    expect(() => lanIdentity(dir, want, NOW)).toThrow('密钥文件已损坏');
  });
});
