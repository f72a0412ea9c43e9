// POST /api/ratings exactly as the contract says, the window's pad, follow-up cases,
// the comment book, and who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, nextEvent, startHall, type Harness } from './harness.ts';

let h: Harness;
let clerk: string;
let sup: string;
beforeAll(async () => {
  h = await startHall();
  clerk = await h.signIn('clerk3', '3');
  sup = await h.signIn('supervisor');
});
afterAll(() => h.close());

/** A household visit served at window 3: returns the take's reply (with its ratingKey). */
async function served() {
  const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
  await h.request('POST', '/api/counters/3/next', undefined, clerk);
  await h.request('POST', '/api/counters/3/complete', {}, clerk);
  return t;
}

describe('POST /api/ratings (contract)', () => {
  it('rates a served ticket once', async () => {
    const t = await served();
    const r = await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 5 });
    expect(r.status).toBe(201);
    const again = await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
  });

  it('needs a non-empty reason at levels 1 and 2; a comment is not one', async () => {
    const t = await served();
    for (const body of [{ level: 2 }, { level: 1, reasons: [] }, { level: 1, reasons: [''] }, { level: 2, comment: '太慢了' }]) {
      const r = await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('reason_required');
    }
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 1, reasons: ['等候时间太长'] })).status).toBe(201);
  });

  it('answers 404, 409 not_served and 400 as the contract says', async () => {
    const waiting = (await h.request('POST', '/api/tickets', { serviceId: 'housing' })).body;
    const r = await h.request('POST', '/api/ratings', { ticketId: waiting.id, key: waiting.ratingKey, level: 5 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('not_served');
    const called = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    await h.request('POST', '/api/counters/3/next', undefined, clerk);
    expect((await h.request('POST', '/api/ratings', { ticketId: called.id, key: called.ratingKey, level: 5 })).body.error.code).toBe('not_served');
    await h.request('POST', '/api/counters/3/no-show', undefined, clerk);
    expect((await h.request('POST', '/api/ratings', { ticketId: called.id, key: called.ratingKey, level: 5 })).body.error.code).toBe('not_served');
    for (const bad of [{ level: 0 }, { level: 6 }, { level: '5' }, { level: 4.5 }, {}, { level: 3, reasons: 'x' }]) {
      expect((await h.request('POST', '/api/ratings', { ticketId: waiting.id, key: waiting.ratingKey, ...bad })).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('counts in /api/stats: levels 3–5 are satisfied', async () => {
    const before = (await h.request('GET', '/api/stats', undefined, sup)).body.ratings;
    const a = await served();
    const b = await served();
    await h.request('POST', '/api/ratings', { ticketId: a.id, key: a.ratingKey, level: 3 });
    await h.request('POST', '/api/ratings', { ticketId: b.id, key: b.ratingKey, level: 2, reasons: ['办事效率低'] });
    const after = (await h.request('GET', '/api/stats', undefined, sup)).body.ratings;
    expect(after.count).toBe(before.count + 2);
    expect(after.byLevel['3']).toBe(before.byLevel['3'] + 1);
    expect(after.byLevel['2']).toBe(before.byLevel['2'] + 1);
    const satisfied = after.byLevel['3'] + after.byLevel['4'] + after.byLevel['5'];
    expect(after.satisfiedRate).toBeCloseTo(satisfied / after.count);
  });
});

describe('the window pad (评价器)', () => {
  it('is paired by a supervisor, shows who serves, asks after a visit at its window, and rates it without a key', async () => {
    expect((await h.request('POST', '/api/pads', { counterId: '3' }, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/pads', { counterId: '99' }, sup)).status).toBe(404);
    const paired = await h.request('POST', '/api/pads', { counterId: '3' }, sup);
    expect(paired.status).toBe(201);
    expect(paired.body).toMatchObject({ counterId: '3', counterName: '3号窗口', token: expect.any(String) });
    const padToken = paired.body.token as string;
    const pad = await h.socket({ role: 'pad', token: padToken });
    expect(await eventually(pad, 'pad:state')).toMatchObject({ counterName: '3号窗口', clerk: { name: '张敏', staffNo: expect.any(String), post: 'A' } });
    const t = await served();
    const asking = await eventually(pad, 'pad:state', (s) => s.request?.ticketId === t.id);
    expect(asking.request).toMatchObject({ number: t.number, serviceName: '户籍' });
    const r = await h.request('POST', '/api/ratings', { ticketId: t.id, level: 5 }, padToken);
    expect(r.status).toBe(201);
    expect(r.body.channel).toBe('pad');
    await eventually(pad, 'pad:state', (s) => s.request === null);
    // A staff token is not a pad: a clerk cannot rate the visits of their own window.
    const mine = await served();
    expect((await h.request('POST', '/api/ratings', { ticketId: mine.id, level: 5 }, clerk)).body.error.code).toBe('not_your_ticket');
    expect((await h.request('GET', '/api/pads', undefined, sup)).body).toEqual([expect.objectContaining({ counterId: '3', byName: expect.any(String) })]);
  });

  it('rates only its own window, and stops when paired again or unpaired', async () => {
    const first = (await h.request('POST', '/api/pads', { counterId: '3' }, sup)).body.token as string;
    const clerk1 = await h.signIn('clerk1', '1');
    const elsewhere = (await h.request('POST', '/api/tickets', { serviceId: 'social' })).body;
    await h.request('POST', '/api/counters/1/next', undefined, clerk1);
    await h.request('POST', '/api/counters/1/complete', {}, clerk1);
    expect((await h.request('POST', '/api/ratings', { ticketId: elsewhere.id, level: 1, reasons: ['x'] }, first)).body.error.code).toBe('not_your_ticket');

    const old = await h.socket({ role: 'pad', token: first });
    const ended = nextEvent(old, 'session:ended');
    const second = (await h.request('POST', '/api/pads', { counterId: '3' }, sup)).body.token as string;
    await ended;
    const t = await served();
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, level: 5 }, first)).body.error.code).toBe('not_your_ticket');
    await expect(h.socket({ role: 'pad', token: first })).rejects.toThrow('unpaired');
    expect((await h.request('DELETE', '/api/pads/3', undefined, sup)).status).toBe(204);
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, level: 5 }, second)).body.error.code).toBe('not_your_ticket');
    expect((await h.request('DELETE', '/api/pads/3', undefined, sup)).body.error.code).toBe('no_pad');
    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['绑定评价器', '解除评价器绑定']));
  });
});

describe('rating keys (评价码)', () => {
  it('come with each take, stay out of every view of the ticket, and are the same on a retried take', async () => {
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' }, undefined, { 'idempotency-key': 'rk-1' })).body;
    expect(t.ratingKey).toMatch(/^\d{6}$/);
    expect(t.statusUrl).toContain(`?k=${t.ratingKey}`);
    const again = (await h.request('POST', '/api/tickets', { serviceId: 'household' }, undefined, { 'idempotency-key': 'rk-1' })).body;
    expect(again.ratingKey).toBe(t.ratingKey);
    await h.request('POST', '/api/counters/3/next', undefined, clerk);
    const seen = [
      await h.request('GET', `/api/tickets/${t.id}`),
      await h.request('GET', `/api/tickets/by-number/${t.number}`),
      await h.request('GET', '/api/hall'),
      await h.request('GET', '/api/counters/3/state', undefined, clerk),
      await h.request('POST', '/api/counters/3/complete', {}, clerk),
    ];
    for (const r of seen) expect(JSON.stringify(r.body)).not.toContain(t.ratingKey);
  });

  it('refuse a rating without the key, 403 before anything else about the ticket, and let the holder rate after', async () => {
    const t = await served();
    const wrong = String((Number(t.ratingKey) + 1) % 1_000_000).padStart(6, '0');
    for (const body of [{ ticketId: t.id }, { ticketId: t.id, key: wrong }, { ticketId: t.id, key: '' }, { ticketId: 'no-such-ticket', key: t.ratingKey }, { ticketId: '__proto__', key: t.ratingKey }]) {
      const r = await h.request('POST', '/api/ratings', { ...body, level: 1, reasons: ['工作人员态度不好'] });
      expect(r.status, JSON.stringify(body)).toBe(403);
      expect(r.body.error.code).toBe('not_your_ticket');
    }
    // A waiting ticket with a wrong key says nothing about its status.
    const waiting = (await h.request('POST', '/api/tickets', { serviceId: 'housing' })).body;
    expect((await h.request('POST', '/api/ratings', { ticketId: waiting.id, level: 5 })).body.error.code).toBe('not_your_ticket');
    expect((await h.request('GET', '/api/follow-ups?status=open', undefined, sup)).body.some((f: any) => f.ticketId === t.id)).toBe(false);
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 5 })).status).toBe(201);
  });

  it('lock a ticket after 5 wrong keys (its pad may still rate it) and pause an address after 20', async () => {
    // A hall of its own: the wrong keys of the other tests count against this address too.
    const own = await startHall();
    try {
      const [ownSup, ownClerk] = [await own.signIn('supervisor'), await own.signIn('clerk3', '3')];
      const serve = async () => {
        const x = (await own.request('POST', '/api/tickets', { serviceId: 'household' })).body;
        await own.request('POST', '/api/counters/3/next', undefined, ownClerk);
        await own.request('POST', '/api/counters/3/complete', {}, ownClerk);
        return x as { id: string; ratingKey: string };
      };
      const wrong = (x: { ratingKey: string }, i: number) => String((Number(x.ratingKey) + 1 + i) % 1_000_000).padStart(6, '0');
      const padToken = (await own.request('POST', '/api/pads', { counterId: '3' }, ownSup)).body.token as string;
      const t = await serve();
      for (let i = 0; i < 5; i++) expect((await own.request('POST', '/api/ratings', { ticketId: t.id, key: wrong(t, i), level: 5 })).status).toBe(403);
      const locked = await own.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 5 });
      expect(locked.status).toBe(403);
      expect(locked.body.error.message).toContain('评价器');
      expect((await own.request('POST', '/api/ratings', { ticketId: t.id, level: 5 }, padToken)).status).toBe(201);

      // 5 wrong keys above and 15 more over other tickets: the address is paused.
      const others = [await serve(), await serve(), await serve()];
      for (let i = 0; i < 15; i++) {
        const o = others[i % 3]!;
        expect((await own.request('POST', '/api/ratings', { ticketId: o.id, key: wrong(o, i), level: 5 })).status).toBe(403);
      }
      const fresh = await serve();
      const paused = await own.request('POST', '/api/ratings', { ticketId: fresh.id, key: fresh.ratingKey, level: 5 });
      expect(paused.status).toBe(429);
      expect(paused.body.error.code).toBe('too_many_attempts');
    } finally {
      await own.close();
    }
  });
});

describe('follow-ups and figures (supervisor)', () => {
  it('opens a case for a bad rating with the phone for supervisors only', async () => {
    const t = await served();
    const r = await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 1, reasons: ['工作人员态度不好'], phone: '13800001234', channel: 'phone' });
    const id = r.body.followUpId as string;
    expect(id).toEqual(expect.any(String));
    expect((await h.request('GET', '/api/follow-ups', undefined, clerk)).status).toBe(403);
    const open = (await h.request('GET', '/api/follow-ups?status=open', undefined, sup)).body;
    expect(open.find((f: any) => f.id === id)).toMatchObject({ number: t.number, phone: '13800001234', level: 1, overdue: false, counterId: '3', clerkId: 'u-clerk3', serviceName: '户籍', counterName: '3号窗口', clerkName: '张敏' });
    expect((await h.request('POST', `/api/follow-ups/${id}/resolve`, { kind: 'explain', note: '已说明', close: true }, sup)).body.error.code).toBe('call_back_required');
    expect((await h.request('POST', `/api/follow-ups/${id}/call-back`, { reached: true, note: '已回访，群众接受道歉' }, sup)).status).toBe(200);
    const closed = await h.request('POST', `/api/follow-ups/${id}/resolve`, { kind: 'fix', note: '对窗口人员进行批评教育', close: true }, sup);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const summary = (await h.request('GET', '/api/ratings/summary', undefined, sup)).body;
    expect(summary.followUps.closed).toBeGreaterThanOrEqual(1);
    expect(summary.byCounter.find((c: any) => c.id === '3')).toMatchObject({ name: '3号窗口', count: expect.any(Number) });
    expect(summary.byClerk.find((c: any) => c.id === 'u-clerk3').name).toBe('张敏');
    expect(summary.byChannel.phone).toBeGreaterThanOrEqual(1);
  });

  it('lets a clerk see their own ratings but not who gave them', async () => {
    const mine = (await h.request('GET', '/api/me/ratings', undefined, clerk)).body;
    expect(mine.count).toBeGreaterThan(0);
    expect(mine.ratings[0]).toMatchObject({ number: expect.any(String), level: expect.any(Number) });
    expect(JSON.stringify(mine)).not.toContain('13800001234');
    expect((await h.request('GET', '/api/me/ratings', undefined, sup)).status).toBe(403);
  });
});

describe('comment book (意见簿)', () => {
  it('takes comments from anyone and answers from a supervisor', async () => {
    const staff = await h.socket({ role: 'staff', token: sup });
    const pushed = nextEvent(staff, 'comments:changed');
    const c = await h.request('POST', '/api/comments', { kind: 'complaint', text: '大厅座位太少', contact: '李大爷 13900001111' });
    expect(c.status).toBe(201);
    expect((await pushed).unanswered).toBeGreaterThanOrEqual(1);
    expect((await h.request('POST', '/api/comments', { text: '' })).status).toBe(400);
    expect((await h.request('GET', '/api/comments')).status).toBe(401);
    const list = (await h.request('GET', '/api/comments', undefined, sup)).body.comments;
    expect(list[0]).toMatchObject({ kind: 'complaint', text: '大厅座位太少', contact: '李大爷 13900001111' });
    const reply = await h.request('POST', `/api/comments/${c.body.id}/reply`, { text: '已增加座椅' }, sup);
    expect(reply.body.reply.text).toBe('已增加座椅');
  });
});
