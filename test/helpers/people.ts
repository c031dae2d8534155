import { checkCharacter } from '../../src-main/domain/idnumber';
import type { PersonCategory } from '../../src-main/domain/codes';
import type { TestLedger } from './ledger';

/** A valid ID number for a birth date (YYYY-MM-DD) and a sequence (odd = male). */
export function idFor(birth: string, seq: number, area = '500235'): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

// Distinct sequence numbers across calls, so two people born on one day never collide.
let seq = 9;
const nextSeq = () => (seq = seq >= 997 ? 11 : seq + 2);

/** One village, one household and the people given, with the policy set for the year. */
export async function seedHousehold(
  t: TestLedger,
  people: { name: string; birth: string; relation?: string; phone?: string }[],
  opts: { policyId?: string; year?: number; village?: string } = {},
) {
  const village = await t.ok('villages.add', {
    code: String(Math.floor(Math.random() * 1e6)),
    name: opts.village ?? `幸福村${Math.floor(Math.random() * 1e6)}`,
  });
  await t.ok('office.setPolicy', { coverageYear: opts.year ?? 2024, policyId: opts.policyId ?? 'cq-yunyang-nongba-2024' });
  const household = await t.ok('roster.addHousehold', { villageId: village.id, number: `H${Math.floor(Math.random() * 1e6)}` });
  const persons = [];
  for (const p of people) {
    persons.push(
      await t.ok('roster.addPerson', {
        idNumber: idFor(p.birth, nextSeq()),
        name: p.name,
        householdId: household.id,
        ...(p.relation ? { relation: p.relation } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
      }),
    );
  }
  return { village, household, persons };
}

/**
 * 农坝 (云阳县) with one household of the people given, each with their category where one is
 * named (certified by 民政's list from 2023-01-01): the ledger 税务's and 医保's payment files
 * are read against. Their person ids by name.
 */
export async function nongbaHousehold(
  t: TestLedger,
  people: readonly { name: string; id: string; code: PersonCategory | null }[],
): Promise<Record<string, number>> {
  await t.ok('office.update', { county: '云阳县', townshipName: '农坝镇' });
  const v = await t.ok('villages.add', { code: '001', name: '幸福村' });
  await t.ok('office.setPolicy', { coverageYear: 2024, policyId: 'cq-yunyang-nongba-2024' });
  const h = await t.ok('roster.addHousehold', { villageId: v.id, number: '1' });
  const ids: Record<string, number> = {};
  for (const p of people) {
    ids[p.name] = (await t.ok('roster.addPerson', { idNumber: p.id, name: p.name, householdId: h.id })).id;
    if (p.code) await t.ok('categories.certify', { personId: ids[p.name]!, code: p.code, validFrom: '2023-01-01', source: '民政名单' });
  }
  return ids;
}
