import { useEffect, useState } from 'react';
import { invoke } from './api';
import type { ApiOutput } from '../src-main/api/contract';

type YearPolicy = ApiOutput<'office.policies'>[number];

/** The coverage years the office has chosen a policy for, the working year selected first. */
export function useCoverageYears() {
  const [rows, setRows] = useState<YearPolicy[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void invoke('office.policies', {}).then((r) => {
      if (!r.ok) return;
      setRows(r.value);
      setYear(r.value.find((x) => x.working)?.coverageYear ?? null);
      setLoaded(true);
    });
  }, []);
  const years = rows.map((x) => x.coverageYear).sort();
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
