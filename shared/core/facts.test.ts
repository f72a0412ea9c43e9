// decide → facts → evolve, checked over random days: the rules never write the state
// (decide runs on a deep-frozen copy, where any write throws), a refusal leaves the
// state byte-identical, and folding `evolve` over the journaled facts — after a JSON
// round trip, as a restart reads them — rebuilds exactly the state the live hall has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, hall, min } from '../../test/fixture.ts';
import type { HallData } from '../types.ts';
import { applyFacts, decide, type Command } from './commands.ts';
import { HallError } from './errors.ts';
import { evolve, type Fact } from './facts.ts';
import { recountWaiting } from './state.ts';

type Order = Command extends infer C ? (C extends Command ? Omit<C, 'at'> : never) : never;

const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
};

const counter = fc.constantFrom('1', '2', '3', '9');
const clerk = (c: string) => ({ counterId: c, userId: `u${c}` });
const order: fc.Arbitrary<Order> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ s: fc.constantFrom('a', 'b', 'c', 'x'), p: fc.boolean() }).map(({ s, p }) => ({ type: 'take', id: '', serviceId: s, priority: p, channel: 'kiosk' }) as Order) },
  { weight: 4, arbitrary: counter.map((c) => ({ type: 'next', ...clerk(c) }) as Order) },
  counter.map((c) => ({ type: 'recall', ...clerk(c) }) as Order),
  counter.map((c) => ({ type: 'start', ...clerk(c) }) as Order),
  counter.map((c) => ({ type: 'noShow', ...clerk(c) }) as Order),
  fc.record({ c: counter, o: fc.constantFrom('immediate', 'committed', 'forwarded', 'refused'), n: fc.constantFrom('', '材料不全') }).map(({ c, o, n }) => ({ type: 'complete', ...clerk(c), outcome: o, note: n }) as Order),
  fc.record({ c: counter, s: fc.constantFrom('a', 'b', 'c', 'x') }).map(({ c, s }) => ({ type: 'transfer', ...clerk(c), serviceId: s }) as Order),
  fc.record({ c: counter, t: fc.nat(20) }).map(({ c, t }) => ({ type: 'reinstate', ...clerk(c), ticketId: `t${t}` }) as Order),
  counter.map((c) => ({ type: 'pause', ...clerk(c), reason: '' }) as Order),
  counter.map((c) => ({ type: 'resume', ...clerk(c) }) as Order),
  fc.record({ t: fc.nat(20), l: fc.integer({ min: 0, max: 6 }), r: fc.boolean() }).map(({ t, l, r }) => ({ type: 'rate', ticketId: `t${t}`, level: l, reasons: r ? ['等候时间太长'] : [], channel: 'kiosk', followUpId: `f${t}` }) as Order),
  fc.record({ t: fc.nat(20), ok: fc.boolean() }).map(({ t, ok }) => ({ type: 'printed', ticketId: `t${t}`, ok }) as Order),
  fc.constant({ type: 'rollover' } as Order),
);

/** Runs one order the way the hall does; returns its facts, or null when refused. */
function step(d: HallData, o: Order, at: number, n: number): Fact[] | null {
  const cmd = { ...o, at, ...(o.type === 'take' && { id: `t${n}` }) } as Command;
  const before = JSON.stringify(d);
  let facts: Fact[];
  try {
    facts = decide(deepFreeze(JSON.parse(before) as HallData), cmd);
  } catch (e) {
    if (!(e instanceof HallError)) throw e; // a write in decide throws a TypeError
    expect(() => decide(d, cmd)).toThrow(HallError);
    expect(JSON.stringify(d)).toBe(before);
    return null;
  }
  expect(decide(d, cmd)).toEqual(facts); // the frozen copy and the live state agree
  expect(JSON.stringify(d)).toBe(before);
  applyFacts(d, facts);
  // The derived waiting counts follow every status change, whatever the command.
  const counts = Object.entries(d.today.waiting ?? {}).filter(([, [n, p]]) => n || p);
  expect(Object.fromEntries(counts)).toEqual({ ...recountWaiting(d) });
  return facts;
}

describe('decide → facts → evolve', () => {
  it('never writes in decide, refuses without a trace, and replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(order, fc.nat(90)), { minLength: 1, maxLength: 60 }), (orders) => {
        const live = hall();
        const start = JSON.stringify(live);
        const journal: string[] = [];
        let at = T0;
        orders.forEach(([o, gapMin], n) => {
          at += min(gapMin % 30) + (o.type === 'rollover' && gapMin > 80 ? min(60 * 24) : 0);
          const facts = step(live, o, at, n);
          if (facts?.length) journal.push(JSON.stringify(facts));
        });
        const replayed = JSON.parse(start) as HallData;
        for (const line of journal) for (const f of JSON.parse(line) as Fact[]) evolve(replayed, f);
        expect(JSON.stringify(replayed)).toBe(JSON.stringify(live));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it('writes facts that say what happened, each with its version', () => {
    const d = hall();
    const take = decide(d, { type: 'take', id: 't1', serviceId: 'a', priority: false, channel: 'kiosk', at: T0 });
    expect(take).toEqual([{ type: 'TicketTaken', v: 1, ticket: expect.objectContaining({ id: 't1', number: 'A001', status: 'waiting' }) }]);
    applyFacts(d, take);
    const call = decide(d, { type: 'next', counterId: '1', userId: 'u1', at: T0 + min(3) });
    expect(call).toEqual([{ type: 'TicketCalled', v: 1, ticketId: 't1', counterId: '1', clerkId: 'u1', at: '2026-11-26T09:03:00.000+08:00' }]);
    applyFacts(d, call);
    const done = decide(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'committed', at: T0 + min(10) });
    expect(done.map((f) => f.type)).toEqual(['VisitFinished', 'CommitmentMade']);
    expect(done[0]).toMatchObject({ startedAt: '2026-11-26T09:03:00.000+08:00', outcome: 'committed', dueDate: '2026-12-01' });
  });

  it('closes a day as facts: each open ticket cancelled, then the day', () => {
    const d = hall();
    applyFacts(d, decide(d, { type: 'take', id: 't1', serviceId: 'a', priority: false, channel: 'kiosk', at: T0 }));
    const facts = decide(d, { type: 'rollover', at: T0 + min(60 * 24) });
    expect(facts.map((f) => f.type)).toEqual(['TicketCancelled', 'DayClosed']);
    const effects = applyFacts(d, facts);
    expect(effects.archive?.tickets.map((t) => [t.id, t.status])).toEqual([['t1', 'cancelled']]);
    expect(d.today).toMatchObject({ day: '2026-11-27', nextSeq: 1 });
  });
});
