import { describe, expect, it } from 'vitest';
import { hashPassword, newId, newPassword, verifyPassword } from './auth.ts';

describe('newId', () => {
  it('gives 12 url-safe characters, never the same twice across pool refills', () => {
    const ids = Array.from({ length: 2000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('passwords', () => {
  it('are stored as scrypt hashes that verify only the right password', async () => {
    const pw = newPassword();
    expect(pw).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{10}$/);
    const hash = await hashPassword(pw);
    expect(hash).not.toContain(pw);
    expect(await verifyPassword(pw, hash)).toBe(true);
    expect(await verifyPassword(pw + 'x', hash)).toBe(false);
  });
});
