// The supervisor's session: signing in and out, and keeping the token for this tab only.
import type { Role, SessionReply } from '../shared/types.ts';
import { ApiError, call } from '../web/api.ts';

export type { SessionReply };

export type SupervisorSession = Pick<SessionReply, 'token' | 'role' | 'user'>;

// sessionStorage, not localStorage: closing the tab on a shared office PC ends the session.
const KEY = 'hall.supervisor.session';

export const CLERK_REFUSED = '窗口人员账号不能进入管理页面';

export function loadSession(): SupervisorSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SupervisorSession | null;
    return s && typeof s.token === 'string' && isManager(s.role) ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: SupervisorSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

function isManager(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

/**
 * Signs in without a window; only supervisors and admins get through. Should a clerk
 * ever be handed a token here, the page ends that session at once so it does not linger.
 */
export async function signIn(username: string, password: string): Promise<SupervisorSession> {
  let r: SessionReply;
  try {
    r = await call('signIn', { username, password });
  } catch (e) {
    // The server checks the password first, then asks a clerk for a window: this code
    // therefore means "right password, but a clerk account", which we refuse by name.
    if (e instanceof ApiError && e.code === 'counter_required') throw new Error(CLERK_REFUSED);
    throw e;
  }
  if (!isManager(r.role)) {
    await signOut(r.token);
    throw new Error(CLERK_REFUSED);
  }
  return { token: r.token, role: r.role, user: r.user };
}

/** Ends the session on the server; a token already gone (401) or a network fault still signs out locally. */
export async function signOut(token: string): Promise<void> {
  await call('signOut', {}, token).catch(() => undefined);
}
