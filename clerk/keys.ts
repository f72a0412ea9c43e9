// Keyboard shortcuts for the frequent window actions. Function keys, because they never
// type into the note or reason fields, and a clerk can press them with the mouse anywhere.
// Only keys the browser does nothing with: F1 (help), F3 (find), F5 (reload), F6 (address
// bar), F7 (caret browsing), F10 (menu), F11 and F12 stay with the browser, so a slip of
// a finger never reloads the console or opens something over it. The rarer and heavier
// actions take Shift with the key of their neighbour.
import { useEffect, useRef } from 'preact/hooks';

export type ShortcutAction = 'next' | 'recall' | 'start' | 'finish' | 'finishNext' | 'noShow';

export const SHORTCUTS: Record<ShortcutAction, string> = {
  next: 'F2',
  recall: 'F4',
  noShow: 'Shift+F4',
  start: 'F8',
  finish: 'F9',
  finishNext: 'Shift+F9',
};

/** Keys a shortcut must never be: the browser's own. */
export const BROWSER_KEYS = ['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12'];

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
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const action = byKey.get(e.shiftKey ? `Shift+${e.key}` : e.key);
      if (!action) return;
      e.preventDefault();
      if (e.repeat || e.isComposing || document.querySelector('dialog[open]')) return;
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
