// 承诺件 (committed cases) as staff work them, shared by the clerk console and the
// supervisor's reports: which comes first, and how a due date reads. Pure.
import { overdueDays, workingDaysText } from '../shared/core/due.ts';
import { daysBetween } from '../shared/core/time.ts';
import type { CommitmentView } from '../shared/types.ts';

export type CommitmentRow = CommitmentView;

export interface DueText {
  text: string;
  tone: 'bad' | 'warn' | 'plain' | 'done';
}

/**
 * How a case's due date reads. `today` is the hall's day, null until the socket has it:
 * then only the server's own overdue flag is trusted (the office PC's date may be off).
 */
export function commitmentDue(c: CommitmentRow, today: string | null): DueText {
  if (c.deliveredAt) return { text: `已送达（${c.deliveredAt.slice(0, 10)}）`, tone: 'done' };
  if (!today) return c.overdue ? { text: '已超期', tone: 'bad' } : { text: `${c.dueDate} 前办结`, tone: 'plain' };
  const late = overdueDays(c.dueDate, today);
  // The server may already be on the next day while the page's hall day lags a moment.
  if (late > 0 || c.overdue) return { text: late > 0 ? `已超期 ${late} 天` : '已超期', tone: 'bad' };
  // 承诺件 are promised in working days: counted by the server on the hall's calendar.
  if (c.workingDaysLeft !== undefined) return { text: workingDaysText(c.workingDaysLeft), tone: c.workingDaysLeft <= 1 ? 'warn' : 'plain' };
  const left = daysBetween(today, c.dueDate);
  if (left === 0) return { text: '今天到期', tone: 'warn' };
  if (left === 1) return { text: '明天到期', tone: 'warn' };
  return { text: `还剩 ${left} 天`, tone: 'plain' };
}

/** Overdue first, then the nearest due date, then the oldest case: the one to chase is on top. */
export function sortCommitments(rows: readonly CommitmentRow[]): CommitmentRow[] {
  return [...rows].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate) || a.day.localeCompare(b.day) || a.number.localeCompare(b.number));
}

/** A window's cases: those its businesses handle, and those it took in itself (businesses move between windows). */
export function forCounter(rows: readonly CommitmentRow[], counterId: string, serviceIds: readonly string[]): CommitmentRow[] {
  return rows.filter((c) => c.counterId === counterId || serviceIds.includes(c.serviceId));
}
