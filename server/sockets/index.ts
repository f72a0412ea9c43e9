// Socket.IO edge: who may listen to what, and pushing state after each durable change.
// Calls go out at once; whole-state pushes are coalesced so a burst of 500 tickets a
// second becomes a few pushes, not 500 × 300 messages.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { displayText, spokenText } from '../../shared/core/announce.ts';
import { aheadIndex } from '../../shared/core/queue.ts';
import { counterState, dayIndex, hallState, padState, ticketView, type DayIndex } from '../../shared/core/views.ts';
import { rooms, type ClientToServer, type ServerToClient, type TicketCalled } from '../../shared/events.ts';
import { tokenHash } from '../auth.ts';
import type { Hall } from '../hall.ts';
import type { PrintService } from '../printer/service.ts';
import { realTimers, type TimerHandle, type Timers } from '../timers.ts';

type Io = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
interface SocketData {
  tokenHash?: string;
}

const authSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('display') }),
  z.object({ role: z.literal('ticket'), ticketId: z.string().min(1).max(64) }),
  z.object({ role: z.literal('pad'), counterId: z.string().min(1).max(64) }),
  z.object({ role: z.literal('staff'), token: z.string().min(1).max(256) }),
]);
const ticketIdSchema = z.string().min(1).max(64);

/**
 * Whole-state pushes at most this often. Calls go out at once as ticket:called; the
 * state (counts, waits) can follow a moment later. Wall screens and kiosks, up to
 * hundreds of them, get it at most once a second: by bytes it outweighs the calls, and
 * a big message in a screen's socket holds up the next call behind it.
 */
const PUSH_MS = 250;
const DISPLAY_PUSH_MS = 1000;
/** Whole-state pushes to wall screens and kiosks go out in this many slices. */
const DISPLAY_SHARDS = 6;
const displayShard = (k: number) => `display#${k}`;
const REFRESH_MS = 30_000; // waits, clock and opening hours move even when nothing happens

export interface Sockets {
  io: Io;
  close(): Promise<void>;
}

/** The push rhythm runs on the hall's clock and these timers (tests drive both). */
export function attachSockets(httpServer: HttpServer, hall: Hall, printing: PrintService, timers: Timers = realTimers): Sockets {
  const io: Io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 16_384, pingInterval: 10_000, pingTimeout: 8_000 });

  io.use((socket, next) => {
    const r = authSchema.safeParse(socket.handshake.auth);
    if (!r.success) return next(new Error('invalid_auth'));
    if (r.data.role === 'pad' && !hall.data.counters.some((c) => c.id === (r.data as { counterId: string }).counterId)) return next(new Error('unknown_counter'));
    if (r.data.role === 'staff') {
      const session = hall.session(r.data.token);
      if (!session) return next(new Error('unauthorized'));
      socket.data.tokenHash = tokenHash(r.data.token);
    }
    next();
  });

  let displays = 0; // connections so far: spreads screens over the shards in turn
  io.on('connection', (socket) => {
    const auth = authSchema.parse(socket.handshake.auth);
    const now = hall.now();
    if (auth.role === 'display') {
      void socket.join([rooms.display, displayShard(displays++ % DISPLAY_SHARDS)]);
      socket.emit('hall:state', hallState(hall.data, now));
      socket.emit('printer:status', printing.current());
    } else if (auth.role === 'ticket') {
      watch(socket, auth.ticketId);
    } else if (auth.role === 'pad') {
      void socket.join(rooms.pad(auth.counterId));
      const ps = padState(hall.data, auth.counterId, now);
      if (ps) socket.emit('pad:state', ps);
    } else {
      const session = hall.session(auth.token)!;
      void socket.join(rooms.staff);
      socket.emit('hall:state', hallState(hall.data, now));
      socket.emit('printer:status', printing.current());
      if (session.counterId) {
        void socket.join(rooms.counter(session.counterId));
        const cs = counterState(hall.data, session.counterId);
        if (cs) socket.emit('counter:state', cs);
      }
    }
    socket.on('ticket:watch', (ticketId, ack) => {
      const ok = watch(socket, ticketId);
      if (typeof ack === 'function') ack(ok ? { ok: true } : { ok: false, error: { code: 'unknown_ticket', message: '没有这个号' } });
    });
  });

  function watch(socket: Socket<ClientToServer, ServerToClient>, ticketId: unknown): boolean {
    const id = ticketIdSchema.safeParse(ticketId);
    const t = id.success ? hall.data.tickets[id.data] : undefined;
    if (!t) return false;
    void socket.join(rooms.ticket(t.id));
    socket.emit('ticket:status', ticketView(hall.data, t));
    // A print that finished before the watcher joined is told at once.
    if (t.print) socket.emit('ticket:printed', { ticketId: t.id, ok: t.print.ok, message: t.print.ok ? '请取走号票' : (t.print.error ?? '打印失败'), reprint: t.print.copies > 1 });
    return true;
  }

  // ------------------------------------------------------------ pushes
  let pending: TimerHandle | null = null;
  let lastPush = 0;
  let lastDisplayPush = 0;
  let displayDirty = false;
  let displayTimer: TimerHandle | null = null;
  let displayGen = 0;
  // A lone change goes out on the next tick; a burst, once per PUSH_MS with its latest state.
  const schedule = () => {
    pending ??= timers.setTimeout(push, Math.max(0, lastPush + PUSH_MS - hall.now()));
  };

  function pushDisplays(state: ReturnType<typeof hallState>) {
    displayDirty = false;
    lastDisplayPush = hall.now();
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

  let awaitingDurable = false;
  function push() {
    pending = null;
    if (awaitingDurable) return; // the waiting push reads the state when it runs
    awaitingDurable = true;
    // Read the state only once nothing in it can still be lost (see hall.whenDurable).
    hall.whenDurable(() => {
      awaitingDurable = false;
      pushNow();
    });
  }

  function pushNow() {
    lastPush = hall.now();
    const data = hall.data;
    const state = hallState(data, hall.now());
    io.to(rooms.staff).emit('hall:state', state);
    if (hall.now() - lastDisplayPush >= DISPLAY_PUSH_MS) pushDisplays(state);
    else if (!displayDirty) {
      displayDirty = true;
      displayTimer = timers.setTimeout(() => {
        displayTimer = null;
        hall.whenDurable(() => pushDisplays(hallState(hall.data, hall.now())));
      }, lastDisplayPush + DISPLAY_PUSH_MS - hall.now());
    }
    const adapterRooms = io.of('/').adapter.rooms;
    let index: DayIndex | null = null;
    for (const c of data.counters) {
      if (!adapterRooms.has(rooms.counter(c.id))) continue;
      index ??= dayIndex(data);
      const cs = counterState(data, c.id, index);
      if (cs) io.to(rooms.counter(c.id)).emit('counter:state', cs);
    }
    for (const c of data.counters) {
      if (!adapterRooms.has(rooms.pad(c.id))) continue;
      const ps = padState(data, c.id, hall.now());
      if (ps) io.to(rooms.pad(c.id)).emit('pad:state', ps);
    }
    let ahead: Map<string, number> | null = null;
    for (const room of adapterRooms.keys()) {
      if (!room.startsWith('ticket:')) continue;
      const t = data.tickets[room.slice(7)];
      if (!t) continue;
      ahead ??= aheadIndex(data, (index ??= dayIndex(data)).waiting);
      io.to(room).emit('ticket:status', ticketView(data, t, ahead.get(t.id)));
    }
  }

  const unsubscribe = hall.onApplied((cmd, effects) => {
    if (effects.called) {
      const { ticket, counter } = effects.called;
      const { template, repeat } = hall.data.settings.announcement;
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
    if (effects.followUp || cmd.type === 'rate') {
      const today = hall.today();
      const open = hall.data.followUps.filter((f) => !f.closedAt);
      io.to(rooms.staff).emit('ratings:changed', { openFollowUps: open.length, overdue: open.filter((f) => f.dueDate < today).length });
    }
    if (cmd.type === 'deliver' || (cmd.type === 'complete' && cmd.outcome === 'committed')) {
      const today = hall.today();
      const open = hall.data.commitments.filter((c) => !c.deliveredAt);
      io.to(rooms.staff).emit('commitments:changed', { open: open.length, overdue: open.filter((c) => c.dueDate < today).length });
    }
    if (effects.comment) {
      io.to(rooms.staff).emit('comments:changed', { unanswered: hall.data.comments.filter((c) => !c.reply).length });
    }
    if (cmd.type === 'signOut') {
      for (const s of io.of('/').sockets.values()) {
        if (s.data.tokenHash === cmd.tokenHash) {
          s.emit('session:ended', '已退出登录');
          s.disconnect(true);
        }
      }
    }
    schedule();
  });

  printing.onHealth((health) => io.to([rooms.display, rooms.staff]).emit('printer:status', health));
  printing.onResult((result) => io.to(rooms.ticket(result.ticketId)).emit('ticket:printed', result));

  const refresh = timers.setInterval(schedule, REFRESH_MS);

  return {
    io,
    async close() {
      unsubscribe();
      timers.clearInterval(refresh);
      if (pending) timers.clearTimeout(pending);
      if (displayTimer) timers.clearTimeout(displayTimer);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
