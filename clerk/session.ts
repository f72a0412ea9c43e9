// The clerk's session: signing in at a window, and keeping the token for this tab only.
import type { SessionReply } from '../shared/types.ts';
import { call } from '../web/api.ts';

export type { SessionReply };

export interface ClerkSession {
  token: string;
  counterId: string;
  user: SessionReply['user'];
}

// sessionStorage: a reload keeps the console, closing the tab on a shared PC ends it.
const KEY = 'hall.clerk.session';
// localStorage: the same person usually sits at the same window day after day.
const LAST = 'hall.clerk.last';

export const NOT_A_CLERK = '该账号不是窗口工作人员账号，请到“中心管理”页面登录';

export function loadSession(): ClerkSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ClerkSession | null;
    return s && typeof s.token === 'string' && typeof s.counterId === 'string' && s.user ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: ClerkSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

export function lastSignIn(): { username: string; counterId: string } {
  try {
    const v = JSON.parse(localStorage.getItem(LAST) ?? 'null') as { username?: unknown; counterId?: unknown } | null;
    return { username: typeof v?.username === 'string' ? v.username : '', counterId: typeof v?.counterId === 'string' ? v.counterId : '' };
  } catch {
    return { username: '', counterId: '' };
  }
}

/** Signs in at a window. The server decides whether this clerk may sit there (AB岗). */
export async function signIn(username: string, password: string, counterId: string): Promise<ClerkSession> {
  const r = await call('signIn', { username, password, counterId });
  if (r.role !== 'clerk' || !r.counterId) {
    // Supervisors get a valid token without a window; end it so it does not linger.
    await signOut(r.token);
    throw new Error(NOT_A_CLERK);
  }
  localStorage.setItem(LAST, JSON.stringify({ username, counterId: r.counterId }));
  return { token: r.token, counterId: r.counterId, user: r.user };
}

/** Ends the session on the server; a token already gone (401) or a network fault still signs out locally. */
export async function signOut(token: string): Promise<void> {
  await call('signOut', {}, token).catch(() => undefined);
}
