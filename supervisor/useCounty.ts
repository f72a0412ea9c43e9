// The 县中心 link's state and the unanswered 督办 notices, kept live: read once on each
// (re)connection, then from the server's county:status and notices:changed pushes. A
// newly arrived notice beeps once and flashes its badge.
import { useRef, useState } from 'preact/hooks';
import type { ServerToClient } from '../shared/events.ts';
import type { HallSocket } from '../web/useSocket.ts';
import { send } from './useResource.ts';

export type CountyStatus = Parameters<ServerToClient['county:status']>[0];

export interface CountyPulse {
  status: CountyStatus | null;
  unanswered: number;
  /** Bumped on every notice change heard: the 督办通知 list re-reads when it moves. */
  version: number;
  /** A notice arrived a moment ago (the badge flashes). */
  fresh: boolean;
}

const FLASH_MS = 8000;

export function useCounty(token: string, onUnauthorized: () => void) {
  const [pulse, setPulse] = useState<CountyPulse>({ status: null, unanswered: 0, version: 0, fresh: false });
  const flash = useRef<ReturnType<typeof setTimeout> | null>(null);

  const listen = (socket: HallSocket) => {
    socket.on('connect', () => {
      send(token, 'countyLink', {}, onUnauthorized).then((status) => setPulse((p) => ({ ...p, status })), () => undefined);
      send(token, 'notices', {}, onUnauthorized).then(
        (rows) => setPulse((p) => ({ ...p, unanswered: rows.filter((n) => n.answer === undefined).length, version: p.version + 1 })),
        () => undefined, // the badge stays as it was; the tab itself shows the error
      );
    });
    socket.on('county:status', (status) => setPulse((p) => ({ ...p, status })));
    socket.on('notices:changed', ({ unanswered, received }) => {
      setPulse((p) => ({ ...p, unanswered, version: p.version + 1, fresh: p.fresh || !!received }));
      if (!received) return;
      // The sound is fetched the first time a notice arrives: most days none does.
      void import('./beep.ts').then((m) => m.beep(), () => undefined);
      if (flash.current) clearTimeout(flash.current);
      flash.current = setTimeout(() => setPulse((p) => ({ ...p, fresh: false })), FLASH_MS);
    });
  };

  return { county: pulse, listen };
}
