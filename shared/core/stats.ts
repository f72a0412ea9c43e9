// Figures over ticket records. Pure; fed from the live day and archived days alike.
import type { Ticket } from '../types.ts';
import { minutesBetween } from './time.ts';

export interface RatingLike {
  level: number;
}

export interface Stats {
  tickets: number;
  served: number;
  noShows: number;
  wait: { avgMin: number; p50Min: number; p90Min: number; maxMin: number };
  ratings: { count: number; byLevel: Record<'1' | '2' | '3' | '4' | '5', number>; satisfiedRate: number };
}

/** Nearest-rank percentile of ascending values: the ⌈p·n⌉-th smallest; 0 when empty. */
export function percentile(sortedAsc: ArrayLike<number>, p: number): number {
  if (sortedAsc.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAsc.length));
  return sortedAsc[Math.min(rank, sortedAsc.length) - 1]!;
}

export function summary(values: number[]): { avgMin: number; p50Min: number; p90Min: number; maxMin: number } {
  return sortedSummary([...values].sort((a, b) => a - b));
}

/**
 * `summary` of values already ascending, summed in that order: the county's reports
 * pass typed arrays sorted natively and get the hall's figures to the last bit.
 */
export function sortedSummary(v: ArrayLike<number>): { avgMin: number; p50Min: number; p90Min: number; maxMin: number } {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]!;
  const avg = v.length ? sum / v.length : 0;
  return { avgMin: avg, p50Min: percentile(v, 50), p90Min: percentile(v, 90), maxMin: v.length ? v[v.length - 1]! : 0 };
}

/** Minutes from taking the ticket to its first call, for tickets that were called. */
export function waitMinutes(t: Ticket): number | null {
  return t.calledAt ? minutesBetween(t.takenAt, t.calledAt) : null;
}

export function stats(tickets: Iterable<Ticket>, ratings: Iterable<RatingLike>): Stats {
  let count = 0;
  let served = 0;
  let noShows = 0;
  const waits: number[] = [];
  for (const t of tickets) {
    count++;
    if (t.status === 'done') served++;
    if (t.status === 'no_show') noShows++;
    const w = waitMinutes(t);
    if (w !== null) waits.push(w);
  }
  const byLevel = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let rated = 0;
  for (const r of ratings) {
    const k = String(r.level) as keyof typeof byLevel;
    if (k in byLevel) {
      byLevel[k]++;
      rated++;
    }
  }
  return {
    tickets: count,
    served,
    noShows,
    wait: summary(waits),
    ratings: { count: rated, byLevel, satisfiedRate: satisfiedRate(byLevel) },
  };
}

/** Levels 3–5 over all ratings; 0 with none. The county's reports count with it too. */
export function satisfiedRate(byLevel: Stats['ratings']['byLevel']): number {
  const rated = byLevel['1'] + byLevel['2'] + byLevel['3'] + byLevel['4'] + byLevel['5'];
  return rated ? (byLevel['3'] + byLevel['4'] + byLevel['5']) / rated : 0;
}
