// A group funded in tier 2 only (农坝's 在乡老复员军人: 二档 755, 自筹 0) is shown under 二档 on the
// household notice, never under a 一档 heading (docs/rules.md "July–September in Chongqing 2024").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-11-02T02:00:00Z');
});
afterEach(() => t.close());

describe('a fully funded tier-2 group on the household notice', () => {
  it('offers only 二档, with 0 to pay, and the household total counts it under 二档', async () => {
    const { household, persons } = await seedHousehold(t, [{ name: '老兵甲', birth: '1940-05-01', relation: '户主' }], { policyId: 'cq-yunyang-nongba-2024' });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'old_demobilized', validFrom: '2023-01-01', source: '退役军人名单' });
    const n = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024 });
    const m = n.members[0]!;
    expect(m.options.map((o) => [o.tier, o.tierLabel, o.personalYuan])).toEqual([[2, '二档', '0.00']]);
    expect(n.totals).toEqual([{ tier: 2, tierLabel: '二档', persons: 1, personalYuan: '0.00' }]);
  });
});
