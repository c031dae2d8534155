// 退费 (瑞州, issue 25): the drawer offers it only where the refund would go through, and the
// slip the resident signs carries what was paid, what went back and what stays paid.
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

describe('退费单', () => {
  it('states the amount paid, refunded and net, the reason and its basis, the receipt, the masked ID and the clerk', async () => {
    t = openTestLedger('2024-02-10T02:00:00Z');
    await t.ok('office.update', { townshipName: '瑞州街道', county: '高安市' });
    const { persons } = await seedHousehold(t, [{ name: '杨桂花', birth: '1950-01-01' }], RUIZHOU);
    const p = persons[0]!;
    const e = await t.ok('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    await t.ok('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-12-01', source: '民政局' });
    const r = await t.ok('enroll.refund', { id: e.id });
    const slip = await t.ok('print.refundSlip', { refundId: r.id });
    expect(slip).toMatchObject({
      receiptNo: e.receiptNo,
      coverageYear: 2024,
      personName: '杨桂花',
      idNumber: `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`,
      paidOn: '2023-10-01',
      paidYuan: '380.00',
      refundedYuan: '320.00',
      refundedCapitals: '叁佰贰拾元整',
      netYuan: '60.00',
      refundedOn: '2024-02-10',
      clerk: '',
    });
    expect(slip.officeTitle).toContain('瑞州街道');
    expect(slip.reason).toContain('城乡低保对象');
    expect(slip.basis).toMatch(/^瑞州通知 三\(二\)：在集中征缴期内已被确定为资助参保对象的/);
    expect(await t.call('print.refundSlip', { refundId: 999 })).toMatchObject({ ok: false, error: { message: '找不到这笔退费。' } });
  });
});
