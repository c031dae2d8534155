import { describe, expect, it } from 'vitest';
import { assess, formatRate, rateBp } from '../../../src-main/domain/progress';
import type { Policy } from '../../../src-main/domain/policy/schema';

describe('completion rate', () => {
  // Shown and exported rounded half up to two decimals (docs/rules.md "Rates").
  it.each([
    [1, 2, 5000, '50.00%'],
    [12, 19, 6316, '63.16%'],
    [74, 117, 6325, '63.25%'],
    // 89.996% shows as 90.00%; whether it reaches a 90% band is the exact ratio's to say.
    [22499, 25000, 9000, '90.00%'],
    [3, 2504, 12, '0.12%'],
    [1, 3, 3333, '33.33%'],
    [2, 3, 6667, '66.67%'],
    // Exactly half a basis point goes up; less than half goes down.
    [1, 20000, 1, '0.01%'],
    [1, 20001, 0, '0.00%'],
    [3, 3, 10000, '100.00%'],
    [4, 3, 13333, '133.33%'],
    [0, 5, 0, '0.00%'],
  ])('%i of %i is %i basis points, shown %s', (enrolled, target, bp, text) => {
    expect(rateBp(enrolled, target)).toBe(bp);
    expect(formatRate(rateBp(enrolled, target))).toBe(text);
  });

  it('has no rate without a target', () => {
    expect(rateBp(5, 0)).toBeNull();
    expect(formatRate(null)).toBe('');
    expect(formatRate(null, '—')).toBe('—');
  });
});

describe('assessment and ranking', () => {
  const policy = {
    assessment: {
      bands: [
        { minPercent: 98, deduction: 0 },
        { minPercent: 95, deduction: 1 },
        { minPercent: 0, deduction: 3, interview: true },
      ],
    },
  } as unknown as Policy;

  it.each([
    // 97.996% shows as 98.00% but is in [95%, 98%).
    [24499, 25000, 1, false],
    [24500, 25000, 0, false],
    [2375, 2500, 1, false],
    [2374, 2500, 3, true],
  ])('%i of %i: deduction %i', (enrolled, target, deduction, interview) => {
    const [v] = assess(policy, [{ villageId: 1, enrolled, target }]);
    expect(v).toMatchObject({ deduction, interview });
  });

  it('ranks by the exact ratio: two villages that both show 0.12% do not tie', () => {
    const ranked = assess(undefined, [
      { villageId: 1, enrolled: 3, target: 2505 },
      { villageId: 2, enrolled: 3, target: 2504 },
      { villageId: 3, enrolled: 6, target: 5008 },
      { villageId: 4, enrolled: 0, target: 0 },
      { villageId: 5, enrolled: 1, target: 2 },
    ]);
    expect(ranked.map((v) => [v.villageId, formatRate(v.rateBp), v.rank])).toEqual([
      [1, '0.12%', 4],
      [2, '0.12%', 2],
      [3, '0.12%', 2],
      [4, '', null],
      [5, '50.00%', 1],
    ]);
  });
});
