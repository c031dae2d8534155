import type { HandlerMap } from './handler';
import { officeHandlers } from './office';

/** Every handler of the app. `satisfies` proves it matches the contract, name by name. */
export const handlers = {
  ...officeHandlers,
} satisfies HandlerMap;

export { dispatch, type Context } from './handler';
