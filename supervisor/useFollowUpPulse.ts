// The open follow-up count for the tab badge, kept live: the server pushes
// `ratings:changed` after every rating or follow-up change, but nothing at connect,
// so each (re)connection reads the open cases once to start from.
import { useRef, useState } from 'preact/hooks';
import type { HallSocket } from '../web/useSocket.ts';
import { openCounts } from './followUps.ts';
import { send } from './useResource.ts';

export interface FollowUpPulse {
  open: number;
  overdue: number;
  /** Bumped on every change heard: lists showing ratings re-read when it moves. */
  version: number;
}

export function useFollowUpPulse(token: string, onUnauthorized: () => void) {
  const [pulse, setPulse] = useState<FollowUpPulse | null>(null);
  // A push newer than a read still in flight wins over that read's answer.
  const seq = useRef(0);

  const listen = (socket: HallSocket) => {
    socket.on('connect', () => {
      const mine = ++seq.current;
      send(token, 'followUps', { status: 'open' }, onUnauthorized).then(
        (rows) => mine === seq.current && setPulse((p) => ({ ...openCounts(rows), version: (p?.version ?? 0) + 1 })),
        () => undefined, // the badge just stays as it was; the tab itself shows the error
      );
    });
    socket.on('ratings:changed', ({ openFollowUps, overdue }) => {
      seq.current++;
      setPulse((p) => ({ open: openFollowUps, overdue, version: (p?.version ?? 0) + 1 }));
    });
  };

  return { pulse, listen };
}
