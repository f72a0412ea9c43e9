import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import { estimateWaitMin } from './estimate.ts';
import { apply, type Command } from './commands.ts';
import fc from 'fast-check';
import { aheadIndex, aheadOf, callOrder, pickNext, waitingByService, waitingSplit } from './queue.ts';
import { counterState, dayIndex, QUEUE_SHOWN } from './views.ts';
import { recountWaiting } from './state.ts';

describe('ahead', () => {
  it('counts the tickets the windows serving the business would call first', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    const a2 = take(d, 'a', T0 + 1);
    const p = take(d, 'a', T0 + 2, true);
    expect(aheadOf(d, p)).toBe(0);
    expect(aheadOf(d, a1)).toBe(1);
    expect(aheadOf(d, a2)).toBe(2);
  });

  it('counts tickets of businesses that share a window', () => {
    const d = hall(); // window 2 serves a and b
    take(d, 'a', T0);
    const b1 = take(d, 'b', T0 + 1);
    const c1 = take(d, 'c', T0 + 2);
    expect(aheadOf(d, b1)).toBe(1);
    expect(aheadOf(d, c1)).toBe(0);
  });

  it('follows the fairness cap', () => {
    const d = hall({ priorityCap: 1 });
    const n1 = take(d, 'a', T0);
    take(d, 'a', T0 + 1, true);
    const p2 = take(d, 'a', T0 + 2, true);
    expect(aheadOf(d, n1)).toBe(1);
    expect(aheadOf(d, p2)).toBe(2);
  });

  it('agrees with the one-pass index used for broadcasts', () => {
    const d = hall();
    const ts = [take(d, 'a', T0), take(d, 'b', T0 + 1, true), take(d, 'a', T0 + 2, true), take(d, 'c', T0 + 3), take(d, 'b', T0 + 4)];
    next(d, '1', T0 + min(1));
    const idx = aheadIndex(d);
    for (const t of ts) if (t.status === 'waiting') expect(idx.get(t.id)).toBe(aheadOf(d, t));
  });

  it('is 0 once a ticket is called', () => {
    const d = hall();
    const a1 = take(d, 'a', T0);
    next(d, '1', T0 + 1);
    expect(aheadOf(d, a1)).toBe(0);
  });
});

describe('callOrder', () => {
  it('interleaves after cap priority calls and resumes the streak given', () => {
    const t = (id: string) => ({ id }) as never;
    const p = [t('p1'), t('p2'), t('p3')];
    const n = [t('n1'), t('n2')];
    expect(callOrder(p, n, 2).map((x: { id: string }) => x.id)).toEqual(['p1', 'p2', 'n1', 'p3', 'n2']);
    expect(callOrder(p, n, 2, 2).map((x: { id: string }) => x.id)).toEqual(['n1', 'p1', 'p2', 'n2', 'p3']);
    expect(callOrder(p, n, 0).map((x: { id: string }) => x.id)).toEqual(['n1', 'n2', 'p1', 'p2', 'p3']);
  });
});

describe('estimated wait', () => {
  it('uses the configured minutes until the day has three finished visits', () => {
    const d = hall();
    expect(estimateWaitMin(d, 'a', 0)).toBe(0);
    expect(estimateWaitMin(d, 'a', 3)).toBe(15); // 3 × 5 min, one window
  });

  it('learns from today and divides by staffed windows', () => {
    const d = hall();
    for (let i = 0; i < 3; i++) {
      take(d, 'a', T0 + i);
      next(d, '1', T0 + min(10 * i));
      run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate', at: T0 + min(10 * i + 2) });
    }
    expect(estimateWaitMin(d, 'a', 4)).toBe(8); // 4 × 2 min
    d.runtime['1']!.signedIn = { userId: 'u1', at: '' };
    d.runtime['2'] = { signedIn: { userId: 'u2', at: '' }, paused: null, currentTicketId: null, priorityStreak: 0 };
    expect(estimateWaitMin(d, 'a', 4)).toBe(4);
  });
});

describe('aheadOf counts what callOrder sorts', () => {
  it('agrees with the merged call order on random queues, for every cap', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const cap = Math.floor(rand() * 4);
      const d = hall({ priorityCap: cap });
      const n = 1 + Math.floor(rand() * 25);
      for (let i = 0; i < n; i++) {
        const serviceId = ['a', 'b', 'c'][Math.floor(rand() * 3)]!;
        const { ticket, ahead } = apply(d, { type: 'take', id: `r${round}-${i}`, serviceId, priority: rand() < 0.35, channel: 'kiosk', at: T0 + i });
        expect(ahead, 'place counted at take').toBe(aheadOf(d, ticket!));
        if (rand() < 0.2 && next(d, '2', T0 + i)) apply(d, { type: rand() < 0.5 ? 'noShow' : 'transfer', counterId: '2', userId: 'u2', serviceId: 'c', at: T0 + i } as Command);
      }
      expect(Object.fromEntries(Object.entries(d.today.waiting).filter(([, [n, p]]) => n || p))).toEqual(recountWaiting(d));
      const idx = aheadIndex(d);
      for (const t of Object.values(d.tickets)) if (t.status === 'waiting') expect(aheadOf(d, t), `cap ${cap}, ${t.number}`).toBe(idx.get(t.id));
    }
  });
});

describe('the one-pass indexes agree with the per-window scans', () => {
  it('on random days of takes, calls, no-shows, transfers and reinstatements', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('take' as const), service: fc.constantFrom('a', 'b', 'c'), priority: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('next' as const, 'noShow' as const, 'complete' as const, 'reinstate' as const), counter: fc.constantFrom('1', '2', '3') }),
      fc.record({ kind: fc.constant('transfer' as const), counter: fc.constantFrom('1', '2', '3'), service: fc.constantFrom('a', 'b', 'c') }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (steps, cap) => {
        const d = hall({ priorityCap: cap });
        let at = T0;
        for (const s of steps) {
          at += 1000;
          const by = s.kind === 'take' ? null : { counterId: s.counter, userId: `u${s.counter}`, at };
          const cmd: Command | null =
            s.kind === 'take' ? { type: 'take', id: `r${at}`, serviceId: s.service, priority: s.priority, channel: 'kiosk', at }
            : s.kind === 'transfer' ? { type: 'transfer', ...by!, serviceId: s.service }
            : s.kind === 'complete' ? { type: 'complete', ...by!, outcome: 'immediate' }
            : s.kind === 'reinstate' ? (() => {
                const ns = Object.values(d.tickets).find((t) => t.status === 'no_show');
                return ns ? { type: 'reinstate', ...by!, ticketId: ns.id } : null;
              })()
            : { type: s.kind, ...by! };
          if (!cmd) continue;
          try {
            run(d, cmd);
          } catch {
            /* refused: nothing changed */
          }
        }
        const byService = waitingByService(d);
        const index = dayIndex(d);
        for (const c of d.counters) {
          const ids = new Set(c.serviceIds);
          const scanned = waitingSplit(d, ids);
          expect(waitingSplit(d, ids, byService)).toEqual(scanned);
          for (const streak of [0, 1, 2, 3]) expect(pickNext(d, c, streak)).toBe(callOrder(scanned.priority, scanned.normal, cap, streak)[0] ?? null);
          // The console state from the shared index, against a scan of the day for this window.
          const cs = counterState(d, c.id, index)!;
          const order = callOrder(scanned.priority, scanned.normal, cap, d.runtime[c.id]?.priorityStreak ?? 0);
          const all = Object.values(d.tickets);
          expect(cs.waitingTotal).toBe(order.length);
          expect(cs.queue.map((t) => t.id)).toEqual(order.slice(0, QUEUE_SHOWN).map((t) => t.id));
          expect(cs.queue.length).toBe(Math.min(order.length, QUEUE_SHOWN));
          expect(cs.noShows.map((t) => t.id)).toEqual(all.filter((t) => t.status === 'no_show' && c.serviceIds.includes(t.serviceId)).map((t) => t.id).reverse());
          expect(cs.servedToday).toBe(all.filter((t) => t.status === 'done' && t.counterId === c.id).length);
        }
        const ahead = aheadIndex(d);
        for (const t of Object.values(d.tickets)) if (t.status === 'waiting') expect(ahead.get(t.id)).toBe(aheadOf(d, t));
      }),
      { numRuns: 300 },
    );
  });
});
