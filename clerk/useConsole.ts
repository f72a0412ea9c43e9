// The console's live data and the one way it acts: pushes keep the window's state
// current, each action is one POST whose refusal message is shown as the server wrote it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CounterState, HallState, PrinterHealth, StaffTicket } from '../shared/types.ts';
import { ApiError, call, type CallInput, type CallReply } from '../web/api.ts';
import { useSocket } from '../web/useSocket.ts';
import type { ClerkSession } from './session.ts';

export interface Notice {
  kind: 'ok' | 'info' | 'error';
  text: string;
}

export type Leave = (message: string | null) => void;

export type ClerkAction = 'next' | 'recall' | 'start' | 'noShow' | 'complete' | 'reopen' | 'transfer' | 'reinstate' | 'pause' | 'resume';

export interface ConsoleData {
  hall: HallState | null;
  counter: CounterState | null;
  /** The hall's ticket printer, pushed live. */
  printer: PrinterHealth | null;
  /** Moves whenever a committed case (承诺件) is made or delivered anywhere in the hall. */
  commitmentsPulse: number;
  connected: boolean;
  /** A request is in flight: every action waits for it (no double submits). */
  busy: boolean;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
  /** Runs one piece of work at a time; errors become the notice, 401 ends the session. */
  run: (work: () => Promise<void>) => Promise<void>;
  /** One of the window's actions at this session's window, with its token. */
  post: <N extends ClerkAction>(action: N, body?: Omit<CallInput<N>, 'counterId'>) => Promise<CallReply<N>>;
  /** Shows a ticket the server just returned before its push arrives. */
  setCurrent: (t: StaffTicket | null) => void;
  setCounter: (c: CounterState) => void;
}

const EXPIRED = '登录已失效，请重新签到';

export function useConsole(session: ClerkSession, onLeave: Leave): ConsoleData {
  const { token, counterId } = session;
  const [counter, setCounter] = useState<CounterState | null>(null);
  const [printer, setPrinter] = useState<PrinterHealth | null>(null);
  const [commitmentsPulse, setCommitmentsPulse] = useState(0);
  const [firstHall, setFirstHall] = useState<HallState | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A ref, not only state: two key presses in one frame must not both get through.
  const busyRef = useRef(false);
  const leaveRef = useRef(onLeave);
  leaveRef.current = onLeave;

  const socket = useSocket({ role: 'staff', token }, (s) => {
    s.on('counter:state', setCounter);
    s.on('printer:status', setPrinter);
    s.on('commitments:changed', () => setCommitmentsPulse((n) => n + 1));
    s.on('session:ended', (reason) => leaveRef.current(`登录已结束：${reason}。请重新签到`));
    // The server refuses the handshake of a token it no longer knows (expired, signed out).
    s.on('connect_error', (err) => {
      if (err.message === 'unauthorized') leaveRef.current(EXPIRED);
    });
  });

  // The socket pushes both at connect; reading them once here shows the console even
  // when the socket is slow, and tells at once whether a reloaded session is still valid.
  useEffect(() => {
    call('counterState', { counterId }, token)
      .then((c) => setCounter((cur) => cur ?? c))
      .catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) leaveRef.current(EXPIRED);
        else setNotice({ kind: 'error', text: (e as Error).message });
      });
    call('hall', {}).then(setFirstHall, () => undefined);
  }, [token, counterId]);

  const post: ConsoleData['post'] = (action, body) => call(action, { ...body, counterId } as CallInput<typeof action>, token);

  const run = async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) leaveRef.current(EXPIRED);
      else setNotice({ kind: 'error', text: (e as Error).message });
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return {
    hall: socket.hall ?? firstHall,
    counter,
    printer,
    commitmentsPulse,
    connected: socket.connected,
    busy,
    notice,
    setNotice,
    run,
    post,
    setCurrent: (t) => setCounter((c) => (c ? withCurrent(c, t) : c)),
    setCounter,
  };
}

/**
 * The window's state with the ticket the server just returned as current. A called ticket
 * also leaves the queue here, so the list does not show it twice until the push arrives.
 */
export function withCurrent(c: CounterState, t: StaffTicket | null): CounterState {
  const open = t && (t.status === 'called' || t.status === 'serving') ? t : null;
  if (!open || !c.queue.some((q) => q.id === open.id)) return { ...c, current: open };
  return { ...c, current: open, queue: c.queue.filter((q) => q.id !== open.id), waitingTotal: Math.max(0, c.waitingTotal - 1) };
}
