// What the desk's drawer, the village roll and the household enrollment ask of the ledger:
// 退费 offered only where the policy has it, the person's history, households in number order
// with the head first, and a tier per member.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/ledger';
import { writeCsv } from '../../helpers/files';
import { idFor, seedHousehold } from '../../helpers/people';

let t: TestLedger;
afterEach(() => t.close());

describe('the person drawer', () => {
  it('offers 退费 where the policy has refunds, once, and shows what was done in the history', async () => {
    t = openTestLedger('2024-02-10T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '退费甲', birth: '1950-01-01' }], { policyId: 'jx-gaoan-ruizhou-2024' });
    const p = persons[0]!;
    const e = await t.ok('enroll.person', { personId: p.id, coverageYear: 2024, paidOn: '2023-10-01', channel: '现金' });
    await t.ok('roster.updatePerson', { id: p.id, phone: '13800000000', relation: '户主' });
    await t.ok('categories.certify', { personId: p.id, code: 'min_living', validFrom: '2023-12-01', source: '民政局名单' });
    const before = await t.ok('roster.getPerson', { id: p.id });
    expect(before.refundable).toEqual([e.id]);
    const r = await t.ok('enroll.refund', { id: e.id });
    const after = await t.ok('roster.getPerson', { id: p.id });
    expect(after.refundable).toEqual([]);
    expect(after.refunds).toEqual([expect.objectContaining({ id: r.id, enrollmentId: e.id, amountFen: 32000 })]);
    expect(after.history.map((h) => [h.what, h.detail])).toEqual([
      ['退费', expect.stringContaining('320 元')],
      ['认定资助身份', '城乡低保对象，2023-12-01 至 今，来源：民政局名单'],
      ['修改信息', '联系电话：（空） → 13800000000；与户主关系：（空） → 户主'],
      ['参保登记', expect.stringContaining('个人缴费 380 元')],
      ['登记人员', expect.stringContaining('户号')],
    ]);
  });

  it('a hand-entered category leaves 手工认定待核对 once checked, and the check is in the history', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '手工甲', birth: '1950-01-01' }]);
    const c = await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '经办人核实' });
    expect((await t.ok('reports.handCertified', { on: '2024-01-10' })).map((r) => r.categoryId)).toEqual([c.id]);
    expect(await t.call('categories.check', { ids: [c.id], on: '2024-02-01' })).toMatchObject({ ok: false, error: { message: '核对日期不能晚于今天。' } });
    expect(await t.ok('categories.check', { ids: [c.id], on: '2024-01-09' })).toEqual({ checked: 1 });
    expect(await t.ok('reports.handCertified', { on: '2024-01-10' })).toEqual([]);
    expect((await t.ok('roster.getPerson', { id: persons[0]!.id })).history[0]).toMatchObject({
      what: '核对资助身份',
      detail: '城乡低保对象，2024-01-09 核对无误',
    });
  });

  it('does not offer 退费 where the policy has none', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const { persons } = await seedHousehold(t, [{ name: '普通甲', birth: '1950-01-01' }]);
    await t.ok('enroll.person', { personId: persons[0]!.id, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    expect((await t.ok('roster.getPerson', { id: persons[0]!.id })).refundable).toEqual([]);
  });

  it('names the roster batch that added the person', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const dir = tempDir('canbao-history-');
    await t.ok('villages.add', { code: '001', name: '幸福村' });
    const file = writeCsv(path.join(dir, '花名册.csv'), [
      ['村', '户号', '姓名', '身份证号', '与户主关系'],
      ['幸福村', '1', '甲', idFor('1950-01-01', 11), '户主'],
      ['幸福村', '1', '乙', idFor('1951-01-01', 13), '配偶'],
    ]);
    await t.ok('import.commit', { token: (await t.ok('import.preview', { kind: 'roster', file })).token });
    const b = (await t.ok('roster.search', { q: '乙' }))[0]!;
    expect((await t.ok('roster.getPerson', { id: b.id })).history.map((h) => [h.what, h.detail])).toEqual([['导入花名册', '新增，文件：花名册.csv']]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('花名册 by village', () => {
  it('lists households in number order (2 before 10), members in 户口簿 order (子女 before 父母), with who paid for the year', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const village = await t.ok('villages.add', { code: '001', name: '农坝村' });
    await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
    const ids: Record<string, number> = {};
    let seq = 101;
    for (const [number, members] of [
      [
        '10',
        [
          ['儿子十', '2000-01-01', '子'],
          ['户主十', '1960-01-01', '户主'],
        ],
      ],
      [
        '2',
        [
          ['女儿二', '1995-05-05', '女'],
          ['母亲二', '1940-01-01', '母亲'],
          ['户主二', '1970-01-01', '户主'],
        ],
      ],
      ['1', []],
    ] as const) {
      const h = await t.ok('roster.addHousehold', { villageId: village.id, number });
      for (const [name, birth, relation] of members)
        ids[name] = (await t.ok('roster.addPerson', { idNumber: idFor(birth, (seq += 2)), name, householdId: h.id, relation })).id;
    }
    await t.ok('enroll.person', { personId: ids['女儿二']!, coverageYear: 2024, paidOn: '2023-11-01', channel: '现金' });
    const book = await t.ok('roster.villageBook', { villageId: village.id, coverageYear: 2024 });
    expect(book.villageName).toBe('农坝村');
    expect(book.households.map((h) => [h.number, h.headName, h.members.map((m) => m.name)])).toEqual([
      ['1', null, []],
      ['2', '户主二', ['户主二', '女儿二', '母亲二']],
      ['10', '户主十', ['户主十', '儿子十']],
    ]);
    expect(book.households[1]!.members.map((m) => m.receiptNo !== null)).toEqual([false, true, false]);
    expect((await t.ok('roster.listHouseholds', { villageId: village.id })).map((h) => h.number)).toEqual(['1', '2', '10']);
    expect(await t.call('roster.villageBook', { villageId: 999 })).toMatchObject({ ok: false, error: { message: '找不到这个村/社区。' } });
  });
});

describe('全户参保 with a tier per member', () => {
  it('records a fully funded member as 零申报, not as the household’s cash', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const { household, persons } = await seedHousehold(t, [
      { name: '特困甲', birth: '1950-01-01', relation: '户主' },
      { name: '普通乙', birth: '1980-01-01' },
    ]);
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'destitute', validFrom: '2023-01-01', source: '特困名单' });
    const r = await t.ok('enroll.household', { householdId: household.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-01', channel: '现金' });
    expect(r.enrolled.map((e) => [e.personName, e.personalFen, e.channel])).toEqual([
      ['特困甲', 0, '零申报'],
      ['普通乙', 38000, '现金'],
    ]);
  });

  it('takes each member’s own tier over the household’s, and refuses a tier for someone outside the household', async () => {
    t = openTestLedger('2024-01-10T02:00:00Z');
    const { household, persons } = await seedHousehold(t, [
      { name: '一档甲', birth: '1950-01-01', relation: '户主' },
      { name: '二档乙', birth: '1980-01-01' },
    ]);
    const other = await seedHousehold(t, [{ name: '外户丙', birth: '1970-01-01' }]);
    const base = { householdId: household.id, coverageYear: 2024, tier: 1 as const, paidOn: '2023-11-01', channel: '现金' };
    expect(await t.call('enroll.household', { ...base, tiers: [{ personId: other.persons[0]!.id, tier: 2 }] })).toMatchObject({
      ok: false,
      error: { message: '所选档次中有人不是这一户的成员。' },
    });
    const r = await t.ok('enroll.household', { ...base, tiers: [{ personId: persons[1]!.id, tier: 2 }] });
    expect(r.enrolled.map((e) => [e.personName, e.tier, e.personalFen])).toEqual([
      ['一档甲', 1, 38000],
      ['二档乙', 2, 75500],
    ]);
  });
});
