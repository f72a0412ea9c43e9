// A disk that fills up mid-morning, on a real (small) file system: refused takes are
// never resurrected, the hall comes back by itself once space is freed, and a restart
// finds exactly the acknowledged tickets. Needs root to mount a tmpfs, as CI has.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHall } from './harness.ts';

const mount = mkdtempSync(path.join(tmpdir(), 'diskfull-'));
const mounted = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mount]);
});

/** Fills the file system to the last byte; deleting the file frees it again. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch {
    for (;;) {
      try {
        writeSync(fd, block, 0, 1); // the last bytes of the last block
      } catch {
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mounted)('a full disk', () => {
  it('refuses what it cannot write, resurrects none of it, and recovers by itself', async () => {
    const dir = path.join(mount, 'data');
    mkdirSync(dir);
    const take = () => h.request('POST', '/api/tickets', { serviceId: 'social' });
    let h = await startHall({ dir });
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) acknowledged.push((await take()).body.number);

    fill(path.join(mount, 'filler'));
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

    rmSync(path.join(mount, 'filler'));
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
