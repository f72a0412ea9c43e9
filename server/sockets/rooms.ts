// Where each socket listens, and what it is told the moment it joins: a wall screen
// or kiosk the whole hall, a phone its ticket, a window's pad its window, a console
// the hall and (for a clerk) its window.
import { counterState, hallState, padState, ticketView } from '../../shared/core/views.ts';
import { rooms } from '../../shared/events.ts';
import { watchedTicketId } from '../../shared/schemas.ts';
import type { PrinterHealth } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { HallSocket, Io } from './login.ts';

/** Wall screens and kiosks are spread over this many rooms, pushed one after another. */
export const DISPLAY_SHARDS = 6;
export const displayShard = (k: number) => `display#${k}`;

export function joinRooms(io: Io, hall: Hall, printerHealth: () => PrinterHealth): void {
  let displays = 0; // connections so far: spreads screens over the shards in turn
  io.on('connection', (socket) => {
    const login = socket.data.login;
    const now = hall.now();
    if (login.role === 'display') {
      void socket.join([rooms.display, displayShard(displays++ % DISPLAY_SHARDS)]);
      socket.emit('hall:state', hall.view((s) => hallState(s, now)));
      socket.emit('printer:status', printerHealth());
    } else if (login.role === 'ticket') {
      watch(hall, socket, login.ticketId);
    } else if (login.role === 'pad') {
      void socket.join(rooms.pad(login.counterId));
      const ps = hall.view((s) => padState(s, login.counterId, now));
      if (ps) socket.emit('pad:state', ps);
    } else {
      void socket.join(rooms.staff);
      socket.emit('hall:state', hall.view((s) => hallState(s, now)));
      socket.emit('printer:status', printerHealth());
      if (login.counterId) {
        const counterId = login.counterId;
        void socket.join(rooms.counter(counterId));
        const cs = hall.view((s) => counterState(s, counterId, now));
        if (cs) socket.emit('counter:state', cs);
      }
    }
    socket.on('ticket:watch', (ticketId, ack) => {
      const ok = watch(hall, socket, ticketId);
      if (typeof ack === 'function') ack(ok ? { ok: true } : { ok: false, error: { code: 'unknown_ticket', message: '没有这个号' } });
    });
  });
}

/**
 * Tickets one socket may follow at once: a phone follows its own, a kiosk the prints of
 * its last few. Each further watch lets go of the oldest, so one socket cannot make every
 * push carry thousands of rooms (or a kiosk collect a room per ticket all day).
 */
export const MAX_WATCHES = 5;

/** A phone follows one ticket of the live day. */
function watch(hall: Hall, socket: HallSocket, ticketId: unknown): boolean {
  const id = watchedTicketId.safeParse(ticketId);
  if (!id.success) return false;
  const found = hall.view((s) => {
    const t = Object.hasOwn(s.tickets, id.data) ? s.tickets[id.data] : undefined;
    return t && { id: t.id, view: ticketView(s, t, undefined, hall.now()), print: t.print };
  });
  if (!found) return false;
  const watching = (socket.data.watching ??= []);
  if (!watching.includes(found.id)) {
    watching.push(found.id);
    void socket.join(rooms.ticket(found.id));
    while (watching.length > MAX_WATCHES) void socket.leave(rooms.ticket(watching.shift()!));
  }
  socket.emit('ticket:status', found.view);
  // A print that finished before the watcher joined is told at once.
  const p = found.print;
  if (p) socket.emit('ticket:printed', { ticketId: found.id, ok: p.ok, message: p.ok ? '请取走号票' : (p.error ?? '打印失败'), reprint: p.copies > 1 });
  return true;
}
