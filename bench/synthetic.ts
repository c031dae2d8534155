// Synthetic but plausible residents for benchmarks: valid ID numbers, a realistic mix of
// ages, categories and payment dates. Seeded, so every run measures the same people.
import { SUBSIDY_CATEGORIES, type PersonCategory } from '../src-main/domain/codes';
import { addDays, formatIsoDate } from '../src-main/domain/dates';
import { checkCharacter } from '../src-main/domain/idnumber';
import type { Facts } from '../src-main/domain/policy/facts';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBSIDIES = Object.keys(SUBSIDY_CATEGORIES) as PersonCategory[];

export function syntheticId(r: () => number, birthYear: number): string {
  const area = '500235';
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = String(Math.floor(r() * 1000)).padStart(3, '0');
  const first17 = `${area}${formatIsoDate(birthYear, m, d).replaceAll('-', '')}${seq}`;
  return first17 + checkCharacter(first17);
}

export function syntheticFacts(n: number, coverageYear: number, seed = 1): Facts[] {
  const r = rng(seed);
  const out: Facts[] = new Array(n);
  const windowStart = `${coverageYear - 1}-09-01`;
  for (let i = 0; i < n; i++) {
    const birthYear = coverageYear - 1 - Math.floor(r() * 90);
    const cats: PersonCategory[] = [];
    if (r() < 0.2) cats.push(SUBSIDIES[Math.floor(r() * SUBSIDIES.length)]!);
    if (r() < 0.05) cats.push(SUBSIDIES[Math.floor(r() * SUBSIDIES.length)]!);
    out[i] = {
      idNumber: syntheticId(r, birthYear),
      paidOn: addDays(windowStart, Math.floor(r() * (r() < 0.8 ? 120 : 390))),
      tier: r() < 0.85 ? 1 : 2,
      categories: cats,
      student: r() < 0.03 ? 'college' : 'none',
      lapsedYears: r() < 0.1 ? 1 + Math.floor(r() * 3) : 0,
    };
  }
  return out;
}
