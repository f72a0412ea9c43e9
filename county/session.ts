// The county account's session, kept for this browser tab only (sessionStorage): closing
// the tab on a shared office PC ends it.
import type { CountyRole } from '../shared/county/types.ts';
import { countyCall } from './api.ts';

export interface CountySession {
  token: string;
  role: CountyRole;
  username: string;
}

const KEY = 'county.session';

export function loadSession(): CountySession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as CountySession | null;
    return s && typeof s.token === 'string' && (s.role === 'county_admin' || s.role === 'county_viewer') ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: CountySession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

export async function signIn(username: string, password: string): Promise<CountySession> {
  const r = await countyCall<{ token: string; role: CountyRole }>('signIn', { username, password });
  return { token: r.token, role: r.role, username };
}
