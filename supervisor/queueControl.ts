// 队列调度 (移号, 作废, 暂停取号) as the live page selects it. Pure.
import type { HallState, QueueView } from '../shared/types.ts';

/** The server's limit per request (shared/core/cancel.ts CANCEL_MAX); a flood goes in batches. */
export const CANCEL_BATCH = 1000;
/** Rows listed per business; "select all" covers the rest of a flood too. */
export const ROWS_SHOWN = 60;

type Row = QueueView['services'][number];

export const allIds = (s: Row): string[] => [...s.waiting, ...s.noShows].map((t) => t.id);

/** The selected tickets that are waiting (movable), and how many no-shows are selected too. */
export function movable(selected: ReadonlySet<string>, queue: QueueView): { ids: string[]; noShows: number } {
  const ids: string[] = [];
  let noShows = 0;
  for (const s of queue.services) {
    for (const t of s.waiting) if (selected.has(t.id)) ids.push(t.id);
    for (const t of s.noShows) if (selected.has(t.id)) noShows++;
  }
  return { ids, noShows };
}

/**
 * Businesses people wait for that no window can call now: every window serving them is
 * unstaffed or paused. While the hall is open these need 队列调度 (move them, or close
 * the business at the kiosk).
 */
export function unservedServices(hall: Pick<HallState, 'open' | 'counters' | 'services'>): HallState['services'] {
  if (!hall.open) return [];
  return hall.services.filter((s) => s.waiting > 0 && !hall.counters.some((c) => c.serviceIds.includes(s.id) && c.staffed && !c.paused));
}

/** The selection without tickets no longer cancellable (called, or cancelled meanwhile). */
export function pruneSelection(selected: ReadonlySet<string>, queue: QueueView): ReadonlySet<string> {
  const open = new Set(queue.services.flatMap(allIds));
  const kept = [...selected].filter((id) => open.has(id));
  return kept.length === selected.size ? selected : new Set(kept);
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The waiting counts the socket pushes, as one string: the list is re-read when it changes. */
export const waitingKey = (services: { id: string; waiting: number }[]): string => services.map((s) => `${s.id}:${s.waiting}`).join(',');
