// A tap acts only on the screen the person saw when pressing. Two taps 150 ms apart on
// a business tile used to take a ticket straight from a materials page nobody had read
// (and a priority one when the second tap landed on 优先取号); a double tap on 完成
// opened some other business. Two guards:
// - for a short while after a screen appears its buttons are disabled (a <fieldset
//   disabled> around the screen: a disabled button swallows the tap, and tests that
//   click like a person wait for it to be enabled);
// - a click counts only if its press (pointerdown) was on the screen still showing:
//   a finger held down while the screen changed (a timed return to the start) acts on
//   nothing.
import { useEffect, useRef, useState } from 'preact/hooks';

/** Longer than a double tap (≈150–300 ms), shorter than anyone reads a new screen. */
export const SETTLE_MS = 600;

export interface TapGuard {
  /** The screen appeared less than SETTLE_MS ago: its buttons are disabled. */
  settling: boolean;
  onPointerDownCapture: () => void;
  onClickCapture: (e: MouseEvent) => void;
}

/** `screen`: an id that changes when a new screen appears (not when typing on one). */
export function useTapGuard(screen: string): TapGuard {
  const [settled, setSettled] = useState(screen);
  const showing = useRef(screen);
  showing.current = screen;
  const pressedOn = useRef<string | null>(null);

  useEffect(() => {
    if (settled === screen) return;
    const t = setTimeout(() => setSettled(screen), SETTLE_MS);
    return () => clearTimeout(t);
  }, [screen, settled]);

  return {
    settling: settled !== screen,
    onPointerDownCapture: () => {
      pressedOn.current = showing.current;
    },
    onClickCapture: (e) => {
      // detail 0: a keyboard or assistive "click", which has no press to compare.
      if (e.detail > 0 && pressedOn.current !== showing.current) {
        e.stopPropagation();
        e.preventDefault();
      }
    },
  };
}
