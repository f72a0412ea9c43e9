// The county's report of a hall equals the hall's own GET /api/stats for the same days:
// a real hall runs three days (takes, calls, no-shows, ratings, a bad one followed up, a
// bad one voided on review after its day closed, a committed case delivered), ships its
// journal by hand in small batches, and each figure is compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCenter, type CenterHarness } from '../test/center.ts';
import { startHall, type Harness } from '../test/harness.ts';
import type { ShipLine } from '../shared/county/wire.ts';
import { sanitizeLine, sanitizeState } from '../server/county/sanitize.ts';
import type { HallData } from '../shared/types.ts';

let hall: Harness;
let county: CenterHarness;
let hallId: string;
let key: string;
let baseline: HallData;
let shipped = 0;
let now = Date.parse('2026-11-24T08:30:00+08:00'); // a Tuesday
const clock = () => now;
const minutes = (m: number) => (now += m * 60_000);
const D1 = '2026-11-24';
const D2 = '2026-11-25';
const D3 = '2026-11-26';

const ship = (body: unknown) =>
  county.request('POST', '/api/county/ingest', body, key);

/**
 * Every line the hall journals, as appended: the rollover's snapshot drops the journal
 * files it covers, and the hall's own shipper (not this test) keeps what is unshipped.
 */
const journaled: ShipLine[] = [];

/** Everything the hall journaled since the last shipment, three lines a batch. */
async function shipAll(): Promise<void> {
  const lines = journaled.filter((l) => l.s > shipped);
  for (let i = 0; i < lines.length; i += 3) {
    const batch = lines.slice(i, i + 3);
    const r = await ship({ hallId, hallNow: new Date(now).toISOString(), lines: batch, ...(shipped === 0 && { baseline: { seq: 0, data: baseline } }) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    shipped = batch.at(-1)!.s;
  }
}

const take = async (serviceId: string) => (await hall.request('POST', '/api/tickets', { serviceId })).body as { id: string; ratingKey: string };
const rate = async (t: { id: string; ratingKey: string }, level: number) => (await hall.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level, reasons: level <= 2 ? ['办事效率低'] : [] })).body as { followUpId?: string };

/** One window serving its queue: each visit waits a different while. */
async function serve(counter: string, token: string, outcome: Record<string, unknown> = {}) {
  minutes(3);
  await hall.request('POST', `/api/counters/${counter}/next`, undefined, token);
  minutes(2);
  const r = await hall.request('POST', `/api/counters/${counter}/complete`, outcome, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

let badFollowUp = '';
let voidFollowUp = '';
let committedTicket = '';

beforeAll(async () => {
  hall = await startHall({
    clock,
    monotonic: clock,
    wrapStore: (files) => ({
      ...files,
      append: (entry) => {
        // As the hall's shipper sends it: without phones, keys and password hashes.
        journaled.push(sanitizeLine(entry));
        return files.append(entry);
      },
    }),
  });
  baseline = hall.app.hall.view((d) => sanitizeState(structuredClone(d))) as unknown as HallData;
  county = await startCenter();
  ({ id: hallId, key } = await county.addHall('青山镇为民服务中心'));

  // Day 1: household at window 3, social at window 1.
  let clerk3 = await hall.signIn('clerk3', '3');
  let clerk1 = await hall.signIn('clerk1', '1');
  const h = [];
  for (let i = 0; i < 5; i++) {
    h.push(await take('household'));
    minutes(1);
  }
  const s = [await take('social'), await take('social')];
  await serve('3', clerk3);
  await rate(h[0]!, 5);
  await serve('3', clerk3, { outcome: 'committed', notify: { name: '李四', phone: '13912345678' } });
  committedTicket = h[1]!.id;
  await rate(h[1]!, 4);
  minutes(4);
  await hall.request('POST', '/api/counters/3/next', undefined, clerk3);
  minutes(1);
  expect((await hall.request('POST', '/api/counters/3/no-show', undefined, clerk3)).status).toBe(200);
  await serve('3', clerk3);
  badFollowUp = (await rate(h[3]!, 1)).followUpId!;
  await serve('1', clerk1);
  voidFollowUp = (await rate(s[0]!, 2)).followUpId!;
  expect(badFollowUp && voidFollowUp).toBeTruthy();
  // h[4] and s[1] wait until the day ends (cancelled then).
  await shipAll();

  // Day 2: the day-1 bad rating followed up and closed; the other voided on review; the committed case delivered.
  now = Date.parse(`${D2}T08:30:00+08:00`);
  const sup = await hall.signIn('supervisor');
  clerk3 = await hall.signIn('clerk3', '3');
  clerk1 = await hall.signIn('clerk1', '1');
  const d2 = [await take('household'), await take('household'), await take('civil')];
  minutes(7);
  await serve('3', clerk3);
  await rate(d2[0]!, 3);
  await serve('3', clerk3);
  expect((await hall.request('POST', `/api/follow-ups/${badFollowUp}/call-back`, { reached: true, note: '已电话联系' }, sup)).status).toBe(200);
  expect((await hall.request('POST', `/api/follow-ups/${badFollowUp}/resolve`, { kind: 'explain', note: '已解释政策', close: true }, sup)).status).toBe(200);
  await shipAll(); // the close reaches the county in its own batch, after day 1 closed
  expect((await hall.request('POST', `/api/follow-ups/${voidFollowUp}/appeal`, { reason: '群众对政策不满，非服务问题' }, clerk1)).status).toBe(200);
  expect((await hall.request('POST', `/api/follow-ups/${voidFollowUp}/review`, { verdict: 'voided', reason: '核实属实' }, sup)).status).toBe(200);
  expect((await hall.request('POST', `/api/commitments/${committedTicket}/deliver`, {}, clerk3)).status).toBe(200);
  await shipAll();

  // Day 3, still open: the county reads it from its mirror.
  now = Date.parse(`${D3}T08:30:00+08:00`);
  clerk1 = await hall.signIn('clerk1', '1');
  const d3 = [await take('social'), await take('social'), await take('social')];
  minutes(11);
  await serve('1', clerk1);
  await rate(d3[0]!, 2);
  await serve('1', clerk1);
  await rate(d3[1]!, 5);
  await shipAll();
});

afterAll(async () => {
  await county?.close();
  await hall?.close();
});

const round = (x: number) => Math.round(x * 1e9) / 1e9;

async function compare(from: string, to: string) {
  const sup = await hall.signIn('supervisor');
  const own = (await hall.request('GET', `/api/stats?from=${from}&to=${to}`, undefined, sup)).body;
  const r = await county.request('GET', `/api/county/report?from=${from}&to=${to}`, undefined, await county.admin());
  expect(r.status).toBe(200);
  const row = r.body.rows.find((x: { hallId: string }) => x.hallId === hallId);
  const pick = (x: any) => ({ taken: x.taken, served: x.served, noShows: x.noShows, avgWaitMin: round(x.avgWaitMin), p90WaitMin: round(x.p90WaitMin), ratings: x.ratings, satisfiedRate: round(x.satisfiedRate), badRatings: x.badRatings });
  const hallSide = { taken: own.tickets, served: own.served, noShows: own.noShows, avgWaitMin: round(own.wait.avgMin), p90WaitMin: round(own.wait.p90Min), ratings: own.ratings.count, satisfiedRate: round(own.ratings.satisfiedRate), badRatings: own.ratings.byLevel['1'] + own.ratings.byLevel['2'] };
  expect(pick(row), `${from}..${to}`).toEqual(hallSide);
  return { row, own };
}

describe('county report equals the hall’s own figures', () => {
  it('day by day, across closed days, and with the live day', async () => {
    const d1 = await compare(D1, D1);
    // Enough happened for the comparison to mean something.
    expect(d1.row).toMatchObject({ taken: 7, served: 4, noShows: 1 });
    // The level-2 rating was voided on review the next day: left out here as at the hall.
    expect(d1.row.ratings).toBe(3);
    expect(d1.row.badRatings).toBe(1);
    expect(d1.row.avgWaitMin).toBeGreaterThan(0);
    await compare(D2, D2);
    await compare(D3, D3);
    await compare(D1, D2);
    const all = await compare(D1, D3);
    expect(all.row.taken).toBe(13);
    await compare(D2, D3);
    // Days nobody worked: zeros, as at the hall.
    await compare('2026-11-01', '2026-11-20');
  });

  it('counts follow-ups and committed cases kept on time, and breaks the figures down by business', async () => {
    const r = await county.request('GET', `/api/county/report?from=${D1}&to=${D1}`, undefined, await county.admin());
    const row = r.body.rows[0];
    expect(row).toMatchObject({ rank: 1, hallName: '青山镇为民服务中心', followUps: 2, followUpsClosed: 1, followUpsOnTime: 1, followUpsOverdue: 0, committed: 1, committedDelivered: 1, committedOnTime: 1, committedOnTimeRate: 1 });
    // The open follow-up is not due yet: it counts neither way.
    expect(row.followUpsOnTimeRate).toBe(1);
    const household = row.byService.find((s: { serviceId: string }) => s.serviceId === 'household');
    const social = row.byService.find((s: { serviceId: string }) => s.serviceId === 'social');
    expect(household).toMatchObject({ taken: 5, served: 3, noShows: 1, ratings: 3, badRatings: 1 });
    expect(social).toMatchObject({ taken: 2, served: 1, ratings: 0, badRatings: 0 });
    expect(household.taken + social.taken).toBe(row.taken);
  });

  it('ranks halls by satisfaction, then served; a hall with no rating comes last', async () => {
    await county.addHall('白云乡为民服务中心');
    const r = await county.request('GET', `/api/county/report?from=${D1}&to=${D3}`, undefined, await county.admin());
    expect(r.body.rows.map((x: { hallName: string; rank: number }) => [x.rank, x.hallName])).toEqual([
      [1, '青山镇为民服务中心'],
      [2, '白云乡为民服务中心'],
    ]);
    expect(r.body.rows[1]).toMatchObject({ taken: 0, ratings: 0, satisfiedRate: 0, avgWaitMin: 0, p90WaitMin: 0, byService: [] });
  });

  it('exports CSV with a BOM and Chinese headers', async () => {
    const res = await fetch(`${county.url}/api/county/report.csv?from=${D1}&to=${D3}`, { headers: { authorization: `Bearer ${await county.admin()}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[1]).toContain('排名,大厅,业务,取号,办结,过号');
    expect(text).toContain('青山镇为民服务中心,合计,13,');
  });

  it('refuses a reversed or too long period, a bad date, and anyone not signed in', async () => {
    const t = await county.admin();
    expect((await county.request('GET', `/api/county/report?from=${D2}&to=${D1}`, undefined, t)).status).toBe(400);
    expect((await county.request('GET', '/api/county/report?from=2025-01-01&to=2026-11-26', undefined, t)).status).toBe(400);
    expect((await county.request('GET', '/api/county/report?from=2026-13-01&to=2026-11-26', undefined, t)).status).toBe(400);
    expect((await county.request('GET', `/api/county/report?from=${D1}`, undefined, t)).status).toBe(400);
    expect((await county.request('GET', `/api/county/report?from=${D1}&to=${D1}`)).status).toBe(401);
    expect((await county.request('GET', `/api/county/report.csv?from=${D1}&to=${D1}`)).status).toBe(401);
  });

  it('as the days pass, a follow-up still open past its due day counts late, on the hall\'s day', async () => {
    now = Date.parse('2026-12-21T08:30:00+08:00');
    const sup = await hall.signIn('supervisor');
    // The hall says so itself: its follow-up list marks the open one overdue.
    const open = (await hall.request('GET', '/api/follow-ups?status=open', undefined, sup)).body as { id: string; overdue: boolean }[];
    expect(open.find((f) => f.id === voidFollowUp)?.overdue).toBe(true);
    await shipAll();
    const r = await county.request('GET', `/api/county/report?from=${D1}&to=${D1}`, undefined, await county.admin());
    expect(r.body.rows[0]).toMatchObject({ followUps: 2, followUpsOnTime: 1, followUpsOverdue: 1, followUpsOnTimeRate: 0.5 });
    // The closed days' figures did not move.
    await compare(D1, D3);
  });
});
