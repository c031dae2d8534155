import { checkCharacter } from '../../src-main/domain/idnumber';
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
