// What each audience sees of the state. Pure: (data, now) → plain objects.
import type { CounterState, CounterView, HallData, HallState, PadState, RecentCall, ServiceView, StaffTicket, Ticket, TicketView } from '../types.ts';
import { workingDaysBetween } from './due.ts';
import { isOpenAt, nextOpening, noTickets } from './hours.ts';
import { counterById, currentTicket, serviceById } from './state.ts';
import { estimateWait } from './estimate.ts';
import { aheadOf, aheadOfNew, waitingByService, windowOrder, type Split } from './queue.ts';
import { isoLocal } from './time.ts';

const RECENT = 8;
export const QUEUE_SHOWN = 60;

export function serviceViews(data: HallData, now: number): ServiceView[] {
  const hallClosed = noTickets(data.settings, now);
  const byService = waitingByService(data);
  return data.services.map((s) => {
    const queue = byService.get(s.id);
    const w = queue ? queue.priority.length + queue.normal.length : 0;
    // The earliest-taken waiting ticket is the head of one of its queues (seq follows take
    // time, and a transfer keeps both): only that one's time is parsed.
    const p = queue?.priority[0];
    const n = queue?.normal[0];
    const first = p && n ? (p.seq < n.seq ? p : n) : (p ?? n);
    const quotaLeft = s.dailyQuota === null || (data.today.numbers[s.prefix] ?? 0) < s.dailyQuota;
    const pause = data.today.servicePauses?.[s.id];
    const closed = hallClosed ?? (s.schedule ? noTickets(data.settings, now, s) : null);
    const closedReason = !s.enabled ? 'off' : pause ? 'paused' : closed ? closed.reason : !quotaLeft ? 'quota' : null;
    // What a ticket taken now would be told: the same function, at its place.
    const est = estimateWait(data, s.id, aheadOfNew(data, s.id), now, { joining: true });
    return {
      id: s.id,
      name: s.name,
      prefix: s.prefix,
      waiting: w,
      open: closedReason === null,
      closedReason,
      ...(pause && { pauseReason: pause.reason }),
      ...(closed && s.enabled && !pause && { closedNote: closed.message }),
      longestWaitMin: first ? Math.max(0, Math.floor((now - Date.parse(first.takenAt)) / 60_000)) : 0,
      materials: s.materials,
      estimatedWaitMin: est.min,
      ...(est.noWindow && { noWindow: est.noWindow }),
      priorityAllowed: s.priorityAllowed,
      counters: data.counters.filter((c) => c.serviceIds.includes(s.id)).map((c) => c.name),
    };
  });
}

function counterView(data: HallData, c: HallData['counters'][number]): CounterView {
  const rt = data.runtime[c.id];
  const user = rt?.signedIn ? data.users.find((u) => u.id === rt.signedIn!.userId) : undefined;
  const cur = currentTicket(data, c.id);
  return {
    id: c.id,
    name: c.name,
    serviceIds: c.serviceIds,
    staffed: Boolean(user),
    clerk: user ? { name: user.name, staffNo: user.staffNo, post: c.clerkA === user.id ? 'A' : c.clerkB === user.id ? 'B' : null } : null,
    paused: Boolean(rt?.paused),
    pauseReason: rt?.paused?.reason ?? null,
    current: cur ? { number: cur.number, status: cur.status, calledAt: cur.lastCalledAt ?? cur.calledAt!, callCount: cur.callCount, ...(cur.startedAt && { startedAt: cur.startedAt }) } : null,
  };
}

export function recentCalls(data: HallData, limit = RECENT): RecentCall[] {
  // The latest `limit` calls in one pass, newest first: each time is parsed once, and
  // only the few kept are ever sorted (a busy day has thousands of called tickets).
  const top: { t: Ticket; at: number }[] = [];
  if (limit <= 0) return [];
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (!t.lastCalledAt || !t.counterId) continue;
    const at = Date.parse(t.lastCalledAt);
    if (top.length === limit && at <= top[limit - 1]!.at) continue;
    if (top.length < limit) top.push({ t, at });
    else top[limit - 1] = { t, at };
    for (let i = top.length - 1; i > 0 && top[i - 1]!.at < top[i]!.at; i--) [top[i - 1], top[i]] = [top[i]!, top[i - 1]!];
  }
  return top.map(({ t }) => ({
    number: t.number,
    counterId: t.counterId!,
    counterName: counterById(data, t.counterId!)?.name ?? t.counterId!,
    calledAt: t.lastCalledAt!,
  }));
}

export function hallState(data: HallData, now: number): HallState {
  const open = isOpenAt(data.settings, now);
  return {
    hallName: data.settings.hallName,
    now: isoLocal(now, data.settings.timeZone),
    day: data.today.day,
    open,
    counters: data.counters.map((c) => counterView(data, c)),
    services: serviceViews(data, now),
    recent: recentCalls(data),
    announcement: { repeat: data.settings.announcement.repeat, template: data.settings.announcement.template },
    priorityKinds: data.settings.priorityKinds,
    alerts: data.settings.alerts,
    // Only while closed: an open hall's state is as it was before the field existed.
    ...(!open && { opensNext: nextOpening(data.settings, now) }),
  };
}

/** The public view of a ticket at `now`; `ahead` may be passed in when computed for many at once. */
export function ticketView(data: HallData, t: Ticket, ahead: number | undefined, now: number): TicketView {
  const a = t.status === 'waiting' ? (ahead ?? aheadOf(data, t)) : 0;
  const est = t.status === 'waiting' ? estimateWait(data, t.serviceId, a, now, { priority: t.priority }) : null;
  const view: TicketView = {
    id: t.id,
    number: t.number,
    status: t.status,
    ahead: a,
    serviceId: t.serviceId,
    serviceName: serviceById(data, t.serviceId)?.name ?? t.serviceId,
    takenAt: t.takenAt,
    estimatedWaitMin: est?.min ?? 0,
    callCount: t.callCount,
  };
  if (est?.noWindow) view.noWindow = est.noWindow;
  if (t.counterId && (t.status === 'called' || t.status === 'serving' || t.status === 'done')) {
    view.counterId = t.counterId;
    view.counterName = counterById(data, t.counterId)?.name ?? t.counterId;
  }
  // Said only of staff cancellations: the phone tells the holder it was not the day's end.
  if (t.cancelReason === 'staff') view.cancelledByStaff = true;
  // What happens next after the visit: a committed case says when to come back.
  if (t.status === 'done' && t.outcome) view.outcome = t.outcome;
  if (t.status === 'done' && t.dueDate) Object.assign(view, { dueDate: t.dueDate, dueWorkingDays: workingDaysBetween(data.settings, t.day, t.dueDate) });
  return view;
}

export function staffTicket(data: HallData, t: Ticket, now: number): StaffTicket {
  const { id, number, priority, calledAt, lastCalledAt, startedAt, finishedAt, outcome, note, dueDate, firstClerkId, transfers } = t;
  const first = firstClerkId ? data.users.find((u) => u.id === firstClerkId) : undefined;
  return {
    ...ticketView(data, t, undefined, now),
    id,
    number,
    priority,
    ...(calledAt && { calledAt }),
    ...(startedAt && { startedAt }),
    ...(finishedAt && { finishedAt }),
    ...(outcome && { outcome }),
    ...(note && { note }),
    ...(dueDate && { dueDate }),
    ...(firstClerkId && { firstClerkId }),
    ...(first && { firstClerk: { name: first.name, staffNo: first.staffNo } }),
    ...(lastCalledAt && { lastCalledAt }),
    ...(transfers && { transfers }),
  };
}

/** What every window's console shows, gathered in one pass over the day. */
export interface DayIndex {
  waiting: Map<string, Split>;
  /** No-show tickets in taking order. */
  noShows: Ticket[];
  /** Tickets finished per window. */
  served: Map<string, number>;
}

export function dayIndex(data: HallData): DayIndex {
  const noShows: Ticket[] = [];
  const served = new Map<string, number>();
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'no_show') noShows.push(t);
    else if (t.status === 'done' && t.counterId) served.set(t.counterId, (served.get(t.counterId) ?? 0) + 1);
  }
  return { waiting: waitingByService(data), noShows, served };
}

/** A window's console state at `now`; pass `index` when building it for many windows at once. */
export function counterState(data: HallData, counterId: string, now: number, index?: DayIndex): CounterState | null {
  const c = counterById(data, counterId);
  if (!c) return null;
  const ix = index ?? dayIndex(data);
  const rt = data.runtime[c.id];
  const order = windowOrder(data, c, rt?.priorityStreak ?? 0, ix.waiting);
  const cur = currentTicket(data, c.id);
  const noShows: CounterState['noShows'] = ix.noShows.filter((t) => c.serviceIds.includes(t.serviceId)).map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, noShowAt: t.noShowAt! }));
  const servedToday = ix.served.get(c.id) ?? 0;
  return {
    counterId: c.id,
    counterName: c.name,
    paused: Boolean(rt?.paused),
    pauseReason: rt?.paused?.reason ?? null,
    pausedAt: rt?.paused?.at ?? null,
    current: cur ? staffTicket(data, cur, now) : null,
    waitingTotal: order.length,
    queue: order.slice(0, QUEUE_SHOWN).map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, priority: t.priority, takenAt: t.takenAt })),
    noShows: noShows.reverse(),
    servedToday,
    recallCap: data.settings.recallCap,
  };
}

export function padState(data: HallData, counterId: string, now: number): PadState | null {
  const c = counterById(data, counterId);
  if (!c) return null;
  const { clerk } = counterView(data, c);
  const idleSec = data.settings.ratings.padIdleSec;
  let last: Ticket | null = null;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'done' && t.counterId === c.id && t.finishedAt && (!last || t.finishedAt > last.finishedAt!)) last = t;
  }
  const fresh = last && !last.rating && now - Date.parse(last.finishedAt!) < idleSec * 1000;
  return {
    hallName: data.settings.hallName,
    counterId: c.id,
    counterName: c.name,
    services: c.serviceIds.map((id) => serviceById(data, id)?.name ?? id),
    clerk,
    request: fresh ? { ticketId: last!.id, number: last!.number, serviceName: serviceById(data, last!.serviceId)?.name ?? last!.serviceId, finishedAt: last!.finishedAt! } : null,
    idleSec,
    reasons: data.settings.ratings.reasons,
  };
}
