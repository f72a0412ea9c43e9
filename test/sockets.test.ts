// Socket.IO: what a wall screen, a phone and a console receive.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HallState } from '../shared/types.ts';
import { ManualClock } from './clock.ts';
import { eventually, nextEvent, startHall, type Harness } from './harness.ts';

/**
 * The hall's time stands still unless a test moves it: a push due at once goes out by
 * itself, one held back by the push rhythm (state at most every 250 ms, to wall screens
 * at most every second) goes out when the test moves the clock past its slot.
 */
const clock = new ManualClock();
const SLOT_MS = 1000;
let h: Harness;
beforeAll(async () => {
  h = await startHall({ clock: clock.now, timers: clock });
});
afterAll(() => h.close());

describe('wall screen', () => {
  it('gets the public state at once, with no personal data', async () => {
    const s = await h.socket({ role: 'display' });
    const state = await eventually(s, 'hall:state');
    expect(state.hallName).toBe('青山镇为民服务中心');
    expect(state.counters).toHaveLength(6);
    expect(state.services).toHaveLength(8);
    const text = JSON.stringify(state);
    for (const secret of ['passwordHash', 'token', 'sessions', 'scrypt']) expect(text).not.toContain(secret);
  });

  it('gets ticket:called on each call and recall, and the state after', async () => {
    const s = await h.socket({ role: 'display' });
    const token = await h.signIn('clerk3', '3');
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    clock.advance(SLOT_MS);
    const waiting = await eventually(s, 'hall:state', (st) => st.services.find((x) => x.id === 'household')!.waiting === 1);
    expect(waiting.counters.find((c) => c.id === '3')!.staffed).toBe(true);
    const called = nextEvent(s, 'ticket:called');
    await h.request('POST', '/api/counters/3/next', undefined, token);
    clock.advance(SLOT_MS);
    expect(await called).toMatchObject({ number: t.number, counterId: '3', counterName: '3号窗口', callCount: 1, calledAt: expect.stringMatching(/\+08:00$/), spoken: expect.stringContaining('三号窗口') });
    const state = await eventually(s, 'hall:state', (st) => st.counters.find((c) => c.id === '3')!.current !== null);
    expect(state.counters.find((c) => c.id === '3')!.current).toMatchObject({ number: t.number, status: 'called' });
    expect(state.recent[0]).toMatchObject({ number: t.number, counterId: '3' });
    const recalled = nextEvent(s, 'ticket:called');
    await h.request('POST', '/api/counters/3/recall', undefined, token);
    expect((await recalled).callCount).toBe(2);
    await h.request('POST', '/api/counters/3/complete', {}, token);
  });

  it('refuses a malformed handshake and survives junk events', async () => {
    await expect(h.socket({ role: 'wizard' } as never)).rejects.toThrow('invalid_auth');
    await expect(h.socket({ role: 'staff', token: 'nope' })).rejects.toThrow('unauthorized');
    const s = await h.socket({ role: 'display' });
    (s as any).emit('ticket:watch', { $gt: '' });
    (s as any).emit('no-such-event', 1, 2, 3);
    const ack = await new Promise((r) => s.emit('ticket:watch', 'x'.repeat(1000), r));
    expect(ack).toMatchObject({ ok: false });
    expect((await h.request('GET', '/api/health')).status).toBe(200);
  });
});

describe('phone status page', () => {
  it('follows its ticket live: ahead shrinks, then the window is named', async () => {
    const first = (await h.request('POST', '/api/tickets', { serviceId: 'family' })).body;
    const mine = (await h.request('POST', '/api/tickets', { serviceId: 'family' })).body;
    const s = await h.socket({ role: 'ticket', ticketId: mine.id });
    expect(await eventually(s, 'ticket:status')).toMatchObject({ id: mine.id, status: 'waiting', ahead: 1 });
    const token = await h.signIn('clerk2', '2');
    await h.request('POST', '/api/counters/2/next', undefined, token);
    clock.advance(SLOT_MS);
    expect(await eventually(s, 'ticket:status', (v) => v.ahead === 0)).toMatchObject({ status: 'waiting' });
    await h.request('POST', '/api/counters/2/complete', {}, token);
    await h.request('POST', '/api/counters/2/next', undefined, token);
    clock.advance(SLOT_MS);
    expect(await eventually(s, 'ticket:status', (v) => v.status === 'called')).toMatchObject({ counterId: '2', counterName: '2号窗口' });
    expect(first.id).not.toBe(mine.id);
    await h.request('POST', '/api/counters/2/complete', {}, token);
  });
});

describe('clerk console', () => {
  it('receives its window queue and loses it on sign-out', async () => {
    const token = await h.signIn('clerk6', '6');
    const s = await h.socket({ role: 'staff', token });
    expect((await eventually(s, 'counter:state')).counterId).toBe('6');
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'housing' })).body;
    clock.advance(SLOT_MS);
    const cs = await eventually(s, 'counter:state', (c) => c.queue.some((q) => q.id === t.id));
    expect(cs.waitingTotal).toBeGreaterThanOrEqual(1);
    const ended = nextEvent(s, 'session:ended');
    await h.request('DELETE', '/api/session', undefined, token);
    expect(await ended).toContain('退出');
  });
});

describe('state pushed to the screens', () => {
  it('never shows a call whose journal write has not finished', async () => {
    let hold = false;
    const held: (() => void)[] = [];
    const time = new ManualClock();
    let call: ReturnType<Harness['request']> | undefined; // awaited before close(), also when a check fails
    const hall = await startHall({
      clock: time.now,
      timers: time,
      wrapStore: (files) => ({
        ...files,
        append: (entry) => (hold ? new Promise<void>((resolve, reject) => held.push(() => void files.append(entry).then(resolve, reject))) : files.append(entry)),
      }),
    });
    try {
      const token = await hall.signIn('clerk1', '1');
      const screen = await hall.socket({ role: 'display' });
      const states: HallState[] = [];
      screen.on('hall:state', (st) => states.push(st));
      // The first take goes to the screens at once; the second's push (250 ms on) and
      // its screen slot (1 s on) both fall while the call below is still being written.
      const a = await hall.request('POST', '/api/tickets', { serviceId: 'social' });
      await hall.request('POST', '/api/tickets', { serviceId: 'social' });
      hold = true;
      call = hall.request('POST', '/api/counters/1/next', undefined, token);
      await vi.waitUntil(() => hall.app.hall.view((s) => s.runtime['1']?.currentTicketId) === a.body.id);
      const shownBefore = states.length;
      time.advance(1300); // past the display slot
      // Anything pushed by now reaches the screen ahead of the answer to this.
      await new Promise((r) => screen.emit('ticket:watch', 'none', r));
      const calledOnScreen = (st: HallState) => st.counters.find((c) => c.id === '1')?.current?.number === a.body.number;
      expect(states.length).toBe(shownBefore); // the push waited for the disk
      expect(states.some(calledOnScreen)).toBe(false);
      hold = false;
      held.splice(0).forEach((go) => go());
      expect((await call).status).toBe(200);
      await vi.waitUntil(() => states.some(calledOnScreen));
    } finally {
      hold = false;
      held.splice(0).forEach((go) => go()); // a held request would keep close() waiting
      await call?.catch(() => {}); // its own failure is not the one to report
      await hall.close();
    }
  });
});
