// Guessing passwords: an account that failed five times, or an address that failed
// twenty, is paused before any hashing, the pause is in the audit log, and it ends.
import { describe, expect, it } from 'vitest';
import { PASSWORD, startHall } from './harness.ts';

describe('wrong passwords', () => {
  it('pause the account after five, for ten minutes, and tell the supervisor', async () => {
    let now = Date.parse('2026-11-26T09:00:00+08:00');
    const h = await startHall({ clock: () => now });
    const signIn = (username: string, password: string, counterId?: string) => h.request('POST', '/api/session', { username, password, ...(counterId && { counterId }) });
    for (let i = 0; i < 5; i++) expect((await signIn('clerk1', 'wrong-guess', '1')).status).toBe(401);
    const paused = await signIn('clerk1', PASSWORD, '1'); // even the right password waits
    expect([paused.status, paused.body.error.code]).toEqual([429, 'too_many_attempts']);
    expect(paused.body.error.message).toMatch(/10 分钟后再试/);
    expect((await signIn('clerk2', PASSWORD, '2')).status).toBe(200); // others are not held up
    const admin = await h.signIn('admin');
    const audit = (await h.request('GET', '/api/audit', undefined, admin)).body;
    expect(audit[0]).toMatchObject({ action: '登录失败过多', target: '账号 clerk1', detail: expect.stringContaining('5 次密码错误') });
    now += 10 * 60_000;
    expect((await signIn('clerk1', PASSWORD, '1')).status).toBe(200);
    await h.close();
  });

  it('let no burst of guesses past the limit reach the password check', async () => {
    const h = await startHall();
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => h.request('POST', '/api/session', { username: `burst${i}`, password: 'x' })));
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(20); // checked (and failed)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10); // turned away before scrypt
    await h.close();
  });

  it('pause an address that tries many accounts', async () => {
    const h = await startHall();
    for (let i = 0; i < 20; i++) await h.request('POST', '/api/session', { username: `guess${i}`, password: 'x' });
    const r = await h.request('POST', '/api/session', { username: 'supervisor', password: PASSWORD });
    expect([r.status, r.body.error.code]).toEqual([429, 'too_many_attempts']);
    await h.close();
  });
});
