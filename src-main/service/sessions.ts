// Who is calling: one session per window or browser tab that logged in, ending after 30
// minutes without use, and a login that slows down after repeated wrong passwords: for the
// user name tried, and for the browser tab trying (one tab going through many names).
import type { SessionUser } from '../types/office';

export const IDLE_MS = 30 * 60 * 1000;
/** Wrong passwords for one user (or from one tab) before each further try has to wait. */
export const FREE_TRIES = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;
/** Past this many names or tabs counted, those without a wrong try for an hour are forgotten (made-up names must not grow it without end). */
const MAX_COUNTED = 10_000;
const FORGET_MS = 3600 * 1000;

interface Session {
  userId: number;
  lastUsed: number;
}

export type SessionState = { user: number } | { user: null; expired: boolean };

/** What one login try counts against: the user name, and the tab's caller key (none for the desktop window). */
export interface Attempt {
  username: string;
  caller: string | null;
}

interface Failures {
  count: number;
  until: number;
  last: number;
}

/** The wrong tries counted for one name or one tab. */
class Counts {
  private readonly byKey = new Map<string, Failures>();

  waitFor(key: string, now: number): number {
    const f = this.byKey.get(key);
    return f ? Math.max(0, f.until - now) : 0;
  }

  /** After FREE_TRIES wrong passwords, each further one doubles the wait (1 s, 2 s, 4 s … 15 min). */
  failed(key: string, now: number): void {
    const count = (this.byKey.get(key)?.count ?? 0) + 1;
    const wait = count < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_TRIES));
    this.byKey.delete(key);
    this.byKey.set(key, { count, until: now + wait, last: now });
    if (this.byKey.size > MAX_COUNTED) this.forgetQuiet(now);
  }

  succeeded(key: string): void {
    this.byKey.delete(key);
  }

  /** The map is in the order of each key's last wrong try (set anew each time), oldest first. */
  private forgetQuiet(now: number): void {
    for (const [key, f] of this.byKey) {
      if (now - f.last < FORGET_MS) break;
      this.byKey.delete(key);
    }
  }
}

export class Sessions {
  private readonly byCaller = new Map<string, Session>();
  private readonly names = new Counts();
  private readonly callers = new Counts();

  /** The user logged in for this caller, touching the session; null when none or idle too long. */
  use(caller: string, now: number): SessionState {
    const state = this.peek(caller, now);
    if (state.user !== null) this.byCaller.get(caller)!.lastUsed = now;
    else if (state.expired) this.byCaller.delete(caller);
    return state;
  }

  /**
   * The same, changing nothing: calls that need no login (a page asking who is logged in, every
   * minute) must not keep a session alive forever, nor take the next call's 已经 30 分钟没有操作.
   */
  peek(caller: string, now: number): SessionState {
    const s = this.byCaller.get(caller);
    if (!s) return { user: null, expired: false };
    if (now - s.lastUsed > IDLE_MS) return { user: null, expired: true };
    return { user: s.userId };
  }

  signIn(caller: string, userId: number, now: number): void {
    this.byCaller.set(caller, { userId, lastUsed: now });
  }

  signOut(caller: string): void {
    this.byCaller.delete(caller);
  }

  /** A restored ledger has other users: nobody stays logged in. */
  endAll(): void {
    this.byCaller.clear();
  }

  /** Milliseconds this try must still wait (for its user name or its tab, the longer), or 0. */
  waitFor(a: Attempt, now: number): number {
    return Math.max(this.names.waitFor(a.username, now), a.caller === null ? 0 : this.callers.waitFor(a.caller, now));
  }

  failed(a: Attempt, now: number): void {
    this.names.failed(a.username, now);
    if (a.caller !== null) this.callers.failed(a.caller, now);
  }

  succeeded(a: Attempt): void {
    this.names.succeeded(a.username);
    if (a.caller !== null) this.callers.succeeded(a.caller);
  }
}

/** What a handler sees of its caller. */
export interface Caller {
  key: string;
  user: SessionUser | null;
  /** The other PC of the office it calls from (issue 30), or none for the main PC itself. */
  seat?: { id: number; name: string } | null;
}
