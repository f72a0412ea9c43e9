import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import type { Command } from './commands.ts';
import fc from 'fast-check';
import type { HallData, Ticket } from '../types.ts';
import { aheadIndex, aheadOf, callOrder, pickNext } from './queue.ts';
import { recountWaiting } from './state.ts';
import { counterState, dayIndex, serviceViews, ticketView, QUEUE_SHOWN } from './views.ts';

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

  it('is the same in the index built for broadcasts', () => {
    const d = hall();
    const [a1, b1, a2, c1, b2] = [take(d, 'a', T0), take(d, 'b', T0 + 1, true), take(d, 'a', T0 + 2, true), take(d, 'c', T0 + 3), take(d, 'b', T0 + 4)];
    expect(next(d, '1', T0 + min(1))?.id).toBe(a2!.id); // priority first
    expect(a1!.status).toBe('waiting');
    const idx = aheadIndex(d);
    expect([b1, a1, b2, c1].map((t) => idx.get(t!.id))).toEqual([0, 1, 2, 0]);
    expect(idx.has(a2!.id)).toBe(false);
  });

  it('answers for a ticket not yet stored as once it is', () => {
    const d = hall({ priorityCap: 1 });
    take(d, 'a', T0, true);
    take(d, 'a', T0 + 1);
    take(d, 'a', T0 + 2, true);
    take(d, 'a', T0 + 3, true);
    const n2 = { ...take(d, 'a', T0 + 4) };
    delete d.tickets[n2.id];
    d.today.nextSeq--;
    expect(aheadOf(d, n2)).toBe(3); // P, N, P, then it: the cap lets it past the third P
    d.tickets[n2.id] = n2;
    d.today.nextSeq++;
    expect(aheadOf(d, n2)).toBe(3);
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
    const queue = { priority: [t('p1'), t('p2'), t('p3')], normal: [t('n1'), t('n2')] };
    const ids = (ts: { id: string }[]) => ts.map((x) => x.id);
    expect(ids(callOrder(queue, 2))).toEqual(['p1', 'p2', 'n1', 'p3', 'n2']);
    expect(ids(callOrder(queue, 2, 2))).toEqual(['n1', 'p1', 'p2', 'n2', 'p3']);
    expect(ids(callOrder(queue, 0))).toEqual(['n1', 'n2', 'p1', 'p2', 'p3']);
  });
});

/**
 * The rule as the design states it, simulated one call at a time over a plain list: after
 * `cap` priority calls in a row a waiting normal ticket must go next; otherwise a priority
 * ticket if any waits, else a normal one; within each, the longest-waiting (lowest seq).
 * No sorting, no merging, nothing shared with queue.ts.
 */
function modelCalls(waiting: Ticket[], cap: number, streak: number): Ticket[] {
  const left = new Set(waiting);
  const calls: Ticket[] = [];
  const longest = (priority: boolean) => {
    let best: Ticket | undefined;
    for (const t of left) if (t.priority === priority && (!best || t.seq < best.seq)) best = t;
    return best;
  };
  let inARow = streak;
  while (left.size) {
    const p = longest(true);
    const n = longest(false);
    const t = n && inARow >= cap ? n : (p ?? n)!;
    left.delete(t);
    calls.push(t);
    inARow = t.priority ? inARow + 1 : 0;
  }
  return calls;
}

/**
 * Waiting tickets of these businesses not moved to one window, plus those moved to these
 * windows (队列调度 · 指定窗口: only that window calls them).
 */
const waitingOf = (d: HallData, serviceIds: readonly string[], windows: readonly string[] = []) =>
  Object.values(d.tickets).filter((t) => t.status === 'waiting' && (t.forCounterId === undefined ? serviceIds.includes(t.serviceId) : windows.includes(t.forCounterId)));
const windowWaiting = (d: HallData, c: HallData['counters'][number]) => waitingOf(d, c.serviceIds, [c.id]);

/**
 * What `ahead` means: one window serving the ticket's business (or the window it was moved
 * to) and every business and window sharing a window with it, starting afresh.
 */
function modelAhead(d: HallData, t: Ticket): number {
  const serving = d.counters.filter((c) => (t.forCounterId === undefined ? c.serviceIds.includes(t.serviceId) : c.id === t.forCounterId));
  const group = [...(t.forCounterId === undefined ? [t.serviceId] : []), ...serving.flatMap((c) => c.serviceIds)];
  return modelCalls(waitingOf(d, group, serving.map((c) => c.id)), d.settings.priorityCap, 0).indexOf(t);
}

describe('every queue answer against a call-by-call simulation', () => {
  it('on random days of takes, calls, no-shows, transfers, reinstatements, supervisor moves and reloads', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('take' as const), service: fc.constantFrom('a', 'b', 'c'), priority: fc.boolean() }),
      fc.record({ kind: fc.constantFrom('next' as const, 'noShow' as const, 'complete' as const, 'reinstate' as const), counter: fc.constantFrom('1', '2', '3', '4') }),
      fc.record({ kind: fc.constant('transfer' as const), counter: fc.constantFrom('1', '2', '3', '4'), service: fc.constantFrom('a', 'b', 'c') }),
      // 队列调度: a supervisor moves the k-th waiting ticket to a business, a window, or both.
      fc.record({ kind: fc.constant('move' as const), k: fc.nat(20), service: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), window: fc.option(fc.constantFrom('1', '2', '3', '4'), { nil: undefined }) }),
      // A snapshot need not list tickets in taking order: the queue order is seq's.
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    // Window 4, when there, links b with c: b's tickets then compete with a's and c's.
    const layout = fc.constantFrom<readonly string[][]>([['a'], ['a', 'b'], ['c']], [['a'], ['a', 'b'], ['c'], ['b', 'c']], [['a', 'b', 'c'], ['b'], ['c']]);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), layout, (steps, cap, windows) => {
        const d = hall({ priorityCap: cap });
        d.counters = windows.map((serviceIds, i) => ({ id: String(i + 1), name: `${i + 1}号窗口`, serviceIds: [...serviceIds], clerkA: `u${i + 1}`, clerkB: 'admin' }));
        let at = T0;
        for (const s of steps) {
          at += 1000;
          if (s.kind === 'reload') {
            d.tickets = Object.fromEntries(Object.entries(d.tickets).reverse());
            continue;
          }
          if (s.kind === 'move') {
            const waiting = Object.values(d.tickets).filter((t) => t.status === 'waiting');
            const t = waiting[s.k % Math.max(1, waiting.length)];
            if (!t) continue;
            const before = { number: t.number, seq: t.seq, takenAt: t.takenAt };
            try {
              run(d, { type: 'moveTickets', userId: 'admin', at, ticketIds: [t.id], reason: '无人值守', ...(s.service && { serviceId: s.service }), ...(s.window && { counterId: s.window }) });
            } catch {
              continue; // refused (nowhere to move, or already there): nothing changed
            }
            expect({ number: t.number, seq: t.seq, takenAt: t.takenAt }, 'a move keeps number, place and take time').toEqual(before);
            continue;
          }
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
          const counter = d.counters.find((c) => c.id === by?.counterId);
          const expectedCall = cmd.type === 'next' && counter ? (modelCalls(windowWaiting(d, counter), cap, d.runtime[counter.id]?.priorityStreak ?? 0)[0] ?? null) : undefined;
          let effects;
          try {
            effects = run(d, cmd);
          } catch {
            continue; // refused: nothing changed
          }
          if (cmd.type === 'take') expect(effects.ahead, 'ahead at take').toBe(modelAhead(d, effects.ticket!));
          if (expectedCall !== undefined) expect(effects.ticket ?? null, `window ${counter!.id} calls`).toBe(expectedCall);
        }
        const ahead = aheadIndex(d);
        for (const t of Object.values(d.tickets)) {
          const expected = t.status === 'waiting' ? modelAhead(d, t) : 0;
          expect(aheadOf(d, t), `ahead of ${t.number}`).toBe(expected);
          expect(ticketView(d, t, undefined, at).ahead).toBe(expected);
          expect(ticketView(d, t, ahead.get(t.id), at).ahead).toBe(expected);
          expect(ahead.has(t.id)).toBe(t.status === 'waiting');
        }
        const index = dayIndex(d);
        for (const c of d.counters) {
          const streak = d.runtime[c.id]?.priorityStreak ?? 0;
          const calls = modelCalls(windowWaiting(d, c), cap, streak);
          for (const st of [0, 1, 2, 3]) expect(pickNext(d, c, st)).toBe(modelCalls(windowWaiting(d, c), cap, st)[0] ?? null);
          // Alone, and from the index a broadcast builds once for every window.
          for (const cs of [counterState(d, c.id, at)!, counterState(d, c.id, at, index)!]) {
            expect(cs.waitingTotal).toBe(calls.length);
            expect(cs.queue.map((t) => t.id)).toEqual(calls.slice(0, QUEUE_SHOWN).map((t) => t.id));
          }
          const cs = counterState(d, c.id, at, index)!;
          const all = Object.values(d.tickets);
          expect(cs.noShows.map((t) => t.id)).toEqual(all.filter((t) => t.status === 'no_show' && c.serviceIds.includes(t.serviceId)).map((t) => t.id).reverse());
          expect(cs.servedToday).toBe(all.filter((t) => t.status === 'done' && t.counterId === c.id).length);
        }
        const counted = (w: Record<string, [number, number]>) => Object.fromEntries(Object.entries(w).filter(([, [n, p]]) => n + p > 0));
        expect(counted(d.today.waiting ?? {}), 'the waiting counts follow every move').toEqual(counted(recountWaiting(d)));
        const now = at + min(45);
        for (const v of serviceViews(d, now)) {
          const w = waitingOf(d, [v.id]);
          const firstTaken = Math.min(...w.map((t) => Date.parse(t.takenAt)));
          expect(v.waiting).toBe(w.length);
          expect(v.longestWaitMin).toBe(w.length ? Math.floor((now - firstTaken) / 60_000) : 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
