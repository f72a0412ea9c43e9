// Pushes the halls to every signed-in board: right after a batch lands (coalesced, so
// 200 halls shipping together cost a few pushes a second, not 200), on connect, and
// every few seconds so a hall that falls silent turns grey without anyone shipping.
import type { Server } from 'socket.io';
import type { CountyClientToServer, CountyServerToClient } from '../shared/county/events.ts';
import type { HallSummary } from '../shared/county/types.ts';
import type { Timers, TimerHandle } from '../server/timers.ts';

/** A batch shows on the boards within this long (plus the time to list the halls). */
export const PUSH_COALESCE_MS = 250;
/** Online/offline and "for how long" move on with time alone. */
export const PUSH_TICK_MS = 5000;

export class BoardPush {
  private pending: TimerHandle | null = null;
  private running = false;
  private again = false;
  private readonly tick: TimerHandle;

  constructor(
    private readonly io: Server<CountyClientToServer, CountyServerToClient>,
    private readonly list: () => Promise<HallSummary[]>,
    private readonly timers: Timers,
    private readonly log: (m: string) => void,
  ) {
    io.on('connection', (socket) => {
      list().then(
        (halls) => socket.emit('county:halls', halls),
        (e: Error) => log(`board: ${e.message}`),
      );
    });
    this.tick = timers.setInterval(() => this.changed(), PUSH_TICK_MS);
  }

  /** Something a board shows has changed: push soon, once for everything that changes meanwhile. */
  changed(): void {
    if (this.pending !== null) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      void this.push();
    }, PUSH_COALESCE_MS);
  }

  private async push(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      if (this.io.engine.clientsCount > 0) this.io.emit('county:halls', await this.list());
    } catch (e) {
      this.log(`board: ${(e as Error).message}`);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.changed();
      }
    }
  }

  close(): void {
    this.timers.clearInterval(this.tick);
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
  }
}
