// Ingest: a real hall's journal, shipped by hand, stored exactly once and folded into the
// county's mirror; refusals store nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from '../test/harness.ts';
import { journalLines, startCenter, type CenterHarness } from '../test/center.ts';
import type { HallData } from '../shared/types.ts';

let hall: Harness;
let county: CenterHarness;
let baseline: HallData;
let hallId: string;
let key: string;
/** The last line the county holds (the hall's journal grows as the tests sign in). */
let shipped = 0;

const ship = (body: unknown, k = key) =>
  county.request('POST', '/api/county/ingest', body, k);
const now = () => new Date().toISOString();
const stored = async () => Number((await county.center.db.selectFrom('hall_lines').select((e) => e.fn.countAll().as('n')).where('hall_id', '=', hallId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  hall = await startHall();
  baseline = hall.app.hall.view((d) => structuredClone(d));
  county = await startCenter();
  ({ id: hallId, key } = await county.addHall());
  // A small day: three tickets, one served and rated well, one no-show.
  const taken = [];
  for (let i = 0; i < 3; i++) taken.push((await hall.request('POST', '/api/tickets', { serviceId: 'household' })).body);
  const clerk = await hall.signIn('clerk3', '3');
  await hall.request('POST', '/api/counters/3/next', {}, clerk);
  await hall.request('POST', '/api/counters/3/complete', { outcome: 'immediate' }, clerk);
  await hall.request('POST', '/api/ratings', { ticketId: taken[0].id, level: 5, key: taken[0].ratingKey });
  await hall.request('POST', '/api/counters/3/next', {}, clerk);
  await hall.request('POST', '/api/counters/3/no-show', {}, clerk);
});

afterAll(async () => {
  await county?.close();
  await hall?.close();
});

describe('ingest', () => {
  it('asks a new hall for its baseline, then stores its lines once and shows its day', async () => {
    const lines = await journalLines(hall.dir);
    expect(lines.length).toBeGreaterThan(5);
    const first = await ship({ hallId, hallNow: now(), lines });
    expect(first.status).toBe(409);
    expect(first.body.error).toMatchObject({ code: 'seq_mismatch', expected: null });
    expect(await stored()).toBe(0);

    const ok = await ship({ hallId, hallNow: now(), baseline: { seq: 0, data: baseline }, lines });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ lastSeq: lines.at(-1)!.s, notices: [] });
    shipped = lines.at(-1)!.s;
    expect(await stored()).toBe(lines.length);

    const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
    const stats = (await hall.request('GET', '/api/stats', undefined, await hall.signIn('admin'))).body;
    expect(list.body[0]).toMatchObject({ id: hallId, online: true, today: { taken: 3, served: stats.served, noShows: stats.noShows, waiting: 1, ratings: 1, badRatings: 0, avgWaitMin: stats.wait.avgMin } });
  });

  it('refuses a replayed, gapped or early batch with where to resume, storing nothing', async () => {
    const lines = (await journalLines(hall.dir)).filter((l) => l.s <= shipped);
    const before = await stored();
    const replay = await ship({ hallId, hallNow: now(), lines: lines.slice(-2) });
    expect(replay.status).toBe(409);
    expect(replay.body.error.expected).toBe(shipped + 1);
    const gap = await ship({ hallId, hallNow: now(), lines: [{ s: shipped + 5, f: [] }] });
    expect(gap.status).toBe(409);
    const holes = await ship({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [] }, { s: shipped + 3, f: [] }] });
    expect(holes.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('refuses a wrong, missing or revoked key, and a body that is not a batch', async () => {
    expect((await ship({ hallId, hallNow: now(), lines: [] }, 'x'.repeat(32))).status).toBe(401);
    expect((await ship({ hallId: 'nobody', hallNow: now(), lines: [] })).status).toBe(401);
    expect((await ship({ hallId, lines: 'no' })).status).toBe(400);
    expect((await ship({ hallId: '__proto__', hallNow: now(), lines: [] })).status).toBe(401);
    const heartbeat = await ship({ hallId, hallNow: now(), lines: [] });
    expect(heartbeat.status).toBe(200);
    const other = await county.addHall('白云乡');
    expect((await ship({ hallId: other.id, hallNow: now(), lines: [] }, other.key)).status).toBe(409);
    expect((await ship({ hallId, hallNow: now(), lines: [] }, other.key)).status).toBe(401);
    await county.request('POST', `/api/county/halls/${other.id}/revoke`, {}, await county.admin());
    expect((await ship({ hallId: other.id, hallNow: now(), lines: [] }, other.key)).status).toBe(401);
  });

  it('a fact that does not fit the hall is refused and the mirror stays as stored', async () => {
    const before = await stored();
    const bad = await ship({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [{ type: 'TicketCalled', v: 1, ticketId: 'nope', counterId: '3', clerkId: 'x', at: now() }] }] });
    expect(bad.status).toBe(422);
    expect(await stored()).toBe(before);
    const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
    expect(list.body[0].today.taken).toBe(3);
  });

  it('a restarted county folds its mirror again from the database', async () => {
    const again = await startCenter({ dbUrl: county.dbUrl });
    try {
      const list = await again.request('GET', '/api/county/halls', undefined, await again.admin());
      expect(list.body[0]).toMatchObject({ id: hallId, today: { taken: 3, waiting: 1, ratings: 1 } });
    } finally {
      await again.close();
    }
  });
});
