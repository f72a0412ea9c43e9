// Every id from outside is hostile: each route of the table and each socket event is
// called with the names every plain object answers to (`__proto__`, `constructor`…) in
// every id it takes, by every role. None may answer 5xx, none may create a record under
// such a name, and Object.prototype must come out untouched; the hall then still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths, type RouteName } from '../shared/paths.ts';
import { OBJECT_NAMES } from '../shared/schemas.ts';
import { startHall, type Harness } from './harness.ts';

const NAMES = [...OBJECT_NAMES];
const idFields = ['id', 'serviceId', 'counterId', 'ticketId', 'followUpId', 'commentId', 'number'];

let h: Harness;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  h = await startHall();
  tokens.admin = await h.signIn('admin');
  tokens.supervisor = await h.signIn('supervisor');
  tokens.clerk = await h.signIn('clerk1', '1');
});
afterAll(() => h.close());

const pristine = () => Object.getOwnPropertyNames(Object.prototype).sort().join();

describe('object-property names as ids', () => {
  it('are unknown ids on every route, for every role, and never touch Object.prototype', async () => {
    const before = pristine();
    const fails: string[] = [];
    for (const name of Object.keys(paths) as RouteName[]) {
      if (name === 'signOut') continue; // would end the test's own sessions
      const { method, path } = paths[name];
      for (const bad of NAMES) {
        const url = path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(bad));
        const body = Object.fromEntries(idFields.map((f) => [f, bad]));
        const query = method === 'GET' ? `?${idFields.map((f) => `${f}=${encodeURIComponent(bad)}`).join('&')}` : '';
        for (const who of ['none', 'clerk', 'supervisor', 'admin']) {
          const r = await h.request(method, url + query, method === 'GET' || method === 'DELETE' ? undefined : { ...body, name: '测试', prefix: 'Q', materials: [], committedDays: 3, priorityAllowed: true, dailyQuota: null, enabled: true, avgServiceMin: 5, serviceIds: [bad], clerkA: null, clerkB: null }, tokens[who]);
          const lookup = name === 'ticket' || name === 'ticketQr' || name === 'reprint';
          const wrong = r.status >= 500 || (r.status >= 400 && typeof r.body?.error?.code !== 'string') || (lookup && who !== 'none' && r.status !== 404) || (lookup && r.status === 200);
          if (wrong) fails.push(`${who} ${method} ${url}: ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
        }
      }
    }
    expect(fails).toEqual([]);
    expect(pristine()).toBe(before);
    expect(({} as Record<string, unknown>).print).toBeUndefined();
    const settings = (await h.request('GET', '/api/settings', undefined, tokens.admin)).body;
    const ids = [...settings.services, ...settings.counters, ...settings.users].map((x: { id: string }) => x.id);
    expect(ids.filter((id) => OBJECT_NAMES.has(id))).toEqual([]);
    // The hall goes on as before.
    expect((await h.request('GET', '/api/services')).status).toBe(200);
    expect((await h.request('POST', '/api/tickets', { serviceId: 'social' })).status).toBe(201);
  });

  it('are unknown tickets and windows to sockets', async () => {
    for (const bad of NAMES) {
      const s = await h.socket({ role: 'display' });
      const ack = await new Promise((resolve) => s.emit('ticket:watch', bad, resolve));
      expect(ack).toEqual({ ok: false, error: { code: 'unknown_ticket', message: '没有这个号' } });
      s.close();
      await expect(h.socket({ role: 'pad', token: bad })).rejects.toThrow('unpaired');
      (await h.socket({ role: 'ticket', ticketId: bad })).close(); // a phone page of no ticket: nothing to follow
    }
    expect((await h.request('POST', '/api/tickets', { serviceId: 'social' })).status).toBe(201);
  });
});
