// Who is calling: one session per window or browser tab that logged in, ending after 30
// minutes without use, and a login that slows down after repeated wrong passwords.
import type { SessionUser } from '../types/office';

export const IDLE_MS = 30 * 60 * 1000;
/** Wrong passwords for one user before each further try has to wait. */
export const FREE_TRIES = 5;
const MAX_WAIT_MS = 15 * 60 * 1000;

interface Session {
  userId: number;
  lastUsed: number;
}

export type SessionState = { user: number } | { user: null; expired: boolean };

export class Sessions {
  private readonly byCaller = new Map<string, Session>();
  private readonly failures = new Map<string, { count: number; until: number }>();

  /** The user logged in for this caller, touching the session; null when none or idle too long. */
  use(caller: string, now: number): SessionState {
    const s = this.byCaller.get(caller);
    if (!s) return { user: null, expired: false };
    if (now - s.lastUsed > IDLE_MS) {
      this.byCaller.delete(caller);
      return { user: null, expired: true };
    }
    s.lastUsed = now;
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

  /** Milliseconds this username must still wait before another try, or 0. */
  waitFor(username: string, now: number): number {
    const f = this.failures.get(username);
    return f ? Math.max(0, f.until - now) : 0;
  }

  /** After FREE_TRIES wrong passwords, each further one doubles the wait (1 s, 2 s, 4 s … 15 min). */
  failed(username: string, now: number): void {
    const count = (this.failures.get(username)?.count ?? 0) + 1;
    const wait = count < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (count - FREE_TRIES));
    this.failures.set(username, { count, until: now + wait });
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}

/** What a handler sees of its caller. */
export interface Caller {
  key: string;
  user: SessionUser | null;
}
