import type { HandlerMap } from './handler';
import { backupHandlers } from './backup';
import { enrollHandlers } from './enroll';
import { excelHandlers, exportHandlers } from './excel';
import { jobHandlers } from './jobs';
import { officeHandlers } from './office';
import { printHandlers } from './print';
import { policyHandlers } from './policies';
import { targetHandlers } from './targets';
import { reportHandlers } from './reports';
import { rosterHandlers } from './roster';
import { userHandlers } from './users';

/** Every handler of the app. `satisfies` proves it matches the contract, name by name. */
export const handlers = {
  ...officeHandlers,
  ...userHandlers,
  ...rosterHandlers,
  ...enrollHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...excelHandlers,
  ...exportHandlers,
  ...jobHandlers,
  ...printHandlers,
  ...policyHandlers,
  ...targetHandlers,
} satisfies HandlerMap;

export { dispatch, type Context } from './handler';
