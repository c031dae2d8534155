// The year a screen opens on, from each chosen year's window open today.

export interface YearWindow {
  coverageYear: number;
  /** The window of that year open today ('centralized' for 集中参保期), or null. */
  openWindow: { id: string } | null;
}

/**
 * The one whose 集中参保期 is open today, else the newest with any window open, else the newest.
 * In autumn two years are open at once (酉阳 2024-09-13 to 09-30); the new season wins.
 */
export function workingYear(rows: readonly YearWindow[]): number | null {
  const newestFirst = [...rows].sort((a, b) => b.coverageYear - a.coverageYear);
  return (
    newestFirst.find((r) => r.openWindow?.id === 'centralized')?.coverageYear ??
    newestFirst.find((r) => r.openWindow)?.coverageYear ??
    newestFirst[0]?.coverageYear ??
    null
  );
}
