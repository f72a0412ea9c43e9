// Who is called next, and how many are ahead of a ticket.
import type { Counter, HallData, Ticket } from '../types.ts';

/** Waiting tickets of these businesses, split by priority, each in queue order. */
export function waitingSplit(data: HallData, serviceIds: ReadonlySet<string>): { priority: Ticket[]; normal: Ticket[] } {
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
  const { priority, normal } = waitingSplit(data, new Set(counter.serviceIds));
  const cap = data.settings.priorityCap;
  if (priority.length > 0 && (normal.length === 0 || streak < cap)) return priority[0]!;
  return normal[0] ?? null;
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
export function aheadIndex(data: HallData): Map<string, number> {
  const out = new Map<string, number>();
  const cap = data.settings.priorityCap;
  const groups = new Map<string, Set<string>>();
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'waiting' && !groups.has(t.serviceId)) groups.set(t.serviceId, competingServices(data, t.serviceId));
  }
  for (const [serviceId, group] of groups) {
    const { priority, normal } = waitingSplit(data, group);
    callOrder(priority, normal, cap).forEach((t, i) => {
      if (t.serviceId === serviceId) out.set(t.id, i);
    });
  }
  return out;
}

export function aheadOf(data: HallData, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const { priority, normal } = waitingSplit(data, competingServices(data, ticket.serviceId));
  const order = callOrder(priority, normal, data.settings.priorityCap);
  const i = order.indexOf(ticket);
  return i < 0 ? 0 : i;
}

export function waitingCount(data: HallData, serviceId: string): number {
  let n = 0;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'waiting' && t.serviceId === serviceId) n++;
  }
  return n;
}
