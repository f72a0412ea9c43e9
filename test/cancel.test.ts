// 队列调度 through the real server: the supervisor's queue list, cancelling (作废号票),
// moving waiting tickets (to a business or one window) and closing a business at the
// kiosk; who may, the refusals, the audit log, and the pushes that follow (wall screen,
// console, phone).
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
const cancel = (body: unknown, token = sup) => h.request('POST', '/api/tickets/cancel', body, token);

describe('POST /api/tickets/cancel', () => {
  it('cancels a flood of waiting tickets at once; screens, consoles and phones see it', async () => {
    const display = await h.socket({ role: 'display' });
    const clerk = await h.signIn('clerk3', '3');
    const console3 = await h.socket({ role: 'staff', token: clerk });
    const junk = [];
    for (let i = 0; i < 30; i++) junk.push(await take('household'));
    const keep = await take('household');
    const phone = await h.socket({ role: 'ticket', ticketId: junk[0]!.id });
    clock.advance(SLOT_MS);
    await eventually(display, 'hall:state', (s) => s.services.find((x) => x.id === 'household')!.waiting === 31);

    const q = await h.request('GET', '/api/queue', undefined, sup);
    expect(q.status).toBe(200);
    const row = q.body.services.find((s: { serviceId: string }) => s.serviceId === 'household');
    expect(row.waiting.map((t: { id: string }) => t.id)).toEqual([...junk, keep].map((t) => t.id));

    const r = await cancel({ ticketIds: junk.map((t) => t.id), reason: '同一地址 10 秒内连续取号' });
    expect(r.status).toBe(200);
    expect(r.body.cancelled.map((t: { number: string }) => t.number)).toEqual(junk.map((t) => t.number));
    expect(r.body).toMatchObject({ reason: '同一地址 10 秒内连续取号', at: expect.stringMatching(/\+08:00$/) });

    clock.advance(SLOT_MS);
    await eventually(display, 'hall:state', (s) => s.services.find((x) => x.id === 'household')!.waiting === 1);
    const cs = await eventually(console3, 'counter:state', (c) => c.waitingTotal === 1);
    expect(cs.queue.map((t) => t.id)).toEqual([keep.id]);
    expect(await eventually(phone, 'ticket:status', (t) => t.status === 'cancelled')).toMatchObject({ cancelledByStaff: true, ahead: 0 });
    expect((await h.request('GET', `/api/tickets/${junk[0]!.id}`)).body).toMatchObject({ status: 'cancelled', cancelledByStaff: true });
    expect((await h.request('GET', `/api/tickets/${keep.id}`)).body).toMatchObject({ status: 'waiting', ahead: 0 });

    const audit = await h.request('GET', '/api/audit', undefined, sup);
    expect(audit.body[0]).toMatchObject({ action: '作废号票', byName: expect.any(String), detail: '共 30 个号；原因：同一地址 10 秒内连续取号', target: expect.stringContaining(`${junk[0]!.number}、`) });
    expect(audit.body[0].target).toContain('等 30 个号');
  });

  it('cancels no-shows, never a ticket a window holds, and is all or nothing', async () => {
    const clerk = await h.signIn('clerk1', '1');
    const a = await take('social');
    const b = await take('social');
    const c = await take('social');
    expect((await h.request('POST', '/api/counters/1/next', undefined, clerk)).body.ticket.id).toBe(a.id);
    await h.request('POST', '/api/counters/1/no-show', undefined, clerk);
    expect((await h.request('POST', '/api/counters/1/next', undefined, clerk)).body.ticket.id).toBe(b.id);

    const held = await cancel({ ticketIds: [c.id, b.id], reason: '测试' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('not_cancellable');
    expect(held.body.error.message).toContain('1号窗口');
    expect((await h.request('GET', `/api/tickets/${c.id}`)).body.status).toBe('waiting');

    const ok = await cancel({ ticketIds: [a.id, c.id], reason: '测试' });
    expect(ok.status).toBe(200);
    const state = (await h.request('GET', '/api/counters/1/state', undefined, clerk)).body;
    expect(state.noShows).toEqual([]);
    expect(state.current.id).toBe(b.id);
    await h.request('POST', '/api/counters/1/complete', {}, clerk);

    const stats = (await h.request('GET', '/api/stats', undefined, sup)).body;
    expect({ served: stats.served, noShows: stats.noShows }).toEqual({ served: 1, noShows: 0 });
    const report = (await h.request('GET', '/api/reports', undefined, sup)).body;
    expect(report.totals).toMatchObject({ served: 1, noShows: 0, cancelled: 32 });
  });

  it('treats hostile and unknown ids as unknown, and checks the request at the edge', async () => {
    const t = await take('finance');
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', 'nope']) {
      const r = await cancel({ ticketIds: [t.id, id], reason: '测试' });
      expect({ id, status: r.status, code: r.body.error.code }).toEqual({ id, status: 404, code: 'unknown_ticket' });
    }
    expect((await cancel({ ticketIds: [t.id], reason: '  ' })).body.error.code).toBe('reason_required');
    expect((await cancel({ ticketIds: [], reason: '测试' })).status).toBe(400);
    expect((await cancel({ ticketIds: Array.from({ length: 1001 }, (_, i) => `t${i}`), reason: '测试' })).status).toBe(400);
    expect((await cancel({ ticketIds: [{ $gt: '' }], reason: '测试' })).status).toBe(400);
    expect((await cancel({ ticketIds: 'all', reason: '测试' })).status).toBe(400);
    expect((await cancel({ ticketIds: [t.id], reason: '测试' }, await h.signIn('clerk4', '4'))).status).toBe(403);
    expect((await cancel({ ticketIds: [t.id], reason: '测试' }, '')).status).toBe(401);
    expect((await h.request('GET', '/api/queue', undefined, await h.signIn('clerk4', '4'))).status).toBe(403);
    expect((await h.request('GET', `/api/tickets/${t.id}`)).body.status).toBe('waiting');
  });
});

describe('POST /api/tickets/move', () => {
  it('队列调度: moves waiting tickets to one window; its console and the phone see them, the rest do not', async () => {
    const clerk = await h.signIn('clerk6', '6');
    const console6 = await h.socket({ role: 'staff', token: clerk });
    const display = await h.socket({ role: 'display' });
    const h1 = await take('civil');
    const h2 = await take('civil');
    const s1 = await take('housing');
    const phone = await h.socket({ role: 'ticket', ticketId: h2.id });

    const r = await h.request('POST', '/api/tickets/move', { ticketIds: [h1.id, h2.id], counterId: '6', reason: '民政窗口无人' }, sup);
    expect(r.status).toBe(200);
    expect(r.body.moved).toEqual([
      { id: h1.id, number: h1.number, serviceId: 'civil', forCounterId: '6' },
      { id: h2.id, number: h2.number, serviceId: 'civil', forCounterId: '6' },
    ]);
    clock.advance(SLOT_MS);
    const cs = await eventually(console6, 'counter:state', (c) => c.waitingTotal === 3);
    expect(cs.queue.map((t) => t.number)).toEqual([h1.number, h2.number, s1.number]);
    await eventually(display, 'hall:state', (s) => s.services.find((x) => x.id === 'civil')!.waiting === 0);
    expect(await eventually(phone, 'ticket:status', (t) => t.counterId === undefined && t.ahead === 1)).toMatchObject({ number: h2.number, status: 'waiting' });
    expect((await h.request('POST', '/api/counters/6/next', undefined, clerk)).body.ticket.number).toBe(h1.number);

    // Who may, and what is refused: all or nothing, with the server's own words.
    expect((await h.request('POST', '/api/tickets/move', { ticketIds: [h2.id], serviceId: 'housing', reason: 'x' }, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/tickets/move', { ticketIds: [h2.id], reason: 'x' }, sup)).body.error.code).toBe('invalid_request');
    const held = await h.request('POST', '/api/tickets/move', { ticketIds: [h1.id, h2.id], serviceId: 'housing', reason: '改到建房' }, sup);
    expect(held.status).toBe(409);
    expect(held.body.error).toEqual({ code: 'not_movable', message: `${h1.number} 号已被6号窗口呼叫，请由窗口处理，这次没有移动任何号` });
    expect((await h.request('GET', `/api/tickets/${h2.id}`)).body).toMatchObject({ serviceId: 'civil', status: 'waiting' });
  });
});

describe('POST /api/services/pause', () => {
  it('closes a business at the kiosk with a reason, and opens it again; supervisors only', async () => {
    const kiosk = await h.socket({ role: 'display' });
    const clerk = await h.signIn('clerk2', '2');
    expect((await h.request('POST', '/api/services/pause', { serviceId: 'family', reason: '计生办外出' }, clerk)).status).toBe(403);
    expect((await h.request('POST', '/api/services/pause', { serviceId: 'family', reason: ' ' }, sup)).body.error.code).toBe('reason_required');
    const r = await h.request('POST', '/api/services/pause', { serviceId: 'family', reason: '计生办外出' }, sup);
    expect(r.status).toBe(200);
    expect(r.body.find((s: { id: string }) => s.id === 'family')).toMatchObject({ open: false, closedReason: 'paused', pauseReason: '计生办外出' });
    clock.advance(SLOT_MS);
    await eventually(kiosk, 'hall:state', (s) => s.services.find((x) => x.id === 'family')!.pauseReason === '计生办外出');
    const refused = await h.request('POST', '/api/tickets', { serviceId: 'family' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('计生暂停取号：计生办外出');
    expect((await h.request('POST', '/api/services/resume', { serviceId: 'family' }, sup)).body.find((s: { id: string }) => s.id === 'family').open).toBe(true);
    expect((await h.request('POST', '/api/tickets', { serviceId: 'family' })).status).toBe(201);
    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body;
    expect(audit.slice(0, 2).map((a: { action: string }) => a.action)).toEqual(['恢复取号', '暂停取号']);
  });
});
