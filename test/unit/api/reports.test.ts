import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
});
afterEach(() => t.close());

describe('work lists and figures', () => {
  it('lists persons in scope not yet enrolled, per village, and progress with rank and 栗子 deductions', async () => {
    const a = await seedHousehold(
      t,
      [
        { name: '甲一', birth: '1960-01-01' },
        { name: '甲二', birth: '1961-01-01' },
        { name: '甲三', birth: '1962-01-01' },
      ],
      { policyId: 'cq-fengdu-lizi-2024', village: '甲村' },
    );
    const b = await seedHousehold(
      t,
      [
        { name: '乙一', birth: '1960-01-01' },
        { name: '乙二', birth: '1960-02-01' },
      ],
      { policyId: 'cq-fengdu-lizi-2024', village: '乙村' },
    );
    await t.ok('roster.setStatus', { id: a.persons[2]!.id, status: 'abroad', on: '2023-05-01' });
    await t.ok('targets.set', { coverageYear: 2024, villageId: a.village.id, target: 2 });
    await t.ok('targets.set', { coverageYear: 2024, villageId: b.village.id, target: 2 });
    const enroll = (personId: number) => t.ok('enroll.person', { personId, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    await enroll(a.persons[0]!.id);
    await enroll(a.persons[1]!.id);
    await enroll(b.persons[0]!.id);

    const list = await t.ok('reports.notEnrolled', { coverageYear: 2024, villageId: b.village.id });
    expect(list).toMatchObject({ total: 1, rows: [{ name: '乙二' }] });
    expect((await t.ok('reports.notEnrolled', { coverageYear: 2024 })).total).toBe(1);
    // Printed for the village, the number is masked unless the office asks for full numbers.
    const full = list.rows[0]!.idNumber;
    const paper = await t.ok('reports.notEnrolled', { coverageYear: 2024, villageId: b.village.id, paper: true });
    expect(paper.rows[0]!.idNumber).toBe(`${full.slice(0, 6)}********${full.slice(-4)}`);
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', receiptFullId: true });
    expect((await t.ok('reports.notEnrolled', { coverageYear: 2024, villageId: b.village.id, paper: true })).rows[0]!.idNumber).toBe(full);

    const progress = await t.ok('reports.progress', { coverageYear: 2024 });
    const byName = Object.fromEntries(progress.map((p) => [p.villageName, p]));
    expect(byName['甲村']).toMatchObject({ target: 2, enrolled: 2, rateBp: 10000, rank: 1, deduction: 0, interview: false });
    expect(byName['乙村']).toMatchObject({ target: 2, enrolled: 1, rateBp: 5000, rank: 2, deduction: 1, interview: true });
  });

  it('sums the 资助台账 per department and payments per day and channel', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '低保甲', birth: '1950-01-01' },
      { name: '低保乙', birth: '1951-01-01' },
      { name: '计生丙', birth: '1952-01-01' },
    ]);
    for (const [i, code] of [
      [0, 'min_living'],
      [1, 'min_living'],
      [2, 'fp_reward'],
    ] as const) {
      await t.ok('categories.certify', { personId: persons[i]!.id, code, validFrom: '2023-01-01', source: '名单' });
    }
    await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    await t.ok('enroll.person', { personId: persons[1]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '微信' });
    await t.ok('enroll.person', { personId: persons[2]!.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '现金' });
    const ledger = await t.ok('reports.subsidyLedger', { coverageYear: 2024 });
    expect(ledger.departments).toEqual([
      { department: 'civil_affairs', departmentLabel: '民政局', persons: 2, subsidyFen: 68400 },
      { department: 'health', departmentLabel: '卫健委', persons: 1, subsidyFen: 30400 },
    ]);
    expect(ledger.rows).toHaveLength(3);
    expect(await t.ok('reports.payments', { coverageYear: 2024 })).toEqual([
      { paidOn: '2023-11-01', channel: '微信', count: 1, personalFen: 3800 },
      { paidOn: '2023-11-01', channel: '现金', count: 1, personalFen: 3800 },
      { paidOn: '2023-11-02', channel: '现金', count: 1, personalFen: 7600 },
    ]);
  });

  it('lists subsidized persons not yet enrolled, with their categories', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '特困未缴', birth: '1950-01-01' },
      { name: '普通人', birth: '1950-01-01' },
    ]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    const r = await t.ok('reports.subsidizedNotDeclared', { coverageYear: 2024 });
    expect(r.notEnrolled.map((p) => [p.name, p.categories])).toEqual([['特困未缴', ['destitute']]]);
  });

  it('counts 附件5: population, out of scope and insured outside the county, per village and in total', async () => {
    const { persons } = await seedHousehold(
      t,
      [
        { name: '甲', birth: '1950-01-01' },
        { name: '乙', birth: '1950-01-01' },
        { name: '丙', birth: '2000-01-01' },
        { name: '丁', birth: '2001-01-01' },
      ],
      { village: '附件村' },
    );
    await t.ok('roster.setStatus', { id: persons[0]!.id, status: 'deceased', on: '2023-06-01' });
    await t.ok('roster.setStatus', { id: persons[1]!.id, status: 'empty_registration' });
    await t.ok('roster.setInsurance', { id: persons[2]!.id, outOfCounty: 'out_city_resident', place: '某大学' });
    await t.ok('roster.setInsurance', { id: persons[3]!.id, outOfCounty: 'military' });
    const rows = await t.ok('reports.fujian5', { coverageYear: 2024 });
    const v = rows.find((r) => r.villageName === '附件村')!;
    expect(v).toMatchObject({ population: 4, notInScope: { deceased: 1, empty_registration: 1, abroad: 0, total: 2 } });
    expect(v.outOfCounty).toMatchObject({ out_city_resident: 1, military: 1, total: 2 });
    expect(rows.at(-1)).toMatchObject({ villageName: '合计', population: 4 });
  });
});

describe('the 工作台', () => {
  it('counts the work lists and the days left in the open window, and names hand-entered categories', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '低保甲', birth: '1950-01-01' },
      { name: '特困乙', birth: '1951-01-01' },
      { name: '普通丙', birth: '1970-01-01' },
      { name: '普通丁', birth: '1972-01-01' },
    ]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '窗口录入' });
    await t.ok('categories.certify', { personId: persons[1]!.id, code: 'destitute', validFrom: '2023-01-01', source: '窗口录入' });
    await t.ok('enroll.person', { personId: persons[1]!.id, coverageYear: 2024, paidOn: '2024-01-09', channel: '零申报' });
    await t.ok('enroll.person', { personId: persons[2]!.id, coverageYear: 2024, paidOn: '2024-01-09', channel: '现金' });

    const d = await t.ok('reports.dashboard', { coverageYear: 2024, on: '2024-01-10' });
    expect(d).toMatchObject({
      policyId: 'cq-yunyang-nongba-2024',
      notEnrolled: 2,
      subsidizedNotEnrolled: 1,
      zeroNotDeclared: 1,
      pendingPayments: 0,
      handCertified: 2,
    });
    // 农坝: 1月1日至2月29日 is open on 01-10; its last day counts.
    expect(d.window).toMatchObject({ from: '2024-01-01', to: '2024-02-29', daysLeft: 51 });
    expect(d.nextWindow).toMatchObject({ from: '2024-03-01', daysUntil: 51 });
    expect((await t.ok('reports.handCertified', { on: '2024-01-10' })).map((p) => [p.name, p.code, p.source])).toEqual([
      ['低保甲', 'min_living', '窗口录入'],
      ['特困乙', 'destitute', '窗口录入'],
    ]);
    const after = await t.ok('reports.dashboard', { coverageYear: 2024, on: '2024-12-01' });
    expect(after).toMatchObject({ window: null, nextWindow: null });
  });
});
