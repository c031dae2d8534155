// The first screen's reads asked the moment the login is answered, and the shell drawn once
// they are in: 工作台 then draws complete in its first frame, instead of drawing, asking (its
// year first, then its figures), waiting and drawing again. On an old PC the reads take a tenth
// of a first draw (issue 26).
import { askAhead } from './asked';
import { deskToday } from './format';
import { dashboardArg, nextSeasonArg, progressArg } from './pages/dashboard/reads';
import { coverageYearsOf, workingYear } from './years';

/** Resolves when every read is answered (refused or not), or after `patience` ms, whichever is first. */
export function askFirstScreen(patience = 600): Promise<void> {
  const all = Promise.all([
    askAhead('office.get', {}),
    askAhead('office.tables', {}),
    askAhead('office.policies', {}).then(({ r }) => {
      if (!r.ok) return;
      const year = workingYear(r.value);
      const on = deskToday();
      const newest = coverageYearsOf(r.value).at(-1);
      return Promise.all([
        year !== null && askAhead('reports.dashboard', dashboardArg(year, on)),
        year !== null && askAhead('reports.progress', progressArg(year)),
        newest !== undefined && askAhead('season.newYear', nextSeasonArg(newest, on)),
      ]);
    }),
  ]);
  return Promise.race([all.then(() => undefined), new Promise<void>((done) => setTimeout(done, patience))]);
}
