// The county routes at the edge: who may call them, what is refused, and that the key,
// once saved, is never shown again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from '../../test/harness.ts';

let h: Harness;
let admin: string;
let sup: string;
let clerk: string;
beforeAll(async () => {
  h = await startHall();
  admin = await h.signIn('admin');
  sup = await h.signIn('supervisor');
  clerk = await h.signIn('clerk1', '1');
});
afterAll(() => h.close());

const put = (body: unknown, token = admin) => h.request('PUT', '/api/settings/county-link', body, token);

describe('县中心 link in 设置', () => {
  it('is off until set', async () => {
    const r = await h.request('GET', '/api/county-link', undefined, sup);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'off', pending: 0, lastShippedAt: null, source: 'settings', keySet: false });
  });

  it('refuses addresses that are not http(s), a missing hall id or key, with a message a person can act on', async () => {
    for (const body of [{ url: 'ftp://10.0.0.1', hallId: 'h1', key: 'k' }, { url: 'county.local', hallId: 'h1', key: 'k' }, { url: 'http://10.0.0.1 /x', hallId: 'h1', key: 'k' }, { url: 42 }, {}]) {
      const r = await put(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await put({ url: 'http://10.0.0.1:3100' })).status).toBe(400);
    const noKey = await put({ url: 'http://10.0.0.1:3100', hallId: 'h1' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('key_required');
  });

  it('admins only change it; supervisors read the status; clerks get 403', async () => {
    expect((await put({ url: 'http://10.0.0.1:3100', hallId: 'h1', key: 'k1' }, sup)).status).toBe(403);
    expect((await h.request('GET', '/api/county-link', undefined, clerk)).status).toBe(403);
    expect((await h.request('GET', '/api/notices', undefined, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/notices/x/answer', { text: '好' }, clerk)).status).toBe(403);
    expect((await h.request('GET', '/api/county-link')).status).toBe(401);
  });

  it('keeps the key write-only: saved, then only "a key is set"; a save without a key keeps it', async () => {
    const r = await put({ url: 'http://127.0.0.1:9/', hallId: 'h1', key: 'very-secret-key' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ hallId: 'h1', url: 'http://127.0.0.1:9/', keySet: true });
    expect(JSON.stringify(r.body)).not.toContain('very-secret-key');
    const again = await put({ url: 'http://127.0.0.1:9/', hallId: 'h2' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ hallId: 'h2', keySet: true });
    for (const p of ['/api/county-link', '/api/settings', '/api/audit']) expect(JSON.stringify((await h.request('GET', p, undefined, admin)).body)).not.toContain('very-secret-key');
    const off = await put({ url: null });
    expect(off.body).toMatchObject({ state: 'off', keySet: false });
  });
});

describe('督办 notices', () => {
  it('404 for an unknown notice, 400 for an empty or too long answer', async () => {
    expect((await h.request('POST', '/api/notices/nope/answer', { text: '已处理' }, sup)).status).toBe(404);
    expect((await h.request('POST', '/api/notices/__proto__/answer', { text: '已处理' }, sup)).status).toBe(404);
    expect((await h.request('POST', '/api/notices/n1/answer', { text: '  ' }, sup)).status).toBe(400);
    expect((await h.request('POST', '/api/notices/n1/answer', { text: '字'.repeat(501) }, sup)).status).toBe(400);
  });

  it('answers once; a second answer is 409', async () => {
    await h.app.hall.run({ type: 'receiveNotices', notices: [{ id: 'n1', text: '请说明 3 号窗口无人在岗的原因', sentAt: '2026-12-07T09:00:00+08:00' }] });
    expect((await h.request('GET', '/api/notices', undefined, sup)).body).toEqual([{ id: 'n1', text: '请说明 3 号窗口无人在岗的原因', sentAt: '2026-12-07T09:00:00+08:00' }]);
    const r = await h.request('POST', '/api/notices/n1/answer', { text: '窗口人员临时外出办事，已补岗' }, sup);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'n1', answer: '窗口人员临时外出办事，已补岗', answeredByName: '中心主任' });
    const twice = await h.request('POST', '/api/notices/n1/answer', { text: '再答一次' }, sup);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_answered');
  });
});
