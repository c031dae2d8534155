// Who the drive is for is said once (domain/policy/scope.ts): the desk's refusal, the household
// notice's cell and the not-enrolled list agree on every mix of status, 县外参保 and 职工医保.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { outOfScope, type ScopeFacts } from '../../../src-main/domain/policy/scope';
import { openTestLedger, type TestLedger } from '../../helpers/ledger';
import { idFor, seedHousehold } from '../../helpers/people';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger('2023-11-10T02:00:00Z');
});
afterEach(() => t.close());

const STATUSES = ['active', 'empty_registration', 'deceased', 'abroad'] as const;
const mixes: Omit<ScopeFacts, 'statusOn'>[] = STATUSES.flatMap((status) =>
  ([null, 'in_city_employee'] as const).flatMap((outOfCounty) => [false, true].map((employeeInsured) => ({ status, outOfCounty, employeeInsured }))),
);

it('the desk, the household notice and the not-enrolled list agree with outOfScope on all 16 mixes', async () => {
  const { household, persons } = await seedHousehold(
    t,
    mixes.map((_, i) => ({ name: `范围${i}`, birth: '1970-01-01' })),
  );
  for (const [i, m] of mixes.entries()) {
    const p = persons[i]!;
    let seen = (await t.ok('roster.getPerson', { id: p.id })).person.version;
    if (m.outOfCounty || m.employeeInsured)
      seen = (await t.ok('roster.setInsurance', { id: p.id, employeeInsured: m.employeeInsured, outOfCounty: m.outOfCounty, seen })).version;
    if (m.status !== 'active') await t.ok('roster.setStatus', { id: p.id, status: m.status, on: '2023-11-01', seen });
  }
  const listed = new Set((await t.ok('reports.notEnrolled', { coverageYear: 2024 })).rows.map((r) => r.id));
  const notice = await t.ok('print.householdNotice', { householdId: household.id, coverageYear: 2024, on: '2023-11-10' });
  for (const [i, m] of mixes.entries()) {
    const p = persons[i]!;
    const out = outOfScope({ ...m, statusOn: m.status === 'active' ? null : '2023-11-01' });
    expect(listed.has(p.id), `${JSON.stringify(m)} on the list`).toBe(out === null);
    expect(notice.members.find((x) => x.personId === p.id)?.notDue ?? null, JSON.stringify(m)).toBe(out?.short ?? null);
    const quoted = await t.call('enroll.quote', { personId: p.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-10' });
    if (out) expect(quoted.ok ? quoted.value : quoted.error.message, JSON.stringify(m)).toBe(`「${p.name}」${out.long}。`);
    else expect(quoted.ok && quoted.value.eligible, JSON.stringify(m)).toBe(true);
  }
});

it('a residence the year’s notice leaves out is refused at the desk and chased by no list (栗子 covers 本地户籍 only)', async () => {
  const { household, persons } = await seedHousehold(t, [{ name: '本地甲', birth: '1970-01-01' }], { policyId: 'cq-fengdu-lizi-2024' });
  const other = await t.ok('roster.addPerson', { idNumber: idFor('1971-01-01', 991), name: '外地乙', householdId: household.id, residence: 'permit' });
  const quoted = await t.ok('enroll.quote', { personId: other.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-10' });
  expect(quoted.eligible).toBe(false);
  expect(quoted.reason).toContain('取得居住证的外地户籍人员');
  const listed = (await t.ok('reports.notEnrolled', { coverageYear: 2024 })).rows.map((r) => r.name);
  expect(listed).toEqual([persons[0]!.name]);
  const tiles = await t.ok('reports.dashboard', { coverageYear: 2024, on: '2023-11-10' });
  expect(tiles.notEnrolled).toBe(1);
});

it('a category the year’s notice sends elsewhere (酉阳: 1-6级残疾军人 to 职工医保) is refused at the desk and chased by no list', async () => {
  const { persons } = await seedHousehold(
    t,
    [
      { name: '军人甲', birth: '1960-01-01' },
      { name: '户员乙', birth: '1962-01-01' },
    ],
    { policyId: 'cq-youyang-2024' },
  );
  await t.ok('categories.certify', { personId: persons[0]!.id, code: 'disabled_veteran_1_6', validFrom: '2023-01-01', source: '退役军人事务局名单' });
  const quoted = await t.ok('enroll.quote', { personId: persons[0]!.id, coverageYear: 2024, tier: 1, paidOn: '2023-11-10' });
  expect(quoted.eligible).toBe(false);
  expect((await t.ok('reports.notEnrolled', { coverageYear: 2024 })).rows.map((r) => r.name)).toEqual(['户员乙']);
  expect((await t.ok('reports.dashboard', { coverageYear: 2024, on: '2023-11-10' })).notEnrolled).toBe(1);
});
