import { createContext, useContext } from 'react';
import type { SessionUser } from '../src-main/api/contract';

export interface SessionState {
  /** Who is logged in here, or null (no users yet, or not logged in). */
  user: SessionUser | null;
  /** Whether the office has users (then every window logs in). */
  loginRequired: boolean;
  /** Asks the main process again (after the first user is made, a password changed …). */
  refresh: () => void;
}

export const SessionContext = createContext<SessionState>({ user: null, loginRequired: false, refresh: () => {} });
export const useSession = () => useContext(SessionContext);

/**
 * Whether the one here may do what the administrator does. Before the office has users anyone
 * at the PC may (the main process says the same); after, only an administrator.
 */
export function isAdmin(s: SessionState): boolean {
  return !s.loginRequired || s.user?.role === 'admin';
}

/** The tooltip on a control the role may not use. */
export const ADMIN_ONLY = '只有管理员可以进行这项操作';
