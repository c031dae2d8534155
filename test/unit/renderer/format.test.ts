// The screens' dates in China's time, from formatters made once (format.ts): the same text as
// the toLocaleString calls they replaced, for any moment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaTime, deskToday } from '../../../src-renderer/format';

const slow = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe("the desk's dates in China's time", () => {
  it('a stored moment reads as its minute in China, midnight as 00:00', () => {
    expect(chinaTime('2023-12-31T15:59:59.999Z')).toBe('2023-12-31 23:59');
    expect(chinaTime('2024-06-30T16:00:00Z')).toBe('2024-07-01 00:00');
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(chinaTime(d.toISOString())).toBe(slow(d).slice(0, 16));
      }),
    );
  });

  it("today is China's day, whatever this PC's time zone", () => {
    const before = slow(new Date()).slice(0, 10);
    const today = deskToday();
    const after = slow(new Date()).slice(0, 10);
    expect([before, after]).toContain(today);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
