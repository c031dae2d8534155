// The main PC's own certificate for the office LAN (issue 30): an ECDSA P-256 key made once and
// kept in the data folder, and a self-signed certificate naming the PC's name and its addresses.
// Seats pin the key (its SPKI hash), not the certificate, so a certificate made again for a new
// address or a new term keeps every seat paired. Written with Node's crypto and a small DER
// writer (der.ts) rather than a library that needs a global reflect polyfill in the main process.
import crypto, { type KeyObject } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { addressBytes } from '../domain/lan/addresses';
import { pinOf, shortFingerprint } from '../domain/lan/pin';
import { bits, boolean, concat, explicit, integer, octets, oid, sequence, set, time, tlv, utf8 } from './der';

/** How long a certificate is good for; it is made again before then (the key stays). */
export const CERTIFICATE_DAYS = 825;

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

export interface LanCertificate {
  pem: string;
  /** The SPKI's SHA-256, as seats pin it (pinOf) and people compare it (shortFingerprint). */
  pin: string;
  fingerprint: string;
  notAfter: Date;
}

export function newKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

export function spkiSha256(publicKey: KeyObject): Uint8Array {
  return new Uint8Array(
    crypto
      .createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest(),
  );
}

function name(commonName: string): Uint8Array {
  return sequence(set(sequence(oid(ORGANIZATION), utf8('canbao 参保台账'))), set(sequence(oid(COMMON_NAME), utf8(commonName))));
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octets(value));
}

/**
 * The PC's names as a certificate and a browser's Host write them, in ASCII: a Chinese PC name
 * as punycode, and a name that cannot be a host name (spaces, an underscore at the end) left out.
 */
export function hostNames(names: readonly string[]): string[] {
  return names.map((n) => domainToASCII(n.toLowerCase())).filter((n) => n !== '' && /^[a-z0-9.-]+$/.test(n));
}

/**
 * A certificate for `names` (the PC's name, with and without the domain) and `addresses` (each
 * office address it listens on), self-signed by the key, good from an hour before `now` (a seat's
 * clock a little behind) for CERTIFICATE_DAYS. Addresses that are not addresses are refused.
 */
export function makeCertificate(o: {
  privateKey: KeyObject;
  publicKey: KeyObject;
  names: readonly string[];
  addresses: readonly string[];
  now: Date;
}): LanCertificate {
  const names = hostNames(o.names);
  if (names.length + o.addresses.length === 0) throw new Error('证书至少要写明一个电脑名或地址。');
  const generalNames = [
    ...names.map((n) => tlv(0x82, new TextEncoder().encode(n))),
    ...o.addresses.map((a) => {
      const bytes = addressBytes(a);
      if (!bytes) throw new Error(`「${a}」不是有效的网络地址。`);
      return tlv(0x87, bytes);
    }),
  ];
  const notBefore = new Date(o.now.getTime() - 3600_000);
  const notAfter = new Date(o.now.getTime() + CERTIFICATE_DAYS * 86_400_000);
  const algorithm = sequence(oid(ECDSA_SHA256));
  const subject = name(o.names[0] || o.addresses[0]!);
  const tbs = sequence(
    explicit(0, integer(Uint8Array.of(2))),
    // A random positive serial of 16 bytes (RFC 5280: at most 20, unique per issuer).
    integer(concat([Uint8Array.of(0x01), crypto.randomBytes(15)])),
    algorithm,
    subject,
    sequence(time(notBefore), time(notAfter)),
    subject,
    new Uint8Array(o.publicKey.export({ type: 'spki', format: 'der' })),
    explicit(
      3,
      sequence(
        extension('2.5.29.17', false, sequence(...generalNames)),
        extension('2.5.29.19', true, sequence()),
        // digitalSignature only: an end entity's key, signing TLS handshakes.
        extension('2.5.29.15', true, tlv(0x03, Uint8Array.of(7, 0x80))),
        extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
      ),
    ),
  );
  const signature = crypto.sign('sha256', tbs, { key: o.privateKey, dsaEncoding: 'der' });
  const der = sequence(tbs, algorithm, bits(new Uint8Array(signature)));
  const b64 = Buffer.from(der).toString('base64');
  const pem = `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  const hash = spkiSha256(o.publicKey);
  return { pem, pin: pinOf(hash), fingerprint: shortFingerprint(hash), notAfter };
}
