// What leaves for the county: a busy day's baseline (taken mid-day) and the facts after
// it, sanitised, fold with the hall's own `evolve` into the sanitised end state.
import { describe, expect, it } from 'vitest';
import { apply, type Command } from '../../shared/core/commands.ts';
import { evolve, type Fact } from '../../shared/core/facts.ts';
import type { HallData } from '../../shared/types.ts';
import { T0, hall, keyOf, min, take } from '../../test/fixture.ts';
import { rehash, sanitizeLine, sanitizeState } from './sanitize.ts';

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('sanitising for the county', () => {
  it('a baseline and the facts after it fold into the sanitised end state, with no secrets', () => {
    const data = hall();
    data.users[0]!.passwordHash = 'scrypt$secret-hash';
    const lines: { s: number; f: Fact[] }[] = [];
    const go = (cmd: Command) => lines.push({ s: lines.length + 1, f: apply(data, cmd).facts });
    go({ type: 'signIn', userId: 'u1', counterId: '1', tokenHash: 'hash-of-token-1', expiresAtMs: T0 + min(600), at: T0 });
    for (let i = 0; i < 3; i++) take(data, 'a', T0 + min(i));
    const baseline = sanitizeState(data);
    go({ type: 'take', id: 'x1', serviceId: 'a', priority: false, channel: 'kiosk', key: 'idem-secret', ratingKey: 'rk-secret', at: T0 + min(4) });
    for (let i = 0; i < 4; i++) {
      go({ type: 'next', counterId: '1', userId: 'u1', at: T0 + min(5 + i * 3) });
      const t = data.tickets[data.runtime['1']!.currentTicketId!]!;
      go({ type: 'complete', counterId: '1', userId: 'u1', outcome: i === 0 ? 'committed' : 'immediate', ...(i === 0 && { notify: { name: '张三', phone: '13800000001' } }), at: T0 + min(6 + i * 3) });
      const key = t.id === 'x1' ? 'rk-secret' : keyOf(t.id);
      go({ type: 'rate', ticketId: t.id, key, level: i === 1 ? 1 : 5, reasons: i === 1 ? ['等候时间太长'] : [], phone: i === 1 ? '13900000002' : undefined, channel: 'kiosk', at: T0 + min(7 + i * 3) } as Command);
    }
    go({ type: 'comment', id: 'c1', kind: 'complaint', text: '排队太久', contact: '13700000003', at: T0 + min(30) } as Command);
    go({ type: 'setCountyLink', userId: 'admin', link: { url: 'http://county', hallId: 'h1', key: 'county-key-secret' }, at: T0 + min(31) });
    go({ type: 'signOut', tokenHash: 'hash-of-token-1', at: T0 + min(32) });

    const shipped = lines.slice(0).map(sanitizeLine);
    const text = JSON.stringify({ baseline, shipped });
    for (const secret of ['scrypt$secret-hash', 'idem-secret', 'rk-secret', '13800000001', '13900000002', '13700000003', 'county-key-secret', 'hash-of-token-1', 'CountyLinkChanged']) expect(text).not.toContain(secret);
    // The line of the link change stays (seqs stay whole), its Audited fact with it.
    expect(shipped.map((l) => l.s)).toEqual(lines.map((l) => l.s));

    const mirror = plain(baseline) as HallData;
    for (const l of shipped.slice(1)) for (const f of l.f) evolve(mirror, f as unknown as Fact);
    expect(plain(mirror)).toEqual(plain(sanitizeState(data)));
    // The sign-out found its sign-in through the re-hash: no session is left at the county.
    expect(Object.keys(mirror.sessions)).toEqual([]);
    expect(rehash('a')).not.toBe('a');
  });

  it('never lets an id from outside reach a prototype', () => {
    const data = hall();
    data.tickets = JSON.parse('{"__proto__": {"polluted": true}}') as HallData['tickets'];
    const out = sanitizeState(data) as { tickets: Record<string, unknown> };
    expect(Object.hasOwn(out.tickets, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
