// The main PC's identity on the office LAN (issue 30), kept in the data folder's lan/: the key
// (made once, readable by this user only, never sent anywhere) and the certificate, made again
// when the PC's names or addresses change or it nears its end (domain/lan/renewal.ts). The key
// is what seats pin, so none of this asks them to pair again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { namedIn, renewalNeeded, type Named, type Renewal } from '../domain/lan/renewal';
import { makeCertificate, newKeyPair, spkiSha256 } from './certificate';
import { pinOf, shortFingerprint } from '../domain/lan/pin';

export interface LanIdentity {
  keyPem: string;
  certPem: string;
  pin: string;
  fingerprint: string;
  notAfter: Date;
  /** Why the certificate was made now, or null when the one kept would do. */
  renewed: Renewal;
}

/** Written whole or not at all: a power cut mid-write leaves the old file, never half of one. */
function writeWhole(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

export function lanIdentity(dataDir: string, want: Named, now = new Date()): LanIdentity {
  const dir = path.join(dataDir, 'lan');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');

  let privateKey: crypto.KeyObject;
  let keyPem: string;
  if (fs.existsSync(keyFile)) {
    keyPem = fs.readFileSync(keyFile, 'utf8');
    try {
      privateKey = crypto.createPrivateKey(keyPem);
      if (privateKey.asymmetricKeyType !== 'ec') throw new Error('not EC');
    } catch {
      // Not made again on its own: a new key means every seat pairs again, which the admin decides.
      throw new Error(`多台电脑的密钥文件已损坏（${keyFile}）。请关闭 canbao，把这个文件改名或移走后重新打开（会生成新的密钥），然后各台电脑重新配对。`);
    }
  } else {
    privateKey = newKeyPair().privateKey;
    keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    writeWhole(keyFile, keyPem, 0o600);
  }
  const publicKey = crypto.createPublicKey(privateKey);
  const hash = spkiSha256(publicKey);
  const ours = pinOf(hash);

  let have: (Named & { notAfter: Date }) | null = null;
  let certPem = '';
  try {
    certPem = fs.readFileSync(certFile, 'utf8');
    const x = new crypto.X509Certificate(certPem);
    // A certificate of another key (a key made again, a file copied in) is not ours to serve.
    if (pinOf(spkiSha256(x.publicKey)) === ours) have = { ...namedIn(x.subjectAltName), notAfter: new Date(x.validTo) };
  } catch {
    have = null;
  }
  const renewed = renewalNeeded(have, want, now);
  if (renewed) {
    const made = makeCertificate({ privateKey, publicKey, names: want.names, addresses: want.addresses, now });
    writeWhole(certFile, made.pem, 0o644);
    return { keyPem, certPem: made.pem, pin: made.pin, fingerprint: made.fingerprint, notAfter: made.notAfter, renewed };
  }
  return { keyPem, certPem, pin: ours, fingerprint: shortFingerprint(hash), notAfter: have!.notAfter, renewed: null };
}
