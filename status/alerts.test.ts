import { describe, expect, it } from 'vitest';
import type { TicketView } from '../shared/types.ts';
import { alertFor, leaveBy, remainingMin } from './alerts.ts';

const view = (o: Partial<TicketView>): TicketView => ({
  id: 't1', number: 'A012', status: 'waiting', ahead: 5, serviceId: 'a', serviceName: '社保', takenAt: '2026-11-26T09:00:00.000+08:00', estimatedWaitMin: 20, callCount: 0, ...o,
});

describe('phone alerts', () => {
  it('buzzes once when three or fewer are left ahead, not again as the line moves on', () => {
    expect(alertFor(view({ ahead: 5 }), view({ ahead: 4 }))).toBeNull();
    expect(alertFor(view({ ahead: 4 }), view({ ahead: 3 }))).toMatchObject({ kind: 'near', body: '前面还有 3 人，请回到大厅等候叫号' });
    expect(alertFor(view({ ahead: 5 }), view({ ahead: 1 }))?.kind).toBe('near');
    expect(alertFor(view({ ahead: 3 }), view({ ahead: 2 }))).toBeNull();
    // The page opened already close: the villager is looking at it.
    expect(alertFor(null, view({ ahead: 2 }))).toBeNull();
  });

  it('buzzes when called, and again at each recall', () => {
    const called = view({ status: 'called', ahead: 0, callCount: 1, counterName: '1号窗口' });
    expect(alertFor(view({ ahead: 0 }), called)).toMatchObject({ kind: 'called', body: '请到 1号窗口办理社保' });
    expect(alertFor(null, called)?.kind).toBe('called');
    expect(alertFor(called, called)).toBeNull();
    expect(alertFor(called, { ...called, callCount: 2 })?.kind).toBe('called');
  });

  it('says when to set off: the wait less the way', () => {
    const now = Date.parse('2026-11-26T09:00:00+08:00');
    expect(leaveBy(now, 45, 20)).toBe(Date.parse('2026-11-26T09:25:00+08:00'));
    expect(leaveBy(now, 10, 20)).toBeLessThan(now);
  });

  it("counts the wait down between the server's updates, never to 马上 while some remain", () => {
    const at = Date.parse('2026-11-26T09:00:00+08:00');
    expect(remainingMin(20, at, at + 59_000)).toBe(20);
    expect(remainingMin(20, at, at + 5 * 60_000)).toBe(15);
    expect(remainingMin(20, at, at + 40 * 60_000)).toBe(1);
    expect(remainingMin(0, at, at + 60_000)).toBe(0);
  });
});
