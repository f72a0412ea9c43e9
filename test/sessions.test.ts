// Sign-ins end when their right does: a password reset, a disabled account or a window
// given to other clerks ends the open sessions and their consoles' sockets at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, startHall, type Harness } from './harness.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHall();
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

const settings = async () => (await h.request('GET', '/api/settings', undefined, admin)).body;

describe('a sign-in loses its right', () => {
  it('when the account’s password is reset', async () => {
    const token = await h.signIn('clerk1', '1');
    const socket = await h.socket({ role: 'staff', token });
    const ended = nextEvent(socket, 'session:ended');
    const u = (await settings()).users.find((x: { username: string }) => x.username === 'clerk1');
    const { id, username, name, staffNo, role, disabled } = u;
    const r = await h.request('PUT', `/api/settings/users/${id}`, { username, name, staffNo, role, disabled, password: 'a-new-password-1' }, admin);
    expect(r.status).toBe(200);
    expect(await ended).toBe('已退出登录');
    expect((await h.request('GET', '/api/session', undefined, token)).status).toBe(401);
  });

  it('when the window is given to other clerks', async () => {
    const token = await h.signIn('clerk2', '2');
    const socket = await h.socket({ role: 'staff', token });
    const ended = nextEvent(socket, 'session:ended');
    const { counters, users } = await settings();
    const w2 = counters.find((c: { id: string }) => c.id === '2');
    const others = users.filter((u: { role: string; username: string }) => u.role === 'clerk' && u.username !== 'clerk2').map((u: { id: string }) => u.id);
    const r = await h.request('PUT', '/api/settings/counters/2', { name: w2.name, serviceIds: w2.serviceIds, clerkA: others[0], clerkB: others[1] }, admin);
    expect(r.status).toBe(200);
    await ended;
    expect((await h.request('POST', '/api/counters/2/next', undefined, token)).status).toBe(401);
    // Someone else's sign-in elsewhere is untouched.
    const clerk3 = await h.signIn('clerk3', '3');
    expect((await h.request('GET', '/api/session', undefined, clerk3)).status).toBe(200);
  });
});
