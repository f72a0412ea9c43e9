// Who is called next, and how many are ahead of a ticket.
import type { Counter, HallData, Ticket } from '../types.ts';

/** Waiting tickets of one business, split by priority, each in queue order. */
export interface Split {
  priority: Ticket[];
  normal: Ticket[];
}

/**
 * Every business's waiting tickets in one pass over the day. Broadcasts build this
 * once and read each window's queue from it, instead of scanning the day per window.
 */
export function waitingByService(data: HallData): Map<string, Split> {
  const out = new Map<string, Split>();
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status !== 'waiting') continue;
    let split = out.get(t.serviceId);
    if (!split) out.set(t.serviceId, (split = { priority: [], normal: [] }));
    (t.priority ? split.priority : split.normal).push(t);
  }
  for (const split of out.values()) {
    split.priority.sort(bySeq);
    split.normal.sort(bySeq);
  }
  return out;
}

/** Waiting tickets of these businesses, split by priority, each in queue order. */
export function waitingSplit(data: HallData, serviceIds: ReadonlySet<string>, byService?: Map<string, Split>): Split {
  if (byService) {
    const priority: Ticket[] = [];
    const normal: Ticket[] = [];
    for (const id of serviceIds) {
      const split = byService.get(id);
      if (split) {
        priority.push(...split.priority);
        normal.push(...split.normal);
      }
    }
    // Sorted runs, one per business: the sort merges them.
    if (serviceIds.size > 1) {
      priority.sort(bySeq);
      normal.sort(bySeq);
    }
    return { priority, normal };
  }
  const priority: Ticket[] = [];
  const normal: Ticket[] = [];
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status !== 'waiting' || !serviceIds.has(t.serviceId)) continue;
    (t.priority ? priority : normal).push(t);
  }
  // Tickets are stored in taking order, but transfers and reinstatements keep their
  // original place, so sort by seq rather than trusting insertion order.
  priority.sort(bySeq);
  normal.sort(bySeq);
  return { priority, normal };
}

const bySeq = (a: Ticket, b: Ticket) => a.seq - b.seq;

/**
 * Merge the two queues the way one window would call them: priority first, but after
 * `cap` priority calls in a row a waiting normal ticket goes next (依法优先, with fairness).
 */
export function callOrder(priority: Ticket[], normal: Ticket[], cap: number, streak = 0): Ticket[] {
  const out: Ticket[] = [];
  let p = 0;
  let n = 0;
  let s = streak;
  while (p < priority.length || n < normal.length) {
    const takePriority = p < priority.length && (n >= normal.length || s < cap);
    if (takePriority) {
      out.push(priority[p++]!);
      s++;
    } else {
      out.push(normal[n++]!);
      s = 0;
    }
  }
  return out;
}

/** The ticket this window would call now, or null. */
export function pickNext(data: HallData, counter: Counter, streak: number): Ticket | null {
  // The head of each queue is its lowest seq: one pass, nothing sorted.
  let priority: Ticket | null = null;
  let normal: Ticket | null = null;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status !== 'waiting' || !counter.serviceIds.includes(t.serviceId)) continue;
    if (t.priority) {
      if (!priority || t.seq < priority.seq) priority = t;
    } else if (!normal || t.seq < normal.seq) normal = t;
  }
  if (priority && (!normal || streak < data.settings.priorityCap)) return priority;
  return normal;
}

/** Businesses that share a window with this one: their tickets compete for the same calls. */
export function competingServices(data: HallData, serviceId: string): Set<string> {
  const out = new Set([serviceId]);
  for (const c of data.counters) {
    if (c.serviceIds.includes(serviceId)) for (const s of c.serviceIds) out.add(s);
  }
  return out;
}

/**
 * Per waiting ticket, how many tickets the windows serving its business would call
 * before it. Computed for every waiting ticket at once so a broadcast costs one pass.
 */
export function aheadIndex(data: HallData, byService = waitingByService(data)): Map<string, number> {
  const out = new Map<string, number>();
  const cap = data.settings.priorityCap;
  for (const serviceId of byService.keys()) {
    const { priority, normal } = waitingSplit(data, competingServices(data, serviceId), byService);
    callOrder(priority, normal, cap).forEach((t, i) => {
      if (t.serviceId === serviceId) out.set(t.id, i);
    });
  }
  return out;
}

/** Where the k-th normal / p-th priority ticket stands in the merged order (see aheadOf). */
function placeOf(priority: boolean, before: number, othersAll: number, cap: number): number {
  if (priority) return before + (cap === 0 ? othersAll : Math.min(othersAll, Math.floor(before / cap)));
  return before + Math.min(othersAll, cap * (before + 1));
}

/**
 * For the ticket just taken (the last in seq order), from the running queue counts:
 * O(businesses), not O(tickets).
 */
export function aheadOfNewest(data: HallData, ticket: Ticket): number {
  let normal = 0;
  let priority = 0;
  for (const id of competingServices(data, ticket.serviceId)) {
    const w = data.today.waiting[id];
    if (w) {
      normal += w[0];
      priority += w[1];
    }
  }
  return ticket.priority ? placeOf(true, priority - 1, normal, data.settings.priorityCap) : placeOf(false, normal - 1, priority, data.settings.priorityCap);
}

/**
 * The same answer as the ticket's index in `callOrder`, by counting instead of sorting
 * (one pass, no allocation): every ticket issued asks this. In the merged order the
 * k-th normal ticket has min(P, cap·k) priority tickets before it, and the p-th
 * priority ticket has min(N, ⌊(p−1)/cap⌋) normal ones (all N when cap is 0).
 */
export function aheadOf(data: HallData, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const group = competingServices(data, ticket.serviceId);
  let priorityBefore = 0; // waiting priority tickets ahead of it in seq order
  let normalBefore = 0;
  let priorityAll = 0;
  let normalAll = 0;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status !== 'waiting' || !group.has(t.serviceId)) continue;
    if (t.priority) priorityAll++;
    else normalAll++;
    if (t.seq < ticket.seq) t.priority ? priorityBefore++ : normalBefore++;
  }
  const cap = data.settings.priorityCap;
  return ticket.priority ? placeOf(true, priorityBefore, normalAll, cap) : placeOf(false, normalBefore, priorityAll, cap);
}

export function waitingCount(data: HallData, serviceId: string): number {
  let n = 0;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'waiting' && t.serviceId === serviceId) n++;
  }
  return n;
}
