// Household notices onto A4 sheets: two where both fit half a sheet, else one; order kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetsOf } from '../../../src-renderer/pages/print/sheets';

describe('sheetsOf', () => {
  it.each([
    [
      [100, 100, 100, 100],
      [
        [0, 1],
        [2, 3],
      ],
    ],
    [
      [100, 100, 100],
      [[0, 1], [2]],
    ],
    [
      [100, 200, 100, 100],
      [[0], [1], [2, 3]],
    ],
    [[133.5, 133.5], [[0, 1]]],
    [
      [133.6, 100],
      [[0], [1]],
    ],
    [[], []],
  ])('%j → %j', (heights, sheets) => expect(sheetsOf(heights, 133.5)).toEqual(sheets));

  it('keeps every paper once and in order; N papers that fit half take ⌈N/2⌉ sheets', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 20, max: 260, noNaN: true }), { maxLength: 40 }), (heights) => {
        const sheets = sheetsOf(heights, 133.5);
        expect(sheets.flat()).toEqual(heights.map((_, i) => i));
        for (const s of sheets) if (s.length === 2) expect(s.every((i) => heights[i]! <= 133.5)).toBe(true);
        if (heights.every((h) => h <= 133.5)) expect(sheets).toHaveLength(Math.ceil(heights.length / 2));
      }),
    );
  });
});
