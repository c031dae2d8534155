import type { HandlerMap } from './handler';
import { backupHandlers } from './backup';
import { categoryHandlers } from './categories';
import { glossaryHandlers } from './glossary';
import { historyHandlers } from './history';
import { seasonHandlers } from './season';
import { sessionHandlers } from './session';
import { villageHandlers } from './villages';
import { enrollHandlers } from './enroll';
import { exportHandlers } from './exports';
import { importHandlers } from './imports';
import { paymentHandlers } from './payments';
import { jobHandlers } from './jobs';
import { officeHandlers } from './office';
import { printHandlers } from './print';
import { policyHandlers } from './policies';
import { targetHandlers } from './targets';
import { reportHandlers } from './reports';
import { rosterHandlers } from './roster';
import { userHandlers } from './users';
import { lanHandlers } from './lan';

/** Every handler of the app. `satisfies` proves it matches the contract, name by name. */
export const handlers = {
  ...officeHandlers,
  ...villageHandlers,
  ...sessionHandlers,
  ...categoryHandlers,
  ...glossaryHandlers,
  ...userHandlers,
  ...rosterHandlers,
  ...enrollHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...paymentHandlers,
  ...exportHandlers,
  ...jobHandlers,
  ...printHandlers,
  ...policyHandlers,
  ...targetHandlers,
  ...historyHandlers,
  ...seasonHandlers,
  ...lanHandlers,
} satisfies HandlerMap;

export { dispatch, type Context } from './handler';
