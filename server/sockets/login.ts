// Who is connecting: the handshake's `auth` is checked once here, and what it proved
// is kept on the socket for the rooms to read. A staff socket keeps its token's hash
// so that signing out (a SignedOut fact) can end it.
import type { Server, Socket } from 'socket.io';
import type { ClientToServer, ServerToClient } from '../../shared/events.ts';
import { socketAuth } from '../../shared/schemas.ts';
import { tokenHash } from '../auth.ts';
import type { Hall } from '../hall.ts';
import { padCounter } from '../../shared/core/state.ts';


/** What a socket proved at its handshake. */
export type Login =
  | { role: 'display' }
  | { role: 'ticket'; ticketId: string }
  | { role: 'pad'; tokenHash: string; counterId: string }
  | { role: 'staff'; tokenHash: string; counterId: string | null };

export interface SocketData {
  login: Login;
  /** Tickets this socket follows (ticket:watch), oldest first. */
  watching?: string[];
}

export type Io = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type HallSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export function login(io: Io, hall: Hall): void {
  io.use((socket, next) => {
    const r = socketAuth.safeParse(socket.handshake.auth);
    if (!r.success) return next(new Error('invalid_auth'));
    const auth = r.data;
    if (auth.role === 'staff') {
      const session = hall.session(auth.token);
      if (!session) return next(new Error('unauthorized'));
      socket.data.login = { role: 'staff', tokenHash: tokenHash(auth.token), counterId: session.counterId };
    } else if (auth.role === 'pad') {
      const hash = tokenHash(auth.token);
      const counterId = hall.view((s) => padCounter(s, hash));
      if (counterId === null) return next(new Error('unpaired'));
      socket.data.login = { role: 'pad', tokenHash: hash, counterId };
    } else {
      socket.data.login = auth;
    }
    next();
  });
}

/**
 * Ends every staff socket whose sign-in is gone: signed out, or ended because the
 * account was disabled, its password reset or its window reassigned. A socket's right
 * is checked again after every change that can take it away, not only at its handshake.
 */
export function endLostSessions(io: Io, hall: Hall): void {
  for (const s of io.of('/').sockets.values()) {
    const l = s.data.login;
    if (l?.role === 'pad') {
      if (hall.view((d) => padCounter(d, l.tokenHash)) === l.counterId) continue;
      s.emit('session:ended', '评价器已解除绑定');
      s.disconnect(true);
      continue;
    }
    if (l?.role !== 'staff' || hall.view((d) => Object.hasOwn(d.sessions, l.tokenHash))) continue;
    s.emit('session:ended', '已退出登录');
    s.disconnect(true);
  }
}
