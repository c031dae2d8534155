// rosterYears finds a person's row by id; ids are never reused, so they may be far apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowFinder } from '../../../src-main/ledger/insurance-years';

describe('rowFinder', () => {
  it('finds every id at its row and nothing for an absent one, dense or sparse', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 300 }),
        fc.array(fc.integer({ min: -5, max: 5_000_005 })),
        (raw, probes) => {
          const ids = Int32Array.from(raw.sort((a, b) => a - b));
          const find = rowFinder(ids);
          ids.forEach((id, i) => expect(find(id)).toBe(i));
          const held = new Set(raw);
          for (const p of probes) if (!held.has(p)) expect(find(p)).toBe(-1);
        },
      ),
    );
  });

  it('stays small when an undone million leaves a gap', () => {
    const ids = Int32Array.from([1, 2, 3, 2_000_000, 2_000_001]);
    const find = rowFinder(ids);
    expect([find(1), find(3), find(2_000_000), find(2_000_001), find(4)]).toEqual([0, 2, 3, 4, -1]);
  });
});
