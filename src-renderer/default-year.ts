import type { ApiOutput } from '../src-main/api/contract';

export type YearPolicy = ApiOutput<'office.policies'>[number];

/**
 * The year a screen opens on: the one whose 集中参保期 is open today, else the newest with any
 * window open, else the newest. In autumn two years are open at once; the new season wins.
 */
export function defaultYear(rows: YearPolicy[]): number | null {
  const newestFirst = [...rows].sort((a, b) => b.coverageYear - a.coverageYear);
  return (
    newestFirst.find((r) => r.openWindow?.id === 'centralized')?.coverageYear ??
    newestFirst.find((r) => r.openWindow)?.coverageYear ??
    newestFirst[0]?.coverageYear ??
    null
  );
}
