// Wrong passwords, counted per account and per address. Each check costs scrypt
// (~50 ms of a thread-pool thread), so a flood of guesses would both try passwords and
// slow every kiosk; once an account or an address has failed too often it is turned
// away before any hashing, for a while, and the start of each such pause is recorded
// for the supervisor.
import { HallError } from '../../shared/core/errors.ts';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
  pauseMs: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000, pauseMs: 10 * 60_000 };

interface Count {
  failures: number[]; // instants, oldest first, within the window
  pausedUntil: number;
  /** Attempts being checked now: they count against the limit before they fail. */
  checking: number;
}

/** Kept bounded: a flood of made-up usernames must not grow memory without end. */
const MAX_KEYS = 10_000;

export class SignInThrottle {
  private readonly accounts = new Map<string, Count>();
  private readonly addresses = new Map<string, Count>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
  ) {}

  /**
   * Throws 429 while the account or the address is paused, or while as many attempts
   * as it may still fail are already being checked (a burst of guesses must not all
   * reach scrypt before the first of them fails). Otherwise the attempt is counted as
   * being checked until `failed` or `succeeded` says how it went.
   */
  check(username: string, address: string): void {
    const now = this.clock();
    const account = this.entry(this.accounts, username);
    const addr = this.entry(this.addresses, address);
    const paused = Math.max(account.pausedUntil, addr.pausedUntil);
    const full = (c: Count, limit: number) => c.failures.filter((t) => now - t < this.limits.windowMs).length + c.checking >= limit;
    if (paused > now || full(account, this.limits.perAccount) || full(addr, this.limits.perAddress)) {
      const minutes = Math.max(1, Math.ceil((paused - now) / 60_000));
      throw new HallError('too_many_attempts', 429, `密码错误次数过多，登录已暂停，请 ${paused > now ? minutes : 1} 分钟后再试；忘记密码请找管理员重置`);
    }
    account.checking++;
    addr.checking++;
  }

  /** Records a wrong password; says which pause began with it, if any. */
  failed(username: string, address: string): { what: 'account' | 'address'; failures: number; pauseMs: number } | null {
    this.done(username, address);
    const account = this.count(this.accounts, username, this.limits.perAccount);
    const addr = this.count(this.addresses, address, this.limits.perAddress);
    if (account) return { what: 'account', failures: account, pauseMs: this.limits.pauseMs };
    if (addr) return { what: 'address', failures: addr, pauseMs: this.limits.pauseMs };
    return null;
  }

  succeeded(username: string, address: string): void {
    this.done(username, address);
    this.accounts.delete(username);
  }

  /** The check could not be finished (the hall could not answer): it counts as nothing. */
  abandoned(username: string, address: string): void {
    this.done(username, address);
  }

  private done(username: string, address: string): void {
    const a = this.accounts.get(username);
    const b = this.addresses.get(address);
    if (a && a.checking > 0) a.checking--;
    if (b && b.checking > 0) b.checking--;
  }

  private entry(map: Map<string, Count>, key: string): Count {
    let c = map.get(key);
    if (!c) {
      if (map.size >= MAX_KEYS) map.delete(map.keys().next().value!);
      c = { failures: [], pausedUntil: 0, checking: 0 };
      map.set(key, c);
    }
    return c;
  }

  /** Adds a failure; returns the failure count when it starts a pause, else 0. */
  private count(map: Map<string, Count>, key: string, limit: number): number {
    const now = this.clock();
    const c = this.entry(map, key);
    c.failures = c.failures.filter((t) => now - t < this.limits.windowMs);
    c.failures.push(now);
    if (c.failures.length < limit || c.pausedUntil > now) return 0;
    c.pausedUntil = now + this.limits.pauseMs;
    const n = c.failures.length;
    c.failures = [];
    return n;
  }
}
