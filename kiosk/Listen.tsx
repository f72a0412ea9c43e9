// The 听 button on every kiosk screen: reads the screen aloud (kiosk/guide.ts), a second
// tap stops it. What to read comes from the Kiosk, which knows the screen showing.
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Guide, Reading } from './guide.ts';

export const GuideContext = createContext<{ guide: Guide; reading: () => Reading } | null>(null);

export function Listen() {
  const ctx = useContext(GuideContext);
  const [, rerender] = useState(0);
  useEffect(() => ctx?.guide.subscribe(() => rerender((n) => n + 1)), [ctx]);
  if (!ctx) return null;
  const { guide } = ctx;
  const on = guide.speaking();
  const last = guide.record.at(-1);
  const mute = !on && last?.status === 'failed' && last.via === 'none';
  return (
    <button class="listen" aria-pressed={on} onClick={() => (on ? guide.stop() : guide.say(ctx.reading()))}>
      <svg class="listen-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
        {on ? <rect x="15" y="8" width="7" height="8" fill="currentColor" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" />}
      </svg>
      {on ? '停' : mute ? '没有语音' : '听'}
    </button>
  );
}
