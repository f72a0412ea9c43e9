import { describe, expect, it } from 'vitest';
import { T0, hall, take } from '../test/fixture.ts';
import { apply } from '../shared/core/commands.ts';
import { serviceViews } from '../shared/core/views.ts';
import { upgrade } from './seed.ts';

describe('upgrade', () => {
  it('recounts the waiting counts whatever an old snapshot says: they are derived from the tickets', () => {
    const d = hall();
    take(d, 'a', T0);
    take(d, 'a', T0 + 1);
    // As a snapshot from before: counts beside the tickets, here wrong on purpose.
    const old = JSON.parse(JSON.stringify(d));
    old.today.waiting = { a: [7, 1], c: [3, 0] };
    const loaded = upgrade(old);
    expect({ ...loaded.today.waiting }).toEqual({ a: [2, 0] });
    expect(serviceViews(loaded, T0).filter((s) => s.waiting).map((s) => [s.id, s.waiting])).toEqual([['a', 2]]);
    expect(apply(loaded, { type: 'take', id: 'x1', serviceId: 'a', priority: false, channel: 'kiosk', at: T0 + 2 }).ahead).toBe(2);
  });
});

describe('records keyed by ids', () => {
  it('have no prototype once loaded, so an outside id like __proto__ is just missing', () => {
    const d = upgrade(JSON.parse(JSON.stringify(hall())));
    for (const rec of [d.tickets, d.sessions, d.runtime, d.today.numbers, d.today.recentServiceMin]) {
      expect(Object.getPrototypeOf(rec)).toBeNull();
      expect(rec['__proto__' as keyof typeof rec]).toBeUndefined();
      expect(rec['constructor' as keyof typeof rec]).toBeUndefined();
    }
    // A window saved under such a name would now be an ordinary entry, not the prototype.
    apply(d, { type: 'take', id: 'toString', serviceId: 'a', priority: false, channel: 'kiosk', at: T0 });
    expect(Object.keys(d.tickets)).toEqual(['toString']);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});
