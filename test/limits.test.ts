// Issue 10, item 9: one client took 12,000 tickets in 10 s and wrote 3,000 comments. The
// public take and comment routes are limited per address (设置 → 取号与留言限制): a flood
// from one address is turned away with 429 and changes nothing, other addresses carry
// on, the limits follow the setting at once, and a kiosk's retry of a ticket it already
// took always gets it. Addresses come from X-Forwarded-For, which the app believes from
// a proxy on this machine only ("trust proxy": loopback), as the harness is.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, upgrade } from '../server/seed.ts';
import { evolve, fact, type HallSettings } from '../shared/core/facts.ts';
import { hall } from './fixture.ts';
import { startHall, tempDir, type Harness } from './harness.ts';

const T0 = Date.parse('2026-11-26T09:00:00+08:00');
let now = T0;
let h: Harness;

const from = (address: string, key?: string) => ({ 'X-Forwarded-For': address, ...(key && { 'Idempotency-Key': key }) });
const take = (address: string, key?: string) => h.request('POST', '/api/tickets', { serviceId: 'social' }, undefined, from(address, key));
const comment = (address: string, text = '座位不够') => h.request('POST', '/api/comments', { text }, undefined, from(address));
const waiting = async () => (await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'social').waiting as number;

async function start(dir?: string): Promise<void> {
  now = T0;
  h = await startHall({ clock: () => now, limits: 'demo', ...(dir && { dir }) });
}
afterEach(async () => {
  await h?.close();
});

async function saveLimits(admin: string, limits: unknown) {
  const { settings } = (await h.request('GET', '/api/settings', undefined, admin)).body;
  delete settings.printer;
  return h.request('PUT', '/api/settings/hall', { ...settings, limits }, admin);
}

describe('takes from one address', () => {
  it('are cut off with 429 past the limit, taking nothing, while another address still takes', async () => {
    await start();
    expect(DEFAULT_LIMITS.takesPerMinute).toBe(30);
    // A flood, all at once: exactly the limit gets through.
    const flood = await Promise.all(Array.from({ length: 40 }, () => take('10.0.0.66')));
    expect(flood.filter((r) => r.status === 201)).toHaveLength(30);
    const refused = flood.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect([r.status, r.body.error]).toEqual([429, { code: 'too_many_requests', message: '取号太频繁，请稍等一会儿再取' }]);
    // Nothing was taken and no number used up by the refusals.
    expect(await waiting()).toBe(30);
    const kiosk = await take('10.0.0.10');
    expect([kiosk.status, kiosk.body.number]).toEqual([201, 'A031']);

    // The reply says when to try again; the bucket refills evenly (one every 2 s).
    const res = await fetch(`${h.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', ...from('10.0.0.66') }, body: JSON.stringify({ serviceId: 'social' }) });
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '2']);
    now += 2_000;
    expect((await take('10.0.0.66')).status).toBe(201);
    expect((await take('10.0.0.66')).status).toBe(429);
    expect(await waiting()).toBe(32);
  });

  it('pass when they repeat an Idempotency-Key that already took a ticket, counted or not', async () => {
    await start();
    const first = await Promise.all(Array.from({ length: 30 }, (_, i) => take('10.0.0.7', `kiosk-${i}`)));
    expect(first.every((r) => r.status === 201)).toBe(true);
    // The answers were lost: every retry gets its ticket, though the address is at its limit.
    for (const [i, r] of first.entries()) expect(await take('10.0.0.7', `kiosk-${i}`)).toEqual(r);
    const fresh = await take('10.0.0.7', 'kiosk-new');
    expect([fresh.status, fresh.body.error.code]).toEqual([429, 'too_many_requests']);
    expect(await waiting()).toBe(30);
    // A refused key took nothing: tried again once there is room, it takes its ticket.
    now += 2_000;
    expect([(await take('10.0.0.7', 'kiosk-new')).status, await waiting()]).toEqual([201, 31]);
  });
});

describe('comments from one address', () => {
  it('are cut off with 429 past the limit, saving nothing, while another address still writes', async () => {
    await start();
    expect(DEFAULT_LIMITS.commentsPerHour).toBe(20);
    const flood = await Promise.all(Array.from({ length: 25 }, (_, i) => comment('10.0.0.66', `刷留言 ${i} ${'很'.repeat(900)}`)));
    expect(flood.filter((r) => r.status === 201)).toHaveLength(20);
    for (const r of flood.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('too_many_requests');
      expect(r.body.error.message).toMatch(/留言太频繁/);
    }
    expect((await comment('10.0.0.10', '希望增加窗口')).status).toBe(201);
    const sup = await h.signIn('supervisor');
    expect((await h.request('GET', '/api/comments?limit=100', undefined, sup)).body.comments).toHaveLength(21);
    now += 3 * 60_000; // an hour's 20 refill one every 3 minutes
    expect((await comment('10.0.0.66')).status).toBe(201);
    expect((await comment('10.0.0.66')).status).toBe(429);
  });
});

describe('the limits in 设置', () => {
  it('apply to the next request when changed, both ways, and are audited', async () => {
    const dir = tempDir();
    await start(dir);
    const admin = await h.signIn('admin');
    const saved = await saveLimits(admin, { takesPerMinute: 2, commentsPerHour: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.limits).toEqual({ takesPerMinute: 2, commentsPerHour: 1 });
    expect([(await take('10.0.0.8')).status, (await take('10.0.0.8')).status, (await take('10.0.0.8')).status]).toEqual([201, 201, 429]);
    expect([(await comment('10.0.0.8')).status, (await comment('10.0.0.8')).status]).toEqual([201, 429]);
    // Raised: the address may take as many more as the limit grew by, at once.
    expect((await saveLimits(admin, { takesPerMinute: 5, commentsPerHour: 1 })).status).toBe(200);
    const more = await Promise.all(Array.from({ length: 4 }, () => take('10.0.0.8')));
    expect(more.map((r) => r.status).sort()).toEqual([201, 201, 201, 429]);
    const audit = (await h.request('GET', '/api/audit', undefined, admin)).body;
    expect(audit[0]).toMatchObject({ action: '修改大厅设置', detail: '取号与留言限制' });
    // Kept across a restart, as every setting.
    await h.close();
    h = await startHall({ dir, clock: () => now });
    expect((await h.request('GET', '/api/settings', undefined, await h.signIn('admin'))).body.settings.limits).toEqual({ takesPerMinute: 5, commentsPerHour: 1 });
  });

  it('are validated (400, nothing saved), and left as they are by a client that does not send them', async () => {
    await start();
    const admin = await h.signIn('admin');
    for (const bad of [{ takesPerMinute: 0, commentsPerHour: 20 }, { takesPerMinute: 1.5, commentsPerHour: 20 }, { takesPerMinute: 100_001, commentsPerHour: 20 }, { takesPerMinute: '30', commentsPerHour: 20 }, { takesPerMinute: 30 }, null]) {
      const r = await saveLimits(admin, bad);
      expect([JSON.stringify(bad), r.status, r.body.error.code]).toEqual([JSON.stringify(bad), 400, 'invalid_request']);
    }
    const { settings } = (await h.request('GET', '/api/settings', undefined, admin)).body;
    expect(settings.limits).toEqual(DEFAULT_LIMITS);
    const { limits: _, printer: __, ...older } = settings;
    const r = await h.request('PUT', '/api/settings/hall', { ...older, hallName: '新名字' }, admin);
    expect([r.status, r.body.settings.hallName, r.body.settings.limits]).toEqual([200, '新名字', DEFAULT_LIMITS]);
    // Supervisors read them; only admins change them.
    const sup = await h.signIn('supervisor');
    expect((await h.request('GET', '/api/settings', undefined, sup)).body.settings.limits).toEqual(DEFAULT_LIMITS);
    const { printer: ___, ...mine } = settings;
    expect((await h.request('PUT', '/api/settings/hall', { ...mine, limits: { takesPerMinute: 1000, commentsPerHour: 1000 } }, sup)).status).toBe(403);
  });
});

describe('a data directory from before the limits', () => {
  it('loads with the defaults, and a settings change it journalled keeps them', () => {
    const data = hall();
    delete (data.settings as Partial<typeof data.settings>).limits;
    expect(upgrade(data).settings.limits).toEqual(DEFAULT_LIMITS);
    // Its journal's settings change knows nothing of limits: replayed, it leaves them be.
    const { printer: _, limits: __, ...old } = data.settings;
    evolve(data, fact('SettingsChanged', { settings: { ...old, hallName: '旧大厅' } as HallSettings }));
    expect([data.settings.hallName, data.settings.limits]).toEqual(['旧大厅', DEFAULT_LIMITS]);
  });
});
