// Wrong 评价码, counted. A key is six digits: guessing one takes up to a million tries,
// so a ticket stops taking keys after a few wrong ones (its visit can then still be
// rated at its window's pad), and an address that keeps sending wrong keys for many
// tickets is paused. A villager mistyping once or twice never notices either limit.
import { HallError } from '../../shared/core/errors.ts';

export interface KeyGuardLimits {
  /** Wrong keys for one ticket before it takes no more (for the day). */
  perTicket: number;
  /** Wrong keys from one address within `windowMs` before it is paused for the rest of it. */
  perAddress: number;
  windowMs: number;
}

export const RATING_KEY_LIMITS: KeyGuardLimits = { perTicket: 5, perAddress: 20, windowMs: 60 * 60_000 };

/** Kept bounded: a flood of made-up ids or addresses must not grow memory without end. */
const MAX_KEYS = 10_000;

export class KeyGuard {
  private readonly tickets = new Map<string, number>();
  private readonly addresses = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: KeyGuardLimits = RATING_KEY_LIMITS,
  ) {}

  /** Before a key is tried: 403 for a ticket locked by wrong keys, 429 for a paused address. */
  check(ticketId: string, address: string): void {
    if ((this.tickets.get(ticketId) ?? 0) >= this.limits.perTicket) {
      throw new HallError('not_your_ticket', 403, '评价码已输错多次，这个号不能再凭评价码评价；可在办事窗口的评价器上评价');
    }
    if (this.recent(address).length >= this.limits.perAddress) {
      throw new HallError('too_many_attempts', 429, '评价码输错次数过多，请过一会儿再试');
    }
  }

  /** A key was wrong (or missing) for this ticket. */
  failed(ticketId: string, address: string): void {
    bounded(this.tickets, ticketId, (this.tickets.get(ticketId) ?? 0) + 1);
    bounded(this.addresses, address, [...this.recent(address), this.clock()]);
  }

  private recent(address: string): number[] {
    const now = this.clock();
    return (this.addresses.get(address) ?? []).filter((t) => t <= now && now - t < this.limits.windowMs);
  }
}

/** Sets `key`, first dropping the oldest entry when the map is full. */
function bounded<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key); // re-inserted last: the oldest is the first
  if (map.size >= MAX_KEYS) map.delete(map.keys().next().value!);
  map.set(key, value);
}
