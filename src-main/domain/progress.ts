// Village progress against targets, ranked, with the assessment deduction where a policy
// states bands (栗子: docs/rules.md "栗子 village assessment"). Rates shown are integer basis
// points, rounded half up; bands and ranks compare exact ratios by cross-multiplying: no
// floating-point edges.
import type { Policy } from './policy/schema';

export interface VillageCount {
  villageId: number;
  target: number;
  enrolled: number;
}

export interface Assessed extends VillageCount {
  rateBp: number | null;
  rank: number | null;
  deduction: number | null;
  interview: boolean;
}

/**
 * The rate shown and exported, in basis points, rounded half up (docs/rules.md "Rates": 3 / 2504 =
 * 0.1198% is 0.12%). Bands and ranks never use it: they compare the exact ratio.
 */
export function rateBp(enrolled: number, target: number): number | null {
  // Integer arithmetic: round(enrolled × 10000 / target) with halves going up.
  return target > 0 ? Math.floor((2 * enrolled * 10000 + target) / (2 * target)) : null;
}

/** Whether enrolled / target reaches `percent` exactly (97.996% does not reach 98%). */
const reaches = (v: VillageCount, percent: number) => v.enrolled * 100 >= percent * v.target;

/** Compares two villages' exact rates, higher first (cross-multiplied, no rounding). */
const byRate = (a: VillageCount, b: VillageCount) => b.enrolled * a.target - a.enrolled * b.target;

/** 5000 → "50.00%"; no target → the empty text given. */
export function formatRate(bp: number | null, empty = ''): string {
  return bp === null ? empty : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

export function assess(policy: Policy | undefined, villages: VillageCount[]): Assessed[] {
  const bands = policy?.assessment?.bands;
  const out: Assessed[] = villages.map((v) => {
    const r = rateBp(v.enrolled, v.target);
    const band = r === null || !bands ? undefined : bands.find((b) => reaches(v, b.minPercent));
    return { ...v, rateBp: r, rank: null, deduction: band ? band.deduction : null, interview: band?.interview ?? false };
  });
  const ranked = out.filter((v) => v.rateBp !== null).sort(byRate);
  // Equal exact rates share a rank (1, 2, 2, 4); 3/2504 and 3/2505 do not, though both show 0.12%.
  ranked.forEach((v, i) => {
    v.rank = i > 0 && byRate(ranked[i - 1]!, v) === 0 ? ranked[i - 1]!.rank : i + 1;
  });
  return out;
}
