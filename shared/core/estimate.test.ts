import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import { simulateDays, score } from '../../bench/hallDay.ts';
import type { HallData } from '../types.ts';
import { estimateWait } from './estimate.ts';
import { aheadOf } from './queue.ts';
import { serviceViews, ticketView } from './views.ts';

const signIn = (d: HallData, counterId: string, at = T0 - min(30)) =>
  run(d, { type: 'signIn', userId: `u${counterId}`, counterId, tokenHash: `h${counterId}`, expiresAtMs: at + min(16 * 60), at });
const complete = (d: HallData, counterId: string, at: number) => run(d, { type: 'complete', counterId, userId: `u${counterId}`, outcome: 'immediate', at });
const view = (d: HallData, serviceId: string, now: number) => serviceViews(d, now).find((s) => s.id === serviceId)!;

describe('the wait estimate', () => {
  it('says 马上 only when a window is free: with every window busy, the one in service is counted', () => {
    const d = hall(); // window 1 serves a; window 2 serves a and b
    signIn(d, '1');
    signIn(d, '2');
    expect(view(d, 'a', T0)).toMatchObject({ waiting: 0, estimatedWaitMin: 0 });
    take(d, 'a', T0);
    take(d, 'a', T0 + 1);
    next(d, '1', T0 + min(1));
    next(d, '2', T0 + min(1));
    const t = take(d, 'a', T0 + min(2));
    expect(aheadOf(d, t)).toBe(0);
    const v = ticketView(d, t, undefined, T0 + min(2));
    expect(v.ahead).toBe(0);
    // Two visits of 5 configured minutes under way: the first window free in about 2.
    expect(v.estimatedWaitMin).toBeGreaterThanOrEqual(1);
    expect(v.estimatedWaitMin).toBeLessThanOrEqual(5);
  });

  it('prices a shared window by the part of it that serves the business', () => {
    const d = hall();
    signIn(d, '1');
    signIn(d, '2');
    signIn(d, '3');
    for (let i = 0; i < 10; i++) take(d, 'b', T0 + i); // b is served only at the shared window 2
    const a = take(d, 'a', T0 + min(1));
    const now = T0 + min(1);
    expect(aheadOf(d, a)).toBe(10); // one call order over the window group
    // Window 1 is a's own: a does not wait for b's queue, which a naive
    // "ahead × minutes ÷ windows" would price at 10 × 5 ÷ 2 = 25 minutes.
    expect(ticketView(d, a, undefined, now).estimatedWaitMin).toBe(0); // window 1 is free
    next(d, '1', now);
    next(d, '2', now);
    const a2 = take(d, 'a', now + 1);
    expect(ticketView(d, a2, undefined, now + 1).estimatedWaitMin).toBeLessThan(8);
    // b's tickets share window 2 only: 9 still ahead, each about 5 minutes.
    const b = take(d, 'b', now + 2);
    expect(ticketView(d, b, undefined, now + 2).estimatedWaitMin).toBeGreaterThanOrEqual(40);
    // A business with its own window is not touched by either queue.
    expect(view(d, 'c', now + 2).estimatedWaitMin).toBe(0);
  });

  it('learns a window cycle from the gap before the call to the end of the visit, no-shows included', () => {
    const d = hall({ recallCap: 2 });
    signIn(d, '1');
    for (let i = 0; i < 6; i++) take(d, 'a', T0 + i);
    let at = T0 + min(1);
    // Each cycle: called, 1 minute to walk up, 8 minutes at the window, 1 minute to the next call.
    for (let i = 0; i < 3; i++) {
      next(d, '1', at);
      run(d, { type: 'start', counterId: '1', userId: 'u1', at: at + min(1) });
      complete(d, '1', at + min(9));
      at += min(10);
    }
    // A no-show cycle: called, recalled, gone after 3 minutes.
    next(d, '1', at);
    run(d, { type: 'recall', counterId: '1', userId: 'u1', at: at + min(1) });
    run(d, { type: 'noShow', counterId: '1', userId: 'u1', at: at + min(3) });
    const cycles = d.today.flow!.cycles['a']!;
    expect(cycles.map((c) => Math.round(c))).toEqual([9, 10, 10, 4]);
  });

  it('says when every window of the business is paused, and when one is expected back', () => {
    const d = hall();
    signIn(d, '1');
    signIn(d, '2');
    take(d, 'a', T0);
    run(d, { type: 'pause', counterId: '1', userId: 'u1', reason: '休息', at: T0 + min(1) });
    run(d, { type: 'pause', counterId: '2', userId: 'u2', reason: '休息', at: T0 + min(1) });
    const now = T0 + min(2);
    const v = view(d, 'a', now);
    expect(v.noWindow?.reason).toBe('paused');
    const back = Date.parse(v.noWindow!.resumeAt!);
    expect(back).toBeGreaterThan(now);
    // Not "马上": at least until a window is back.
    expect(v.estimatedWaitMin).toBeGreaterThanOrEqual(Math.floor((back - now) / 60_000));
    // The old estimate divided by 1 with every window paused; one window back answers again.
    run(d, { type: 'resume', counterId: '1', userId: 'u1', at: now });
    expect(view(d, 'a', now).noWindow).toBeUndefined();
    expect(d.today.flow!.pauses).toEqual([1]);
  });

  it('says so when no staffed window serves the business, on the list and the ticket', () => {
    const d = hall();
    signIn(d, '1');
    const v = view(d, 'c', T0);
    expect(v.noWindow).toEqual({ reason: 'none', resumeAt: null });
    const t = take(d, 'c', T0);
    expect(ticketView(d, t, undefined, T0).noWindow).toEqual({ reason: 'none', resumeAt: null });
    signIn(d, '3', T0 + 1);
    expect(ticketView(d, t, undefined, T0 + 1).noWindow).toBeUndefined();
  });

  it("learns the hall's lunch from past days, so a morning ticket's wait includes it", () => {
    const d = hall();
    const day = min(24 * 60);
    const at = (dayN: number, hh: number, mm = 0) => T0 + dayN * day + min((hh - 9) * 60 + mm);
    // Day 0: window 1 staffed all day, paused 12:00–13:00.
    signIn(d, '1', at(0, 8, 30));
    run(d, { type: 'pause', counterId: '1', userId: 'u1', reason: '休息', at: at(0, 12) });
    run(d, { type: 'resume', counterId: '1', userId: 'u1', at: at(0, 13) });
    run(d, { type: 'rollover', at: at(1, 0) + 60_000 });
    expect(d.availability?.slice(48, 52)).toEqual([0, 0, 0, 0]); // 12:00–13:00
    expect(d.availability?.[47]).toBe(1);
    // Day 1, 11:40: 6 tickets of about 5 minutes ahead at the one window: 30 minutes of
    // work, of which 20 are done before 12:00 and the rest after lunch.
    signIn(d, '1', at(1, 8, 30));
    for (let i = 0; i < 6; i++) take(d, 'a', at(1, 11, 40) + i);
    const t = take(d, 'a', at(1, 11, 40) + 10);
    const est = ticketView(d, t, undefined, at(1, 11, 40) + 10).estimatedWaitMin;
    expect(est).toBeGreaterThanOrEqual(80);
    expect(est).toBeLessThanOrEqual(110);
  });

  it("counts the hall's own lunch (午休, no calls) from its hours, and says when calls resume", () => {
    const hours = { open: '08:30', close: '17:30', lunch: { from: '12:00', to: '13:00' } };
    const d = hall({ weekHours: Array.from({ length: 7 }, () => hours) });
    const at = (hh: number, mm = 0) => T0 + min((hh - 9) * 60 + mm);
    signIn(d, '1', at(8, 30));
    // 11:40: 6 tickets of about 5 minutes ahead at window 1: 20 minutes before lunch, the rest after.
    for (let i = 0; i < 6; i++) take(d, 'a', at(11, 40) + i);
    const t = take(d, 'a', at(11, 40) + 10);
    const est = ticketView(d, t, undefined, at(11, 40) + 10).estimatedWaitMin;
    expect(est).toBeGreaterThanOrEqual(85);
    expect(est).toBeLessThanOrEqual(100);
    // At 12:20 the hall calls nobody until 13:00, even with window 1 free.
    const lunchView = ticketView(d, t, undefined, at(12, 20));
    expect(lunchView.noWindow).toEqual({ reason: 'paused', resumeAt: '2026-11-26T13:00:00.000+08:00' });
    expect(lunchView.estimatedWaitMin).toBeGreaterThanOrEqual(40);
  });

  it('is what the kiosk list showed, for the ticket then taken', () => {
    const d = hall();
    signIn(d, '1');
    signIn(d, '2');
    for (let i = 0; i < 5; i++) take(d, i % 2 ? 'a' : 'b', T0 + i);
    next(d, '1', T0 + min(1));
    for (const s of ['a', 'b']) {
      const now = T0 + min(2);
      const listed = view(d, s, now).estimatedWaitMin;
      const t = take(d, s, now);
      expect(ticketView(d, t, undefined, now).estimatedWaitMin).toBe(listed);
      expect(estimateWait(d, s, aheadOf(d, t), now).min).toBe(listed);
    }
  });
});

describe('the estimate on simulated hall days (bench/hallDay.ts)', () => {
  it('drives the real rules and is within 1.5 minutes of the true waits on average', () => {
    const { samples } = simulateDays(7, [
      { day: '2026-03-02', market: false },
      { day: '2026-03-03', market: true },
    ]);
    expect(samples.length).toBeGreaterThan(300);
    expect(samples.every((s) => s.listAgreed)).toBe(true);
    const ours = score(samples, (s) => s.estimate);
    const queueLength = score(samples, (s) => s.queueLength);
    expect(Math.abs(ours.bias)).toBeLessThanOrEqual(1.5);
    expect(ours.mae).toBeLessThan(queueLength.mae);
  });
});
