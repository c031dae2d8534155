import { useState } from 'react';
import type { ApiOutput } from '../src-main/api/contract';
import { useInvoke } from './useInvoke';

type YearPolicy = ApiOutput<'office.policies'>[number];

/** The working year: the one the office marked, else none (政策 has not chosen one yet). */
export const workingYear = (rows: readonly YearPolicy[]): number | null => rows.find((x) => x.working)?.coverageYear ?? null;

/** The coverage years the office has chosen a policy for, oldest first. */
export const coverageYearsOf = (rows: readonly YearPolicy[]): number[] => rows.map((x) => x.coverageYear).sort();

/**
 * The coverage years the office has chosen a policy for, the working year selected first. Read
 * through useInvoke, so a screen the clerk comes back to knows its year in its first frame and
 * asks its own reads at once (kept.ts).
 */
export function useCoverageYears() {
  const policies = useInvoke('office.policies', {});
  const rows = policies.value ?? [];
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? workingYear(rows);
  const loaded = policies.value !== null;
  const years = coverageYearsOf(rows);
  /** Another year still taking payments today, beside the one shown. */
  const alsoOpen = rows.find((r) => r.coverageYear !== year && r.openWindow) ?? null;
  /** The tiers the year's notice has: the desk offers no other. */
  const tiers = rows.find((r) => r.coverageYear === year)?.tiers ?? [1, 2];
  /**
   * The ways of paying the year's policy offers at the desk: `all` ends with 零申报 (shown when a
   * quote says so), `chosen` are those a clerk picks (a household's one channel among them).
   */
  const channelsOf = (y: number | null) => {
    const row = rows.find((r) => r.coverageYear === y);
    const all = row?.channels ?? [];
    return { all, chosen: all.filter((c) => c !== row?.zeroChannel) };
  };
  /** `loaded` with no years: the office has not chosen a policy for any year yet. */
  return { years, year, setYear, loaded, alsoOpen, tiers, channels: channelsOf(year), channelsOf };
}
