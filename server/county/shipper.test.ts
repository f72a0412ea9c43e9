// The shipper against a county in miniature (fakeCounty.ts) over real HTTP, with the
// real hall on real files. Time is a ManualClock: back-off, heartbeats and request
// deadlines fall due when the test moves it, never after a real sleep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evolve, type Fact } from '../../shared/core/facts.ts';
import type { HallData } from '../../shared/types.ts';
import { ManualClock } from '../../test/clock.ts';
import { startHall, tempDir, type Harness } from '../../test/harness.ts';
import { readJournal } from '../store/journal.ts';
import { FakeCounty } from './fakeCounty.ts';
import { sanitizeState } from './sanitize.ts';
import { backoff, Shipper } from './shipper.ts';
import { hall as smallHall } from '../../test/fixture.ts';

const KEY = 'secret-key-of-h1';
let clock: ManualClock;
let county: FakeCounty;
const open: Harness[] = [];

beforeEach(async () => {
  clock = new ManualClock();
  county = new FakeCounty(clock.now);
  county.addHall('h1', KEY);
  await county.start();
});
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await county.stop();
});

async function hall(dir?: string, random = () => 0.5): Promise<Harness> {
  const h = await startHall({ ...(dir && { dir }), clock: clock.now, timers: clock, county: { random, tuning: { requestTimeoutMs: 60_000 } } });
  open.push(h);
  return h;
}

/** Moves the clock on in small steps, letting real I/O run between them, until `cond` holds. */
async function until(cond: () => boolean | Promise<boolean>, what: string, stepMs = 200, steps = 600): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (await cond()) return;
    clock.advance(stepMs);
    await new Promise((r) => setTimeout(r, 3));
  }
  throw new Error(`never happened: ${what}`);
}

const link = async (h: Harness, admin: string) => {
  const r = await h.request('PUT', '/api/settings/county-link', { url: county.url, hallId: 'h1', key: KEY }, admin);
  expect(r.status).toBe(200);
};
const status = async (h: Harness, token: string) => (await h.request('GET', '/api/county-link', undefined, token)).body;
const synced = (h: Harness, token: string) => async () => {
  const s = await status(h, token);
  return s.state === 'ok' && s.pending === 0;
};

/** A day with the personal data the county must not see: phones, keys, sign-ins, comments. */
async function busyDay(h: Harness): Promise<void> {
  const clerk = await h.signIn('clerk1', '1');
  for (let i = 0; i < 4; i++) {
    const t = await h.request('POST', '/api/tickets', { serviceId: 'social' }, undefined, { 'Idempotency-Key': `take-${i}` });
    expect(t.status).toBe(201);
    expect((await h.request('POST', '/api/counters/1/next', {}, clerk)).status).toBe(200);
    const done = await h.request('POST', '/api/counters/1/complete', i === 1 ? { outcome: 'committed', notify: { name: '张三', phone: '13800000001' } } : {}, clerk);
    expect(done.status).toBe(200);
    const rated = await h.request('POST', '/api/ratings', { ticketId: t.body.id, key: t.body.ratingKey, level: i === 2 ? 1 : 5, ...(i === 2 && { reasons: ['态度不好'], phone: '13900000002' }) });
    expect(rated.status).toBe(201);
  }
  expect((await h.request('POST', '/api/comments', { text: '厕所没纸', contact: '13700000003' })).status).toBe(201);
  expect((await h.request('DELETE', '/api/session', undefined, clerk)).status).toBe(204);
}

describe('shipping to the county', () => {
  it('sends a baseline, then every line once, in order; the county folds it into the hall’s own state, without secrets', async () => {
    const h = await hall();
    const admin = await h.signIn('admin');
    await link(h, admin);
    await busyDay(h);
    await until(synced(h, admin), 'all lines shipped');
    const rec = county.halls.get('h1')!;
    expect(rec.baseline).not.toBeNull();
    const lines = county.held('h1');
    expect(lines.map((l) => l.s)).toEqual(lines.map((_, i) => rec.baseline!.seq + 1 + i));
    const shipped = JSON.stringify({ b: rec.baseline, lines });
    for (const secret of ['13800000001', '13900000002', '13700000003', 'passwordHash', KEY, 'take-1', '"ratingKey"', '"key"', 'CountyLinkChanged']) expect(shipped).not.toContain(secret);

    const mirror = JSON.parse(JSON.stringify(rec.baseline!.data)) as HallData;
    for (const l of lines) for (const f of l.f) evolve(mirror, f as unknown as Fact);
    const expected = await h.app.hall.read((d) => JSON.parse(JSON.stringify(sanitizeState(d))) as unknown);
    expect(JSON.parse(JSON.stringify(mirror))).toEqual(expected);
  });

  it('stores each line exactly once when replies are lost, garbled or never come', async () => {
    const h = await hall();
    const admin = await h.signIn('admin');
    await link(h, admin);
    await until(synced(h, admin), 'baseline');
    for (const mode of ['lost', 'garbage', 'hang'] as const) {
      county.mode = mode;
      await h.request('POST', '/api/tickets', { serviceId: 'social' });
      const takes = () => county.held('h1').filter((l) => l.f.some((f) => f.type === 'TicketTaken')).length;
      const before = takes();
      // 'lost': the county stored the take's line, but its reply never made sense to the hall.
      await until(async () => (await status(h, admin)).state === 'failing' && (mode !== 'lost' || takes() > before), `${mode}: failing`);
      expect((await status(h, admin)).lastError).toBeTruthy();
      county.mode = 'ok';
      await until(synced(h, admin), `${mode}: recovered`);
    }
    const held = county.held('h1');
    expect(new Set(held.map((l) => l.s)).size).toBe(held.length);
    expect(held.filter((l) => l.f.some((f) => f.type === 'TicketTaken'))).toHaveLength(3);
    expect(county.duplicates).toBeGreaterThan(0); // the lost reply's batch came again and was refused, not stored twice
  });

  it('ships the backlog after a restart, keeping the journal files the county has not acknowledged', async () => {
    const dir = tempDir();
    let h = await hall(dir);
    let admin = await h.signIn('admin');
    await link(h, admin);
    await until(synced(h, admin), 'baseline');
    const acked = county.held('h1').at(-1)?.s ?? county.halls.get('h1')!.last!;
    county.mode = 'down';
    for (let i = 0; i < 5; i++) await h.request('POST', '/api/tickets', { serviceId: 'civil' });
    await h.close();
    open.pop();
    // The close took a snapshot; the lines the county lacks are still on disk.
    const kept = await readJournal<{ s: number; f: Fact[] }>(dir, acked);
    expect(kept.filter((l) => l.f.some((f) => f.type === 'TicketTaken'))).toHaveLength(5);
    county.mode = 'ok';
    h = await hall(dir);
    admin = await h.signIn('admin');
    await until(synced(h, admin), 'backlog shipped');
    const held = county.held('h1');
    expect(held.filter((l) => l.s > acked && l.f.some((f) => f.type === 'TicketTaken'))).toHaveLength(5);
    expect(held.map((l) => l.s)).toEqual(held.map((_, i) => held[0]!.s + i));
  });

  it('backs off exponentially with jitter while the county is down, and says since when', async () => {
    county.mode = 'down';
    const tries: number[] = [];
    const counting: typeof fetch = (...args) => {
      tries.push(clock.now());
      return fetch(...args);
    };
    // The link from the environment (COUNTY_*), as main.ts passes it.
    const h = await startHall({ clock: clock.now, timers: clock, county: { random: () => 0, fetch: counting, link: { url: county.url, hallId: 'h1', key: KEY } } });
    open.push(h);
    await until(() => tries.length >= 6, 'six tries', 100, 3000);
    const gaps = tries.slice(1, 6).map((t, i) => t - tries[i]!);
    // random 0: half of each doubling step: 0.5 s, 1 s, 2 s, 4 s, 8 s (to within the test's 100 ms steps)
    gaps.forEach((g, i) => expect(Math.abs(g - 500 * 2 ** i)).toBeLessThanOrEqual(100));
    const s = await status(h, await h.signIn('admin'));
    expect(s).toMatchObject({ state: 'failing', source: 'env', hallId: 'h1' });
    expect(s.since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(s.lastError).toContain('500');
    expect(backoff(1, 0, 60_000)).toBe(500);
    expect(backoff(1, 0.999, 60_000)).toBe(1000);
    expect(backoff(20, 0, 60_000)).toBe(30_000);
    expect(backoff(20, 1, 60_000)).toBe(60_000);
  });

  it('tries again within 5 s while nothing answers at all, so a county back from an outage has the backlog at once', async () => {
    const tries: number[] = [];
    const refused: typeof fetch = () => {
      tries.push(clock.now());
      return Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }));
    };
    const h = await startHall({ clock: clock.now, timers: clock, county: { random: () => 0.999, fetch: refused, link: { url: county.url, hallId: 'h1', key: KEY } } });
    open.push(h);
    await until(() => tries.length >= 9, 'nine tries', 100, 3000);
    const gaps = tries.slice(1, 9).map((t, i) => t - tries[i]!);
    // random ~1: the whole doubling step, 1 s, 2 s, 4 s, then 5 s at most, never the minute an erring county gets
    [1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000].forEach((want, i) => expect(Math.abs(gaps[i]! - want)).toBeLessThanOrEqual(100));
    const s = await status(h, await h.signIn('admin'));
    expect(s).toMatchObject({ state: 'failing' });
    expect(s.lastError).toContain('ECONNREFUSED');
  });

  it('never holds up a take: the county hangs forever and takes still answer at once', async () => {
    county.mode = 'hang';
    const h = await hall();
    const admin = await h.signIn('admin');
    await link(h, admin);
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const t = await h.request('POST', '/api/tickets', { serviceId: 'social' });
      expect(t.status).toBe(201);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect((await status(h, admin)).state).not.toBe('ok');
  });

  it('records the county’s 督办 notices once, and ships the answer back', async () => {
    county.sendNotice('h1', 'n1', '请尽快回访 A003 的差评');
    const h = await hall();
    const admin = await h.signIn('admin');
    await link(h, admin);
    await until(async () => (await h.request('GET', '/api/notices', undefined, admin)).body.length === 1, 'notice recorded');
    clock.advance(30_000); // heartbeats carry the same notice again: still one
    await until(synced(h, admin), 'synced');
    const list = (await h.request('GET', '/api/notices', undefined, admin)).body;
    expect(list).toEqual([{ id: 'n1', text: '请尽快回访 A003 的差评', sentAt: '2026-12-07T10:00:00+08:00' }]);
    const sup = await h.signIn('supervisor');
    const answered = await h.request('POST', '/api/notices/n1/answer', { text: '已回访，群众表示理解' }, sup);
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toBe('已回访，群众表示理解');
    await until(() => county.notices.get('n1')!.answer === '已回访，群众表示理解', 'answer reached the county');
  });
});

describe('the backlog on disk', () => {
  it('ships lines of the old command journal as empty lines, keeping the sequence whole', async () => {
    const data = smallHall();
    county.halls.get('h1')!.last = 0; // the county holds the hall from its very start
    const taken = { type: 'CommentLeft', v: 1, comment: { id: 'c1', kind: 'comment', text: '好', at: '2026-11-26T09:00:00+08:00' } } as Fact;
    const shipper = new Shipper({
      hall: { onApplied: () => () => {}, durableState: async (fn) => fn(data, 3), run: async () => ({ facts: [] }), view: (fn) => fn(data) },
      store: { dir: '/nonexistent' },
      envLink: { url: county.url, hallId: 'h1', key: KEY },
      clock: clock.now,
      timers: clock,
      random: () => 0.5,
      readLines: async (after) => [{ s: 1, c: { type: 'rollover', at: 0 } }, { s: 2, f: [] }, { s: 3, f: [taken] }].filter((l) => l.s > after) as never,
    });
    await shipper.start();
    await until(() => shipper.status().state === 'ok', 'shipped');
    shipper.stop();
    expect(county.held('h1')).toEqual([{ s: 1, f: [] }, { s: 2, f: [] }, { s: 3, f: [taken] }]);
  });
});
