// The board's live data: one Socket.IO connection with the county token, the latest
// list of halls, and whether the county center is reachable right now.
import { useEffect, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type { CountyClientToServer, CountyServerToClient } from '../shared/county/events.ts';
import type { HallSummary } from '../shared/county/types.ts';

export interface CountyLive {
  halls: HallSummary[] | null;
  connected: boolean;
  /** The server refused the token (signed out elsewhere, expired). */
  refused: boolean;
}

export function useCountyLive(token: string): CountyLive {
  const [live, setLive] = useState<CountyLive>({ halls: null, connected: false, refused: false });
  useEffect(() => {
    const socket: Socket<CountyServerToClient, CountyClientToServer> = io({ auth: { token }, transports: ['websocket'], reconnectionDelayMax: 3000 });
    socket.on('connect', () => setLive((l) => ({ ...l, connected: true })));
    socket.on('disconnect', () => setLive((l) => ({ ...l, connected: false })));
    socket.on('connect_error', (e) => {
      if (e.message.includes('unauthorized')) setLive((l) => ({ ...l, refused: true }));
    });
    socket.on('county:halls', (halls) => setLive((l) => ({ ...l, halls })));
    return () => {
      socket.close();
    };
  }, [token]);
  return live;
}
