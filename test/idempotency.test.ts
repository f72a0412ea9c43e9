// A kiosk whose network drops after the server took the ticket but before the reply
// arrived retries with the same Idempotency-Key: it gets the same ticket, not a second.
import { describe, expect, it } from 'vitest';
import { startHall, tempDir } from './harness.ts';

describe('Idempotency-Key on a take', () => {
  it('gives the same ticket for the same key the same day, across a restart, and a new one for a new key', async () => {
    const dir = tempDir();
    let h = await startHall({ dir });
    const take = (key?: string, serviceId = 'social') => h.request('POST', '/api/tickets', { serviceId }, undefined, key === undefined ? {} : { 'Idempotency-Key': key });

    const first = await take('kiosk1-0001');
    expect(first.status).toBe(201);
    const again = await take('kiosk1-0001');
    expect(again).toEqual(first);
    const other = await take('kiosk1-0002');
    expect(other.body.number).toBe('A002');
    expect((await take()).body.number).toBe('A003'); // no key: every request is a take

    // The same key for another business is a different request: refused, nothing taken.
    const conflict = await take('kiosk1-0001', 'medical');
    expect([conflict.status, conflict.body.error.code]).toEqual([409, 'idempotency_conflict']);
    for (const bad of ['', 'has space', 'x'.repeat(65), 'a.b']) {
      const r = await take(bad);
      expect([bad, r.status, r.body.error?.code]).toEqual([bad, 400, 'invalid_request']);
    }

    await h.close();
    h = await startHall({ dir });
    const afterRestart = await take('kiosk1-0002');
    expect([afterRestart.status, afterRestart.body.id, afterRestart.body.number]).toEqual([201, other.body.id, 'A002']);
    expect((await h.request('GET', '/api/services')).body.find((s: { id: string }) => s.id === 'social').waiting).toBe(3);
    await h.close();
  });
});
