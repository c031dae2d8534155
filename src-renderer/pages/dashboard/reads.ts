// 工作台's reads, named once: the screen makes them, and the login starts them before the
// screen has drawn (firstScreen.ts), so both must ask with the same arguments.
import type { ApiInput } from '../../../src-main/api/contract';

export const dashboardArg = (coverageYear: number, on: string): ApiInput<'reports.dashboard'> => ({ coverageYear, on });
export const progressArg = (coverageYear: number): ApiInput<'reports.progress'> => ({ coverageYear });
/** The next notice's file, looked for after the newest year the office has. */
export const nextSeasonArg = (newest: number, on: string): ApiInput<'season.newYear'> => ({ year: newest + 1, on });
