// A bad day, all of it on one hall: a disk that fills up in the busy hour and again at
// midnight, a clock set a year ahead and then half an hour behind, a second server
// started on the same directory. Afterwards every acknowledged ticket, rating and
// follow-up is there exactly once, and nothing that was refused is. Needs root for the
// tmpfs, as CI has.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStore } from '../server/store/index.ts';
import { startHall, type Harness } from './harness.ts';
import { smallDisk } from './smallDisk.ts';

const disk = smallDisk('2m');

describe.skipIf(!disk.mounted)('a bad day', () => {
  it('keeps every acknowledged ticket, rating and follow-up exactly once, and nothing refused', async () => {
    const dir = path.join(disk.dir, 'data');
    mkdirSync(dir);
    let wall = Date.parse('2026-11-26T09:00:00+08:00');
    let mono = 0;
    const tick = (ms: number) => {
      wall += ms;
      mono += ms;
    };
    let h: Harness = await startHall({ dir, clock: () => wall, monotonic: () => mono });
    const clerk = await h.signIn('clerk1', '1');
    const taken = new Map<string, string>(); // id → number, acknowledged with 201
    const rated = new Map<string, number>(); // ticket id → level, acknowledged with 201
    let refused = 0;

    /** One villager's visit at window 1; stops at the first refusal (503), as a person would retry later. */
    async function visit(level: number): Promise<void> {
      tick(30_000);
      const t = await h.request('POST', '/api/tickets', { serviceId: 'social' });
      if (t.status !== 201) {
        expect([t.status, t.body.error.code]).toEqual([503, 'storage_unavailable']);
        refused++;
        return;
      }
      taken.set(t.body.id, t.body.number);
      for (const step of ['next', 'complete'] as const) {
        const r = await h.request('POST', `/api/counters/1/${step}`, step === 'complete' ? {} : undefined, clerk);
        if (r.status !== 200) {
          expect(r.status).toBe(503);
          refused++;
          return;
        }
      }
      const reasons = level <= 2 ? ['等候时间太长'] : [];
      const r = await h.request('POST', '/api/ratings', { ticketId: t.body.id, key: t.body.ratingKey, level, reasons, channel: 'kiosk' });
      if (r.status === 201) rated.set(t.body.id, level);
      else refused++;
    }

    // The busy hour, with the disk filling up half way and freed again.
    for (let i = 0; i < 8; i++) await visit((i % 5) + 1);
    disk.fill();
    for (let i = 0; i < 40 && refused === 0; i++) await visit((i % 5) + 1);
    expect(refused).toBeGreaterThan(0);
    disk.free();
    // Whatever the refused visit left open at the window is put right by the clerk.
    for (let i = 0; i < 20; i++) {
      const r = await h.request('POST', '/api/counters/1/complete', {}, clerk);
      if (r.status === 200 || r.body.error?.code === 'no_current_ticket') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    for (let i = 0; i < 5; i++) await visit((i % 5) + 1);

    // The clock: a year ahead for one visit, then half an hour behind for another.
    wall += 365 * 24 * 3_600_000;
    await visit(4);
    wall -= 365 * 24 * 3_600_000 + 30 * 60_000;
    await visit(5);
    wall += 30 * 60_000;
    const day = (await h.request('GET', '/api/hall')).body.day;
    expect(day).toBe('2026-11-26');
    const supervisor = await h.signIn('supervisor');
    const stats = (await h.request('GET', '/api/stats', undefined, supervisor)).body;
    expect(stats.wait.avgMin).toBeGreaterThanOrEqual(0);

    // A second server on the same directory refuses at once.
    await expect(fileStore(dir)).rejects.toThrow(/pid \d+/);

    // Midnight with the disk full: the new day and its archive wait for the disk.
    disk.fill();
    tick(Date.parse('2026-11-27T00:00:05+08:00') - wall);
    const nextDay = new Map<string, string>();
    let midnight = await h.request('POST', '/api/tickets', { serviceId: 'social' });
    for (let i = 0; i < 100 && midnight.status === 201; i++) {
      nextDay.set(midnight.body.id, midnight.body.number);
      midnight = await h.request('POST', '/api/tickets', { serviceId: 'social' });
    }
    expect([midnight.status, midnight.body.error?.code]).toEqual([503, 'storage_unavailable']);
    disk.free();
    let morning = midnight;
    for (let i = 0; i < 50 && morning.status !== 201; i++) {
      await new Promise((res) => setTimeout(res, 100));
      morning = await h.request('POST', '/api/tickets', { serviceId: 'social' });
    }
    expect(morning.status).toBe(201);
    nextDay.set(morning.body.id, morning.body.number);
    expect([...nextDay.values()]).toEqual(nextDay.size ? Array.from({ length: nextDay.size }, (_, i) => `A${String(i + 1).padStart(3, '0')}`) : []);
    await h.app.hall.archiveClosedDays();
    expect(h.app.hall.problems()).toEqual([]);

    // After a restart: the closed day in the archive holds exactly what was acknowledged.
    await h.close();
    h = await startHall({ dir, clock: () => wall, monotonic: () => mono });
    const archived = JSON.parse(readFileSync(path.join(dir, 'archive', '2026-11-26.json'), 'utf8')) as { tickets: { id: string; number: string; rating?: { level: number } }[] };
    expect(new Map(archived.tickets.map((t) => [t.id, t.number]))).toEqual(taken);
    expect(new Set(archived.tickets.map((t) => t.number)).size).toBe(archived.tickets.length);
    expect(new Map(archived.tickets.filter((t) => t.rating).map((t) => [t.id, t.rating!.level]))).toEqual(rated);
    const followUps = (await h.request('GET', '/api/follow-ups?status=all', undefined, await h.signIn('supervisor'))).body as { ticketId: string }[];
    const bad = [...rated].filter(([, level]) => level <= 2).map(([id]) => id).sort();
    expect(followUps.map((f) => f.ticketId).sort()).toEqual(bad);
    for (const [id, number] of nextDay) expect((await h.request('GET', `/api/tickets/${id}`)).body.number).toBe(number);
    await h.close();
  });
});
