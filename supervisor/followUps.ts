// 差评回访 as the supervisor works them: which case comes first, and how its deadline reads. Pure.
import { overdueDays, workingDaysText } from '../shared/core/due.ts';
import { daysBetween } from '../shared/core/time.ts';
import type { FollowUpView } from '../shared/types.ts';

/** `GET /api/follow-ups` row: the case plus what the server works out for the page. */
export type FollowUpRow = FollowUpView;

export type FollowUpFilter = 'all' | 'open' | 'closed';

export interface Deadline {
  text: string;
  tone: 'bad' | 'warn' | 'plain' | 'done';
}

/**
 * How a case's deadline reads. `today` is the hall's day; null until the socket has it,
 * when only the server's own overdue flag can be trusted (the office PC's date cannot).
 */
export function deadline(f: FollowUpRow, today: string | null): Deadline {
  if (f.closedAt) return { text: `已办结（${f.closedAt.slice(0, 10)}）`, tone: 'done' };
  if (!today) return f.overdue ? { text: '已超期', tone: 'bad' } : { text: `${f.dueDate} 前办结`, tone: 'plain' };
  const late = overdueDays(f.dueDate, today);
  if (f.overdue || late > 0) return { text: late > 0 ? `已超期 ${late} 天` : '已超期', tone: 'bad' };
  // The deadline is in working days (设置 → 差评回访期限); the server counts them on the hall's calendar.
  if (f.workingDaysLeft !== undefined) return { text: workingDaysText(f.workingDaysLeft), tone: f.workingDaysLeft <= 1 ? 'warn' : 'plain' };
  const left = daysBetween(today, f.dueDate);
  if (left === 0) return { text: '今天到期', tone: 'warn' };
  return { text: `还剩 ${left} 天`, tone: left <= 1 ? 'warn' : 'plain' };
}

/**
 * Open cases before closed ones. Among the open, the most overdue first, then the nearest
 * due date, then the oldest: the one to ring now is on top. Closed: the latest closed first.
 */
export function sortFollowUps(rows: readonly FollowUpRow[]): FollowUpRow[] {
  const open = rows.filter((f) => !f.closedAt);
  const closed = rows.filter((f) => f.closedAt);
  open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.openedAt.localeCompare(b.openedAt));
  closed.sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
  return [...open, ...closed];
}

/** The tab badge's figures, from a fetched list (before the first `ratings:changed` push). */
export function openCounts(rows: readonly FollowUpRow[]): { open: number; overdue: number } {
  const open = rows.filter((f) => !f.closedAt);
  return { open: open.length, overdue: open.filter((f) => f.overdue).length };
}

export const RESOLUTION_KIND: Record<'fix' | 'explain', string> = { fix: '整改', explain: '解释说明' };
