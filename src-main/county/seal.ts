// The sealing of a package between a township and its county (issue 31): the sender signs with
// its Ed25519 key, and the payload (it carries ID numbers) is encrypted to the receiver's X25519
// key, so a lost USB stick reveals nothing and a package changed by one byte, or signed by a key
// the receiver has not registered, is refused. ECIES as usual: a fresh X25519 pair per package,
// HKDF-SHA256 of the shared secret, AES-256-GCM; the signature covers the header that names the
// ciphertext's hash, so neither part can be swapped.
import crypto, { type KeyObject } from 'node:crypto';

export const SEAL_VERSION = 1;
const INFO = Buffer.from('canbao-package-v1');

export interface KeyPairs {
  signing: { privateKey: KeyObject; publicKey: KeyObject };
  box: { privateKey: KeyObject; publicKey: KeyObject };
}

/** An office's (or the county's) two pairs: to sign what it sends, to open what it is sent. */
export function newKeyPairs(): KeyPairs {
  return { signing: crypto.generateKeyPairSync('ed25519'), box: crypto.generateKeyPairSync('x25519') };
}

const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });

/** A public key as people compare it on a 密钥登记单: the SPKI's SHA-256, first 80 bits, in five groups. */
export function keyFingerprint(publicKey: KeyObject): string {
  const hex = crypto.createHash('sha256').update(spki(publicKey)).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export const publicKeyText = (k: KeyObject) => spki(k).toString('base64');

export function publicKeyOf(text: string, kind: 'ed25519' | 'x25519'): KeyObject {
  const k = crypto.createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (k.asymmetricKeyType !== kind) throw new Error(`不是 ${kind} 公钥`);
  return k;
}

/** What the signature covers: who sent it, to whom, and the ciphertext by its hash. */
export interface SealHeader {
  v: number;
  /** The sender's signing key (its fingerprint), for the receiver to look up. */
  signer: string;
  /** The receiver's box key (its fingerprint): a package for another county is not opened. */
  recipient: string;
  ephemeral: string;
  iv: string;
  ciphertextSha256: string;
  /** The sender's own description of the package (office, codes, sequence, when): not secret. */
  manifest: Record<string, unknown>;
}

export interface Sealed {
  header: Buffer;
  signature: Buffer;
  ciphertext: Buffer;
}

function boxKey(secret: Buffer, ephemeral: KeyObject, recipient: KeyObject): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.concat([spki(ephemeral), spki(recipient)]), INFO, 32));
}

export function seal(o: { payload: Buffer; manifest: Record<string, unknown>; signer: KeyPairs['signing']; recipient: KeyObject }): Sealed {
  const eph = crypto.generateKeyPairSync('x25519');
  const key = boxKey(crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: o.recipient }), eph.publicKey, o.recipient);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(o.payload), cipher.final(), cipher.getAuthTag()]);
  const header: SealHeader = {
    v: SEAL_VERSION,
    signer: keyFingerprint(o.signer.publicKey),
    recipient: keyFingerprint(o.recipient),
    ephemeral: publicKeyText(eph.publicKey),
    iv: iv.toString('base64'),
    ciphertextSha256: crypto.createHash('sha256').update(ciphertext).digest('hex'),
    manifest: o.manifest,
  };
  const bytes = Buffer.from(JSON.stringify(header), 'utf8');
  return { header: bytes, signature: crypto.sign(null, bytes, o.signer.privateKey), ciphertext };
}

export type Opened = { ok: true; header: SealHeader; payload: Buffer } | { ok: false; message: string };

/**
 * Checks and opens a package: the header read within bounds, signed by a key the receiver has
 * registered (`signerKey` looks it up by fingerprint; null: not registered or revoked), for this
 * receiver, the ciphertext the one signed for, and decrypted whole (GCM's tag) — or refused in Chinese.
 */
export function open(s: Sealed, o: { box: KeyPairs['box']; signerKey: (fingerprint: string) => KeyObject | null }): Opened {
  let header: SealHeader;
  try {
    if (s.header.length > 64 * 1024) throw new Error('too long');
    header = JSON.parse(s.header.toString('utf8')) as SealHeader;
    if (typeof header !== 'object' || header === null || header.v !== SEAL_VERSION) throw new Error('version');
    for (const f of ['signer', 'recipient', 'ephemeral', 'iv', 'ciphertextSha256'] as const) if (typeof header[f] !== 'string') throw new Error(f);
    if (typeof header.manifest !== 'object' || header.manifest === null) throw new Error('manifest');
  } catch {
    return { ok: false, message: '这不是 canbao 的上报包或下发包，或文件已损坏（包头读不出来）。' };
  }
  const signerKey = o.signerKey(header.signer);
  if (!signerKey) return { ok: false, message: `包的签名密钥（指纹 ${header.signer}）没有登记或已作废：请先按对方的密钥登记单登记它的密钥。` };
  let signed = false;
  try {
    signed = crypto.verify(null, s.header, signerKey, s.signature);
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, message: '包的签名不对：文件在路上被改动过，或不是登记的那台电脑做的。没有导入任何内容。' };
  if (header.recipient !== keyFingerprint(o.box.publicKey)) return { ok: false, message: '这个包不是发给本单位的（收件密钥不同）。' };
  if (crypto.createHash('sha256').update(s.ciphertext).digest('hex') !== header.ciphertextSha256)
    return { ok: false, message: '包的内容与签名时不同：文件在路上被改动过或没有拷完整。没有导入任何内容。' };
  try {
    const eph = publicKeyOf(header.ephemeral, 'x25519');
    const key = boxKey(crypto.diffieHellman({ privateKey: o.box.privateKey, publicKey: eph }), eph, o.box.publicKey);
    const iv = Buffer.from(header.iv, 'base64');
    if (iv.length !== 12 || s.ciphertext.length < 16) throw new Error('short');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(s.ciphertext.subarray(s.ciphertext.length - 16));
    const payload = Buffer.concat([decipher.update(s.ciphertext.subarray(0, s.ciphertext.length - 16)), decipher.final()]);
    return { ok: true, header, payload };
  } catch {
    return { ok: false, message: '包的内容解不开：文件已损坏，或不是用本单位的密钥加密的。没有导入任何内容。' };
  }
}
