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

/** A household visit served at window 3: returns the ticket. */
async function served() {
  const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
  await h.request('POST', '/api/counters/3/next', undefined, clerk);
  await h.request('POST', '/api/counters/3/complete', {}, clerk);
  return t;
}

describe('POST /api/ratings (contract)', () => {
  it('rates a served ticket once', async () => {
    const t = await served();
    const r = await h.request('POST', '/api/ratings', { ticketId: t.id, level: 5 });
    expect(r.status).toBe(201);
    const again = await h.request('POST', '/api/ratings', { ticketId: t.id, level: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');
  });

  it('needs a non-empty reason at levels 1 and 2; a comment is not one', async () => {
    const t = await served();
    for (const body of [{ level: 2 }, { level: 1, reasons: [] }, { level: 1, reasons: [''] }, { level: 2, comment: '太慢了' }]) {
      const r = await h.request('POST', '/api/ratings', { ticketId: t.id, ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('reason_required');
    }
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, level: 1, reasons: ['等候时间太长'] })).status).toBe(201);
  });

  it('answers 404, 409 not_served and 400 as the contract says', async () => {
    expect((await h.request('POST', '/api/ratings', { ticketId: 'nope', level: 5 })).status).toBe(404);
    const waiting = (await h.request('POST', '/api/tickets', { serviceId: 'housing' })).body;
    const r = await h.request('POST', '/api/ratings', { ticketId: waiting.id, level: 5 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('not_served');
    const called = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    await h.request('POST', '/api/counters/3/next', undefined, clerk);
    expect((await h.request('POST', '/api/ratings', { ticketId: called.id, level: 5 })).body.error.code).toBe('not_served');
    await h.request('POST', '/api/counters/3/no-show', undefined, clerk);
    expect((await h.request('POST', '/api/ratings', { ticketId: called.id, level: 5 })).body.error.code).toBe('not_served');
    for (const bad of [{ level: 0 }, { level: 6 }, { level: '5' }, { level: 4.5 }, {}, { level: 3, reasons: 'x' }]) {
      expect((await h.request('POST', '/api/ratings', { ticketId: waiting.id, ...bad })).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('counts in /api/stats: levels 3–5 are satisfied', async () => {
    const before = (await h.request('GET', '/api/stats', undefined, sup)).body.ratings;
    const a = await served();
    const b = await served();
    await h.request('POST', '/api/ratings', { ticketId: a.id, level: 3 });
    await h.request('POST', '/api/ratings', { ticketId: b.id, level: 2, reasons: ['办事效率低'] });
    const after = (await h.request('GET', '/api/stats', undefined, sup)).body.ratings;
    expect(after.count).toBe(before.count + 2);
    expect(after.byLevel['3']).toBe(before.byLevel['3'] + 1);
    expect(after.byLevel['2']).toBe(before.byLevel['2'] + 1);
    const satisfied = after.byLevel['3'] + after.byLevel['4'] + after.byLevel['5'];
    expect(after.satisfiedRate).toBeCloseTo(satisfied / after.count);
  });
});

describe('the window pad (评价器)', () => {
  it('shows who serves, asks after a visit at its window, and goes idle once rated', async () => {
    const pad = await h.socket({ role: 'pad', counterId: '3' });
    expect(await eventually(pad, 'pad:state')).toMatchObject({ counterName: '3号窗口', clerk: { name: '张敏', staffNo: expect.any(String), post: 'A' } });
    const t = await served();
    const asking = await eventually(pad, 'pad:state', (s) => s.request?.ticketId === t.id);
    expect(asking.request).toMatchObject({ number: t.number, serviceName: '户籍' });
    await h.request('POST', '/api/ratings', { ticketId: t.id, level: 5, channel: 'pad' });
    await eventually(pad, 'pad:state', (s) => s.request === null);
    await expect(h.socket({ role: 'pad', counterId: '99' })).rejects.toThrow('unknown_counter');
  });
});

describe('follow-ups and figures (supervisor)', () => {
  it('opens a case for a bad rating with the phone for supervisors only', async () => {
    const t = await served();
    const r = await h.request('POST', '/api/ratings', { ticketId: t.id, level: 1, reasons: ['工作人员态度不好'], phone: '13800001234', channel: 'phone' });
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
