// What the clerk has chosen and typed for the ticket at the window (办结方式, note, whom to
// notify): it belongs to that one ticket. Kept in the tab's sessionStorage under the
// ticket's id, so a reload keeps it; dropped when the ticket leaves the window, so the
// next villager starts from 即办 with nothing filled in.
import { useEffect, useState } from 'preact/hooks';
import type { Outcome } from '../shared/types.ts';

export interface Draft {
  outcome: Outcome;
  note: string;
  notifyName: string;
  notifyPhone: string;
}

export const EMPTY_DRAFT: Draft = { outcome: 'immediate', note: '', notifyName: '', notifyPhone: '' };

const PREFIX = 'clerk-draft:';

function load(ticketId: string): Draft {
  try {
    const raw = sessionStorage.getItem(PREFIX + ticketId);
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<Draft>) } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

function saveDraft(ticketId: string, draft: Draft): void {
  sessionStorage.setItem(PREFIX + ticketId, JSON.stringify(draft));
}

/** Drops every ticket's draft but `keep`'s: tickets that left, even while the page was closed. */
function dropOthers(keep: string | null): void {
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(PREFIX) && k !== PREFIX + keep) sessionStorage.removeItem(k);
  }
}

/**
 * The draft of the ticket `ticketId` (null: no ticket at the window; undefined: not known
 * yet, nothing is dropped). `set` changes it and saves it at once.
 */
export function useDraft(ticketId: string | null | undefined): [Draft, (change: Partial<Draft>) => void, (ticketId: string, draft: Partial<Draft>) => void] {
  const [state, setState] = useState<{ id: string | null | undefined; draft: Draft }>({ id: ticketId, draft: ticketId ? load(ticketId) : EMPTY_DRAFT });
  // A different ticket: its own draft (empty for a new one), read during this render.
  const current = state.id === ticketId ? state : { id: ticketId, draft: ticketId ? load(ticketId) : EMPTY_DRAFT };
  if (current !== state) setState(current);
  useEffect(() => {
    if (ticketId !== undefined) dropOthers(ticketId);
  }, [ticketId]);
  const set = (change: Partial<Draft>) => {
    if (!ticketId) return;
    const draft = { ...current.draft, ...change };
    saveDraft(ticketId, draft);
    setState({ id: ticketId, draft });
  };
  /** A draft for a ticket coming (back) to the window, whether its push is in yet or not. */
  const restore = (id: string, change: Partial<Draft>) => {
    const draft = { ...EMPTY_DRAFT, ...change };
    saveDraft(id, draft);
    setState((s) => (s.id === id ? { id, draft } : s));
  };
  return [current.draft, set, restore];
}
