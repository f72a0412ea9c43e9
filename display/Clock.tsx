// The hall's wall clock: the server's time, moved on by the local clock since it came,
// so a screen whose own clock is wrong still shows the hall's time.
import { useEffect, useState } from 'preact/hooks';
import { clockFrom } from '../web/format.ts';

export function Clock({ serverNow, receivedAt }: { serverNow: string; receivedAt: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    // Half-second ticks keep the seconds from visibly skipping.
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const { date, time } = clockFrom(serverNow, receivedAt, now);
  return (
    <div class="clock">
      <span class="clock-date">{date}</span>
      <time class="clock-time">{time}</time>
    </div>
  );
}
