// Ratings voided on review (申诉成立): kept on record, left out of every figure. Pure,
// apart from the appeal rules (appeals.ts) so figures and pages carry no rules.
import type { FollowUp, Ticket } from '../types.ts';
import type { DayFacts } from './reports.ts';

export const isVoided = (f: FollowUp): boolean => f.appeal?.review?.verdict === 'voided';

/** The tickets whose (bad) rating a review voided. */
export function voidedTickets(followUps: FollowUp[]): Set<string> {
  return new Set(followUps.filter(isVoided).map((f) => f.ticketId));
}

/** The tickets as the figures count them: a voided rating is no rating. */
export function countedRatings(tickets: Iterable<Ticket>, followUps: FollowUp[]): Ticket[] {
  const voided = voidedTickets(followUps);
  return [...tickets].map((t) => {
    if (!t.rating || !voided.has(t.id)) return t;
    const { rating: _, ...rest } = t;
    return rest;
  });
}

/**
 * Days of report facts as the figures count them: the fact of each voided rating's visit
 * loses its rating. Report facts carry no ticket id; the visit is the one of that day,
 * business, window, clerk and level, and any such one counts the same in every figure
 * that reads a rating.
 */
export function countedDays(days: DayFacts[], followUps: FollowUp[]): DayFacts[] {
  const byDay = new Map<string, FollowUp[]>();
  for (const f of followUps) if (isVoided(f)) (byDay.get(f.day) ?? byDay.set(f.day, []).get(f.day)!).push(f);
  if (byDay.size === 0) return days;
  return days.map((d) => {
    const voided = byDay.get(d.day);
    if (!voided) return d;
    const facts = [...d.facts];
    for (const v of voided) {
      const i = facts.findIndex((x) => x.st === 'done' && x.r === v.level && x.s === v.serviceId && x.c === v.counterId && x.k === v.clerkId);
      if (i >= 0) facts[i] = { ...facts[i]!, r: null };
    }
    return { ...d, facts };
  });
}
