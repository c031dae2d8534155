import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, chinaDate, firstOfNextMonth, isIsoDate, weekStart } from '../../../src-main/domain/dates';

describe('dates on the China calendar', () => {
  it.each([
    ['2024-04-10', 90, '2024-07-09'],
    ['2024-09-30', 90, '2024-12-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-12-31', 1, '2024-01-01'],
  ])('%s + %i days = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    ['2025-03-31', 3, '2025-06-30'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-11-15', 4, '2025-03-15'],
  ])('%s + %i months = %s (clamped)', (d, n, out) => expect(addMonths(d, n)).toBe(out));

  it.each([
    ['2024-01-15', '2024-02-01'],
    ['2024-12-31', '2025-01-01'],
  ])('次月1日 of %s is %s', (d, out) => expect(firstOfNextMonth(d)).toBe(out));

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-01', '20240101', ''])('%j is not a date', (s) => expect(isIsoDate(s)).toBe(false));

  it('takes the date in China whatever the machine zone', () => {
    expect(chinaDate(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01');
    expect(chinaDate(new Date('2023-12-31T15:59:59Z'))).toBe('2023-12-31');
  });

  it.each([
    ['1964-03-01', '2024-02-29', 59],
    ['1964-03-01', '2024-03-01', 60],
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
  ])('born %s on %s is %i', (b, on, age) => expect(ageOn(b, on)).toBe(age));
});

describe('day arithmetic agrees with the calendar', () => {
  it('matches Date.UTC for every day from 1900 to 2100, both ways', () => {
    let d = '1900-01-01';
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      expect(d).toBe(new Date(t).toISOString().slice(0, 10));
      const next = addDays(d, 1);
      expect(addDays(next, -1)).toBe(d);
      d = next;
    }
  });
});

describe('weekStart', () => {
  it.each([
    ['2023-11-20', '2023-11-20'], // a Monday
    ['2023-11-26', '2023-11-20'], // its Sunday
    ['2023-11-27', '2023-11-27'],
    ['2024-01-03', '2024-01-01'],
    ['2024-03-01', '2024-02-26'], // across a leap day
    ['1969-12-31', '1969-12-29'],
  ])('%s is in the week of %s', (d, monday) => {
    expect(weekStart(d)).toBe(monday);
  });
});
