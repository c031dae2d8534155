// Paying late in 酉阳 2025 (after 02-28, a 3-month wait) starts benefits in 2026: the household
// notice says so for each member it applies to, so 全户参保 can ask before taking the money
// (docs/rules.md "A wait past 31 December"); a 特殊群体 member waits for nothing and is not named.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
afterEach(() => t.close());

async function notice(clock: string) {
  t = openTestLedger(clock);
  const { household, persons } = await seedHousehold(
    t,
    [
      { name: '户主甲', birth: '1970-05-01', relation: '户主' },
      { name: '低收入乙', birth: '1972-03-01', relation: '配偶' },
    ],
    { policyId: 'cq-youyang-2025', year: 2025 },
  );
  await t.ok('categories.certify', { personId: persons[1]!.id, code: 'low_income_rural', validFrom: '2024-01-01', source: '民政名单' });
  const n = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2025 });
  return Object.fromEntries(n.members.map((m) => [m.name, m.benefitAfterYear]));
}

describe('a wait past 31 December on the household notice', () => {
  it('names the day benefits start for a member paying in November, not for the 特殊群体 one', async () => {
    const late = await notice('2025-11-15T02:00:00Z');
    expect(late['户主甲']).toMatch(/^2026-/);
    expect(late['低收入乙']).toBeNull();
  });
  it('names no one while the wait still ends within the year', async () => {
    expect(await notice('2025-06-10T02:00:00Z')).toEqual({ 户主甲: null, 低收入乙: null });
  });
});
