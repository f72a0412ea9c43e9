// Which settings forms hold edits not yet saved, so leaving a section (or the page) can
// warn first instead of dropping them. Every form's save (useSave) reports here: an edit
// marks it, a save that went through or the form going away clears it.
import { createContext } from 'preact';

export interface Unsaved {
  mark: (form: string, dirty: boolean) => void;
}

export const UnsavedContext = createContext<Unsaved>({ mark: () => {} });

/** A set of dirty form ids behind `mark`. */
export function unsavedForms(): Unsaved & { any: () => boolean; clear: () => void } {
  const dirty = new Set<string>();
  return {
    mark: (form, on) => void (on ? dirty.add(form) : dirty.delete(form)),
    any: () => dirty.size > 0,
    clear: () => dirty.clear(),
  };
}
