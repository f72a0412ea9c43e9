// When the window pad asks for a rating and when it gives up. Pure, so the idle rule
// is tested without clocks: a request is asked from when it appears, each touch gives
// the full `idleSec` again, and a visit the pad let go (rated, refused, timed out) is
// never asked again even if the server still offers it (its own window runs from the
// finish time, and a reconnect resends it). A visit is one finish of a ticket: one the
// clerk undid (撤销办结) and finished again is a new visit, asked again.
import type { PadState } from '../shared/types.ts';

export type Request = NonNullable<PadState['request']>;

export interface Asking {
  request: Request;
  deadline: number; // ms, local clock
  touched: boolean;
}

export interface PadSession {
  asking: Asking | null;
  /** Visits already let go (`visitKey`), newest last. */
  done: string[];
}

/** One finish of one ticket. */
export const visitKey = (r: Request): string => `${r.ticketId}@${r.finishedAt}`;

export const idleSession: PadSession = { asking: null, done: [] };

/** A window serves about a hundred visits a day; a request older than these is long expired. */
const REMEMBER = 50;

function letGo(s: PadSession, ticketId: string): string[] {
  return s.done.includes(ticketId) ? s.done : [...s.done, ticketId].slice(-REMEMBER);
}

/** The server's latest `pad:state.request`. */
export function offered(s: PadSession, request: Request | null, idleSec: number, now: number): PadSession {
  const current = s.asking ? visitKey(s.asking.request) : undefined;
  if (request) {
    const key = visitKey(request);
    if (key === current || s.done.includes(key)) return s;
    // The clerk finished someone else: whoever was here before has gone.
    const done = current ? letGo(s, current) : s.done;
    return { asking: { request, deadline: now + idleSec * 1000, touched: false }, done };
  }
  // Gone on the server: rated on another channel, or its time ran out there. Someone
  // half-way through keeps their choices; the server will say if it is too late.
  if (s.asking && !s.asking.touched) return { asking: null, done: letGo(s, visitKey(s.asking.request)) };
  return s;
}

export function touched(s: PadSession, idleSec: number, now: number): PadSession {
  if (!s.asking) return s;
  return { ...s, asking: { ...s.asking, deadline: now + idleSec * 1000, touched: true } };
}

/** Nobody rated in time: back to idle, nothing recorded. */
export function ticked(s: PadSession, now: number): PadSession {
  if (!s.asking || now < s.asking.deadline) return s;
  return { asking: null, done: letGo(s, visitKey(s.asking.request)) };
}

/** Rated here, or refused by the server: this visit is finished with. */
export function finished(s: PadSession, request: Request): PadSession {
  return { asking: s.asking?.request.ticketId === request.ticketId ? null : s.asking, done: letGo(s, visitKey(request)) };
}
