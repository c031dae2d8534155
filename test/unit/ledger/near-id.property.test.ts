// The 待核实 candidates' "one slip away": every single wrong character and every swap of two
// different neighbours is near; a number two separate slips away is not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearIdNumber } from '../../../src-main/ledger/search';

const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('nearIdNumber', () => {
  it('holds one wrong character near', () => {
    fc.assert(
      fc.property(digits, fc.nat(16), fc.constantFrom(...'0123456789'), (id, i, c) => {
        const other = id.slice(0, i) + c + id.slice(i + 1);
        expect(nearIdNumber(id, other)).toBe(other !== id);
      }),
    );
  });

  it('holds a swap of two neighbours near', () => {
    fc.assert(
      fc.property(digits, fc.nat(15), (id, i) => {
        const other = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(nearIdNumber(id, other)).toBe(other !== id);
      }),
    );
  });

  it('holds two slips apart far', () => {
    fc.assert(
      fc.property(digits, fc.nat(16), fc.nat(16), (id, i, j) => {
        fc.pre(Math.abs(i - j) >= 2);
        const bump = (s: string, k: number) => s.slice(0, k) + String((Number(s[k]) + 1) % 10) + s.slice(k + 1);
        expect(nearIdNumber(id, bump(bump(id, i), j))).toBe(false);
      }),
    );
  });
});
