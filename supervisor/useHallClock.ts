// The hall's clock as the server keeps it, ticking locally between pushes.
import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * Elapsed times are measured against the server's clock, not the office PC's: the
 * call times come from the server, and a PC a few minutes off would show nonsense.
 * Re-renders every `tickMs` so "serving for N minutes" moves without a push.
 */
export function useHallClock(serverNowIso: string, tickMs: number): number {
  const skew = useMemo(() => Date.parse(serverNowIso) - Date.now(), [serverNowIso]);
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(t);
  }, [tickMs]);
  return Date.now() + skew;
}
