// Which years of a file the clerk may confirm as the township's full list (docs/rules.md "Which files make a year known").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEW_PERSONS, fileYears } from '../../../src-main/domain/import/file-years';

const PARTIAL = '代缴明细只列部门代缴的人员，不是全部名单。';

describe('fileYears', () => {
  it.each([
    // year, persons, roster, working year, partial, warned, confirmable
    [2024, 900, 1000, 2025, null, false, true],
    [2025, 900, 1000, 2025, null, false, true],
    // A year neither this nor last: warned, still a full list if it is big (an earlier year's 医保 list).
    [2023, 900, 1000, 2025, null, true, true],
    // Few persons: a mistyped 参保年度.
    [2024, 9, 1000, 2025, null, true, false],
    [2024, 10, 1000, 2025, null, false, true],
    [2024, 99, 10000, 2025, null, true, false],
    [2024, 100, 10000, 2025, null, false, true],
    [1900, 1, 1000, 2025, null, true, false],
    // A department's file is never a full list, however big.
    [2024, 900, 1000, 2025, PARTIAL, false, false],
    // Before any year is worked, no year is odd.
    [2019, 900, 1000, null, null, false, true],
  ] as const)('%i with %i persons of %i (working %s, partial %s) → warned %s, full list %s', (year, persons, roster, working, partial, warned, ok) => {
    const [y] = fileYears([{ year, rows: persons, persons }], { roster, workingYear: working, partial });
    expect(y!.warnings.length > 0).toBe(warned);
    expect(y!.fullList === true).toBe(ok);
    if (partial) expect(y!.fullList).toBe(partial);
  });

  it('never offers a year named for fewer than 10 persons or under 1 % of the roster', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1998, max: 2030 }), (persons, roster, year) => {
        const [y] = fileYears([{ year, rows: persons, persons }], { roster, workingYear: 2025, partial: null });
        const few = persons < FEW_PERSONS || persons * 100 < roster;
        return (y!.fullList === true) === !few && y!.warnings.some((w) => w.includes('填错')) === (few || (year !== 2025 && year !== 2024));
      }),
    );
  });

  it('lists the years oldest first', () => {
    const ys = fileYears(
      [
        { year: 2025, rows: 1, persons: 1 },
        { year: 2023, rows: 1, persons: 1 },
      ],
      { roster: 10, workingYear: 2025, partial: null },
    );
    expect(ys.map((y) => y.year)).toEqual([2023, 2025]);
  });
});
