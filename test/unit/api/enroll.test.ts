import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { seedHousehold } from '../../helpers/people';

let t: TestLedger;
afterEach(() => t.close());

describe('enrolling for a year (农坝 2024)', () => {
  beforeEach(() => {
    t = openTestLedger('2024-01-10T02:00:00Z');
  });

  it('freezes the quote: 低保 tier 1 pays 38 with 342 from 民政局, receipt numbered from 1', async () => {
    const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '低保名单' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-02', channel: '现金' });
    expect(e).toMatchObject({
      feeFen: 38000,
      subsidyFen: 34200,
      personalFen: 3800,
      category: 'min_living',
      department: 'civil_affairs',
      benefitStart: '2024-01-01',
      benefitEnd: '2024-12-31',
      receiptNo: '2024000001',
      status: 'active',
      policyId: 'cq-yunyang-nongba-2024',
    });
    expect(e.quote.basis.map((b) => b.citation)).toContain('农坝府发〔2023〕42号 三(一)');
    // Ending the category later does not change what was paid.
    const cat = (await t.ok('roster.getPerson', { id: persons[0]!.id })).categories[0]!;
    await t.ok('categories.end', { id: cat.id, validTo: '2023-12-31' });
    expect(await t.ok('enroll.get', { id: e.id })).toMatchObject({ subsidyFen: 34200, personalFen: 3800 });
  });

  it('uses only categories certified on the payment date', async () => {
    const { persons } = await seedHousehold(t, [{ name: '李四', birth: '1960-05-01' }]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-12-01', source: '特困名单' });
    const q = await t.ok('enroll.quote', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-30' });
    expect(q.personalFen).toBe(38000);
    const q2 = await t.ok('enroll.quote', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-12-01' });
    expect(q2).toMatchObject({ personalFen: 0, zeroDeclaration: true });
  });

  it('refuses a second active enrollment, a future payment date, and the out of scope', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '王五', birth: '1970-01-01' },
      { name: '赵六', birth: '1930-01-01' },
    ]);
    const args = { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '微信' };
    const first = await t.ok('enroll.person', args);
    const again = await t.call('enroll.person', args);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toContain(first.receiptNo);
    expect(await t.call('enroll.person', { ...args, personId: persons[1]!.id, paidOn: '2024-02-01' })).toMatchObject({ ok: false, error: { field: 'paidOn' } });
    await t.ok('roster.setStatus', { id: persons[1]!.id, status: 'deceased', on: '2023-10-01' });
    const dead = await t.call('enroll.person', { ...args, personId: persons[1]!.id });
    expect(dead.ok).toBe(false);
    if (!dead.ok) expect(dead.error.message).toContain('死亡');
  });

  it('says why a quote is not eligible, and writes nothing', async () => {
    const { persons } = await seedHousehold(t, [{ name: '钱七', birth: '1970-01-01' }]);
    const r = await t.call('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-10-20', channel: '现金' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/不能参保：2024 年度的缴费从 2023-10-24 开始/);
    expect((await t.ok('roster.getPerson', { id: persons[0]!.id })).enrollments).toEqual([]);
  });

  it('voids with a reason, keeps the receipt number, and re-enrolls with the next number', async () => {
    const { persons } = await seedHousehold(t, [{ name: '孙八', birth: '1970-01-01' }]);
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '现金' });
    expect(await t.call('enroll.void', { id: e.id, reason: '' })).toMatchObject({ ok: false });
    const v = await t.ok('enroll.void', { id: e.id, reason: '档次选错' });
    expect(v).toMatchObject({ status: 'voided', voidReason: '档次选错', receiptNo: '2024000001' });
    expect(await t.call('enroll.void', { id: e.id, reason: '再作废' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 2, paidOn: '2023-11-02', channel: '现金' });
    expect(again).toMatchObject({ receiptNo: '2024000002', feeFen: 75500 });
    const all = (await t.ok('roster.getPerson', { id: persons[0]!.id })).enrollments;
    expect(all.map((x) => [x.receiptNo, x.status])).toEqual([
      ['2024000002', 'active'],
      ['2024000001', 'voided'],
    ]);
  });

  it('a refused enrollment does not consume a receipt number', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '周九', birth: '1970-01-01' },
      { name: '吴十', birth: '1971-01-01' },
    ]);
    await t.call('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    const e = await t.ok('enroll.person', { personId: persons[1]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    expect(e.receiptNo).toBe('2024000001');
  });

  it('enrolls a whole household in one step and reports who was skipped', async () => {
    const { household, persons } = await seedHousehold(t, [
      { name: '户主甲', birth: '1960-01-01', relation: '户主' },
      { name: '配偶乙', birth: '1962-01-01' },
      { name: '职工丙', birth: '1990-01-01' },
    ]);
    await t.ok('roster.setInsurance', { id: persons[2]!.id, employeeInsured: true });
    const r = await t.ok('enroll.household', { householdId: household.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-03', channel: '现金' });
    expect(r.enrolled.map((e) => e.personName)).toEqual(['户主甲', '配偶乙']);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.reason).toContain('职工');
    expect(r.enrolled.map((e) => e.receiptNo)).toEqual(['2024000001', '2024000002']);
  });

  it('one rule for the channel: nothing to pay is 零申报 whatever was chosen, an amount due never is; the quote says so first', async () => {
    const { household, persons } = await seedHousehold(t, [
      { name: '特困甲', birth: '1950-01-01' },
      { name: '户员乙', birth: '1960-01-01' },
    ]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    const args = { coverageYear: 2024, tier: 1 as const, paidOn: '2023-11-02' };
    expect((await t.ok('enroll.quote', { personId: persons[0]!.id, ...args, channel: '微信' })).channel).toBe('零申报');
    expect((await t.ok('enroll.quote', { personId: persons[1]!.id, ...args, channel: '零申报' })).channel).toBe('现金');
    expect((await t.ok('enroll.quote', { personId: persons[1]!.id, ...args })).channel).toBe('现金');
    const r = await t.ok('enroll.household', { householdId: household.id, ...args, channel: '微信' });
    expect(r.enrolled.map((e) => [e.personName, e.channel])).toEqual([
      ['特困甲', '零申报'],
      ['户员乙', '微信'],
    ]);
  });

  it('offers each year the ways of paying its region’s notice names (零申报 last, named apart)', async () => {
    await seedHousehold(t, [{ name: '甲', birth: '1950-01-01' }]);
    const [row] = await t.ok('office.policies', {});
    expect(row).toMatchObject({ coverageYear: 2024, zeroChannel: '零申报' });
    expect(row!.channels).toEqual(['现金', 'POS刷卡', '微信', '支付宝', '重庆电子税务局', '渝快办', '农商行APP', '零申报']);
  });

  it('zero declarations: listed until marked as filed', async () => {
    const { persons } = await seedHousehold(t, [{ name: '特困甲', birth: '1950-01-01' }]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-02', channel: '零申报' });
    expect(e.zeroDeclaration).toBe(true);
    expect((await t.ok('reports.subsidizedNotDeclared', { coverageYear: 2024 })).zeroNotDeclared.map((x) => x.id)).toEqual([e.id]);
    expect(await t.ok('enroll.markDeclared', { ids: [e.id], on: '2023-11-05' })).toEqual({ declared: 1 });
    expect((await t.ok('reports.subsidizedNotDeclared', { coverageYear: 2024 })).zeroNotDeclared).toEqual([]);
    expect((await t.ok('enroll.get', { id: e.id })).declaredOn).toBe('2023-11-05');
  });

  it('needs a policy chosen for the year', async () => {
    const { persons } = await seedHousehold(t, [{ name: '无政策', birth: '1950-01-01' }]);
    const r = await t.call('enroll.person', { personId: persons[0]!.id, coverageYear: 2025, paidOn: '2023-11-02', channel: '现金' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('还没有选择 2025 年度适用的政策');
    expect(await t.call('office.setPolicy', { coverageYear: 2025, policyId: 'cq-youyang-2024' })).toMatchObject({ ok: false });
    expect(await t.call('office.setPolicy', { coverageYear: 2024, policyId: 'cq-2024' })).toMatchObject({ ok: false });
  });
});

describe('refunds (瑞州: identity certified after payment)', () => {
  beforeEach(() => {
    t = openTestLedger('2024-02-10T02:00:00Z');
  });

  it('refunds the subsidy part when certified inside the centralized window', async () => {
    const { persons } = await seedHousehold(t, [{ name: '退费甲', birth: '1950-01-01' }], { policyId: 'jx-gaoan-ruizhou-2024' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    expect(e.personalFen).toBe(38000);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-12-01', source: '民政局' });
    const r = await t.ok('enroll.refund', { id: e.id });
    expect(r.amountFen).toBe(32000);
    expect(await t.call('enroll.refund', { id: e.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await t.ok('enroll.get', { id: e.id })).personalFen).toBe(38000);
  });

  it('refunds a person certified after the window while still in the 90-day wait (三(二) refuses only those already covered)', async () => {
    t.close();
    t = openTestLedger('2024-03-05T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '退费丁', birth: '1950-01-01' }], { policyId: 'jx-gaoan-ruizhou-2024' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2024-02-10', channel: '现金' });
    expect(e).toMatchObject({ personalFen: 38000, benefitStart: '2024-05-10' });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2024-03-01', source: '民政局' });
    expect((await t.ok('enroll.refund', { id: e.id })).amountFen).toBe(32000);
  });

  it('does not refund one certified after the wait ended (已进入待遇享受期)', async () => {
    t.close();
    t = openTestLedger('2024-05-20T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '退费戊', birth: '1950-01-01' }], { policyId: 'jx-gaoan-ruizhou-2024' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2024-02-10', channel: '现金' });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2024-05-15', source: '民政局' });
    const r = await t.call('enroll.refund', { id: e.id });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('已进入待遇享受期才认定的身份不退费') } });
  });

  it('does not refund when certified after the window, the person covered from 01-01', async () => {
    const { persons } = await seedHousehold(t, [{ name: '退费乙', birth: '1950-01-01' }], { policyId: 'jx-gaoan-ruizhou-2024' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2024-01-15', source: '民政局' });
    const r = await t.call('enroll.refund', { id: e.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('不退费');
  });

  it('refuses refunds where the policy has none', async () => {
    const { persons } = await seedHousehold(t, [{ name: '退费丙', birth: '1950-01-01' }]);
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    expect(await t.call('enroll.refund', { id: e.id })).toMatchObject({ ok: false, error: { message: '本地政策没有“缴费后认定资助身份退费”的规定。' } });
  });
});

describe('the frozen quote', () => {
  beforeEach(() => {
    t = openTestLedger('2024-01-10T02:00:00Z');
  });

  it('reads back exactly the quote that was computed, sharing one stored basis', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '冻结甲', birth: '1960-01-01' },
      { name: '冻结乙', birth: '1961-01-01' },
    ]);
    for (const p of persons) await t.ok('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-01-01', source: '名单' });
    const args = { coverageYear: 2024, tier: 1 as const, paidOn: '2023-11-02' };
    // The desk's quote also says the channel it would be recorded under; the frozen quote is the rest.
    const { channel, ...expected } = await t.ok('enroll.quote', { personId: persons[0]!.id, ...args });
    expect(channel).toBe('现金');
    const e1 = await t.ok('enroll.person', { personId: persons[0]!.id, ...args, channel: '现金' });
    await t.ok('enroll.person', { personId: persons[1]!.id, ...args, channel: '现金' });
    expect(e1.quote).toEqual(expected);
    expect(t.ctx.db.prepare('SELECT count(*) FROM frozen_bases').pluck().get()).toBe(1);
  });
});

describe('the receipt', () => {
  beforeEach(() => {
    t = openTestLedger('2024-01-10T02:00:00Z');
  });

  it('leaves 经办人 to be signed where the office has no users, and records a fully funded person given 现金 as 零申报', async () => {
    const { persons } = await seedHousehold(t, [{ name: '特困甲', birth: '1950-05-01' }]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2024-01-09', channel: '现金' });
    expect(e.channel).toBe('零申报');
    expect(await t.ok('enroll.receipt', { id: e.id })).toMatchObject({ personalYuan: '0.00', channel: '零申报', clerk: '' });
    // One recorded as 现金 before the rule moved into the main process prints as what it was.
    t.ctx.db.prepare("UPDATE enrollments SET channel = '现金' WHERE id = ?").run(e.id);
    expect((await t.ok('enroll.receipt', { id: e.id })).channel).toBe('零申报（全额资助）');
  });

  it('masks the ID number unless the office chooses the full number, and says the amount in capitals', async () => {
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '低保名单' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2024-01-09', channel: '微信' });
    const id = persons[0]!.idNumber;
    const masked = `${id.slice(0, 6)}********${id.slice(-4)}`;
    expect(await t.ok('enroll.receipt', { id: e.id })).toMatchObject({
      officeTitle: '云阳县农坝镇',
      receiptNo: '2024000001',
      idNumber: masked,
      feeYuan: '380.00',
      subsidyYuan: '342.00',
      personalYuan: '38.00',
      personalCapitals: '叁拾捌元整',
      departmentLabel: '民政局',
    });
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县', receiptFullId: true });
    expect((await t.ok('enroll.receipt', { id: e.id })).idNumber).toBe(id);
    // A reprint for a notice board can still ask for the masked number.
    expect((await t.ok('enroll.receipt', { id: e.id, fullId: false })).idNumber).toBe(masked);
    // Saving the office without the choice keeps it.
    await t.ok('office.update', { townshipName: '农坝镇', county: '云阳县' });
    expect((await t.ok('office.get', {})).receiptFullId).toBe(true);
  });

  it('names the clerk who took the payment by their name, not their login', async () => {
    await t.ok('users.create', { username: 'admin', displayName: '王所长', role: 'admin', password: 'secret1' });
    await t.ok('users.create', { username: 'clerk1', displayName: '李经办', role: 'clerk', password: 'secret2' });
    const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
    await t.ok('session.logout', {});
    await t.ok('session.login', { username: 'clerk1', password: 'secret2' });
    const e = await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2024-01-09', channel: '微信' });
    expect(e.createdBy).toBe('clerk1');
    expect((await t.ok('enroll.receipt', { id: e.id })).clerk).toBe('李经办');
  });
});
