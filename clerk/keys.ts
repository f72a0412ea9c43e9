// Keyboard shortcuts for the frequent window actions. Function keys, because they never
// type into the note or reason fields, and a clerk can press them with the mouse anywhere.
// F5 (reload), F6 (address bar), F11 and F12 stay with the browser.
import { useEffect, useRef } from 'preact/hooks';

export type ShortcutAction = 'next' | 'recall' | 'start' | 'finish' | 'finishNext' | 'noShow';

export const SHORTCUTS: Record<ShortcutAction, string> = {
  next: 'F1',
  recall: 'F2',
  start: 'F3',
  finish: 'F4',
  finishNext: 'F8',
  noShow: 'F9',
};

const byKey = new Map(Object.entries(SHORTCUTS).map(([action, key]) => [key, action as ShortcutAction]));

/**
 * Runs `handlers[action]` on its key. Held keys do not repeat (one press, one call), and
 * nothing fires while a dialog is open: its own buttons and Esc are in charge then.
 */
export function useShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = byKey.get(e.key);
      if (!action || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
      // F1 would open the browser's help and F3 its find bar: here they belong to the window.
      e.preventDefault();
      if (e.repeat || e.isComposing || document.querySelector('dialog[open]')) return;
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
