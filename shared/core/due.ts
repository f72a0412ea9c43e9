// When a deadline has passed: one rule for follow-ups of bad ratings (差评回访) and
// committed cases (承诺件), used by the server's replies and pushes and by the pages.
import type { Commitment, FollowUp, Settings } from '../types.ts';
import { isWorkingDay } from './calendar.ts';
import { addDays, daysBetween } from './time.ts';

/** How long after finishing a visit its clerk may still undo it (撤销办结). */
export const REOPEN_MS = 2 * 60_000;

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export const workingDaysBetween = (settings: Settings, from: string, to: string): number => Math.max(0, workingDaysLeft(settings, from, to));

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

/**
 * Working days from `today` to `dueDate`: those after today up to and including the due
 * date (0 when due today), negative (working days since) once past. The promises (承诺件,
 * 差评回访) are made in working days, so "还剩 5 个工作日" is what they are measured in.
 */
export function workingDaysLeft(settings: Settings, today: string, dueDate: string): number {
  const [from, to, sign] = dueDate >= today ? [today, dueDate, 1] : [dueDate, today, -1];
  let n = 0;
  // Bounded like addWorkingDays: a date years away is a data error, not a loop.
  for (let d = addDays(from, 1), i = 0; d <= to && i < 3660; d = addDays(d, 1), i++) if (isWorkingDay(settings, d)) n++;
  return sign * n;
}

/** How a deadline in working days reads, before it has passed ("还剩 5 个工作日"). */
export function workingDaysText(left: number): string {
  return left <= 0 ? '今天到期' : `还剩 ${left} 个工作日`;
}
