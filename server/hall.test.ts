import { describe, expect, it } from 'vitest';
import { Hall } from './hall.ts';
import { seedDemoHall } from './seed.ts';
import type { Store } from './store/index.ts';

/** A store whose journal writes finish only when the test says so. */
function heldStore() {
  const held: (() => void)[] = [];
  const store = {
    dir: '/nonexistent',
    load: async () => ({ data: null, seq: 0, entries: [] }),
    openJournal: async () => {},
    append: () => new Promise<void>((resolve) => held.push(resolve)),
    barrier: async () => {},
    snapshot: async () => {},
    archive: {} as Store['archive'],
    close: async () => {},
  } satisfies Store;
  return { store, release: () => held.splice(0).forEach((r) => r()), heldCount: () => held.length };
}

describe('Hall.whenDurable', () => {
  it('waits while a command is applied but not yet on disk, then runs once all are', async () => {
    const t0 = Date.parse('2026-11-26T09:00:00+08:00');
    const { store, release, heldCount } = heldStore();
    const hall = await Hall.open({ store, clock: () => t0, seed: async () => (await seedDemoHall(t0, 'pw-123456')).data });
    release(); // anything the opening wrote
    const ran: string[] = [];
    hall.whenDurable(() => ran.push('idle'));
    expect(ran).toEqual(['idle']);

    const first = hall.run({ type: 'take', id: 'a', serviceId: 'social', priority: false, channel: 'kiosk' });
    const second = hall.run({ type: 'take', id: 'b', serviceId: 'social', priority: false, channel: 'kiosk' });
    expect(hall.data.tickets.a).toBeDefined(); // applied at once, not yet durable
    hall.whenDurable(() => ran.push('both on disk'));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['idle']);
    expect(heldCount()).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(ran).toEqual(['idle', 'both on disk']);
  });
});
