// One socket cannot follow thousands of tickets: each watch past the cap lets go of the
// oldest, so pushes carry the rooms people need, not all a socket ever asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WATCHES } from '../server/sockets/rooms.ts';
import { nextEvent, startHall, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

describe('ticket:watch', () => {
  it(`follows at most ${MAX_WATCHES} tickets per socket, the latest ones`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await h.request('POST', '/api/tickets', { serviceId: 'social' })).body.id);
    const s = await h.socket({ role: 'display' });
    for (const id of ids) expect(await new Promise((r) => s.emit('ticket:watch', id, r))).toEqual({ ok: true });
    // The oldest ticket is called: this socket no longer hears about it; the newest still does.
    const clerk = await h.signIn('clerk1', '1');
    const statuses: string[] = [];
    s.on('ticket:status', (t) => statuses.push(t.id));
    const latest = nextEvent(s, 'ticket:status', (t) => t.id === ids.at(-1));
    await h.request('POST', '/api/counters/1/next', undefined, clerk);
    await latest;
    expect(statuses).not.toContain(ids[0]);
    expect(new Set(statuses).size).toBeLessThanOrEqual(MAX_WATCHES);
  });
});
