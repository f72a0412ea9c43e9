// Hostile and malformed batches at POST /api/county/ingest: each is refused with a clear
// 4xx in the usual error shape, stores nothing, leaves the mirror as stored, and the
// county keeps taking the real hall's lines afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallData } from '../shared/types.ts';
import { journalLines, startCenter, type CenterHarness } from './center.ts';
import { startHall, type Harness } from './harness.ts';

let hall: Harness;
let county: CenterHarness;
let baseline: HallData;
let hallId: string;
let key: string;
let shipped = 0;
let taken = 0;

const now = () => new Date().toISOString();
const post = async (body: string, headers: Record<string, string> = {}, k = key) => {
  const r = await fetch(county.url + '/api/county/ingest', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${k}`, ...headers }, body });
  const text = await r.text();
  return { status: r.status, text, body: JSON.parse(text) as any };
};
const ship = (body: unknown, k = key) => post(JSON.stringify(body), {}, k);
const stored = async () => Number((await county.center.db.selectFrom('hall_lines').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
/** A batch of this one fact at the next line. */
const one = (f: unknown) => ({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [f] }] });

/** Refused in the error shape, and nothing stored. */
async function refused(r: Promise<{ status: number; text: string; body: any }>, status: number | number[], code?: string) {
  const before = await stored();
  const res = await r;
  expect([status].flat(), res.text).toContain(res.status);
  expect(res.body.error).toMatchObject({ code: code ?? expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
  expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  expect(await stored()).toBe(before);
}

/** The county still takes the real hall's next lines, and its figures follow the hall. */
async function stillServes() {
  await hall.request('POST', '/api/tickets', { serviceId: 'social' });
  taken++;
  const lines = await journalLines(hall.dir, shipped);
  const ok = await ship({ hallId, hallNow: now(), lines });
  expect(ok.status, ok.text).toBe(200);
  shipped = ok.body.lastSeq;
  const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
  expect(list.body.find((h: any) => h.id === hallId).today.taken).toBe(taken);
}

beforeAll(async () => {
  hall = await startHall();
  baseline = hall.app.hall.view((d) => structuredClone(d));
  county = await startCenter();
  ({ id: hallId, key } = await county.addHall());
  for (let i = 0; i < 3; i++) await hall.request('POST', '/api/tickets', { serviceId: 'household' });
  taken = 3;
  const lines = await journalLines(hall.dir);
  const ok = await ship({ hallId, hallNow: now(), baseline: { seq: 0, data: baseline }, lines });
  expect(ok.status, ok.text).toBe(200);
  shipped = ok.body.lastSeq;
});

afterAll(async () => {
  await county?.close();
  await hall?.close();
});

describe('who is shipping', () => {
  it('refuses a wrong, revoked or unknown key, and ids that name an object’s own keys', async () => {
    await refused(ship(one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() }), 'w'.repeat(32)), 401, 'bad_key');
    const other = await county.addHall('白云乡');
    await county.request('POST', `/api/county/halls/${other.id}/revoke`, {}, await county.admin());
    await refused(ship({ hallId: other.id, hallNow: now(), baseline: { seq: 0, data: baseline }, lines: [] }, other.key), 401, 'bad_key');
    await refused(ship({ hallId: 'no-such-hall', hallNow: now(), lines: [] }), 401, 'bad_key');
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString']) await refused(ship({ hallId: id, hallNow: now(), lines: [] }), 401, 'bad_key');
    await refused(post(JSON.stringify({ hallId, hallNow: now(), lines: [] }), { authorization: 'Basic abc' }), 401, 'bad_key');
    await stillServes();
  });
});

describe('where the batch starts', () => {
  it('refuses replayed, gapped and holed sequences with where to resume', async () => {
    const lines = await journalLines(hall.dir);
    await refused(ship({ hallId, hallNow: now(), lines: lines.slice(-2) }), 409, 'seq_mismatch');
    const gap = await ship({ hallId, hallNow: now(), lines: [{ s: shipped + 3, f: [] }] });
    expect(gap.body.error).toMatchObject({ code: 'seq_mismatch', expected: shipped + 1 });
    await refused(ship({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [] }, { s: shipped + 1, f: [] }] }), 400, 'gapped_batch');
    await refused(ship({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [] }, { s: shipped + 3, f: [] }] }), 400, 'gapped_batch');
    // A second baseline would overwrite what the county holds: refused, with where to resume.
    await refused(ship({ hallId, hallNow: now(), baseline: { seq: shipped, data: baseline }, lines: [] }), 409, 'seq_mismatch');
    await stillServes();
  });
});

describe('what the body is', () => {
  it('refuses an oversized, non-JSON, mistyped or deeply nested body', async () => {
    const big = JSON.stringify(one({ type: 'Audited', v: 1, entry: { detail: 'x'.repeat(4.5 * 1024 * 1024) } }));
    await refused(post(big), 413, 'payload_too_large');
    await refused(post('{"hallId": "abc", "lines": ['), 400, 'invalid_json');
    await refused(post('not json at all'), 400, 'invalid_json');
    await refused(post(JSON.stringify(one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() })), { 'content-type': 'text/plain' }), 415);
    await refused(post(JSON.stringify(one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() })), { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    await refused(post('['.repeat(100_000) + ']'.repeat(100_000)), 400);
    // Deep inside a fact that passes its type's check: the store (JSON, jsonb) would recurse.
    // Written as text: JSON.stringify itself would overflow its stack on this.
    const deep = '{"d":'.repeat(50_000) + '{}' + '}'.repeat(50_000);
    const factText = JSON.stringify(one({ type: 'Audited', v: 1, entry: 'DEEP' }));
    await refused(post(factText.replace('"DEEP"', deep)), 400, 'too_deep');
    const fresh = await county.addHall('深山乡');
    const baseText = JSON.stringify({ hallId: fresh.id, hallNow: now(), baseline: { seq: 0, data: { ...baseline, extra: 'DEEP' } }, lines: [] });
    await refused(post(baseText.replace('"DEEP"', '['.repeat(5_000) + ']'.repeat(5_000)), {}, fresh.key), 400, 'too_deep');
    await refused(ship([one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() })]), 400, 'invalid_request');
    await refused(ship({ ...one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() }), extra: 1 }), 400, 'invalid_request');
    await refused(ship({ ...one({ type: 'CounterResumed', v: 1, counterId: '1', at: now() }), hallNow: 'yesterday' }), 400, 'invalid_request');
    await stillServes();
  });

  it('refuses a baseline that is not a hall’s state', async () => {
    const fresh = await county.addHall('石门乡');
    const base = (data: unknown) => ship({ hallId: fresh.id, hallNow: now(), baseline: { seq: 0, data }, lines: [] }, fresh.key);
    await refused(base({}), 400, 'invalid_request');
    await refused(base({ ...baseline, tickets: [] }), 400, 'invalid_request');
    await refused(base({ ...baseline, today: { day: 'monday' } }), 400, 'invalid_request');
    await refused(base({ ...baseline, settings: 'x' }), 400, 'invalid_request');
    // A ticket without what the waiting counts read would count into a queue named "undefined".
    await refused(base({ ...baseline, tickets: { t1: { id: 't1', status: 'waiting' } } }), 400, 'invalid_request');
    await refused(post(`{"hallId":"${fresh.id}","hallNow":"${now()}","lines":[],"baseline":{"seq":0,"data":${JSON.stringify({ ...baseline, tickets: {} }).replace('"tickets":{}', '"tickets":{"__proto__":{"id":"x","status":"waiting","serviceId":"a","priority":false,"takenAt":"x"}}')}}}`, {}, fresh.key), 400, 'invalid_request');
    const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
    expect(list.body.find((h: any) => h.id === fresh.id).today).toBeNull();
    await stillServes();
  });
});

describe('facts the county cannot fold', () => {
  const ticketId = () => hall.app.hall.view((d) => Object.keys(d.tickets)[0]!);
  it('refuses unknown types and versions, wrong shapes and unknown tickets, keeping the mirror as stored', async () => {
    const at = now();
    const bad: unknown[] = [
      { type: 'TicketTeleported', v: 1, ticketId: ticketId() },
      { type: 'NoSuchThing', v: 1 },
      { type: 'TicketCalled', v: 2, ticketId: ticketId(), counterId: '3', clerkId: 'x', at },
      { type: 'TicketCalled', v: 1, ticketId: 'nope', counterId: '3', clerkId: 'x', at },
      { type: 'TicketCalled', v: 1, ticketId: 'constructor', counterId: '3', clerkId: 'x', at },
      { type: 'TicketCalled', v: 1, ticketId: '__proto__', counterId: '3', clerkId: 'x', at },
      { type: 'TicketCalled', v: 1, ticketId: ticketId(), counterId: '__proto__', clerkId: 'x', at },
      { type: 'TicketCalled', v: 1, ticketId: ticketId(), counterId: '3', clerkId: 'x' },
      { type: 'TicketCalled', v: 1, ticketId: 7, counterId: '3', clerkId: 'x', at },
      { type: 'VisitFinished', v: 1, ticketId: ticketId(), counterId: '3', clerkId: 'x', at },
      { type: 'TicketTaken', v: 1, ticket: { id: '__proto__', number: 'A1', serviceId: 'social', priority: false, seq: 9, takenAt: at, status: 'waiting' } },
      { type: 'TicketTaken', v: 1, ticket: { id: 'zz', number: 'A1', serviceId: 'social', seq: 9, takenAt: at, status: 'waiting' } },
      { type: 'TicketTaken', v: 1 },
      { type: 'SignedIn', v: 1, tokenHash: 'constructor', userId: 'u', role: 'clerk', counterId: null, at, expiresAtMs: 1 },
      { type: 'RatingGiven', v: 1, ticketId: ticketId(), rating: { level: 9 } },
      { type: 'CommentReplied', v: 1, commentId: 'nope', reply: {} },
      { type: 'DayClosed', v: 1, day: 'today', nextDay: 'tomorrow', at, atMs: 0 },
      { type: 'CounterResumed', v: 1, counterId: '1', at, constructor: { prototype: {} } },
      { type: 'CountyLinkChanged', v: 1, link: { url: 'http://county', hallId, key: 'k'.repeat(32) } },
      { type: 'NoticeAnswered', v: 1, noticeId: 'no-such-notice', answer: '已处理', by: 'u1', at },
      { type: 'NoticeReceived', v: 1, notice: { id: 'n1', text: '请尽快处理' } },
    ];
    for (const f of bad) await refused(ship(one(f)), [400, 422]);
    // A fact with a key named __proto__, as it arrives on the wire.
    await refused(post(JSON.stringify(one({ type: 'CounterResumed', v: 1, counterId: '1', at })).replace('"counterId"', '"__proto__":{"type":"DayClosed"},"counterId"')), 400, 'invalid_request');
    // A good fact after a bad one in the same batch: the whole batch is refused.
    await refused(ship({ hallId, hallNow: now(), lines: [{ s: shipped + 1, f: [{ type: 'CounterPaused', v: 1, counterId: '1', reason: '休息', at }] }, { s: shipped + 2, f: [{ type: 'TicketCalled', v: 1, ticketId: 'nope', counterId: '3', clerkId: 'x', at }] }] }), 422, 'unfoldable');
    const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
    const seen = list.body.find((h: any) => h.id === hallId);
    expect(seen.today).toMatchObject({ taken, waiting: taken, served: 0 });
    expect(seen.windows.find((w: any) => w.id === '1').paused).toBe(false);
    expect(county.center.mirrors.get(hallId)!.data.runtime['__proto__' as string]).toBeUndefined();
    await stillServes();
  });
});

/** See test/fuzz.test.ts: FUZZ_RUNS searches deeper in one go. */
const RUNS = Number(process.env.FUZZ_RUNS) || 200;

describe('random batches', () => {
  it('are refused with a 4xx in the error shape and store nothing', { timeout: Math.max(60_000, RUNS * 300) }, async () => {
    const junkFact = fc.oneof(fc.anything({ maxDepth: 3 }), fc.object({ maxDepth: 2 }), fc.record({ type: fc.string({ maxLength: 12 }), v: fc.integer() }));
    const batch = fc.record({
      hallId: fc.oneof(fc.constant(hallId), fc.string({ maxLength: 70 })),
      hallNow: fc.oneof(fc.constant(now()), fc.string()),
      lines: fc.oneof(
        fc.array(fc.record({ s: fc.oneof(fc.constant(shipped + 1), fc.integer()), f: fc.array(junkFact, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
        fc.anything({ maxDepth: 2 }),
      ),
    });
    const body = fc.oneof({ arbitrary: batch.map((b) => JSON.stringify(b)), weight: 3 }, { arbitrary: fc.json({ maxDepth: 4 }), weight: 1 }, { arbitrary: fc.string(), weight: 1 });
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const r = await post(text);
        // The one random body that may pass: an empty batch, a heartbeat (it stores nothing).
        const heartbeat = (() => {
          try {
            const b = JSON.parse(text) as { hallId?: unknown; lines?: unknown };
            return b.hallId === hallId && Array.isArray(b.lines) && b.lines.length === 0;
          } catch {
            return false;
          }
        })();
        if (heartbeat && r.status === 200) return;
        expect(r.status, `${text} → ${r.text}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${text} → ${r.text}`).toBeLessThan(500);
        expect(r.body).toEqual({ error: expect.objectContaining({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) }) });
      }),
      { numRuns: RUNS },
    );
    expect(await stored()).toBe(before);
    await stillServes();
  });
});
