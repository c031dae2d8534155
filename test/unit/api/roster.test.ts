import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { idFor, seedHousehold } from '../../helpers/people';
import { countPersons } from '../../../src-main/ledger/search';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2024-01-10T02:00:00Z');
});
afterEach(() => t.close());

describe('households and persons', () => {
  it('derives sex and birth date from the ID number and makes the 户主 the head', async () => {
    const { household, persons } = await seedHousehold(t, [
      { name: '张三', birth: '1960-05-01', relation: '户主' },
      { name: '李梅', birth: '1962-08-08', relation: '配偶' },
    ]);
    expect(persons[0]).toMatchObject({ sex: 'male', birthDate: '1960-05-01', status: 'active', residence: 'local_hukou' });
    const h = await t.ok('roster.getHousehold', { id: household.id });
    expect(h.household).toMatchObject({ headName: '张三', members: 2 });
    expect(h.members.map((m) => m.name)).toEqual(['张三', '李梅']);
  });

  it('refuses a duplicate ID number and names the person who holds it', async () => {
    const { household, persons } = await seedHousehold(t, [{ name: '王五', birth: '1970-01-01' }], { village: '红梁村' });
    const r = await t.call('roster.addPerson', { idNumber: persons[0]!.idNumber.toLowerCase(), name: '王六', householdId: household.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'idNumber' } });
    if (!r.ok) expect(r.error.message).toContain('已登记为「王五」（红梁村');
  });

  it.each([
    ['50023519700101001', '应为 18 位'],
    ['500235197001010010', '校验位'],
    ['500235203001010013', '晚于今天'],
  ])('refuses a bad ID number %s and writes nothing', async (idNumber, message) => {
    const { household } = await seedHousehold(t, []);
    const r = await t.call('roster.addPerson', { idNumber, name: '赵七', householdId: household.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
    expect((await t.ok('roster.getHousehold', { id: household.id })).members).toEqual([]);
  });

  it('accepts a 15-digit number, stored upgraded to 18', async () => {
    const { household } = await seedHousehold(t, []);
    const p = await t.ok('roster.addPerson', { idNumber: '500235700101001', name: '钱八', householdId: household.id });
    expect(p.idNumber).toBe(idFor('1970-01-01', 1));
  });

  it('moves a person to another household, keeping the village right', async () => {
    const a = await seedHousehold(t, [{ name: '孙九', birth: '1990-03-03' }]);
    const b = await seedHousehold(t, [{ name: '周十', birth: '1991-03-03' }]);
    const moved = await t.ok('roster.movePerson', { id: a.persons[0]!.id, householdId: b.household.id, relation: '配偶' });
    expect(moved).toMatchObject({ householdId: b.household.id, villageId: b.village.id, relation: '配偶' });
  });

  it('marks deceased and insured elsewhere, with dates and the out-of-county kind', async () => {
    const { persons } = await seedHousehold(t, [
      { name: '吴一', birth: '1930-01-01' },
      { name: '郑二', birth: '2003-01-01' },
    ]);
    expect(await t.ok('roster.setStatus', { id: persons[0]!.id, status: 'deceased', on: '2023-12-01' })).toMatchObject({
      status: 'deceased',
      statusOn: '2023-12-01',
    });
    expect(await t.call('roster.setStatus', { id: persons[0]!.id, status: 'deceased', on: '2030-01-01' })).toMatchObject({ ok: false });
    const p = await t.ok('roster.setInsurance', { id: persons[1]!.id, outOfCounty: 'out_city_resident', place: '西南大学' });
    expect(p).toMatchObject({ outOfCounty: 'out_city_resident', outOfCountyPlace: '西南大学' });
  });

  it('certifies and ends a category, taking one it already holds as unchanged and refusing one that overlaps it otherwise', async () => {
    const { persons } = await seedHousehold(t, [{ name: '冯三', birth: '1950-01-01' }]);
    const c = await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-01-01', source: '民政局低保名单2023-10' });
    // The department comes from the policy in force when the clerk does not name one.
    expect(c).toMatchObject({ code: 'min_living', department: 'civil_affairs', validTo: null, source: '民政局低保名单2023-10', createdBy: '（未设用户）' });
    // Held from 2023-01-01 on: from 2023-06-01 on is the same fact, not a second row.
    expect(await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-06-01', source: '又一份' })).toMatchObject({
      id: c.id,
      unchanged: true,
    });
    expect(await t.ok('categories.end', { id: c.id, validTo: '2023-12-31' })).toMatchObject({ validTo: '2023-12-31' });
    // Ended at 2023-12-31: an open one from 2023-06-01 reaches past it, and is refused.
    expect(await t.call('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2023-06-01', source: '又一份' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await t.ok('categories.certify', { personId: persons[0]!.id, code: 'min_living', validFrom: '2024-01-01', source: '民政局低保名单2024-01' });
    expect((await t.ok('roster.getPerson', { id: persons[0]!.id })).categories).toHaveLength(2);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await seedHousehold(t, [
      { name: '张三', birth: '1960-05-01', phone: '13812345678' },
      { name: '张三丰', birth: '1961-05-01' },
      { name: '曾小贤', birth: '1980-02-02', phone: '13900001111' },
      { name: '单田芳', birth: '1941-12-12' },
      { name: '欧阳小明', birth: '2000-07-07' },
    ]);
  });
  const names = async (q: string) => (await t.ok('roster.search', { q })).map((p) => p.name);

  it.each([
    ['张三', ['张三', '张三丰']],
    ['三丰', ['张三丰']],
    ['小明', ['欧阳小明']],
    ['阳小明', ['欧阳小明']],
    ['zs', ['张三', '张三丰']],
    ['zxx', ['曾小贤']],
    ['STF', ['单田芳']],
    ['5678', ['张三']],
    ['1111', ['曾小贤']],
    ['139000', ['曾小贤']],
    ['', []],
    ['不存在', []],
  ])('%j finds %j', async (q, expected) => {
    expect((await names(q)).sort()).toEqual([...expected].sort());
  });

  it('finds by full ID number and by its last digits', async () => {
    const id = (await t.ok('roster.search', { q: '单田芳' }))[0]!.idNumber;
    expect(await names(id)).toEqual(['单田芳']);
    expect(await names(id.slice(-6))).toEqual(['单田芳']);
    expect(await names(id.slice(0, 10))).toContain('单田芳');
  });
});

describe('the 花名册 search: the first twenty, and how many match in all', () => {
  const wangs = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `王${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}`, birth: '1970-01-01' }));

  it('gives twenty and says how many more match; asked for more, gives more', async () => {
    await seedHousehold(t, [...wangs(26), { name: '李四', birth: '1971-02-02' }]);
    const first = await t.ok('roster.find', { q: '王' });
    expect(first.persons).toHaveLength(20);
    expect(first).toMatchObject({ total: 26, totalMore: false });
    expect(first.persons.every((p) => p.name.startsWith('王'))).toBe(true);
    const more = await t.ok('roster.find', { q: '王', limit: 40 });
    expect(more.persons).toHaveLength(26);
    expect(more).toMatchObject({ total: 26, totalMore: false });
    // The first twenty are the same twenty, in the same order, as before.
    expect(more.persons.slice(0, 20).map((p) => p.id)).toEqual(first.persons.map((p) => p.id));
    expect(await t.ok('roster.find', { q: '李' })).toMatchObject({ total: 1, totalMore: false });
    expect(await t.ok('roster.find', { q: '' })).toEqual({ persons: [], total: 0, totalMore: false });
  });

  it('counts a person found two ways once, and stops counting past the cap', async () => {
    await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }, { name: '张三丰', birth: '1961-05-01' }, ...wangs(12)]);
    // 张三 is both the exact name and a prefix of it: two branches, one person.
    expect(await t.ok('roster.find', { q: '张三', limit: 1 })).toMatchObject({ total: 2, totalMore: false });
    expect(countPersons(t.ctx.db, '王', 5)).toEqual({ count: 5, more: true });
    expect(countPersons(t.ctx.db, '王', 12)).toEqual({ count: 12, more: false });
    expect(countPersons(t.ctx.db, 'w')).toEqual({ count: 12, more: false });
  });

  it('refuses a limit past 200, as the search does', async () => {
    expect(await t.call('roster.find', { q: '王', limit: 201 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the ID number as it is typed', () => {
  it('says what is wrong, what a valid number tells, and who already has it', async () => {
    {
      const { persons } = await seedHousehold(t, [{ name: '张三', birth: '1960-05-01' }]);
      const cases: [string, Record<string, unknown>][] = [
        ['50023519600501', { valid: false, existing: null }],
        [persons[0]!.idNumber.slice(0, 17) + (persons[0]!.idNumber[17] === '0' ? '1' : '0'), { valid: false, message: expect.stringContaining('校验位不对') }],
        [idFor('1985-02-03', 22), { valid: true, birthDate: '1985-02-03', sex: 'female', existing: null }],
        [
          persons[0]!.idNumber.toLowerCase(),
          {
            valid: true,
            sex: 'male',
            existing: { id: persons[0]!.id, name: '张三', villageName: persons[0]!.villageName, householdNumber: persons[0]!.householdNumber },
          },
        ],
      ];
      for (const [typed, expected] of cases) expect(await t.ok('roster.checkId', { idNumber: typed })).toMatchObject(expected);
    }
  });
});
