// Properties every quote keeps, over random facts for every quotable policy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESIDENCES, SUBSIDY_CATEGORIES, OTHER_PERSON_FACTS, type PersonCategory } from '../../../src-main/domain/codes';
import { addDays } from '../../../src-main/domain/dates';
import { NO_BENEFIT_THIS_YEAR, noBenefitThisYear, quote } from '../../../src-main/domain/policy/quote';
import type { Facts } from '../../../src-main/domain/policy/facts';
import { policies } from '../../helpers/policies';

const SUBSIDIES = Object.keys(SUBSIDY_CATEGORIES) as PersonCategory[];
const ALL_CATEGORIES = [...SUBSIDIES, ...(Object.keys(OTHER_PERSON_FACTS) as PersonCategory[])];
const quotable = [...policies.values()].filter((p) => !p.abstract);

const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));

function factsFor(year: number) {
  const optionalDate = fc.option(dateIn(`${year - 1}-06-01`, 700), { nil: undefined });
  return fc.record(
    {
      paidOn: dateIn(`${year - 1}-08-01`, 560),
      birthDate: fc.option(dateIn('1925-01-01', (year - 1925) * 366), { nil: undefined }),
      residence: fc.constantFrom(...(Object.keys(RESIDENCES) as (keyof typeof RESIDENCES)[])),
      student: fc.constantFrom('none', 'school', 'college' as const),
      categories: fc.uniqueArray(fc.constantFrom(...ALL_CATEGORIES), { maxLength: 4 }),
      tier: fc.constantFrom(1 as const, 2 as const),
      lapsedYears: fc.integer({ min: 0, max: 5 }),
      continuousYears: fc.integer({ min: 0, max: 10 }),
      employeeInsuranceEndedOn: optionalDate,
      dischargedOn: optionalDate,
      specialEventOn: optionalDate,
      guardianInsured: fc.boolean(),
    },
    { requiredKeys: ['paidOn'] },
  ) as fc.Arbitrary<Facts>;
}

describe.each(quotable.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  const facts = factsFor(p.coverageYear);

  it('subsidy + personal = fee, subsidy never above the fee, nothing negative', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const q = quote(p, f);
        expect(q.subsidyFen + q.personalFen).toBe(q.feeFen);
        expect(q.subsidyFen).toBeGreaterThanOrEqual(0);
        expect(q.personalFen).toBeGreaterThanOrEqual(0);
        expect(q.subsidyFen).toBeLessThanOrEqual(q.feeFen);
        for (const n of [q.feeFen, q.subsidyFen, q.personalFen]) expect(Number.isSafeInteger(n)).toBe(true);
        if (q.eligible) {
          // A wait past 31 December stays a quote (docs/rules.md "A wait past 31 December"), and says so.
          expect(q.warnings.some((w) => w.startsWith(NO_BENEFIT_THIS_YEAR))).toBe(noBenefitThisYear(q));
          expect(q.benefitEnd).toBe(`${p.coverageYear}-12-31`);
          const newborn = f.birthDate !== undefined && q.benefitStart === f.birthDate;
          if (!newborn) expect(q.benefitStart! >= `${p.coverageYear}-01-01`).toBe(true);
          expect(q.zeroDeclaration).toBe(q.personalFen === 0 && q.subsidyFen > 0);
        } else {
          expect([q.feeFen, q.benefitStart, q.reason === null]).toEqual([0, null, false]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('adding a subsidy category never raises what the person pays', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...SUBSIDIES), (f, extra) => {
        const before = quote(p, f);
        const after = quote(p, { ...f, categories: [...(f.categories ?? []), extra].filter((c, i, a) => a.indexOf(c) === i) });
        if (before.eligible) {
          expect(after.eligible).toBe(true);
          expect(after.personalFen).toBeLessThanOrEqual(before.personalFen);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic: the same facts give the same quote', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(quote(p, f)).toEqual(quote(p, structuredClone(f)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('time zones', () => {
  // Node applies a change of TZ at run time; the whole domain suite also runs under
  // TZ=America/Los_Angeles (npm run test:unit:la).
  it('gives the same quotes whatever the machine zone', () => {
    const p = policies.get('cq-youyang-2025')!;
    const cases = fc.sample(factsFor(2025), { numRuns: 300, seed: 42 });
    const saved = process.env.TZ;
    const run = (tz: string) => {
      process.env.TZ = tz;
      return cases.map((f) => quote(p, f));
    };
    try {
      const baseline = run('Asia/Shanghai');
      expect(new Date(Date.UTC(2025, 0, 1)).getHours()).toBe(8);
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) expect(run(tz)).toEqual(baseline);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
