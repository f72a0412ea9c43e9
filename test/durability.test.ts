// Restarts, replay and the day boundary, with real files and an injected clock.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHall, tempDir } from './harness.ts';

describe('restart', () => {
  it('replays the journal onto the snapshot after an unclean stop', async () => {
    const dir = tempDir();
    const h1 = await startHall({ dir });
    const token = await h1.signIn('clerk1', '1');
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push((await h1.request('POST', '/api/tickets', { serviceId: 'social' })).body);
    await h1.request('POST', '/api/counters/1/next', undefined, token);
    // No close(): the snapshot is stale, only the journal has these commands.
    h1.app.server.closeAllConnections();
    h1.app.server.close();
    // A dead server's lock is taken over by the next start; this one's process lives on.
    rmSync(path.join(dir, 'hall.lock'));

    const h2 = await startHall({ dir });
    for (const t of taken) expect((await h2.request('GET', `/api/tickets/${t.id}`)).body.number).toBe(t.number);
    expect((await h2.request('GET', `/api/tickets/${taken[0].id}`)).body.status).toBe('called');
    expect((await h2.request('POST', '/api/tickets', { serviceId: 'social' })).body.number).toBe('A006');
    // The session survived too: the clerk goes on without signing in again.
    expect((await h2.request('POST', '/api/counters/1/complete', {}, token)).status).toBe(200);
    await h2.close();
    // A clean stop leaves one snapshot and a fresh journal.
    const snap = JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(Object.keys(snap.data.tickets)).toHaveLength(6);
  });
});

describe('day rollover', () => {
  it('closes the day at midnight in the hall zone, archives it and restarts numbering', async () => {
    const dir = tempDir();
    let now = Date.parse('2026-11-26T23:50:00+08:00');
    const h = await startHall({ dir, clock: () => now });
    const token = await h.signIn('clerk1', '1');
    const a = (await h.request('POST', '/api/tickets', { serviceId: 'social' })).body;
    const b = (await h.request('POST', '/api/tickets', { serviceId: 'social' })).body;
    now += 60_000;
    await h.request('POST', '/api/counters/1/next', undefined, token);
    now += 120_000;
    await h.request('POST', '/api/counters/1/complete', {}, token);

    now = Date.parse('2026-11-27T00:00:01+08:00'); // the next day, 16:00:01 UTC
    const c = (await h.request('POST', '/api/tickets', { serviceId: 'social' })).body;
    expect(c.number).toBe('A001');
    expect(c.takenAt.startsWith('2026-11-27T00:00:01')).toBe(true);
    expect((await h.request('GET', `/api/tickets/${b.id}`)).status).toBe(404); // yesterday's: gone from the live day

    const archiveFile = path.join(dir, 'archive', '2026-11-26.json');
    await expect.poll(() => existsSync(archiveFile)).toBe(true);
    const archived = JSON.parse(readFileSync(archiveFile, 'utf8'));
    expect(archived.tickets.map((t: any) => [t.number, t.status])).toEqual([['A001', 'done'], ['A002', 'cancelled']]);

    const sup = await h.signIn('supervisor');
    const y = await h.request('GET', '/api/stats?from=2026-11-26&to=2026-11-26', undefined, sup);
    expect(y.body).toMatchObject({ tickets: 2, served: 1, noShows: 0, wait: { avgMin: 1, maxMin: 1 } });
    expect((await h.request('GET', '/api/stats', undefined, sup)).body.tickets).toBe(1);
    const both = await h.request('GET', '/api/stats?from=2026-11-26&to=2026-11-27', undefined, sup);
    expect(both.body.tickets).toBe(3);
    expect(a.id).not.toBe(c.id);
    await h.close();

    // The live file no longer carries the closed day.
    const snap = JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8'));
    expect(snap.data.today.day).toBe('2026-11-27');
    expect(Object.values(snap.data.tickets).map((t: any) => t.number)).toEqual(['A001']);
    expect(readdirSync(dir).filter((f) => f.startsWith('journal-'))).toHaveLength(1);
  });

  it('catches up at start after being off over midnight', async () => {
    const dir = tempDir();
    let now = Date.parse('2026-11-26T17:00:00+08:00');
    const h1 = await startHall({ dir, clock: () => now });
    const t = (await h1.request('POST', '/api/tickets', { serviceId: 'civil' })).body;
    await h1.close();
    now = Date.parse('2026-11-28T08:00:00+08:00');
    const h2 = await startHall({ dir, clock: () => now });
    expect((await h2.request('GET', `/api/tickets/${t.id}`)).status).toBe(404);
    expect((await h2.request('POST', '/api/tickets', { serviceId: 'civil' })).body.number).toBe('B001');
    expect(existsSync(path.join(dir, 'archive', '2026-11-26.json'))).toBe(true);
    await h2.close();
  });
});
