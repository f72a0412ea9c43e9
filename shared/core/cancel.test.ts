import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import { apply } from './commands.ts';
import { HallError } from './errors.ts';
import { stats } from './stats.ts';
import { dayFacts, ReportBuilder } from './reports.ts';
import { dayNames } from './facts.ts';
import { counterState, hallState } from './views.ts';
import { CANCEL_MAX } from './cancel.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HallError) return { code: e.code, status: e.status };
    throw e;
  }
  throw new Error('expected a refusal');
};

const cancel = (d: ReturnType<typeof hall>, ticketIds: string[], reason = '同一人连续取号，恶意占号', at = T0 + min(5)) =>
  apply(d, { type: 'cancelTickets', userId: 'admin', ticketIds, reason, at });

describe('a supervisor cancels tickets', () => {
  it('cancels waiting tickets and no-shows, out of the queue, with who and why, audited once', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    const a3 = take(d, 'a', T0 + 2);
    const b1 = take(d, 'b', T0 + 3);
    expect(next(d, '1', T0 + min(1))!.id).toBe(a1.id);
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + min(2) });
    const { facts } = cancel(d, [a1.id, a3.id, b1.id]);
    expect(facts.map((f) => f.type)).toEqual(['TicketCancelled', 'TicketCancelled', 'TicketCancelled', 'Audited']);
    for (const id of [a1.id, a3.id, b1.id]) {
      expect(d.tickets[id]).toMatchObject({ status: 'cancelled', cancelReason: 'staff', cancelledBy: 'admin', cancelNote: '同一人连续取号，恶意占号' });
    }
    expect(d.tickets[a2.id]!.status).toBe('waiting');
    expect(d.today.waiting).toEqual({ a: [1, 0], b: [0, 0] });
    expect(d.audit.at(-1)).toMatchObject({ by: 'admin', action: '作废号票', target: 'A001、A003、B001', detail: '共 3 个号；原因：同一人连续取号，恶意占号' });
    // The window's queue and its late arrivals no longer list them; the wall counts one waiting.
    const cs = counterState(d, '2', T0 + min(5))!;
    expect(cs.queue.map((q) => q.id)).toEqual([a2.id]);
    expect(counterState(d, '1', T0 + min(5))!.noShows).toEqual([]);
    expect(hallState(d, T0 + min(5)).services.find((s) => s.id === 'a')!.waiting).toBe(1);
    // The next call skips them.
    expect(next(d, '2', T0 + min(6))!.id).toBe(a2.id);
  });

  it('refuses all of it when one ticket is held by a window, done, unknown or already cancelled', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    const c1 = take(d, 'c', T0 + 2);
    next(d, '1', T0 + min(1)); // a1 called at window 1
    const before = JSON.stringify(d);
    expect(refusal(() => cancel(d, [a2.id, a1.id]))).toEqual({ code: 'not_cancellable', status: 409 });
    expect(refusal(() => cancel(d, [a2.id, 'nope']))).toEqual({ code: 'unknown_ticket', status: 404 });
    for (const hostile of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(refusal(() => cancel(d, [hostile]))).toEqual({ code: 'unknown_ticket', status: 404 });
    }
    expect(refusal(() => cancel(d, [a2.id], '   '))).toEqual({ code: 'reason_required', status: 400 });
    expect(refusal(() => cancel(d, []))).toEqual({ code: 'invalid_request', status: 400 });
    expect(refusal(() => cancel(d, Array.from({ length: CANCEL_MAX + 1 }, (_, i) => `x${i}`)))).toEqual({ code: 'invalid_request', status: 400 });
    expect(JSON.stringify(d)).toBe(before);
    cancel(d, [c1.id, c1.id]); // a repeated id is one ticket
    expect(d.audit.at(-1)!.detail).toBe('共 1 个号；原因：同一人连续取号，恶意占号');
    expect(refusal(() => cancel(d, [c1.id]))).toEqual({ code: 'not_cancellable', status: 409 });
  });

  it('counts cancelled tickets as neither served nor no-shows in stats and reports', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    take(d, 'a', T0 + 1);
    next(d, '1', T0 + min(1));
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + min(2) });
    const ids = Object.keys(d.tickets);
    cancel(d, ids);
    const s = stats(Object.values(d.tickets), []);
    expect({ tickets: s.tickets, served: s.served, noShows: s.noShows }).toEqual({ tickets: 2, served: 0, noShows: 0 });
    const b = new ReportBuilder(d.today.day, d.today.day);
    b.addDay(dayFacts({ day: d.today.day, tickets: Object.values(d.tickets), signIns: [], names: dayNames(d) }, dayNames(d)));
    expect(b.build().totals).toEqual({ taken: 2, served: 0, noShows: 0, cancelled: 2, transferred: 0 });
    expect(d.tickets[a1.id]!.calledAt).toBeDefined(); // its wait until the call stays on record
  });
});
