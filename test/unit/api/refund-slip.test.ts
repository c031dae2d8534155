// 退费 (瑞州, issue 25): the drawer offers it only where the refund would go through.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
afterEach(() => t.close());

const RUIZHOU = { policyId: 'jx-gaoan-ruizhou-2024' };

describe('退费 offered', () => {
  // Each case: when the payment was made, when (if ever) 低保 was certified, and today.
  const cases = [
    { what: 'no category certified', paidOn: '2023-10-01', certified: null, today: '2024-02-10T02:00:00Z', due: false },
    { what: 'certified inside the window', paidOn: '2023-10-01', certified: '2023-12-01', today: '2024-02-10T02:00:00Z', due: true },
    { what: 'certified after the window, already covered', paidOn: '2023-10-01', certified: '2024-01-15', today: '2024-02-10T02:00:00Z', due: false },
    { what: 'certified while still waiting', paidOn: '2024-02-10', certified: '2024-03-01', today: '2024-03-05T02:00:00Z', due: true },
    { what: 'certified after the wait ended', paidOn: '2024-02-10', certified: '2024-05-15', today: '2024-05-20T02:00:00Z', due: false },
  ] as const;

  for (const c of cases)
    it(`${c.due ? 'offers' : 'does not offer'} 退费 when ${c.what}, and the refund agrees`, async () => {
      t = openTestLedger(c.today);
      const { persons } = await seedHousehold(t, [{ name: '退费人', birth: '1950-01-01' }], RUIZHOU);
      const p = persons[0]!;
      const e = await t.ok('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: c.paidOn, channel: '现金' });
      if (c.certified) await t.ok('categories.certify', { personId: p.id, code: 'min_living', validFrom: c.certified, source: '民政局' });
      const offered = (await t.ok('roster.getPerson', { id: p.id })).refundable.includes(e.id);
      expect(offered).toBe(c.due);
      expect((await t.call('enroll.refund', { id: e.id })).ok).toBe(offered);
      // Once refunded, or refused, it is not offered again.
      expect((await t.ok('roster.getPerson', { id: p.id })).refundable).toEqual([]);
    });

  it('does not offer 退费 on a voided receipt', async () => {
    t = openTestLedger('2024-02-10T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '作废人', birth: '1950-01-01' }], RUIZHOU);
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-12-01', source: '民政局' });
    await t.ok('enroll.void', { id: e.id, reason: '档次选错' });
    expect((await t.ok('roster.getPerson', { id: persons[0]!.id })).refundable).toEqual([]);
  });
});
