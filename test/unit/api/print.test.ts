import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';
import { checkCharacter } from '../../../src-main/domain/idnumber';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-11-02T02:00:00Z');
});
afterEach(() => t.close());

describe('the print center’s documents', () => {
  it('gives a household notice with each member’s tier options, the window and the policy’s channels', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const { household, persons } = await seedHousehold(t, [
      { name: '户主甲', birth: '1960-05-01', relation: '户主' },
      { name: '妻乙', birth: '1962-03-02', relation: '配偶' },
      { name: '子丙', birth: '1990-08-15', relation: '子女' },
    ]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单' });
    await t.ok('roster.setStatus', { id: persons[2]!.id, status: 'deceased', on: '2023-06-01' });
    await t.ok('enroll.person', { personId: persons[1]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-01', channel: '微信' });

    const n = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024 });
    expect(n.officeTitle).toBe('云阳县农坝镇');
    const [head, wife, son] = [
      n.members.find((m) => m.name === '户主甲')!,
      n.members.find((m) => m.name === '妻乙')!,
      n.members.find((m) => m.name === '子丙')!,
    ];
    expect(head.idNumber).toMatch(/^500235\*{8}\d{3}[\dX]$/);
    expect(head.options).toEqual([
      { tier: 1, tierLabel: '一档', feeYuan: '380.00', subsidyYuan: '342.00', personalYuan: '38.00', subsidyLabel: '城乡低保对象（民政局）' },
      { tier: 2, tierLabel: '二档', feeYuan: '755.00', subsidyYuan: '380.00', personalYuan: '375.00', subsidyLabel: '城乡低保对象（民政局）' },
    ]);
    expect(wife).toMatchObject({ enrolledReceipt: '2024000001', options: [] });
    expect(son).toMatchObject({ notDue: '死亡，不在参保范围', options: [] });
    expect(n.window).toMatchObject({ from: '2023-10-24', to: '2023-12-31' });
    // Only 户主甲 still pays: the household's total per tier counts him alone.
    expect(n.totals).toEqual([
      { tier: 1, tierLabel: '一档', persons: 1, personalYuan: '38.00' },
      { tier: 2, tierLabel: '二档', persons: 1, personalYuan: '375.00' },
    ]);
    expect(n.members[0]!.name).toBe('户主甲');
    expect(n.members[0]).not.toHaveProperty('personalFen');
    expect(n.channels).toContain('重庆电子税务局');
    expect(n.channelsCite).toBe('农坝府发〔2023〕42号 四(一)');

    // Asking for full numbers gets them only where the office's setting allows (docs/rules.md "IDs on papers").
    const asked = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024, fullId: true });
    expect(asked.members.find((m) => m.name === '户主甲')!.idNumber).toBe(head.idNumber);
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', receiptFullId: true });
    const full = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024 });
    expect(full.members.find((m) => m.name === '户主甲')!.idNumber).toBe(persons[0]!.idNumber);
    const masked = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024, fullId: false });
    expect(masked.members.find((m) => m.name === '户主甲')!.idNumber).toBe(head.idNumber);
  });

  it('lists the subsidized for the 公示 with masked IDs and the total, by village', async () => {
    const a = await seedHousehold(
      t,
      [
        { name: '低保甲', birth: '1950-01-01' },
        { name: '普通乙', birth: '1970-01-01' },
      ],
      { village: '甲村' },
    );
    const b = await seedHousehold(t, [{ name: '低保丙', birth: '1951-01-01' }], { village: '乙村' });
    for (const p of [a.persons[0]!, b.persons[0]!])
      await t.ok('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-01-01', source: '民政' });
    for (const p of [...a.persons, ...b.persons])
      await t.ok('enroll.person', { personId: p.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-01', channel: '现金' });

    const all = await t.ok('print.publicList', { coverageYear: 2024 });
    // Village codes are random here, so the order of the two villages is not fixed.
    expect(all.rows.map((r) => r.name).sort()).toEqual(['低保丙', '低保甲']);
    expect(all.totalYuan).toBe('684.00');
    expect(all.rows.find((r) => r.name === '低保甲')).toMatchObject({
      villageName: '甲村',
      categoryLabel: '城乡低保对象',
      departmentLabel: '民政局',
      tierLabel: '一档',
      subsidyYuan: '342.00',
    });
    expect(all.rows.every((r) => r.idNumber.includes('********'))).toBe(true);
    const one = await t.ok('print.publicList', { coverageYear: 2024, villageId: b.village.id });
    expect(one).toMatchObject({ villageName: '乙村', totalYuan: '342.00', rows: [{ name: '低保丙' }] });
    expect(await t.call('print.publicList', { coverageYear: 2024, villageId: 999 })).toMatchObject({ ok: false, error: { message: '找不到这个村/社区。' } });
  });

  it('builds the notice to villages from the policy and the targets, and refuses a year without a policy', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const { village } = await seedHousehold(t, [{ name: '甲', birth: '1960-01-01' }], { village: '幸福村' });
    await t.ok('targets.set', { coverageYear: 2024, villageId: village.id, target: 1200 });
    const n = await t.ok('print.villageNotice', { coverageYear: 2024 });
    expect(n.tiers).toEqual([
      { tierLabel: '一档', feeYuan: '380.00', cite: expect.any(String) },
      { tierLabel: '二档', feeYuan: '755.00', cite: expect.any(String) },
    ]);
    expect(n.windows[0]).toMatchObject({ from: '2023-10-24', to: '2023-12-31' });
    expect(n.targets).toEqual([{ villageName: '幸福村', target: 1200 }]);
    expect(n.sources[0]!.number).toBe('农坝府发〔2023〕42号');
    expect(await t.call('print.villageNotice', { coverageYear: 2030 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('papers in batches', () => {
  it('gives a village’s notices page by page in 户号 order (2 before 10), and a day’s receipts in receipt order', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
    const policy = { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' };
    await t.ok('office.setPolicy', policy);
    const ids: number[] = [];
    for (const [i, number] of ['10', '2', '3'].entries()) {
      const h = await t.ok('roster.addHousehold', { villageId: v.id, number });
      const birth = `19${60 + i}0101`;
      const digits = `500235${birth}${String(101 + 2 * i).padStart(3, '0')}`;
      ids.push((await t.ok('roster.addPerson', { idNumber: digits + checkCharacter(digits), name: `户主${number}`, householdId: h.id, relation: '户主' })).id);
    }
    const first = await t.ok('print.householdNotices', { coverageYear: 2024, villageId: v.id, offset: 0, limit: 2 });
    const rest = await t.ok('print.householdNotices', { coverageYear: 2024, villageId: v.id, offset: 2, limit: 2 });
    expect(first.total).toBe(3);
    expect([...first.notices, ...rest.notices].map((n) => n.householdNumber)).toEqual(['2', '3', '10']);

    for (const id of [ids[2]!, ids[0]!]) await t.ok('enroll.person', { personId: id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    await t.ok('enroll.person', { personId: ids[1]!, coverageYear: 2024, paidOn: '2023-11-02', channel: '现金' });
    const day = await t.ok('enroll.receiptsOn', { paidOn: '2023-11-01' });
    expect(day.map((r) => [r.receiptNo, r.personName])).toEqual([
      ['2024000001', '户主3'],
      ['2024000002', '户主10'],
    ]);
  });
});
