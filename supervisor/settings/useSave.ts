// One form's save: the request, its refusal (the server's Chinese message, shown beside
// the form) and the 已保存 that stays until the next edit. Nothing on the page changes
// until the server has accepted, so a refusal leaves what was typed for fixing.
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CallInput, CallReply, RouteName } from '../../web/api.ts';
import { errorText, send } from '../useResource.ts';
import { UnsavedContext } from './unsaved.ts';

export interface Save {
  busy: boolean;
  error: string | null;
  saved: string | null;
  /** A problem found before sending (e.g. a time typed as 8点半). */
  refuse: (message: string) => void;
  /** Something was edited: the last 已保存 no longer describes the form. */
  edited: () => void;
  /** The server's reply, or null when refused (the message is in `error`). */
  run: <N extends RouteName>(name: N, input: CallInput<N>, savedText?: string) => Promise<CallReply<N> | null>;
}

export function useSave(token: string, onExpired: () => void): Save {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inFlight = useRef(false);
  // Edits not yet saved, for the warning before leaving the section (unsaved.ts).
  const form = useId();
  const unsaved = useContext(UnsavedContext);
  useEffect(() => () => unsaved.mark(form, false), [unsaved, form]);

  const run = async <N extends RouteName>(name: N, input: CallInput<N>, savedText = '已保存'): Promise<CallReply<N> | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const reply = await send(token, name, input, onExpired);
      setSaved(savedText);
      unsaved.mark(form, false);
      return reply;
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    saved,
    refuse: (message) => {
      setSaved(null);
      setError(message);
    },
    edited: () => {
      setSaved(null);
      unsaved.mark(form, true);
    },
    run,
  };
}
