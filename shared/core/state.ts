// Looking things up in the hall's state, shared by the rule modules.
import type { Counter, CounterRuntime, HallData, Service, Ticket } from '../types.ts';
import { refuse } from './errors.ts';
import { queueKey } from './queue.ts';
import { isoLocal } from './time.ts';

export const iso = (data: HallData, at: number) => isoLocal(at, data.settings.timeZone);

/**
 * A record keyed by ids, without a prototype: `record['__proto__']` or
 * `record.constructor` is just a missing id, never Object.prototype.
 */
export function record<T>(entries?: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

// ------------------------------------------------------------------ lookups

export function serviceById(data: HallData, id: string): Service | undefined {
  return data.services.find((s) => s.id === id);
}

export function counterById(data: HallData, id: string): Counter | undefined {
  return data.counters.find((c) => c.id === id);
}

export function runtimeOf(data: HallData, counterId: string): CounterRuntime {
  let rt = data.runtime[counterId];
  if (!rt) {
    rt = { signedIn: null, paused: null, currentTicketId: null, priorityStreak: 0 };
    data.runtime[counterId] = rt;
  }
  return rt;
}

export function counterOrRefuse(data: HallData, id: string): Counter {
  return counterById(data, id) ?? refuse('unknown_counter', 404, `没有 ${id} 号窗口`);
}

/** The ticket this window holds (called or serving), if any. */
export function currentTicket(data: HallData, counterId: string): Ticket | null {
  const id = data.runtime[counterId]?.currentTicketId;
  const t = id ? data.tickets[id] : undefined;
  return t && (t.status === 'called' || t.status === 'serving') ? t : null;
}

export function currentOrRefuse(data: HallData, counterId: string): Ticket {
  return currentTicket(data, counterId) ?? refuse('no_current_ticket', 409, '本窗口当前没有正在呼叫或办理的号');
}


/** A ticket joins (+1) or leaves (−1) its queue (`queueKey`): see DayState.waiting. */
export function countWaiting(data: HallData, t: Ticket, delta: 1 | -1): void {
  const waiting = (data.today.waiting ??= record());
  const w = (waiting[queueKey(t)] ??= [0, 0]);
  w[t.priority ? 1 : 0] += delta;
}

/** The waiting counts recounted from the tickets: at every load, and to check them. */
export function recountWaiting(data: HallData): Record<string, [number, number]> {
  const out = record<[number, number]>();
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'waiting') (out[queueKey(t)] ??= [0, 0])[t.priority ? 1 : 0]++;
  }
  return out;
}

export const RECENT_VISITS = 20;

/** The latest finished visits' minutes per business, from the tickets (for old snapshots). */
export function recentServiceMinutes(data: HallData): Record<string, number[]> {
  const done = Object.values(data.tickets).filter((t) => t.status === 'done' && t.finishedAt && (t.startedAt ?? t.lastCalledAt));
  done.sort((a, b) => Date.parse(a.finishedAt!) - Date.parse(b.finishedAt!));
  const out: Record<string, number[]> = {};
  for (const t of done) {
    const list = (out[t.serviceId] ??= []);
    list.push((Date.parse(t.finishedAt!) - Date.parse((t.startedAt ?? t.lastCalledAt)!)) / 60_000);
    if (list.length > RECENT_VISITS) list.shift();
  }
  return out;
}

/** The window whose paired rating pad has this token hash, or null. */
export function padCounter(data: HallData, tokenHash: string): string | null {
  for (const id in data.pads) if (data.pads[id]!.tokenHash === tokenHash) return id;
  return null;
}
