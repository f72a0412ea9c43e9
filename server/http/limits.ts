// Limits on the public routes that write: taking a ticket and writing in the comment
// book need no sign-in, so one client could take 12,000 tickets in 10 s or fill the book
// with thousands of entries. Each address gets a bucket of as many requests as the
// setting allows per period (设置 → 取号与留言限制), refilled evenly over the period: a
// kiosk's burst passes, a flood is answered 429 before it reaches the hall, and a
// refused request changes nothing. The address is Express's `req.ip`, as for the
// sign-in throttle: a proxy counts only when "trust proxy" trusts it.
import type { Request, RequestHandler, Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { paths } from '../../shared/paths.ts';
import type { LimitSettings } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';

interface Bucket {
  tokens: number;
  at: number;
  /** The limit the bucket was filled for: a changed setting moves its headroom along. */
  limit: number;
  /** Refusing since: the flood is logged once, when it starts. */
  refusing: boolean;
}

/** Kept bounded: a flood from made-up addresses must not grow memory without end. */
const MAX_KEYS = 10_000;

/** Requests per address within a period, from a limit that may change at any request. */
export class AddressLimit {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: () => number,
    private readonly periodMs: number,
  ) {}

  /** Counts one request; null when it may pass, else the milliseconds until one may. */
  take(address: string, limit: number): { waitMs: number; first: boolean } | null {
    const now = this.clock();
    let b = this.buckets.get(address);
    if (b) {
      this.buckets.delete(address); // re-inserted below: the map's order is least recently seen first
      // What the address has used stays used: raising the limit frees as many requests as
      // it adds, lowering it takes them away (below zero: a debt the refill pays first).
      if (b.limit !== limit) b = { ...b, tokens: Math.min(limit, b.tokens + limit - b.limit), limit };
      // A clock set back refills nothing.
      b.tokens = Math.min(limit, b.tokens + (Math.max(0, now - b.at) * limit) / this.periodMs);
      b.at = now;
    } else {
      if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
      b = { tokens: limit, at: now, limit, refusing: false };
    }
    this.buckets.set(address, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.refusing = false;
      return null;
    }
    const first = !b.refusing;
    b.refusing = true;
    return { waitMs: Math.ceil(((1 - b.tokens) * this.periodMs) / limit), first };
  }

  get size(): number {
    return this.buckets.size;
  }
}

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** A take repeating a key that already took a ticket today takes nothing: it always passes. */
function retryOfTaken(hall: Hall, req: Request): boolean {
  const key = req.get('idempotency-key');
  if (key === undefined || !KEY.test(key)) return false;
  return hall.view((d) => d.today.takeKeys !== undefined && Object.hasOwn(d.today.takeKeys, key));
}

interface Limited {
  limit: (l: LimitSettings) => number;
  periodMs: number;
  code: string;
  message: string;
  what: string;
  exempt?: (req: Request) => boolean;
}

/**
 * The limits as middleware on the routes they guard, mounted before those routes. Each
 * request reads the current setting, so a change in 设置 applies to the next request.
 */
/** Registers its routes on `r`, the one API router. */
export function limitRoutes(r: Router, hall: Hall, log: (msg: string) => void): void {
  const guard = (name: 'takeTicket' | 'comment', o: Limited): void => {
    const counts = new AddressLimit(() => hall.now(), o.periodMs);
    const handler: RequestHandler = (req, res, next) => {
      if (o.exempt?.(req)) return next();
      const address = req.ip ?? '';
      const limit = o.limit(hall.view((d) => d.settings.limits));
      const refused = counts.take(address, limit);
      if (!refused) return next();
      if (refused.first) log(`${address}: more than ${limit} ${o.what}; turned away (429) until it slows down`);
      res.set('Retry-After', String(Math.max(1, Math.ceil(refused.waitMs / 1000))));
      next(new HallError(o.code, 429, o.message));
    };
    r.post(paths[name].path.slice('/api'.length), handler);
  };
  guard('takeTicket', {
    limit: (l) => l.takesPerMinute,
    periodMs: 60_000,
    code: 'too_many_requests',
    message: '取号太频繁，请稍等一会儿再取',
    what: 'takes a minute',
    exempt: (req) => retryOfTaken(hall, req),
  });
  guard('comment', {
    limit: (l) => l.commentsPerHour,
    periodMs: 3_600_000,
    code: 'too_many_requests',
    message: '留言太频繁，请过一会儿再写；有急事请找大厅工作人员',
    what: 'comments an hour',
  });
}
