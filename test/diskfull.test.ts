// A disk that fills up mid-morning, on a real (small) file system: refused takes are
// never resurrected, the hall comes back by itself once space is freed, and a restart
// finds exactly the acknowledged tickets. Needs root to mount a tmpfs, as CI has.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHall } from './harness.ts';
import { smallDisk } from './smallDisk.ts';

const disk = smallDisk('1m');

describe.skipIf(!disk.mounted)('a full disk', () => {
  it('refuses what it cannot write, resurrects none of it, and recovers by itself', async () => {
    const dir = path.join(disk.dir, 'data');
    mkdirSync(dir);
    const take = () => h.request('POST', '/api/tickets', { serviceId: 'social' });
    let h = await startHall({ dir });
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) acknowledged.push((await take()).body.number);

    disk.fill();
    // The journal's last page still has room for a few lines: a busy hour fills it,
    // five at a time, until the disk refuses.
    let refused = 0;
    for (let round = 0; round < 100 && refused === 0; round++) {
      for (const r of await Promise.all(Array.from({ length: 5 }, take))) {
        if (r.status === 201) acknowledged.push(r.body.number);
        else {
          expect([r.status, r.body.error?.code]).toEqual([503, 'storage_unavailable']);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(h.app.hall.problems().map((p) => p.code)).toContain('storage_unavailable');
    expect((await take()).status).toBe(503);
    const health = await h.request('GET', '/api/health');
    expect([health.status, health.body.error?.code]).toEqual([503, 'storage_unavailable']);

    disk.free();
    // Back by itself: the next take after the disk allows it gets the next number, as
    // if the refused ones had never been asked for.
    let next = await take();
    for (let i = 0; i < 50 && next.status !== 201; i++) {
      await new Promise((r) => setTimeout(r, 100));
      next = await take();
    }
    expect(next.status).toBe(201);
    const number = (n: number) => `A${String(n).padStart(3, '0')}`;
    expect(next.body.number).toBe(number(acknowledged.length + 1));
    acknowledged.push(next.body.number);
    expect([...acknowledged].sort()).toEqual(acknowledged.map((_, i) => number(i + 1)));
    expect(h.app.hall.problems()).toEqual([]);
    expect(await h.request('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });

    await h.close();
    h = await startHall({ dir });
    const hall = (await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'social');
    expect(hall.waiting).toBe(acknowledged.length);
    expect((await take()).body.number).toBe(number(acknowledged.length + 1));
    await h.close();
  });
});
