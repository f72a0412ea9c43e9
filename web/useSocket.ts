// The one way pages talk Socket.IO: connect with an auth payload, keep the latest
// hall state, reconnect by itself, and report whether the server is reachable.
import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServer, ServerToClient, SocketAuth } from '../shared/events.ts';
import type { HallState } from '../shared/types.ts';

export type HallSocket = Socket<ServerToClient, ClientToServer>;

export interface SocketStatus {
  socket: HallSocket | null;
  hall: HallState | null;
  connected: boolean;
}

/**
 * `auth` null: not connected (e.g. a console before sign-in). `setup` runs once per
 * connection object to add page-specific listeners; its return value cleans up.
 */
export function useSocket(auth: SocketAuth | null, setup?: (socket: HallSocket) => void | (() => void)): SocketStatus {
  const [state, setState] = useState<SocketStatus>({ socket: null, hall: null, connected: false });
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const key = auth ? JSON.stringify(auth) : null;

  useEffect(() => {
    if (!auth) return;
    const socket: HallSocket = io({ auth, transports: ['websocket'], reconnectionDelayMax: 3000 });
    setState({ socket, hall: null, connected: false });
    socket.on('connect', () => setState((s) => ({ ...s, connected: true })));
    socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
    socket.on('hall:state', (hall) => setState((s) => ({ ...s, hall })));
    const cleanup = setupRef.current?.(socket);
    return () => {
      cleanup?.();
      socket.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state;
}
