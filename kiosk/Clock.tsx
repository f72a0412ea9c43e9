import { useEffect, useMemo, useState } from 'preact/hooks';
import { clockFrom } from '../web/format.ts';

/** The hall's time (from the server, not the kiosk's own clock, which may be wrong). */
export function Clock({ serverNow }: { serverNow: string }) {
  const receivedAt = useMemo(() => Date.now(), [serverNow]);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const { date, time } = clockFrom(serverNow, receivedAt, Math.max(now, receivedAt));
  return (
    <div class="clock">
      <div class="clock-time">{time.slice(0, 5)}</div>
      <div class="clock-date">{date}</div>
    </div>
  );
}
