import { describe, expect, it } from 'vitest';
import { hall, keyOf, min, next, outcome, run, T0, take } from '../../test/fixture.ts';
import { apply, type Command } from './commands.ts';
import { followUpOverdue } from './due.ts';
import { maskPhone, ratingFigures, workingDaysToClose } from './ratingStats.ts';

const code = outcome;

/** A hall with one served ticket at window 1 (clerk u1) and one still waiting. */
function served() {
  const d = hall();
  const done = take(d, 'a', T0);
  const waiting = take(d, 'a', T0 + 1);
  next(d, '1', T0 + min(1), 'u1');
  run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(6) });
  return { d, done, waiting };
}

/** A rating with the ticket's 评价码, as the phone or kiosk sends it. */
const rate = (ticketId: string, level: number, extra: Partial<Extract<Command, { type: 'rate' }>> = {}): Command => ({
  type: 'rate', ticketId, key: keyOf(ticketId), level, reasons: [], channel: 'pad', followUpId: `f-${ticketId}`, at: T0 + min(7), ...extra,
});

describe('rating a visit', () => {
  it('takes exactly five levels, tied to ticket, business, window and clerk', () => {
    const { d, done } = served();
    expect(code(() => apply(d, rate(done.id, 0)))).toBe('400 invalid_request');
    expect(code(() => apply(d, rate(done.id, 6)))).toBe('400 invalid_request');
    expect(code(() => apply(d, rate(done.id, 3.5)))).toBe('400 invalid_request');
    const { ticket } = apply(d, rate(done.id, 4));
    expect(ticket?.rating).toMatchObject({ level: 4, channel: 'pad', reasons: [] });
    expect(ticket).toMatchObject({ serviceId: 'a', counterId: '1', clerkId: 'u1' });
    expect(d.followUps).toEqual([]);
  });

  it('needs a reason for the two bad levels; a comment is not a reason', () => {
    const { d, done } = served();
    expect(code(() => apply(d, rate(done.id, 2)))).toBe('400 reason_required');
    expect(code(() => apply(d, rate(done.id, 1, { reasons: ['  '], comment: '很差' })))).toBe('400 reason_required');
    expect(done.rating).toBeUndefined();
    expect(code(() => apply(d, rate(done.id, 1, { reasons: ['等候时间太长'] })))).toBe('ok');
  });

  it('rates only served tickets, once, whichever channel is first', () => {
    const { d, done, waiting } = served();
    expect(code(() => apply(d, rate('nope', 5)))).toBe('403 not_your_ticket');
    expect(code(() => apply(d, rate(waiting.id, 5)))).toBe('409 not_served');
    apply(d, rate(done.id, 5, { channel: 'phone' }));
    expect(code(() => apply(d, rate(done.id, 1, { channel: 'kiosk', reasons: ['态度'] })))).toBe('409 already_rated');
    expect(done.rating?.channel).toBe('phone');
  });

  it('refuses no-shows and cancelled tickets as not served', () => {
    const d = hall();
    const t = take(d, 'a', T0);
    next(d, '1', T0 + 1);
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: T0 + 2 });
    expect(code(() => apply(d, rate(t.id, 5)))).toBe('409 not_served');
  });
});

describe('who may rate (评价码 and the window pad)', () => {
  it('asks for proof before anything else, and answers alike for a ticket that does not exist', () => {
    const { d, done, waiting } = served();
    const before = JSON.stringify(d);
    for (const cmd of [
      rate(done.id, 5, { key: undefined }),
      rate(done.id, 5, { key: keyOf(waiting.id) }),
      rate(waiting.id, 5, { key: 'wrong' }),
      rate('nope', 5, { key: undefined, pad: '1' }),
      rate('__proto__', 5, { key: '' }),
      rate(waiting.id, 5, { key: undefined, pad: '1' }),
      rate(done.id, 5, { key: undefined, pad: '2' }),
    ]) {
      expect(code(() => apply(d, cmd)), JSON.stringify(cmd)).toBe('403 not_your_ticket');
    }
    expect(JSON.stringify(d)).toBe(before);
  });

  it("lets the serving window's pad rate without a key, for a while after the finish", () => {
    const { d, done } = served();
    expect(code(() => apply(d, rate(done.id, 5, { key: undefined, pad: '1', at: T0 + min(6) + 30 * 60_000 + 1 })))).toBe('403 not_your_ticket');
    expect(code(() => apply(d, rate(done.id, 5, { key: undefined, pad: '1', at: T0 + min(20) })))).toBe('ok');
  });

  it('forgets the keys with the day', () => {
    const { d, done } = served();
    expect(d.today.ratingKeys?.[done.id]).toBe(keyOf(done.id));
    run(d, { type: 'rollover', at: T0 + 24 * 3_600_000 });
    expect(d.today.ratingKeys).toEqual({});
  });
});

describe('bad-rating follow-up (差评回访)', () => {
  it('opens a case due in working days, across weekends and holidays', () => {
    const { d, done } = served(); // Thursday 2026-11-26
    d.settings.specialDays.push({ date: '2026-11-30', name: '假日', kind: 'holiday', hours: null });
    const { followUp } = apply(d, rate(done.id, 1, { reasons: ['态度不好'], phone: '13800001234', comment: '说话很冲' }));
    // Fri 27 (1), weekend, Mon 30 holiday, Tue 1 (2), Wed 2 (3), Thu 3 (4), Fri 4 (5)
    expect(followUp).toMatchObject({ number: done.number, counterId: '1', clerkId: 'u1', level: 1, reasons: ['态度不好'], phone: '13800001234', dueDate: '2026-12-04', callBacks: [] });
    expect(followUpOverdue(followUp!, '2026-12-04')).toBe(false);
    expect(followUpOverdue(followUp!, '2026-12-05')).toBe(true);
  });

  it('records the call back, then the fix or explanation, and closes', () => {
    const { d, done } = served();
    apply(d, rate(done.id, 2, { reasons: ['等候时间太长'] }));
    const id = `f-${done.id}`;
    expect(code(() => apply(d, { type: 'resolve', followUpId: id, userId: 's', kind: 'fix', note: '增开窗口', close: true, at: T0 + min(60) }))).toBe('409 call_back_required');
    expect(code(() => apply(d, { type: 'callBack', followUpId: id, userId: 's', reached: true, note: ' ', at: T0 }))).toBe('400 reason_required');
    apply(d, { type: 'callBack', followUpId: id, userId: 's', reached: true, note: '已电话回访，群众表示理解', at: T0 + min(30) });
    apply(d, { type: 'resolve', followUpId: id, userId: 's', kind: 'fix', note: '逢场天增开一个窗口', close: true, at: T0 + min(60) });
    const f = d.followUps[0]!;
    expect(f.closedAt).toBe('2026-11-26T10:00:00.000+08:00');
    expect(f.resolution).toMatchObject({ kind: 'fix', note: '逢场天增开一个窗口' });
    expect(code(() => apply(d, { type: 'callBack', followUpId: id, userId: 's', reached: true, note: 'x', at: T0 }))).toBe('409 follow_up_closed');
    expect(code(() => apply(d, { type: 'callBack', followUpId: 'zz', userId: 's', reached: true, note: 'x', at: T0 }))).toBe('404 unknown_follow_up');
  });
});

describe('comment book (意见簿)', () => {
  it('keeps comments and a reply', () => {
    const d = hall();
    expect(code(() => apply(d, { type: 'comment', id: 'c1', kind: 'comment', text: '  ', at: T0 }))).toBe('400 invalid_request');
    apply(d, { type: 'comment', id: 'c1', kind: 'complaint', text: '厕所没有扶手', contact: '张大爷 139', at: T0 });
    apply(d, { type: 'reply', commentId: 'c1', userId: 's', text: '已安装', at: T0 + min(10) });
    expect(d.comments[0]).toMatchObject({ kind: 'complaint', text: '厕所没有扶手', reply: { text: '已安装', by: 's' } });
  });
});

describe('figures', () => {
  it('computes rates per window, clerk and business on a hand-made day', () => {
    const d = hall();
    const levels = [5, 4, 3, 2, 1, null];
    const ids: string[] = [];
    levels.forEach((_, i) => {
      const t = take(d, 'a', T0 + i);
      ids.push(t.id);
      next(d, i % 2 ? '2' : '1', T0 + min(i + 1), i % 2 ? 'u2' : 'u1');
      run(d, { type: 'complete', counterId: i % 2 ? '2' : '1', userId: i % 2 ? 'u2' : 'u1', outcome: 'immediate', at: T0 + min(i + 1) + 1 });
    });
    levels.forEach((level, i) => {
      if (level) apply(d, rate(ids[i]!, level, { reasons: ['x'], channel: i < 3 ? 'pad' : 'phone' }));
    });
    apply(d, { type: 'callBack', followUpId: `f-${ids[3]}`, userId: 's', reached: true, note: '已回访', at: T0 + min(100) });
    apply(d, { type: 'resolve', followUpId: `f-${ids[3]}`, userId: 's', kind: 'explain', note: '已解释', close: true, at: Date.parse('2026-11-30T10:00:00+08:00') });
    const f = ratingFigures(Object.values(d.tickets), d.followUps, d.settings, '2026-12-10');
    expect(f).toMatchObject({ served: 6, count: 5, bad: 2, satisfiedRate: 3 / 5, responseRate: 5 / 6, byChannel: { pad: 3, phone: 2 } });
    expect(f.followUps).toMatchObject({ total: 2, open: 1, closed: 1, overdue: 1, calledBack: 1, callBackRate: 0.5, avgCloseDays: 2 });
    // Window 1 served levels 5, 3, 1; window 2 served 4, 2 and one unrated.
    expect(f.byCounter).toMatchObject([
      { id: '1', served: 3, count: 3, satisfiedRate: 2 / 3 },
      { id: '2', served: 3, count: 2, satisfiedRate: 1 / 2, responseRate: 2 / 3 },
    ]);
    expect(f.byClerk.map((g) => g.id)).toEqual(['u1', 'u2']);
    expect(f.byService).toMatchObject([{ id: 'a', count: 5 }]);
    expect(workingDaysToClose(d.settings, d.followUps.find((x) => x.closedAt)!)).toBe(2);
  });

  it('is all zeros with no data', () => {
    const f = ratingFigures([], [], hall().settings, '2026-11-26');
    expect(f).toMatchObject({ count: 0, satisfiedRate: 0, responseRate: 0, followUps: { callBackRate: 0, avgCloseDays: 0 } });
  });

  it('masks contact numbers', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone('0831-1234567')).toBe('083*****4567');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(undefined)).toBe('');
  });
});
