// County accounts: the admin creates, disables and resets them, everything is audited,
// and a viewer is refused every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyRoutes } from '../shared/county/routes.ts';
import { startCenter, type CenterHarness } from '../test/center.ts';

let county: CenterHarness;
let admin: string;

beforeAll(async () => {
  county = await startCenter();
  admin = await county.admin();
});
afterAll(async () => {
  await county?.close();
});

const signIn = (username: string, password: string) => county.request('POST', '/api/session', { username, password });

async function viewer(): Promise<{ id: string; token: string }> {
  const made = await county.request('POST', '/api/county/accounts', { username: `v${Math.random().toString(36).slice(2, 8)}`, name: '查看员', role: 'county_viewer' }, admin);
  expect(made.status).toBe(201);
  const s = await signIn(made.body.username, made.body.password);
  expect(s.body.role).toBe('county_viewer');
  return { id: made.body.id, token: s.body.token };
}

describe('county accounts', () => {
  it('creates an account with a password shown once, and refuses a taken username', async () => {
    const made = await county.request('POST', '/api/county/accounts', { username: 'zhang.san', name: '张三', role: 'county_admin' }, admin);
    expect(made.status).toBe(201);
    expect(made.body.password).toMatch(/^\S{10}$/);
    const list = await county.request('GET', '/api/county/accounts', undefined, admin);
    const row = list.body.find((a: any) => a.username === 'zhang.san');
    expect(row).toMatchObject({ name: '张三', role: 'county_admin', disabled: false });
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
    expect((await signIn('zhang.san', made.body.password)).status).toBe(200);
    const again = await county.request('POST', '/api/county/accounts', { username: 'zhang.san', name: '又一个', role: 'county_viewer' }, admin);
    expect(again.status).toBe(409);
    expect((await county.request('POST', '/api/county/accounts', { username: '__proto__ x', name: 'x', role: 'county_viewer' }, admin)).status).toBe(400);
    expect((await county.request('POST', '/api/county/accounts', { username: 'ok1', name: 'x', role: 'root' }, admin)).status).toBe(400);
  });

  it('disabling signs the account out at once and refuses its sign-in; enabling lets it back', async () => {
    const v = await viewer();
    const off = await county.request('POST', `/api/county/accounts/${v.id}/disabled`, { disabled: true }, admin);
    expect(off.status).toBe(200);
    expect((await county.request('GET', '/api/county/halls', undefined, v.token)).status).toBe(401);
    const list = await county.request('GET', '/api/county/accounts', undefined, admin);
    const row = list.body.find((a: any) => a.id === v.id);
    expect(row.disabled).toBe(true);
    const reset = await county.request('POST', `/api/county/accounts/${v.id}/password`, {}, admin);
    expect((await signIn(reset.body.username, reset.body.password)).status).toBe(401);
    await county.request('POST', `/api/county/accounts/${v.id}/disabled`, { disabled: false }, admin);
    expect((await signIn(reset.body.username, reset.body.password)).status).toBe(200);
  });

  it('an admin cannot disable themself nor the last admin', async () => {
    const me = (await county.request('GET', '/api/county/accounts', undefined, admin)).body.find((a: any) => a.username === 'county-admin');
    const r = await county.request('POST', `/api/county/accounts/${me.id}/disabled`, { disabled: true }, admin);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('自己');
    expect((await county.request('POST', '/api/county/accounts/nobody/disabled', { disabled: true }, admin)).status).toBe(404);
  });

  it('a reset password works once given and the old one stops; own password needs the old one', async () => {
    const made = await county.request('POST', '/api/county/accounts', { username: 'li.si', name: '李四', role: 'county_viewer' }, admin);
    const first = await signIn('li.si', made.body.password);
    const reset = await county.request('POST', `/api/county/accounts/${made.body.id}/password`, {}, admin);
    expect(reset.body.password).not.toBe(made.body.password);
    expect((await signIn('li.si', made.body.password)).status).toBe(401);
    expect((await county.request('GET', '/api/county/halls', undefined, first.body.token)).status).toBe(401);
    const token = (await signIn('li.si', reset.body.password)).body.token;
    const other = (await signIn('li.si', reset.body.password)).body.token;
    expect((await county.request('PUT', '/api/session/password', { old: 'wrong-one', new: 'new-password-1' }, token)).status).toBe(403);
    expect((await county.request('PUT', '/api/session/password', { old: reset.body.password, new: 'short' }, token)).status).toBe(400);
    expect((await county.request('PUT', '/api/session/password', { old: reset.body.password, new: 'new-password-1' }, token)).status).toBe(200);
    expect((await county.request('GET', '/api/county/halls', undefined, token)).status).toBe(200);
    expect((await county.request('GET', '/api/county/halls', undefined, other)).status).toBe(401);
    expect((await signIn('li.si', 'new-password-1')).status).toBe(200);
  });

  it('a new hall key works at once and the old one stops; it takes a revoked hall back', async () => {
    const hall = await county.addHall('东坪乡');
    const ship = (key: string) =>
      fetch(county.url + '/api/county/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ hallId: hall.id, hallNow: new Date().toISOString(), lines: [] }) }).then((r) => r.status);
    expect(await ship(hall.key)).toBe(409); // known key: it asks for a baseline
    const rotated = await county.request('POST', `/api/county/halls/${hall.id}/key`, {}, admin);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: hall.id, name: '东坪乡' });
    expect(await ship(hall.key)).toBe(401);
    expect(await ship(rotated.body.key)).toBe(409);
    await county.request('POST', `/api/county/halls/${hall.id}/revoke`, {}, admin);
    expect(await ship(rotated.body.key)).toBe(401);
    const back = await county.request('POST', `/api/county/halls/${hall.id}/key`, {}, admin);
    expect(await ship(back.body.key)).toBe(409);
    expect((await county.request('POST', '/api/county/halls/nope/key', {}, admin)).status).toBe(404);
  });

  it('writes every change to 操作记录 with who made it, never a password or key', async () => {
    const audit = await county.request('GET', '/api/county/audit', undefined, admin);
    expect(audit.status).toBe(200);
    const actions = audit.body.map((a: any) => a.action);
    for (const a of ['add_account', 'disable_account', 'enable_account', 'reset_password', 'change_own_password', 'add_hall', 'rotate_hall_key', 'revoke_hall']) expect(actions).toContain(a);
    expect(audit.body.find((a: any) => a.action === 'add_hall').username).toBe('county-admin');
    const text = JSON.stringify(audit.body);
    expect(text).not.toMatch(/"(password|key)"/);
  });

  it('a viewer is refused every route that is not for viewers, and may read the board', async () => {
    const v = await viewer();
    const hall = await county.addHall('西岭镇');
    const refused: string[] = [];
    for (const [name, r] of Object.entries(countyRoutes)) {
      if (!Array.isArray(r.access) || r.access.includes('county_viewer' as never)) continue;
      const path = r.path.replace(/:id/g, hall.id);
      const res = await county.request(r.method, path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {}, v.token);
      if (res.status !== 403) refused.push(`${name} → ${res.status}`);
    }
    expect(refused).toEqual([]);
    // The only writes a viewer may make are on its own session.
    const viewerWrites = Object.entries(countyRoutes).filter(([, r]) => r.method !== 'GET' && Array.isArray(r.access) && r.access.includes('county_viewer' as never));
    expect(viewerWrites.map(([n]) => n).sort()).toEqual(['changeOwnPassword', 'signOut']);
    expect((await county.request('GET', '/api/county/halls', undefined, v.token)).status).toBe(200);
    // Nothing changed: the hall still ships.
    const list = await county.request('GET', '/api/county/halls', undefined, admin);
    expect(list.body.find((h: any) => h.id === hall.id).revoked).toBeUndefined();
  });
});
