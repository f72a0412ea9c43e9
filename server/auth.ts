// Passwords (scrypt, salted) and session tokens (random; only their SHA-256 is stored).
import { createHash, randomBytes, randomFillSync, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEYLEN = 32;

/**
 * scrypt runs on libuv's thread pool, which the journal's writes share. Hashes are taken
 * one at a time, so however many sign-ins arrive together, at most one pool thread is
 * busy hashing and the others stay free for the disk.
 */
let lane: Promise<unknown> = Promise.resolve();

function scryptAsync(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  const run = () =>
    new Promise<Buffer>((resolve, reject) =>
      scrypt(password, salt, KEYLEN, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
    );
  const next = lane.then(run, run);
  lane = next.catch(() => {});
  return next;
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  const expected = Buffer.from(hash, 'base64url');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

export const newToken = () => randomBytes(24).toString('base64url');
/** A ticket's 评价码: six digits, easy to type on the kiosk's keypad, drawn at random. */
export const newRatingKey = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Readable initial passwords: no 0/O/1/l confusion when read off a sheet. */
export function newPassword(length = 10): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Ids for tickets and the like: 12 url-safe characters, not guessable. The 72 random
 * bits come from a pool filled 4 kB at a time: one call into the CSPRNG per 455 ids
 * instead of one per id (every kiosk take asks for one).
 */
const ID_BYTES = 9;
const pool = Buffer.alloc(ID_BYTES * 455);
let poolAt = pool.length;
export function newId(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += ID_BYTES;
  return pool.toString('base64url', poolAt - ID_BYTES, poolAt);
}
