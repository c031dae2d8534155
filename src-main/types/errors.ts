// The kinds of refusal a caller can get, each with a Chinese message.

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  /** Nobody is logged in for this window, or the session ended after 30 idle minutes. */
  | 'unauthenticated'
  | 'unavailable'
  /** Another PC of the office not (or no longer) paired with the main PC (issue 30). */
  | 'unpaired'
  | 'internal';
