// The real shipper against the real county center: a hall linked by its key ships its
// baseline and every line, the county's figures for it follow the hall's own, and a
// county that goes away and comes back is caught up with, each line stored once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHall, type Harness } from './harness.ts';
import { countyProxy, startCenter, type CenterHarness } from './center.ts';

let county: CenterHarness;
let proxy: Awaited<ReturnType<typeof countyProxy>>;
let hall: Harness;
let hallId: string;

const fast = { coalesceMs: 20, heartbeatMs: 200, maxBackoffMs: 200, requestTimeoutMs: 2000 };

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const countyHall = async (c: CenterHarness) => (await c.request('GET', '/api/county/halls', undefined, await c.admin())).body.find((h: { id: string }) => h.id === hallId);
const stored = async (c: CenterHarness) => (await c.center.db.selectFrom('hall_lines').select(['seq']).where('hall_id', '=', hallId).orderBy('seq').execute()).map((r) => Number(r.seq));

beforeAll(async () => {
  county = await startCenter();
  proxy = await countyProxy();
  proxy.to(county.url);
  const reg = await county.addHall('青山镇');
  hallId = reg.id;
  hall = await startHall({ county: { link: { url: proxy.url, hallId: reg.id, key: reg.key }, tuning: fast } });
});

afterAll(async () => {
  await hall?.close();
  await county?.close();
  await proxy?.close();
});

it('ships on its own: the county shows the hall’s day as the hall counts it', async () => {
  for (let i = 0; i < 4; i++) await hall.request('POST', '/api/tickets', { serviceId: 'household' });
  const clerk = await hall.signIn('clerk3', '3');
  await hall.request('POST', '/api/counters/3/next', {}, clerk);
  const seen = await until(
    () => countyHall(county),
    (h) => h?.today?.taken === 4 && h.today.waiting === 3,
  );
  expect(seen.online).toBe(true);
  const link = await hall.request('GET', '/api/county-link', undefined, await hall.signIn('admin'));
  expect(link.body.state).toMatch(/ok|behind/);
});

it('a county that restarts is caught up with, every line once', async () => {
  const dbUrl = county.dbUrl;
  proxy.to(null);
  await county.close();
  for (let i = 0; i < 5; i++) await hall.request('POST', '/api/tickets', { serviceId: 'social' });
  const admin = await hall.signIn('admin');
  await until(
    async () => (await hall.request('GET', '/api/county-link', undefined, admin)).body,
    (l) => l.state === 'failing' && l.pending > 0,
  );
  county = await startCenter({ dbUrl });
  proxy.to(county.url);
  const seen = await until(
    () => countyHall(county),
    (h) => h?.today?.taken === 9,
  );
  expect(seen.today.waiting).toBe(8);
  const seqs = await stored(county);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
}, 240_000); // 5,200 takes over HTTP beside the other test files on two cores

it('a busy day offline (over 5,000 facts) catches up by itself when the link returns', async () => {
  const dbUrl = county.dbUrl;
  proxy.to(null);
  await county.close();
  const admin = await hall.signIn('admin');
  const before = (await hall.request('GET', '/api/county-link', undefined, admin)).body.pending as number;
  // A market day's takes, fifty at a time, with the county unreachable all along.
  const services = ['social', 'civil', 'household', 'medical', 'finance'];
  for (let i = 0; i < 5200; i += 50) {
    const round = await Promise.all(Array.from({ length: 50 }, (_, j) => hall.request('POST', '/api/tickets', { serviceId: services[(i + j) % services.length] })));
    expect(round.every((r) => r.status === 201)).toBe(true);
  }
  const link = (await hall.request('GET', '/api/county-link', undefined, admin)).body;
  expect(link.state).toBe('failing');
  expect(link.pending - before).toBeGreaterThanOrEqual(5000);

  county = await startCenter({ dbUrl });
  proxy.to(county.url);
  const hallStats = (await hall.request('GET', '/api/stats', undefined, admin)).body;
  const seen = await until(
    () => countyHall(county),
    (h) => h?.today?.taken === hallStats.tickets,
  );
  expect(seen.today.waiting).toBe(hallStats.tickets - hallStats.served - hallStats.noShows - 1);
  await until(
    async () => (await hall.request('GET', '/api/county-link', undefined, admin)).body,
    (l) => l.state === 'ok' && l.pending === 0,
  );
  const seqs = await stored(county);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
}, 240_000); // 5,200 takes over HTTP beside the other test files on two cores
