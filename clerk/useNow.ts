// The hall's "now" for waiting and serving times: the browser clock corrected by the
// server's last `now`, re-read every half minute (minutes are all the console shows).
import { useEffect, useRef, useState } from 'preact/hooks';

export function useNow(serverNow: string | undefined, everyMs = 30_000): number {
  const skew = useRef(0);
  const [, tick] = useState(0);
  useEffect(() => {
    if (serverNow) skew.current = Date.parse(serverNow) - Date.now();
  }, [serverNow]);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return Date.now() + skew.current;
}
