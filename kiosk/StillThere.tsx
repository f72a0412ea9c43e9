// A screen left with someone's half-made choice on it (a comment with a full phone
// number, a half-done bad rating, a materials page) is not left for the next villager:
// after a quiet minute the kiosk asks "还在吗？" and, if nobody answers, clears it and
// goes back to the start, sending nothing. MIIT 适老化: it asks before discarding.
import { useEffect, useState } from 'preact/hooks';
import '../web/rating/rating.css';
import { Listen } from './Listen.tsx';
import { useCountdown } from './useCountdown.ts';

/** No touch for this long on a screen holding a choice: ask. */
export const QUIET_MS = 60_000;
/** Seconds the question waits for an answer before the screen is cleared. */
export const ASK_SECONDS = 20;

/**
 * Whether to ask now. `watching`: the screen holds someone's choice; `touches`: a count
 * that goes up with every touch or key press, restarting the quiet minute.
 */
export function useQuietMinute(watching: boolean, touches: number): { asking: boolean; stillHere: () => void } {
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!watching) return setAsking(false);
    if (asking) return;
    const t = setTimeout(() => setAsking(true), QUIET_MS);
    return () => clearTimeout(t);
  }, [watching, asking, touches]);
  return { asking: asking && watching, stillHere: () => setAsking(false) };
}

export function StillThere({ onHere, onGone }: { onHere: () => void; onGone: () => void }) {
  const { left } = useCountdown(ASK_SECONDS, onGone);
  return (
    // A tap anywhere says "still here": only the question's own button is needed.
    <div class="sheet still-there" role="alertdialog" aria-modal="true" aria-labelledby="still-there-q" aria-describedby="still-there-what" onClick={onHere}>
      <div class="still-card">
        <h1 id="still-there-q">还在吗？</h1>
        <p id="still-there-what">
          没有人操作的话，<b>{left} 秒</b>后回到首页，刚才填的内容不会保存。
        </p>
        {/* Reading the question aloud is not an answer to it. */}
        <div class="still-listen" onClick={(e) => e.stopPropagation()}>
          <Listen />
        </div>
        <button
          class="take still-here"
          onClick={(e) => {
            e.stopPropagation();
            onHere();
          }}
        >
          我还在
        </button>
      </div>
    </div>
  );
}
