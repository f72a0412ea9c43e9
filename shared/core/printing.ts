// What a printed ticket says, read from the hall's state at one instant: the printer
// port receives this plain document and never sees the hall.
import type { HallData, NoWindow } from '../types.ts';
import { estimateWait } from './estimate.ts';
import { aheadOf } from './queue.ts';
import { serviceById } from './state.ts';

export interface TicketPrint {
  ticketId: string;
  hallName: string;
  number: string;
  serviceName: string;
  ahead: number;
  estimatedWaitMin: number;
  /** Set when no window can call the business now: the paper says so instead of a wait. */
  noWindow?: NoWindow;
  takenAt: string; // ISO with offset: printed as the hall's wall clock
  counters: string[];
  priority: boolean;
  materials: string[];
  statusUrl: string;
  /** The 评价码, on the first print only: a reprint (by staff) never carries it. */
  ratingKey?: string;
  /** Set for a reprint (补打): when it was reprinted. */
  reprintAt?: string;
}

/**
 * The ticket as it goes on paper now; null when the live day has no such ticket.
 * `ahead`: the count the kiosk showed when it was taken, so paper and screen agree.
 */
export function ticketPrint(data: HallData, ticketId: string, now: number, o: { statusUrl: string; reprintAt?: string; ahead?: number; ratingKey?: string }): TicketPrint | null {
  const t = Object.hasOwn(data.tickets, ticketId) ? data.tickets[ticketId] : undefined;
  if (!t) return null;
  const service = serviceById(data, t.serviceId);
  const ahead = o.ahead ?? aheadOf(data, t);
  const est = t.status === 'waiting' ? estimateWait(data, t.serviceId, ahead, now, { priority: t.priority }) : null;
  return {
    ticketId: t.id,
    hallName: data.settings.hallName,
    number: t.number,
    serviceName: service?.name ?? t.serviceId,
    ahead,
    estimatedWaitMin: est?.min ?? 0,
    ...(est?.noWindow && { noWindow: est.noWindow }),
    takenAt: t.takenAt,
    counters: data.counters.filter((c) => c.serviceIds.includes(t.serviceId)).map((c) => c.name),
    priority: t.priority,
    materials: service?.materials ?? [],
    statusUrl: o.statusUrl,
    ...(o.ratingKey && { ratingKey: o.ratingKey }),
    ...(o.reprintAt && { reprintAt: o.reprintAt }),
  };
}
