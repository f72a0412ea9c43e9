import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, take } from '../../test/fixture.ts';
import type { Ticket } from '../types.ts';
import { apply } from './commands.ts';
import { recentCalls, serviceViews } from './views.ts';

describe('recentCalls', () => {
  it('lists the latest calls newest first, as a full sort would, however many were called', () => {
    const d = hall();
    for (let i = 0; i < 30; i++) take(d, i % 2 ? 'a' : 'c', T0 + i);
    // Windows 1 and 3 call in turns, so calls from both interleave in time.
    for (let i = 0; i < 12; i++) {
      const counterId = i % 2 ? '1' : '3';
      if (i >= 2) apply(d, { type: 'noShow', counterId, userId: `u${counterId}`, at: T0 + min(1 + i) - 1 });
      next(d, counterId, T0 + min(1 + i));
    }
    const called = Object.values(d.tickets).filter((t): t is Ticket & { lastCalledAt: string } => Boolean(t.lastCalledAt && t.counterId));
    const sorted = called.sort((a, b) => Date.parse(b.lastCalledAt) - Date.parse(a.lastCalledAt));
    expect(recentCalls(d).map((r) => r.number)).toEqual(sorted.slice(0, 8).map((t) => t.number));
    expect(recentCalls(d, 3).map((r) => r.calledAt)).toEqual(sorted.slice(0, 3).map((t) => t.lastCalledAt));
  });

  it('is empty before the first call and shorter than the limit early in the day', () => {
    const d = hall();
    expect(recentCalls(d)).toEqual([]);
    take(d, 'a', T0);
    next(d, '1', T0 + min(1));
    expect(recentCalls(d)).toHaveLength(1);
    expect(recentCalls(d, 0)).toEqual([]);
  });
});

describe('serviceViews', () => {
  it('reports the longest wait from the earliest-taken ticket still waiting', () => {
    const d = hall();
    take(d, 'a', T0);
    take(d, 'a', T0 + min(5));
    const at = T0 + min(30);
    expect(serviceViews(d, at).find((s) => s.id === 'a')).toMatchObject({ waiting: 2, longestWaitMin: 30 });
    next(d, '1', at); // calls the first
    expect(serviceViews(d, at).find((s) => s.id === 'a')).toMatchObject({ waiting: 1, longestWaitMin: 25 });
  });
});
