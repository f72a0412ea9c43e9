import { useEffect, useRef, useState } from 'preact/hooks';

/** Whole seconds left, counting down to `onEnd`; `restart` gives the full time again. */
export function useCountdown(total: number, onEnd: () => void): { left: number; restart: () => void } {
  const [left, setLeft] = useState(total);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    if (left <= 0) {
      endRef.current();
      return;
    }
    const t = setTimeout(() => setLeft((l) => l - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  return { left, restart: () => setLeft(total) };
}
