// A clock that stands still until the test moves it, with timers on it: what the
// server waits for (a push slot, a printer's backoff) happens when the test says the
// time has come, not after a real sleep.
import type { TimerHandle, Timers } from '../server/timers.ts';

interface Pending {
  at: number;
  fn: () => void;
  every?: number;
}

export class ManualClock implements Timers {
  private t: number;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(start = Date.now()) {
    this.t = start;
  }

  readonly now = (): number => this.t;

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + Math.max(0, ms), fn });
    // Due now means now: the clock standing still must not hold back what is not waiting.
    if (ms <= 0) setImmediate(() => this.advance(0));
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + ms, fn, every: Math.max(1, ms) });
    return id;
  }

  clearInterval(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  /** Moves time on by `ms`, running each timer that falls due, in order, at its own instant. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let nextId: number | null = null;
      let next: Pending | null = null;
      for (const [id, p] of this.pending) {
        if (p.at <= end && (!next || p.at < next.at)) [nextId, next] = [id, p];
      }
      if (!next || nextId === null) break;
      this.t = Math.max(this.t, next.at);
      if (next.every) next.at += next.every;
      else this.pending.delete(nextId);
      next.fn();
    }
    this.t = end;
  }
}
