// Pushes after each durable change. Calls go out at once as ticket:called; whole-state
// pushes are coalesced, so a burst of 500 tickets a second becomes a few pushes, not
// 500 × 300 messages, and they read the state only once nothing in it can still be
// lost (hall.whenDurable). Everything starts from the facts of a command.
import { displayText, spokenText } from '../../shared/core/announce.ts';
import type { Effects } from '../../shared/core/commands.ts';
import type { Fact } from '../../shared/core/facts.ts';
import { aheadIndex } from '../../shared/core/queue.ts';
import { counterState, dayIndex, hallState, padState, ticketView, type DayIndex } from '../../shared/core/views.ts';
import { rooms, type TicketCalled } from '../../shared/events.ts';
import type { HallData, HallState } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import type { TimerHandle, Timers } from '../timers.ts';
import { endLostSessions, type Io } from './login.ts';

/** Facts after which a staff socket's sign-in may be gone. */
const SESSION_ENDING: ReadonlySet<Fact['type']> = new Set(['SignedOut', 'UserSaved', 'CounterRemoved', 'DayClosed', 'PadPaired', 'PadUnpaired']);
import { DISPLAY_SHARDS, displayShard } from './rooms.ts';

/** Whole-state pushes to consoles, pads and phones at most this often. */
const PUSH_MS = 250;
/**
 * Wall screens and kiosks, up to hundreds of them, at most this often: by bytes the state
 * outweighs the calls, and a big message in a screen's socket holds up the next call.
 */
const DISPLAY_PUSH_MS = 1000;
/** Waits, clock and opening hours move even when nothing happens. */
const REFRESH_MS = 30_000;

const ignore = () => {};

/** The rhythm runs on the hall's clock and the given timers, so tests move time instead of sleeping. */
export function broadcast(io: Io, hall: Hall, queries: Queries, timers: Timers): () => void {
  const clock = () => hall.now();
  let pending: TimerHandle | null = null;
  let lastPush = -Infinity;
  let lastDisplayPush = -Infinity;
  let displayDirty = false;
  let displayTimer: TimerHandle | null = null;
  let displayGen = 0;
  let awaitingDurable = false;

  // A lone change goes out on the next tick; a burst, once per pushMs with its latest state.
  const schedule = () => {
    pending ??= timers.setTimeout(push, Math.max(0, lastPush + PUSH_MS - clock()));
  };

  function push() {
    pending = null;
    if (awaitingDurable) return; // the waiting push reads the state when it runs
    awaitingDurable = true;
    hall.whenDurable(() => {
      awaitingDurable = false;
      lastPush = clock();
      hall.view((s) => pushState(s));
    });
  }

  function pushDisplays(state: HallState) {
    displayDirty = false;
    lastDisplayPush = clock();
    // One shard now, the rest each on its own turn of the event loop: 300 screens'
    // writes in one go hold the loop ~10 ms. A newer push supersedes the rest.
    const gen = ++displayGen;
    const send = (k: number) => {
      if (gen !== displayGen) return;
      io.to(displayShard(k)).emit('hall:state', state);
      if (k + 1 < DISPLAY_SHARDS) setImmediate(send, k + 1);
    };
    send(0);
  }

  function pushState(data: HallData) {
    const now = clock();
    const state = hallState(data, now);
    io.to(rooms.staff).emit('hall:state', state);
    if (now - lastDisplayPush >= DISPLAY_PUSH_MS) pushDisplays(state);
    else if (!displayDirty) {
      displayDirty = true;
      displayTimer = timers.setTimeout(() => {
        displayTimer = null;
        hall.whenDurable(() => pushDisplays(hall.view((s) => hallState(s, clock()))));
      }, lastDisplayPush + DISPLAY_PUSH_MS - now);
    }
    const adapterRooms = io.of('/').adapter.rooms;
    let index: DayIndex | null = null;
    for (const c of data.counters) {
      if (!adapterRooms.has(rooms.counter(c.id))) continue;
      index ??= dayIndex(data);
      const cs = counterState(data, c.id, now, index);
      if (cs) io.to(rooms.counter(c.id)).emit('counter:state', cs);
    }
    for (const c of data.counters) {
      if (!adapterRooms.has(rooms.pad(c.id))) continue;
      const ps = padState(data, c.id, now);
      if (ps) io.to(rooms.pad(c.id)).emit('pad:state', ps);
    }
    let ahead: Map<string, number> | null = null;
    for (const room of adapterRooms.keys()) {
      if (!room.startsWith('ticket:')) continue;
      const id = room.slice(7);
      const t = Object.hasOwn(data.tickets, id) ? data.tickets[id] : undefined;
      if (!t) continue;
      ahead ??= aheadIndex(data, (index ??= dayIndex(data)).waiting);
      io.to(room).emit('ticket:status', ticketView(data, t, ahead.get(t.id), now));
    }
  }

  /** What the facts of one command tell the screens, at once. */
  function tell(facts: Fact[], effects: Effects) {
    const happened = (type: Fact['type']) => facts.some((f) => f.type === type);
    if (effects.called) {
      const { ticket, counter } = effects.called;
      const { template, repeat } = hall.view((s) => s.settings.announcement);
      const call: TicketCalled = {
        number: ticket.number,
        counterId: counter.id,
        counterName: counter.name,
        calledAt: ticket.lastCalledAt!,
        callCount: ticket.callCount,
        text: displayText(template, ticket.number, counter.name),
        spoken: spokenText(template, ticket.number, counter.name),
        repeat,
      };
      io.to([rooms.display, rooms.staff]).emit('ticket:called', call);
    }
    // Counted from durable state; should the journal fail meanwhile, the failing command says so.
    if (effects.followUp || happened('RatingGiven')) {
      queries.followUpCounts().then((c) => io.to(rooms.staff).emit('ratings:changed', c), ignore);
    }
    if (happened('CommitmentDelivered') || happened('CommitmentMade') || happened('VisitReopened')) {
      queries.commitmentCounts().then((c) => io.to(rooms.staff).emit('commitments:changed', c), ignore);
    }
    if (effects.comment) {
      queries.unansweredComments().then((c) => io.to(rooms.staff).emit('comments:changed', c), ignore);
    }
    if (facts.some((f) => SESSION_ENDING.has(f.type)) || facts.length === 0) endLostSessions(io, hall);
    schedule();
  }

  const unsubscribe = hall.onApplied(tell);
  const refresh = timers.setInterval(schedule, REFRESH_MS);
  return () => {
    unsubscribe();
    timers.clearInterval(refresh);
    if (pending) timers.clearTimeout(pending);
    if (displayTimer) timers.clearTimeout(displayTimer);
  };
}
