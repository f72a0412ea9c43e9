// Who is called next, and how many are ahead of a ticket. Every answer is read off one
// function, `place`, the only place the fairness cap is written: the console's queue,
// the next call, a ticket's `ahead` and the broadcasts cannot drift apart.
import type { Counter, HallData, Ticket } from '../types.ts';

/** Waiting tickets, split by priority, each in queue order (seq). */
export interface Split {
  priority: Ticket[];
  normal: Ticket[];
}

const bySeq = (a: Ticket, b: Ticket) => a.seq - b.seq;

/**
 * The queue a waiting ticket stands in: its business's, or, when a supervisor moved it to
 * one window (队列调度 · 指定窗口), that window's own queue `@<counter id>`, which only that
 * window calls from. Every answer below reads queues by this key, so a pinned ticket is
 * called, counted and placed by the same order function as every other.
 */
export const queueKey = (t: Pick<Ticket, 'serviceId' | 'forCounterId'>): string => (t.forCounterId === undefined ? t.serviceId : `@${t.forCounterId}`);

/** The queues a window calls from: its businesses' and its own. */
export const windowQueues = (counter: Counter): string[] => [...counter.serviceIds, `@${counter.id}`];

const dayLists = new WeakMap<HallData['tickets'], Ticket[]>();

/**
 * The day's tickets as an array. Listing the keys of `data.tickets` (thousands of them,
 * so a dictionary-mode object) costs about a millisecond at 5,000 tickets, walking an
 * array a few tens of microseconds, and every take reads the queue. Remembered per tickets
 * record and trusted only while it holds as many tickets as the day has issued
 * (`nextSeq − 1`): tickets join the day only by being taken, each with the next seq,
 * and leave it only with the whole record at rollover. The ticket just taken is added
 * here when the take asks for its `ahead` once it is stored; anything else rebuilds the
 * list (correct, but a millisecond again).
 */
function dayTickets(data: HallData, justTaken?: Ticket): Ticket[] {
  const issued = data.today.nextSeq - 1;
  let list = dayLists.get(data.tickets);
  if (list && list.length === issued) return list;
  if (list && list.length === issued - 1 && justTaken?.seq === issued && data.tickets[justTaken.id] === justTaken) {
    list.push(justTaken);
    return list;
  }
  list = Object.values(data.tickets);
  dayLists.set(data.tickets, list);
  return list;
}

/**
 * Every queue's waiting tickets (only `only`'s, when given), by `queueKey`, in one pass
 * over the day. Broadcasts build this once and read each window's queue from it.
 */
export function waitingByService(data: HallData, only?: ReadonlySet<string>): Map<string, Split> {
  const out = new Map<string, Split>();
  for (const t of dayTickets(data)) {
    if (t.status !== 'waiting') continue;
    const key = queueKey(t);
    if (only && !only.has(key)) continue;
    let split = out.get(key);
    if (!split) out.set(key, (split = { priority: [], normal: [] }));
    (t.priority ? split.priority : split.normal).push(t);
  }
  // Tickets are stored in taking order, but that is not promised by the data (a reloaded
  // or hand-edited snapshot), and seq is the queue order: sort, which costs one pass when
  // they already are in order.
  for (const split of out.values()) {
    split.priority.sort(bySeq);
    split.normal.sort(bySeq);
  }
  return out;
}

/** One queue of these businesses' waiting tickets, from the per-business queues. */
export function waitingSplit(serviceIds: Iterable<string>, byService: Map<string, Split>): Split {
  const priority: Ticket[] = [];
  const normal: Ticket[] = [];
  let runs = 0;
  for (const id of serviceIds) {
    const split = byService.get(id);
    if (!split) continue;
    priority.push(...split.priority);
    normal.push(...split.normal);
    runs++;
  }
  // Sorted runs, one per business: the sort merges them.
  if (runs > 1) {
    priority.sort(bySeq);
    normal.sort(bySeq);
  }
  return { priority, normal };
}

/**
 * THE queue order, and the only place the fairness cap is written: where the k-th
 * (from 0, by seq) waiting ticket of one kind comes in the calls, with `others` of the
 * other kind waiting. Priority first (依法优先), but after `cap` priority calls in a row a
 * waiting normal ticket goes next; within a kind, the longest-waiting first. `streak`:
 * the priority calls the window has just made in a row, so the first run of priority
 * calls is cap − streak long, each later one cap. Counted, not walked: every ticket
 * issued asks this.
 */
function place(priority: boolean, k: number, others: number, cap: number, streak: number): number {
  if (cap <= 0) return priority ? others + k : k; // no priority call while a normal one waits
  const firstRun = Math.max(0, cap - streak);
  if (priority) return k + Math.min(others, k < firstRun ? 0 : 1 + Math.floor((k - firstRun) / cap));
  return k + Math.min(others, firstRun + k * cap);
}

/** The tickets of a queue in the order a window would call them. */
export function callOrder({ priority, normal }: Split, cap: number, streak = 0): Ticket[] {
  const out = new Array<Ticket>(priority.length + normal.length);
  priority.forEach((t, k) => (out[place(true, k, normal.length, cap, streak)] = t));
  normal.forEach((t, k) => (out[place(false, k, priority.length, cap, streak)] = t));
  return out;
}

/** The order this window would call its businesses' waiting tickets in, from its streak. */
export function windowOrder(data: HallData, counter: Counter, streak: number, byService?: Map<string, Split>): Ticket[] {
  const ids = new Set(windowQueues(counter));
  return callOrder(waitingSplit(ids, byService ?? waitingByService(data, ids)), data.settings.priorityCap, streak);
}

/** The ticket this window would call now, or null. */
export function pickNext(data: HallData, counter: Counter, streak: number): Ticket | null {
  // Only the head of each queue can be next: one pass, nothing sorted.
  let priority: Ticket | null = null;
  let normal: Ticket | null = null;
  const queues = windowQueues(counter);
  for (const t of dayTickets(data)) {
    if (t.status !== 'waiting' || !queues.includes(queueKey(t))) continue;
    if (t.priority) {
      if (!priority || t.seq < priority.seq) priority = t;
    } else if (!normal || t.seq < normal.seq) normal = t;
  }
  const heads = { priority: priority ? [priority] : [], normal: normal ? [normal] : [] };
  return callOrder(heads, data.settings.priorityCap, streak)[0] ?? null;
}

/** Queues that share a window with this one (a `queueKey`): their tickets compete for the same calls. */
export function competingServices(data: HallData, key: string): Set<string> {
  const out = new Set([key]);
  for (const c of data.counters) {
    const queues = windowQueues(c);
    if (queues.includes(key)) for (const q of queues) out.add(q);
  }
  return out;
}

/**
 * Per waiting ticket, how many tickets the windows serving its business (and those
 * competing with it) would call before it, as one window starting afresh. Computed for
 * every waiting ticket at once so a broadcast costs one pass.
 */
export function aheadIndex(data: HallData, byService = waitingByService(data)): Map<string, number> {
  const out = new Map<string, number>();
  const cap = data.settings.priorityCap;
  for (const key of byService.keys()) {
    callOrder(waitingSplit(competingServices(data, key), byService), cap).forEach((t, i) => {
      if (queueKey(t) === key) out.set(t.id, i);
    });
  }
  return out;
}

/**
 * The same answer for one ticket (0 once it is not waiting), whether or not it is in
 * `data` yet. Every ticket issued asks this, so it counts instead of sorting: its place
 * depends only on how many of each kind wait and how many of its own kind were taken
 * before it.
 */
export function aheadOf(data: HallData, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const group = competingServices(data, queueKey(ticket));
  const cap = data.settings.priorityCap;
  const list = dayTickets(data, ticket);
  // The ticket just taken (every take asks) comes after every other of its kind: its
  // place follows from the waiting counts alone, without walking the day.
  if (data.today.waiting && ticket.seq === data.today.nextSeq - 1 && data.tickets[ticket.id] === ticket) {
    return placeAtBack(data, group, ticket.priority, 1);
  }
  let priority = ticket.priority ? 1 : 0;
  let normal = ticket.priority ? 0 : 1;
  let before = 0;
  for (const t of list) {
    if (t.status !== 'waiting' || t.id === ticket.id || !group.has(queueKey(t))) continue;
    if (t.priority) priority++;
    else normal++;
    if (t.priority === ticket.priority && t.seq < ticket.seq) before++;
  }
  return ticket.priority ? place(true, before, normal, cap, 0) : place(false, before, priority, cap, 0);
}

/** The place of the last ticket of a kind in the group's queue, from the waiting counts; `counted`: 1 when that ticket is itself waiting. */
function placeAtBack(data: HallData, group: Set<string>, priority: boolean, counted: 0 | 1): number {
  let same = 0;
  let other = 0;
  for (const id of group) {
    const w = data.today.waiting?.[id];
    if (!w) continue;
    same += priority ? w[1] : w[0];
    other += priority ? w[0] : w[1];
  }
  return place(priority, same - counted, other, data.settings.priorityCap, 0);
}

/**
 * Where a ticket of this business taken now would stand: what the kiosk's list
 * estimates, so the list and the ticket then taken agree.
 */
export function aheadOfNew(data: HallData, serviceId: string, priority = false): number {
  return placeAtBack(data, competingServices(data, serviceId), priority, 0);
}
