// Issue 31's sealing of packages: what a township signs and encrypts to its county opens only
// there, only when signed by a registered key, and only unchanged (every byte counted).
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, newKeyPairs, open, publicKeyOf, publicKeyText, seal, type Sealed } from '../../../src-main/county/seal';

const township = newKeyPairs();
const county = newKeyPairs();
const otherCounty = newKeyPairs();
const stranger = newKeyPairs();
const PAYLOAD = Buffer.from('{"idNumber":"500235196001010117","name":"张三"}\n'.repeat(50));
const MANIFEST = { office: '农坝镇', townshipCode: '500235101', sequence: 7 };

const registered = new Map([[keyFingerprint(township.signing.publicKey), township.signing.publicKey]]);
const lookup = (f: string) => registered.get(f) ?? null;
const sealed = () => seal({ payload: PAYLOAD, manifest: MANIFEST, signer: township.signing, recipient: county.box.publicKey });
const opened = (s: Sealed, box = county.box, signerKey = lookup) => open(s, { box, signerKey });

describe('a sealed package', () => {
  it('opens at the county it was sealed for, with its manifest, and hides the payload', () => {
    const s = sealed();
    const r = opened(s);
    expect(r.ok && r.payload.equals(PAYLOAD)).toBe(true);
    expect(r.ok && r.header.manifest).toEqual(MANIFEST);
    expect(s.ciphertext.includes(Buffer.from('500235196001010117'))).toBe(false);
    expect(s.header.includes(Buffer.from('500235196001010117'))).toBe(false);
    // Each package its own key: the same payload twice is not the same ciphertext.
    expect(sealed().ciphertext.equals(s.ciphertext)).toBe(false);
  });

  it.each([
    [
      'a signer not registered',
      () => seal({ payload: PAYLOAD, manifest: MANIFEST, signer: stranger.signing, recipient: county.box.publicKey }),
      county.box,
      lookup,
      '没有登记或已作废',
    ],
    ['a registered key since revoked', sealed, county.box, () => null, '没有登记或已作废'],
    [
      'another county',
      () => seal({ payload: PAYLOAD, manifest: MANIFEST, signer: township.signing, recipient: otherCounty.box.publicKey }),
      county.box,
      lookup,
      '不是发给本单位',
    ],
    ["opened with another county's key that claims to be this one", sealed, otherCounty.box, lookup, '不是发给本单位'],
  ] as const)('is refused when %s', (_what, make, box, signerKey, why) => {
    const r = opened(make(), box, signerKey);
    expect(r.ok ? '' : r.message).toContain(why);
  });

  it('is refused with the ciphertext of another package under its signed header', () => {
    const a = sealed();
    const b = sealed();
    const r = opened({ ...a, ciphertext: b.ciphertext });
    expect(r.ok ? '' : r.message).toContain('与签名时不同');
  });

  it('is refused when cut short or not a package at all', () => {
    const s = sealed();
    for (const bad of [
      { ...s, ciphertext: s.ciphertext.subarray(0, 10) },
      { ...s, header: Buffer.from('not json') },
      { ...s, header: Buffer.from('{"v":2}') },
      { ...s, header: Buffer.alloc(70 * 1024, 0x20) },
      { ...s, signature: Buffer.alloc(0) },
    ])
      expect(opened(bad).ok).toBe(false);
  });

  it('is refused with any one byte changed, in its header, signature or payload', () => {
    const s = sealed();
    const parts = ['header', 'signature', 'ciphertext'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...parts), fc.nat(), fc.integer({ min: 1, max: 255 }), (part, at, flip) => {
        const bytes = Buffer.from(s[part]);
        bytes[at % bytes.length]! ^= flip;
        expect(opened({ ...s, [part]: bytes }).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keys', () => {
  it('are written and read back by their public text, refused as the other kind', () => {
    const k = newKeyPairs();
    expect(keyFingerprint(publicKeyOf(publicKeyText(k.signing.publicKey), 'ed25519'))).toBe(keyFingerprint(k.signing.publicKey));
    expect(() => publicKeyOf(publicKeyText(k.box.publicKey), 'ed25519')).toThrow();
    expect(keyFingerprint(k.signing.publicKey)).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
    expect(keyFingerprint(k.signing.publicKey)).not.toBe(keyFingerprint(newKeyPairs().signing.publicKey));
    expect(crypto.createPublicKey(k.box.privateKey).asymmetricKeyType).toBe('x25519');
  });
});
