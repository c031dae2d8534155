import { describe, expect, it } from 'vitest';
import { formatRate, rateBp } from '../../../src-main/domain/progress';

describe('completion rate', () => {
  it.each([
    [1, 2, 5000, '50.00%'],
    [12, 19, 6315, '63.15%'],
    [74, 117, 6324, '63.24%'],
    // 89.996%: cut, so it does not reach a 90% band it did not reach.
    [22499, 25000, 8999, '89.99%'],
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
