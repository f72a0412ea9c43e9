// When a deadline has passed: one rule for follow-ups of bad ratings (差评回访) and
// committed cases (承诺件), used by the server's replies and pushes and by the pages.
import type { Commitment, FollowUp } from '../types.ts';
import { daysBetween } from './time.ts';

/** Overdue from the day after the due date (both the hall's days, YYYY-MM-DD). */
export function isOverdue(dueDate: string, today: string): boolean {
  return dueDate < today;
}

/** Calendar days past the due date as of `today` (0 when not overdue). */
export function overdueDays(dueDate: string, today: string): number {
  return isOverdue(dueDate, today) ? daysBetween(dueDate, today) : 0;
}

/** A follow-up still open past its due date. */
export function followUpOverdue(f: Pick<FollowUp, 'dueDate' | 'closedAt'>, today: string): boolean {
  return !f.closedAt && isOverdue(f.dueDate, today);
}

/** A committed case not yet delivered past its due date. */
export function commitmentOverdue(c: Pick<Commitment, 'dueDate' | 'deliveredAt'>, today: string): boolean {
  return !c.deliveredAt && isOverdue(c.dueDate, today);
}
