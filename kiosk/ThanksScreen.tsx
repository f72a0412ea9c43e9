// After a rating or a comment: like the ticket screen, the one kind of screen that
// goes back to the start by itself, since nothing is left to choose.
import type { ComponentChildren } from 'preact';
import { Listen } from './Listen.tsx';
import { useCountdown } from './useCountdown.ts';

export function ThanksScreen({ seconds, onDone, children }: { seconds: number; onDone: () => void; children: ComponentChildren }) {
  const { left, restart } = useCountdown(seconds, onDone);
  return (
    <main class="thanks" onPointerDown={restart}>
      <div class="thanks-card">{children}</div>
      <Listen />
      <button class="done" onClick={onDone}>
        完成
      </button>
      <p class="countdown" role="timer">
        {left} 秒后自动回到首页
      </p>
    </main>
  );
}
