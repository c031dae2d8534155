// Village progress against targets, ranked, with the assessment deduction where a policy
// states bands (栗子: rules.md). Rates are integer basis points: no floating-point edges.
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

// Cut, not rounded: 89.996% must not show as 90.00% and pass a band it did not reach.
export function rateBp(enrolled: number, target: number): number | null {
  return target > 0 ? Math.floor((enrolled * 10000) / target) : null;
}

/** 5000 → "50.00%"; no target → the empty text given. */
export function formatRate(bp: number | null, empty = ''): string {
  return bp === null ? empty : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

export function assess(policy: Policy | undefined, villages: VillageCount[]): Assessed[] {
  const bands = policy?.assessment?.bands;
  const out: Assessed[] = villages.map((v) => {
    const r = rateBp(v.enrolled, v.target);
    const band = r === null || !bands ? undefined : bands.find((b) => r >= b.minPercent * 100);
    return { ...v, rateBp: r, rank: null, deduction: band ? band.deduction : null, interview: band?.interview ?? false };
  });
  const ranked = out.filter((v) => v.rateBp !== null).sort((a, b) => b.rateBp! - a.rateBp!);
  // Equal rates share a rank (1, 2, 2, 4).
  ranked.forEach((v, i) => {
    v.rank = i > 0 && ranked[i - 1]!.rateBp === v.rateBp ? ranked[i - 1]!.rank : i + 1;
  });
  return out;
}
