// The last answer of each screen's reads, kept so a screen the clerk comes back to draws at
// once, complete, while it asks again; an answer that is the same draws nothing twice (issue 26:
// a repeat screen switch on an old PC). Any call that may have changed the ledger (every call
// that is not a read known here) forgets them all, so this window never shows its own change
// undone; another window's change shows when the screen's fresh answer comes, a moment later.
import type { ApiName } from '../src-main/api/contract';

const LIMIT = 64;
/** `ahead`: when an answer asked ahead was kept (Date.now()); taken as fresh only for a few seconds. */
const answers = new Map<string, { json: string; value: unknown; ahead?: number }>();
const FRESH_MS = 10_000;
/** The reads screens make through useInvoke: read-only by contract, never forget. */
const screenReads = new Set<string>();
/** Reads screens make by hand while the clerk works (search, quote, papers): they change nothing either. */
const PLAIN_READS: ReadonlySet<ApiName> = new Set<ApiName>([
  'roster.find',
  'roster.search',
  'roster.checkId',
  'roster.getPerson',
  'enroll.quote',
  'enroll.receipt',
  'enroll.receiptsOn',
  'reports.notEnrolled',
  'reports.subsidizedNotDeclared',
  'print.householdNotice',
  'print.householdNotices',
  'print.noticeJobs',
  'print.publicList',
  'print.form',
  'print.villageNotice',
  'jobs.get',
  'session.get',
  'glossary.get',
  'office.get',
  'office.policies',
  'villages.list',
  'import.batches',
  'import.report',
  'history.previewMark',
]);

export const slotOf = (name: string, key: string) => `${name}\u0000${key}`;

// Counts the forgettings: an answer asked for before one (a read in flight across a write, a
// logout or another login) is never kept after it.
let cleared = 0;
export const generation = () => cleared;

export function screenRead(name: string): void {
  screenReads.add(name);
}

export const keptAnswer = (slot: string) => answers.get(slot);

/**
 * Keeps an answer asked for in `asked` (generation()), unless everything was forgotten since.
 * `ahead`: asked before any screen wanted it (firstScreen.ts), so the first screen to want it
 * takes it as fresh (takeAhead) instead of asking again.
 */
export function keep(slot: string, json: string, value: unknown, asked = cleared, ahead = false): void {
  if (asked !== cleared) return;
  answers.delete(slot);
  answers.set(slot, ahead ? { json, value, ahead: Date.now() } : { json, value });
  if (answers.size > LIMIT) answers.delete(answers.keys().next().value!);
}

const forgetting = new Set<() => void>();

/** Told each time everything is forgotten (a call that may have changed the ledger). */
export function onForget(listener: () => void): () => void {
  forgetting.add(listener);
  return () => void forgetting.delete(listener);
}

/** After every call: one that is not a known read may have changed what the kept answers say. */
export function called(name: ApiName): void {
  if (!screenReads.has(name) && !PLAIN_READS.has(name)) {
    answers.clear();
    cleared++;
    for (const l of forgetting) l();
  }
}

/** True once for an answer asked ahead: the screen that takes it need not ask again. */
export function takeAhead(slot: string): boolean {
  const a = answers.get(slot);
  if (a?.ahead === undefined) return false;
  const fresh = Date.now() - a.ahead < FRESH_MS;
  delete a.ahead;
  return fresh;
}

export function forget(slot: string): void {
  answers.delete(slot);
}
