// Lapsed and continuous years from the years a person's history knows (docs/rules.md "History decides a lapse").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { YEARS_READ, firstInsurableYear, lapseCounts, readHistory, yearState, type YearState } from '../../../src-main/domain/policy/lapse';

const I = 'insured' as const;
const N = 'not_insured' as const;
const U = 'unknown' as const;

/** States from the year before 2025 backwards: [2024, 2023, …]; every year further back is unknown. */
const history = (states: YearState[]) => (year: number) => {
  const state = states[2024 - year] ?? U;
  return { year, state, source: state === U ? '' : '测试' };
};

describe('readHistory for 2025', () => {
  it.each([
    // states from 2024 back, first insurable year, lapsed, at least, continuous, at least, unknown, text
    [[I], null, 0, false, 1, true, false, '2023 情况不明、2024 已参保：至少连续参保 1 年'],
    [[I, I, I, I], null, 0, false, 4, true, false, '2020 情况不明、2021 至 2024 已参保：至少连续参保 4 年'],
    [[N], null, 1, true, 0, false, false, '2023 情况不明、2024 未参保：至少断保 1 年'],
    [[N, N], null, 2, true, 0, false, false, '2022 情况不明、2023 未参保、2024 未参保：至少断保 2 年'],
    [[N, I], null, 1, false, 0, false, false, '2023 已参保、2024 未参保：断保 1 年'],
    [[N, N, I], null, 2, false, 0, false, false, '2022 已参保、2023 未参保、2024 未参保：断保 2 年'],
    [[I, N], null, 0, false, 1, false, false, '2023 未参保、2024 已参保：连续参保 1 年'],
    [[U, N], null, 0, false, 0, false, true, '2024 情况不明：无法判断是否断保'],
    [[], null, 0, false, 0, false, true, '2024 情况不明：无法判断是否断保'],
    // Born late in 2022 (first insurable 2023): two years are all there are.
    [[I, I], 2023, 0, false, 2, false, false, '2023 已参保、2024 已参保：连续参保 2 年'],
    [[N, N], 2023, 2, false, 0, false, false, '2023 未参保、2024 未参保：断保 2 年'],
    [[N], 2024, 1, false, 0, false, false, '2024 未参保：断保 1 年'],
    // First insurable this year: nothing to read, nothing lapsed.
    [[N], 2025, 0, false, 0, false, false, '2025 年以前无应参保年度'],
    [[], 2026, 0, false, 0, false, false, '2025 年以前无应参保年度'],
  ] as const)(
    '%j first insurable %s → lapsed %i (at least %s), continuous %i (at least %s), unknown %s',
    (states, born, lapsed, lapsedMin, cont, contMin, unknown, text) => {
      const r = readHistory(2025, born, history([...states]));
      expect(r).toMatchObject({ lapsedYears: lapsed, lapsedAtLeast: lapsedMin, continuousYears: cont, continuousAtLeast: contMin, unknown, text });
    },
  );

  it('stops at the first year that ends the run, and lists the years oldest first', () => {
    const r = readHistory(2025, null, history([N, N, I, N, N]));
    expect(r.years.map((y) => [y.year, y.state])).toEqual([
      [2022, I],
      [2023, N],
      [2024, N],
    ]);
  });
});

describe('readHistory, over any history', () => {
  const states = fc.array(fc.constantFrom<YearState>(I, N, U), { maxLength: 14 });
  const born = fc.option(fc.integer({ min: 2005, max: 2026 }), { nil: null });

  it('never counts an unknown year, and the counts are exact only when the run ends in a known year', () => {
    fc.assert(
      fc.property(states, born, (s, b) => {
        const r = readHistory(2025, b, history(s));
        const first = Math.max(2025 - YEARS_READ, b ?? -Infinity);
        // The run the counts describe, read directly.
        const ys = [];
        for (let y = 2024; y >= first; y--) ys.push(history(s)(y).state);
        const lead = ys[0];
        let n = 0;
        while (n < ys.length && ys[n] === lead) n++;
        const endsUnknown = n < ys.length && ys[n] === U;
        if (lead === undefined) return r.lapsedYears === 0 && r.continuousYears === 0 && !r.unknown;
        if (lead === U) return r.unknown && r.lapsedYears === 0 && r.continuousYears === 0;
        const count = lead === N ? r.lapsedYears : r.continuousYears;
        const other = lead === N ? r.continuousYears : r.lapsedYears;
        const atLeast = lead === N ? r.lapsedAtLeast : r.continuousAtLeast;
        return count === n && other === 0 && atLeast === endsUnknown && !r.unknown;
      }),
    );
  });

  it('reads no further back than it must, and never a year before the first insurable one', () => {
    fc.assert(
      fc.property(states, born, (s, b) => {
        const asked: number[] = [];
        readHistory(2025, b, (y) => (asked.push(y), history(s)(y)));
        return asked.every((y) => y < 2025 && y >= 2025 - YEARS_READ && (b === null || y >= b)) && asked.length <= YEARS_READ;
      }),
    );
  });

  it('counts alone (a whole roster at once) as the desk’s reading counts', () => {
    fc.assert(
      fc.property(states, born, (s, b) => {
        const { years: _y, text: _t, ...counts } = readHistory(2025, b, history(s));
        return JSON.stringify(lapseCounts(2025, b, (y) => history(s)(y).state)) === JSON.stringify(counts);
      }),
    );
  });
});

describe('firstInsurableYear: years a person could not be insured in are no lapse', () => {
  it.each([
    // Past its 90 days on 12-31: the birth year counts (born 2024-03-10, first paying 2025-01-20 → lapsed 2024).
    ['2024-03-10', 2024],
    ['2024-10-01', 2024],
    // Still within its 90 days on 12-31: it could join next year as a newborn.
    ['2024-10-02', 2025],
    ['2024-11-15', 2025],
    ['2024-12-31', 2025],
    ['2024-01-01', 2024],
  ])('born %s → first insurable %i', (birth, year) => expect(firstInsurableYear(birth)).toBe(year));

  it('a child born 2024-03-10 with 2024 known and no record lapsed 1 year for 2025', () => {
    const r = readHistory(2025, firstInsurableYear('2024-03-10'), (year) => ({ year, state: year === 2024 ? N : U, source: '' }));
    expect(r).toMatchObject({ lapsedYears: 1, lapsedAtLeast: false });
  });

  it('a child born 2024-11-15 has no year to lapse in before 2025', () => {
    const r = readHistory(2025, firstInsurableYear('2024-11-15'), (year) => ({ year, state: N, source: '' }));
    expect(r).toMatchObject({ lapsedYears: 0, unknown: false, years: [] });
  });
});

describe("yearState: the one rule for a person's year", () => {
  it.each([
    // evidence, year known for everyone, state, basis
    [[], false, U, null],
    [[], true, N, 'absence'],
    [['insured'], false, I, 'record'],
    [['not_insured', 'insured'], true, I, 'record'],
    [['not_insured'], false, N, 'record'],
    // 终止参保 / 暂停参保 is more specific than the office's mark: unknown, said why.
    [['ended'], true, U, 'ended'],
    [['ended'], false, U, 'ended'],
    [['ended', 'not_insured'], true, N, 'record'],
    [['ended', 'insured'], false, I, 'record'],
  ] as const)('%j, known %s → %s (%s)', (evidence, known, state, basis) => {
    expect(yearState(evidence, known)).toEqual({ state, basis });
  });
});
