import { useEffect, useState } from 'react';
import { invoke } from './api';

/** The coverage years the office has chosen a policy for, newest selected first. */
export function useCoverageYears() {
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void invoke('office.policies', {}).then((r) => {
      if (!r.ok) return;
      const ys = r.value.map((x) => x.coverageYear).sort();
      setYears(ys);
      setYear(ys.at(-1) ?? null);
      setLoaded(true);
    });
  }, []);
  /** `loaded` with no years: the office has not chosen a policy for any year yet. */
  return { years, year, setYear, loaded };
}
