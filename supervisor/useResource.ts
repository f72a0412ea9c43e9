// Reading and acting on the supervisor's endpoints with the session's token: any 401
// means the session is gone and the page goes back to sign-in; other refusals keep
// the server's own message for the supervisor to read.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call, href, type CallInput, type CallReply, type RouteName } from '../web/api.ts';

export async function send<N extends RouteName>(token: string, name: N, input: CallInput<N>, onUnauthorized: () => void): Promise<CallReply<N>> {
  try {
    return await call(name, input, token);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) onUnauthorized();
    throw e;
  }
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : '请求失败');

export interface Resource<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Reads route `name` with `input` (null: not yet, e.g. until the hall's day is known),
 * again whenever the address or `refresh` changes or `reload` is called. Only the latest
 * request's answer is kept, and the previous data stays on screen while the next loads.
 */
export function useResource<N extends RouteName>(token: string, name: N, input: CallInput<N> | null, onUnauthorized: () => void, refresh?: unknown): Resource<CallReply<N>> {
  type T = CallReply<N>;
  const path = input === null ? null : href(name, input);
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({ data: null, error: null, loading: path !== null });
  const [again, setAgain] = useState(0);
  const seq = useRef(0);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  useEffect(() => {
    if (input === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    send(token, name, input, () => unauthorized.current()).then(
      (data) => mine === seq.current && setState({ data, error: null, loading: false }),
      (e: unknown) => mine === seq.current && setState((s) => ({ ...s, error: errorText(e), loading: false })),
    );
    return () => {
      // An answer arriving after the tab is left, or after a newer request, is dropped.
      if (mine === seq.current) seq.current++;
    };
  }, [token, path, refresh, again]);

  return { ...state, reload: () => setAgain((n) => n + 1) };
}

export interface Action {
  busy: boolean;
  error: string | null;
  setError: (e: string | null) => void;
  /** Sends one request; true when it went through, else the server's message is in `error`. */
  run: <N extends RouteName>(name: N, input: CallInput<N>) => Promise<boolean>;
}

/** One form's request: a second press while one is in flight does nothing. */
export function useAction(token: string, onUnauthorized: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const run = async <N extends RouteName>(name: N, input: CallInput<N>) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await send(token, name, input, onUnauthorized);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
