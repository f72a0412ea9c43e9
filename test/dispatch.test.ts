// 队列调度 through the real server: moving waiting tickets (to a business, to one window)
// and closing a business at the kiosk; who may; what is refused; the pushes that follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { eventually, startHall, type Harness } from './harness.ts';

const clock = new ManualClock();
const SLOT_MS = 1000;
let h: Harness;
let sup: string;
beforeAll(async () => {
  h = await startHall({ clock: clock.now, timers: clock });
  sup = await h.signIn('supervisor');
});
afterAll(() => h.close());

const take = async (serviceId: string) => (await h.request('POST', '/api/tickets', { serviceId, print: false })).body as { id: string; number: string };

describe('POST /api/tickets/move', () => {
  it('moves waiting tickets to one window: its console and the phone see them, the rest do not', async () => {
    const clerk = await h.signIn('clerk1', '1');
    const console1 = await h.socket({ role: 'staff', token: clerk });
    const display = await h.socket({ role: 'display' });
    const h1 = await take('household');
    const h2 = await take('household');
    const s1 = await take('social');
    const phone = await h.socket({ role: 'ticket', ticketId: h2.id });

    const r = await h.request('POST', '/api/tickets/move', { ticketIds: [h1.id, h2.id], counterId: '1', reason: '户籍窗口无人' }, sup);
    expect(r.status).toBe(200);
    expect(r.body.moved).toEqual([
      { id: h1.id, number: h1.number, serviceId: 'household', forCounterId: '1' },
      { id: h2.id, number: h2.number, serviceId: 'household', forCounterId: '1' },
    ]);
    clock.advance(SLOT_MS);
    const cs = await eventually(console1, 'counter:state', (c) => c.waitingTotal === 3);
    expect(cs.queue.map((t) => t.number)).toEqual([h1.number, h2.number, s1.number]);
    await eventually(display, 'hall:state', (s) => s.services.find((x) => x.id === 'household')!.waiting === 0);
    expect(await eventually(phone, 'ticket:status', (t) => t.counterId === undefined && t.ahead === 1)).toMatchObject({ number: h2.number, status: 'waiting' });
    expect((await h.request('POST', '/api/counters/1/next', undefined, clerk)).body.ticket.number).toBe(h1.number);

    // Who may, and what is refused: all or nothing, with the server's own words.
    expect((await h.request('POST', '/api/tickets/move', { ticketIds: [h2.id], serviceId: 'social', reason: 'x' }, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/tickets/move', { ticketIds: [h2.id], reason: 'x' }, sup)).body.error.code).toBe('invalid_request');
    const held = await h.request('POST', '/api/tickets/move', { ticketIds: [h1.id, h2.id], serviceId: 'social', reason: '改到社保' }, sup);
    expect(held.status).toBe(409);
    expect(held.body.error).toEqual({ code: 'not_movable', message: `${h1.number} 号已被1号窗口呼叫，请由窗口处理，这次没有移动任何号` });
    expect((await h.request('GET', `/api/tickets/${h2.id}`)).body).toMatchObject({ serviceId: 'household', status: 'waiting' });
  });
});

describe('POST /api/services/pause', () => {
  it('closes a business at the kiosk with a reason, and opens it again; supervisors only', async () => {
    const kiosk = await h.socket({ role: 'display' });
    const clerk = await h.signIn('clerk5', '5');
    expect((await h.request('POST', '/api/services/pause', { serviceId: 'forestry', reason: '林业站外出' }, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/services/pause', { serviceId: 'forestry', reason: ' ' }, sup)).body.error.code).toBe('reason_required');
    const r = await h.request('POST', '/api/services/pause', { serviceId: 'forestry', reason: '林业站外出' }, sup);
    expect(r.status).toBe(200);
    expect(r.body.find((s: { id: string }) => s.id === 'forestry')).toMatchObject({ open: false, closedReason: 'paused', pauseReason: '林业站外出' });
    clock.advance(SLOT_MS);
    await eventually(kiosk, 'hall:state', (s) => s.services.find((x) => x.id === 'forestry')!.pauseReason === '林业站外出');
    const refused = await h.request('POST', '/api/tickets', { serviceId: 'forestry' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('林业暂停取号：林业站外出');
    expect((await h.request('POST', '/api/services/resume', { serviceId: 'forestry' }, sup)).body.find((s: { id: string }) => s.id === 'forestry').open).toBe(true);
    expect((await h.request('POST', '/api/tickets', { serviceId: 'forestry' })).status).toBe(201);
    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body;
    expect(audit.slice(0, 2).map((a: { action: string }) => a.action)).toEqual(['恢复取号', '暂停取号']);
  });
});
