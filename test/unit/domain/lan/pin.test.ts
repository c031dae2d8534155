// Pinning (issue 30): the seat trusts the key it was paired with, and nothing else.
import { describe, expect, it } from 'vitest';
import { checkPin, pinOf, shortFingerprint } from '../../../../src-main/domain/lan/pin';

const hash = (first: number) => Uint8Array.from({ length: 32 }, (_, i) => (first + i * 7) & 0xff);

describe('the pin and its short form', () => {
  it('is base64 of the SPKI hash, as Chromium takes it, and 16 hex digits for people', () => {
    const h = hash(0xa0);
    expect(pinOf(h)).toBe(Buffer.from(h).toString('base64'));
    expect(shortFingerprint(h)).toBe('A0A7-AEB5-BCC3-CAD1');
  });
  it.each<[string, string | null, Uint8Array, string]>([
    ['the key paired with', pinOf(hash(1)), hash(1), 'ok'],
    ['not paired yet', null, hash(1), 'not_paired'],
    ['another key at the address', pinOf(hash(1)), hash(2), 'changed'],
  ])('%s', (_, pinned, presented, expected) => {
    const r = checkPin(pinned, presented);
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
    if (!r.ok && r.reason === 'changed') expect(r.message).toContain(shortFingerprint(presented));
  });
});
