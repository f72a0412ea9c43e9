import { describe, expect, it } from 'vitest';
import { hall, min, next, refusal, run, T0, take } from '../../test/fixture.ts';
import { apply } from './commands.ts';
import { currentTicket } from './state.ts';


describe('numbering', () => {
  it('gives each business its own prefix and a 3-digit sequence', () => {
    const d = hall();
    expect(take(d, 'a', T0).number).toBe('A001');
    expect(take(d, 'a', T0 + 1).number).toBe('A002');
    expect(take(d, 'b', T0 + 2).number).toBe('B001');
  });

  it('grows past 999 without reusing a number', () => {
    const d = hall();
    d.today.numbers.A = 998;
    expect(take(d, 'a', T0).number).toBe('A999');
    expect(take(d, 'a', T0).number).toBe('A1000');
  });

  it('refuses unknown, switched-off and closed businesses and leaves the state alone', () => {
    const d = hall({ weekHours: Array.from({ length: 7 }, () => ({ open: '08:30', close: '17:00' })) });
    d.services[1]!.enabled = false;
    const before = JSON.stringify(d);
    expect(refusal(() => take(d, 'zzz', T0))).toEqual({ code: 'unknown_service', status: 400 });
    expect(refusal(() => take(d, 'b', T0))).toEqual({ code: 'service_closed', status: 409 });
    expect(refusal(() => take(d, 'a', Date.parse('2026-11-26T17:00:00+08:00')))).toEqual({ code: 'service_closed', status: 409 });
    expect(refusal(() => take(d, 'a', Date.parse('2026-11-26T08:29:59+08:00')))).toEqual({ code: 'service_closed', status: 409 });
    expect(JSON.stringify(d)).toBe(before);
    expect(take(d, 'a', Date.parse('2026-11-26T08:30:00+08:00')).number).toBe('A001');
  });

  it('keeps special days: holidays closed, market days on their own hours', () => {
    const d = hall({
      weekHours: Array.from({ length: 7 }, () => ({ open: '08:30', close: '17:00' })),
      specialDays: [
        { date: '2026-11-27', name: '逢场天', kind: 'market', hours: { open: '09:00', close: '16:00' } },
        { date: '2026-11-28', name: '节假日', kind: 'holiday', hours: null },
      ],
    });
    expect(refusal(() => take(d, 'a', Date.parse('2026-11-27T08:45:00+08:00'))).code).toBe('service_closed');
    d.today.day = '2026-11-27';
    expect(take(d, 'a', Date.parse('2026-11-27T09:00:00+08:00')).number).toBe('A001');
    expect(refusal(() => take(d, 'a', Date.parse('2026-11-27T16:00:00+08:00'))).code).toBe('service_closed');
    expect(refusal(() => take(d, 'a', Date.parse('2026-11-28T10:00:00+08:00'))).code).toBe('service_closed');
  });

  it('stops at the daily quota', () => {
    const d = hall();
    d.services[0]!.dailyQuota = 2;
    take(d, 'a', T0);
    take(d, 'a', T0);
    expect(refusal(() => take(d, 'a', T0)).code).toBe('quota_reached');
  });

  it('stamps times with the hall offset', () => {
    const d = hall();
    expect(take(d, 'a', T0).takenAt).toBe('2026-11-26T09:00:00.000+08:00');
  });
});

describe('routing', () => {
  it('calls the longest-waiting ticket of the businesses the window serves', () => {
    const d = hall();
    const b1 = take(d, 'b', T0);
    const a1 = take(d, 'a', T0 + min(1));
    expect(next(d, '1', T0 + min(2))?.id).toBe(a1.id); // window 1 serves only A
    run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(3) });
    expect(next(d, '1', T0 + min(4))).toBeNull();
    expect(next(d, '2', T0 + min(4))?.id).toBe(b1.id);
  });

  it('puts priority first, at most priorityCap in a row while others wait', () => {
    const d = hall({ priorityCap: 2 });
    const n1 = take(d, 'a', T0);
    const p1 = take(d, 'a', T0 + 1, true);
    const p2 = take(d, 'a', T0 + 2, true);
    const p3 = take(d, 'a', T0 + 3, true);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = next(d, '1', T0 + min(i + 1))!;
      order.push(t.id);
      run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(i + 1) + 1 });
    }
    expect(order).toEqual([p1.id, p2.id, n1.id, p3.id]);
  });

  it('keeps calling priority when nobody else waits, cap or not', () => {
    const d = hall({ priorityCap: 1 });
    const p1 = take(d, 'a', T0, true);
    const p2 = take(d, 'a', T0 + 1, true);
    expect(next(d, '1', T0 + min(1))?.id).toBe(p1.id);
    run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(2) });
    expect(next(d, '1', T0 + min(3))?.id).toBe(p2.id);
  });

  it('never gives one ticket to two windows', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    const first = next(d, '1', T0 + min(1));
    const second = next(d, '2', T0 + min(1));
    expect([first?.id, second?.id]).toEqual([a1.id, a2.id]);
    expect(refusal(() => next(d, '2', T0 + min(1))).code).toBe('ticket_open'); // window 2 still holds a2
  });

  it('refuses next while a ticket is open or the window is paused', () => {
    const d = hall();
    take(d, 'a', T0);
    take(d, 'a', T0);
    next(d, '1', T0 + 1);
    expect(refusal(() => next(d, '1', T0 + 2))).toEqual({ code: 'ticket_open', status: 409 });
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + 3 });
    run(d, { type: 'pause', counterId: '1', userId: 'u1', reason: '休息', at: T0 + 4 });
    expect(refusal(() => next(d, '1', T0 + 5))).toEqual({ code: 'counter_paused', status: 409 });
    run(d, { type: 'resume', counterId: '1', userId: 'u1', at: T0 + 6 });
    expect(next(d, '1', T0 + 7)?.number).toBe('A002');
  });
});

describe('recall, no-show, reinstate', () => {
  it('counts the first call and stops at the cap', () => {
    const d = hall({ recallCap: 3 });
    take(d, 'a', T0);
    expect(next(d, '1', T0 + 1)?.callCount).toBe(1);
    expect(run(d, { type: 'recall', counterId: '1', userId: 'u1', at: T0 + 2 }).ticket?.callCount).toBe(2);
    expect(run(d, { type: 'recall', counterId: '1', userId: 'u1', at: T0 + 3 }).called?.ticket.callCount).toBe(3);
    expect(refusal(() => run(d, { type: 'recall', counterId: '1', userId: 'u1', at: T0 + 4 }))).toEqual({ code: 'recall_limit', status: 409 });
  });

  it('refuses window actions with nothing at the window', () => {
    const d = hall();
    for (const type of ['recall', 'start', 'noShow'] as const) {
      expect(refusal(() => run(d, { type, counterId: '1', userId: 'u1', at: T0 }))).toEqual({ code: 'no_current_ticket', status: 409 });
    }
    expect(refusal(() => run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 })).code).toBe('no_current_ticket');
    expect(refusal(() => run(d, { type: 'transfer', counterId: '1', userId: 'u1', serviceId: 'b', at: T0 })).code).toBe('no_current_ticket');
  });

  it('takes a no-show out of the queue and a reinstated one back to its place', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    next(d, '1', T0 + min(1));
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + min(2) });
    expect(d.tickets[a1.id]!.status).toBe('no_show');
    expect(currentTicket(d, '1')).toBeNull();
    run(d, { type: 'reinstate', counterId: '2', userId: 'u2', ticketId: a1.id, at: T0 + min(3) });
    expect(d.tickets[a1.id]!.status).toBe('waiting');
    expect(next(d, '1', T0 + min(4))?.id).toBe(a1.id);
    expect(d.tickets[a1.id]!.callCount).toBe(1);
    expect(d.tickets[a2.id]!.status).toBe('waiting');
    expect(refusal(() => run(d, { type: 'reinstate', counterId: '1', userId: 'u1', ticketId: a2.id, at: T0 })).code).toBe('not_no_show');
  });

  it('reinstates only at a window that serves the ticket’s business', () => {
    const d = hall(); // window 3 serves only c
    take(d, 'a', T0);
    const a1 = next(d, '1', T0 + min(1))!;
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + min(2) });
    expect(refusal(() => run(d, { type: 'reinstate', counterId: '3', userId: 'u3', ticketId: a1.id, at: T0 + min(3) }))).toEqual({ code: 'not_your_business', status: 403 });
    expect(d.tickets[a1.id]!.status).toBe('no_show');
  });
});

describe('finishing (四制)', () => {
  const served = () => {
    const d = hall();
    take(d, 'b', T0);
    next(d, '2', T0 + min(1));
    run(d, { type: 'start', counterId: '2', userId: 'u2', at: T0 + min(2) });
    return d;
  };

  it('records 即办 with service start and end', () => {
    const d = served();
    const t = run(d, { type: 'complete', counterId: '2', userId: 'u2', outcome: 'immediate', at: T0 + min(9) }).ticket!;
    expect(t).toMatchObject({ status: 'done', outcome: 'immediate', startedAt: '2026-11-26T09:02:00.000+08:00', finishedAt: '2026-11-26T09:09:00.000+08:00' });
  });

  it('gives 承诺件 a due date in working days for its business', () => {
    const d = served(); // business b: 7 working days, from Thursday 2026-11-26
    const t = run(d, { type: 'complete', counterId: '2', userId: 'u2', outcome: 'committed', at: T0 + min(9) }).ticket!;
    expect(t.dueDate).toBe('2026-12-07');
  });

  it('requires a reason to refuse (不予受理)', () => {
    const d = served();
    expect(refusal(() => run(d, { type: 'complete', counterId: '2', userId: 'u2', outcome: 'refused', note: '  ', at: T0 }))).toEqual({ code: 'reason_required', status: 400 });
    const t = run(d, { type: 'complete', counterId: '2', userId: 'u2', outcome: 'refused', note: '材料不齐', at: T0 + min(5) }).ticket!;
    expect(t).toMatchObject({ outcome: 'refused', note: '材料不齐' });
  });
});

describe('transfer (分流交办)', () => {
  it('keeps number, take time and first clerk, and goes ahead of later arrivals', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const b1 = take(d, 'b', T0 + min(5));
    next(d, '1', T0 + min(6), 'u1');
    run(d, { type: 'transfer', counterId: '1', userId: 'u1', serviceId: 'b', at: T0 + min(8) });
    const t = d.tickets[a1.id]!;
    expect(t).toMatchObject({ number: 'A001', serviceId: 'b', status: 'waiting', takenAt: '2026-11-26T09:00:00.000+08:00', firstClerkId: 'u1', callCount: 0 });
    expect(t.transfers).toEqual([{ from: 'a', to: 'b', at: '2026-11-26T09:08:00.000+08:00', by: 'u1', counterId: '1' }]);
    // Window 2 serves a and b: the transferred A001 (taken 09:00) before B001 (09:05).
    expect(next(d, '2', T0 + min(9), 'u2')?.id).toBe(a1.id);
    expect(d.tickets[a1.id]!.firstClerkId).toBe('u1');
    expect(d.tickets[b1.id]!.status).toBe('waiting');
  });

  it('refuses a transfer to the same or an unknown business', () => {
    const d = hall();
    take(d, 'a', T0);
    next(d, '1', T0 + 1);
    expect(refusal(() => run(d, { type: 'transfer', counterId: '1', userId: 'u1', serviceId: 'a', at: T0 })).code).toBe('same_service');
    expect(refusal(() => run(d, { type: 'transfer', counterId: '1', userId: 'u1', serviceId: 'x', at: T0 })).code).toBe('unknown_service');
  });
});

describe('sign-in (AB岗)', () => {
  const signIn = (d: ReturnType<typeof hall>, userId: string, counterId: string | null) =>
    apply(d, { type: 'signIn', userId, counterId, tokenHash: `h-${userId}-${counterId}`, expiresAtMs: T0 + min(600), at: T0 });

  it('lets a clerk sit at their A window or where they are B, nowhere else', () => {
    const d = hall();
    signIn(d, 'u1', '1');
    signIn(d, 'u2', '1'); // u2 is window 1's B post
    expect(d.runtime['1']!.signedIn?.userId).toBe('u2');
    expect(refusal(() => signIn(d, 'u3', '1'))).toEqual({ code: 'not_your_counter', status: 403 });
    expect(refusal(() => signIn(d, 'u1', null))).toEqual({ code: 'counter_required', status: 400 });
    expect(refusal(() => signIn(d, 'u1', '9'))).toEqual({ code: 'unknown_counter', status: 404 });
    expect(d.signIns.map((s) => s.userId)).toEqual(['u1', 'u2']);
  });
});

describe('rollover', () => {
  it('cancels what is open, archives the day and restarts numbering', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    take(d, 'a', T0 + 2);
    next(d, '1', T0 + min(1));
    run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(2) });
    next(d, '1', T0 + min(3));
    const midnight = Date.parse('2026-11-27T00:00:00+08:00');
    const { archive } = run(d, { type: 'rollover', at: midnight });
    expect(archive?.day).toBe('2026-11-26');
    expect(archive?.tickets.map((t) => t.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(archive?.tickets.find((t) => t.id === a2.id)?.cancelReason).toBe('day_end');
    expect(d.tickets).toEqual({});
    expect(d.today).toEqual({ day: '2026-11-27', nextSeq: 1, numbers: {}, recentServiceMin: {}, takeKeys: {}, ratingKeys: {}, waiting: {} });
    expect(d.runtime['1']!.currentTicketId).toBeNull();
    expect(take(d, 'a', midnight + 1).number).toBe('A001');
    expect(archive?.tickets.find((t) => t.id === a1.id)?.status).toBe('done');
  });

  it('rolls over at midnight in the hall zone, not UTC', () => {
    const d = hall();
    // 23:59 Shanghai is 15:59 UTC: same local day, nothing happens.
    expect(run(d, { type: 'rollover', at: Date.parse('2026-11-26T23:59:59+08:00') })).toEqual({ facts: [] });
    expect(run(d, { type: 'rollover', at: Date.parse('2026-11-26T16:00:00Z') }).archive?.day).toBe('2026-11-26');
  });

  it('never goes back a day when the clock does', () => {
    const d = hall();
    d.today.day = '2026-11-27';
    expect(run(d, { type: 'rollover', at: T0 })).toEqual({ facts: [] });
    expect(d.today.day).toBe('2026-11-27');
  });
});
