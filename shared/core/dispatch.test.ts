import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import { apply } from './commands.ts';
import { HallError } from './errors.ts';
import { evolve, type Fact } from './facts.ts';
import { queueView } from './cancel.ts';
import { counterState, serviceViews, ticketView } from './views.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HallError) return { code: e.code, status: e.status, message: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
};

const move = (d: ReturnType<typeof hall>, ticketIds: string[], to: { serviceId?: string; counterId?: string }, reason = '业务C无人值守', at = T0 + min(5)) =>
  apply(d, { type: 'moveTickets', userId: 'admin', ticketIds, reason, at, ...to });

describe('队列调度: a supervisor moves waiting tickets', () => {
  it('to another business: same number, take time and place in the queue, audited', () => {
    const d = hall(); // window 3 serves only c; window 2 serves a and b
    const a1 = take(d, 'a', T0);
    const c1 = take(d, 'c', T0 + 1);
    const c2 = take(d, 'c', T0 + 2);
    const a2 = take(d, 'a', T0 + 3);
    const { facts } = move(d, [c1.id, c2.id], { serviceId: 'a' });
    expect(facts.map((f) => f.type)).toEqual(['TicketMoved', 'TicketMoved', 'Audited']);
    expect(d.tickets[c1.id]).toMatchObject({ number: 'C001', serviceId: 'a', seq: c1.seq, takenAt: c1.takenAt, status: 'waiting' });
    expect(d.tickets[c1.id]!.moves).toEqual([{ from: 'c', to: 'a', at: expect.any(String), by: 'admin', reason: '业务C无人值守' }]);
    expect(d.audit.at(-1)).toMatchObject({ by: 'admin', action: '移号', target: 'C001、C002', detail: '移到业务A；保留号码和排队顺序；共 2 个号；原因：业务C无人值守' });
    // Window 1 calls them in taking order among a's own: A001, C001, C002, A002.
    const calls = [1, 2, 3, 4].map((i) => {
      const t = next(d, '1', T0 + min(10 + i))!;
      run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(10 + i) + 1 });
      return t.number;
    });
    expect(calls).toEqual(['A001', 'C001', 'C002', 'A002']);
    expect([a1, a2].map((t) => d.tickets[t.id]!.status)).toEqual(['done', 'done']);
  });

  it('to one window: only that window calls it, ahead of later tickets, and the pin is spent once called', () => {
    const d = hall();
    take(d, 'a', T0);
    const c1 = take(d, 'c', T0 + 1);
    take(d, 'a', T0 + 2);
    move(d, [c1.id], { counterId: '2' });
    expect(d.tickets[c1.id]).toMatchObject({ serviceId: 'c', forCounterId: '2' });
    expect(queueView(d).services.find((s) => s.serviceId === 'c')!.waiting[0]).toMatchObject({ number: 'C001', forCounter: '2号窗口' });
    // Window 3 (business c) no longer sees it; window 2 has it second, after A001.
    expect(counterState(d, '3', T0)!.waitingTotal).toBe(0);
    expect(counterState(d, '2', T0)!.queue.map((t) => t.number)).toEqual(['A001', 'C001', 'A002']);
    expect(counterState(d, '1', T0)!.queue.map((t) => t.number)).toEqual(['A001', 'A002']);
    expect(ticketView(d, d.tickets[c1.id]!, undefined, T0).ahead).toBe(1);
    expect(next(d, '3', T0 + min(6))).toBeNull();
    expect(next(d, '1', T0 + min(6))!.number).toBe('A001');
    expect(next(d, '2', T0 + min(7))!.number).toBe('C001');
    expect(d.tickets[c1.id]!.forCounterId).toBeUndefined();
    expect(d.today.waiting).toMatchObject({ '@2': [0, 0], a: [1, 0] });
  });

  it('refuses it all when one ticket is held by a window, already there, or no target is named', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const c1 = take(d, 'c', T0 + 1);
    next(d, '1', T0 + min(1));
    expect(refusal(() => move(d, [c1.id, a1.id], { serviceId: 'b' }))).toMatchObject({ code: 'not_movable', status: 409, message: 'A001 号已被1号窗口呼叫，请由窗口处理，这次没有移动任何号' });
    expect(refusal(() => move(d, [c1.id], { serviceId: 'c' }))).toMatchObject({ code: 'already_there', status: 409 });
    expect(refusal(() => move(d, [c1.id], {}))).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(refusal(() => move(d, [c1.id], { serviceId: 'b' }, '  '))).toMatchObject({ code: 'reason_required', status: 400 });
    expect(refusal(() => move(d, [c1.id], { counterId: '9' }))).toMatchObject({ code: 'unknown_counter', status: 404 });
    expect(d.tickets[c1.id]).toMatchObject({ serviceId: 'c', status: 'waiting' });
    expect(d.tickets[c1.id]!.moves).toBeUndefined();
  });

  it('a retried kiosk take still matches the business the ticket was taken for', () => {
    const d = hall();
    const c1 = apply(d, { type: 'take', id: 'k1', serviceId: 'c', priority: false, channel: 'kiosk', at: T0, key: 'key-1' }).ticket!;
    move(d, [c1.id], { serviceId: 'a' });
    expect(apply(d, { type: 'take', id: 'k2', serviceId: 'c', priority: false, channel: 'kiosk', at: T0 + min(6), key: 'key-1' }).ticket!.id).toBe(c1.id);
  });
});

describe('队列调度: a supervisor closes a business at the kiosk for now', () => {
  it('shows the reason on the kiosk, refuses takes, keeps the queue, audits; reopens by hand or at the day end', () => {
    const d = hall();
    const c1 = take(d, 'c', T0);
    apply(d, { type: 'pauseService', userId: 'admin', serviceId: 'c', reason: '窗口人员外出，请明天再来', at: T0 + min(1) });
    const view = serviceViews(d, T0 + min(2)).find((s) => s.id === 'c')!;
    expect(view).toMatchObject({ open: false, closedReason: 'paused', pauseReason: '窗口人员外出，请明天再来', waiting: 1 });
    expect(refusal(() => take(d, 'c', T0 + min(3)))).toMatchObject({ code: 'service_closed', message: '业务C暂停取号：窗口人员外出，请明天再来' });
    expect(next(d, '3', T0 + min(4))!.id).toBe(c1.id);
    expect(d.audit.at(-1)).toMatchObject({ action: '暂停取号', target: '业务C', by: 'admin' });
    apply(d, { type: 'resumeService', userId: 'admin', serviceId: 'c', at: T0 + min(5) });
    expect(d.audit.at(-1)).toMatchObject({ action: '恢复取号', target: '业务C' });
    expect(serviceViews(d, T0 + min(6)).find((s) => s.id === 'c')!.open).toBe(true);
    expect(apply(d, { type: 'resumeService', userId: 'admin', serviceId: 'c', at: T0 + min(6) }).facts).toEqual([]);
    apply(d, { type: 'pauseService', userId: 'admin', serviceId: 'c', reason: '系统维护', at: T0 + min(7) });
    apply(d, { type: 'rollover', at: T0 + min(24 * 60) });
    expect(serviceViews(d, T0 + min(24 * 60 + 1)).find((s) => s.id === 'c')!.closedReason).toBeNull();
  });

  it('replays from the journal to the same state', () => {
    const d = hall();
    const c1 = take(d, 'c', T0);
    const facts: Fact[] = [
      ...apply(d, { type: 'pauseService', userId: 'admin', serviceId: 'c', reason: '无人值守', at: T0 + 1 }).facts,
      ...move(d, [c1.id], { serviceId: 'a', counterId: '1' }).facts,
    ];
    const e = hall();
    take(e, 'c', T0); // same shape, another id: rename it
    const [t] = Object.values(e.tickets);
    delete e.tickets[t!.id];
    e.tickets[c1.id] = { ...t!, id: c1.id };
    e.today.waiting = { c: [1, 0] };
    for (const f of JSON.parse(JSON.stringify(facts)) as Fact[]) evolve(e, f);
    expect(e.tickets[c1.id]).toEqual(d.tickets[c1.id]);
    expect(e.today.servicePauses).toEqual(d.today.servicePauses);
    expect(e.today.waiting).toEqual(d.today.waiting);
  });
});
