// Socket.IO edge, in three parts: login (who is connecting), rooms (where each socket
// listens and what it is told on joining), broadcast (what each change pushes).
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { PrinterHealth } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { PrintService } from '../printer/service.ts';
import type { Queries } from '../queries.ts';
import type { Timers } from '../timers.ts';
import { broadcast } from './broadcast.ts';
import { login, type Io } from './login.ts';
import { joinRooms } from './rooms.ts';
import { rooms } from '../../shared/events.ts';

export interface Sockets {
  io: Io;
  close(): Promise<void>;
}

export function attachSockets(httpServer: HttpServer, hall: Hall, printing: PrintService, printerHealth: () => PrinterHealth, queries: Queries, timers: Timers): Sockets {
  const io: Io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 16_384, pingInterval: 10_000, pingTimeout: 8_000 });
  login(io, hall);
  joinRooms(io, hall, printerHealth);
  const stop = broadcast(io, hall, queries, timers);
  printing.onHealth(() => io.to([rooms.display, rooms.staff]).emit('printer:status', printerHealth()));
  printing.onResult((result) => io.to(rooms.ticket(result.ticketId)).emit('ticket:printed', result));
  return {
    io,
    async close() {
      stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
