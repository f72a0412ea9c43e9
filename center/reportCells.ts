// One hall's day, per business, as the county keeps it: the counts the hall's own
// figures are made of, computed by the hall's own functions (stats, countedRatings,
// waitMinutes, isOverdue) so a county report and the hall's `GET /api/stats` agree by
// construction. Pure.
import { isOverdue } from '../shared/core/due.ts';
import { nameIn } from '../shared/core/reports.ts';
import { stats, waitMinutes } from '../shared/core/stats.ts';
import { countedRatings, isVoided } from '../shared/core/voided.ts';
import type { Commitment, DayNames, FollowUp, HallData, Ticket } from '../shared/types.ts';

export type Levels = [number, number, number, number, number];

/** What happened to the cases (差评回访, 承诺件) of a day's visits of one business. */
export interface CaseCounts {
  /** Voided ratings by level (index 0 = level 1), already left out of `ratings`. */
  voided: Levels;
  followUps: number;
  followUpsClosed: number;
  followUpsOnTime: number;
  committed: number;
  committedDelivered: number;
  committedOnTime: number;
}

export interface Cell extends CaseCounts {
  serviceId: string;
  serviceName: string;
  taken: number;
  served: number;
  noShows: number;
  /** Ratings as counted (voided ones out), by level (index 0 = level 1). */
  ratings: Levels;
  /** Each called ticket's wait in ms: minutes × 60,000 is exact for the hall's ms timestamps. */
  waitsMs: number[];
}

const LEVELS = ['1', '2', '3', '4', '5'] as const;

/** A deadline kept: done on or before its due day (the hall's days; overdue is `isOverdue`). */
const kept = (dueDate: string, doneAt: string | undefined) => doneAt !== undefined && !isOverdue(dueDate, doneAt.slice(0, 10));

/** The cases of one day and business, from the hall's follow-ups and committed cases. */
export function caseCounts(followUps: readonly FollowUp[], commitments: readonly Commitment[], day: string, serviceId: string): CaseCounts {
  const voided: Levels = [0, 0, 0, 0, 0];
  let n = 0;
  let closed = 0;
  let onTime = 0;
  for (const f of followUps) {
    if (f.day !== day || f.serviceId !== serviceId) continue;
    n++;
    if (f.closedAt) closed++;
    if (kept(f.dueDate, f.closedAt)) onTime++;
    if (isVoided(f) && f.level >= 1 && f.level <= 5) voided[f.level - 1]!++;
  }
  let committed = 0;
  let delivered = 0;
  let committedOnTime = 0;
  for (const c of commitments) {
    if (c.day !== day || c.serviceId !== serviceId) continue;
    committed++;
    if (c.deliveredAt) delivered++;
    if (kept(c.dueDate, c.deliveredAt)) committedOnTime++;
  }
  return { voided, followUps: n, followUpsClosed: closed, followUpsOnTime: onTime, committed, committedDelivered: delivered, committedOnTime };
}

/**
 * A day's cells, one per business that took a ticket: a closed day as the hall archived
 * it, or the live day from the mirror. `data` supplies the follow-ups and committed cases.
 */
export function dayCells(day: string, tickets: Iterable<Ticket>, names: DayNames | undefined, data: Pick<HallData, 'followUps' | 'commitments' | 'services'>): Cell[] {
  const byService = new Map<string, Ticket[]>();
  for (const t of countedRatings(tickets, data.followUps)) {
    const list = byService.get(t.serviceId);
    if (list) list.push(t);
    else byService.set(t.serviceId, [t]);
  }
  const cells: Cell[] = [];
  for (const [serviceId, list] of byService) {
    const s = stats(list, list.flatMap((t) => (t.rating ? [t.rating] : [])));
    const waitsMs: number[] = [];
    for (const t of list) {
      const w = waitMinutes(t);
      if (w !== null) waitsMs.push(Math.round(w * 60_000));
    }
    cells.push({
      serviceId,
      serviceName: nameIn(names?.services, serviceId) ?? data.services.find((x) => x.id === serviceId)?.name ?? serviceId,
      taken: s.tickets,
      served: s.served,
      noShows: s.noShows,
      ratings: LEVELS.map((l) => s.ratings.byLevel[l]) as Levels,
      waitsMs,
      ...caseCounts(data.followUps, data.commitments, day, serviceId),
    });
  }
  return cells;
}

/**
 * Waits as stored: ascending, little-endian int32 ms. Ascending, so a period's waits are
 * runs that merge in linear passes (reports.ts) instead of being sorted again.
 */
export function packWaits(ms: readonly number[]): Buffer {
  const a = Int32Array.from(ms, (x) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, x))).sort();
  const b = Buffer.alloc(a.length * 4);
  for (let i = 0; i < a.length; i++) b.writeInt32LE(a[i]!, i * 4);
  return b;
}
