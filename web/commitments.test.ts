import { describe, expect, it } from 'vitest';
import { commitmentDue, forCounter, sortCommitments, type CommitmentRow } from './commitments.ts';

const row = (over: Partial<CommitmentRow> = {}): CommitmentRow => ({
  ticketId: 't1',
  number: 'H001',
  day: '2026-11-20',
  serviceId: 'housing',
  counterId: '6',
  clerkId: 'u-clerk6',
  dueDate: '2026-11-27',
  overdue: false,
  serviceName: '建房审批',
  ...over,
});

describe('commitmentDue', () => {
  it('reads 已超期 N 天 once past due, a warning on the day and the day before, days left otherwise', () => {
    expect(commitmentDue(row({ overdue: true }), '2026-11-30')).toEqual({ text: '已超期 3 天', tone: 'bad' });
    expect(commitmentDue(row(), '2026-11-27')).toEqual({ text: '今天到期', tone: 'warn' });
    expect(commitmentDue(row(), '2026-11-26')).toEqual({ text: '明天到期', tone: 'warn' });
    expect(commitmentDue(row(), '2026-11-23')).toEqual({ text: '还剩 4 天', tone: 'plain' });
    expect(commitmentDue({ ...row(), workingDaysLeft: 4 }, '2026-11-21')).toEqual({ text: '还剩 4 个工作日', tone: 'plain' });
  });

  it('trusts the server before the hall day is known, or when the page lags a day behind', () => {
    expect(commitmentDue(row({ overdue: true }), null)).toEqual({ text: '已超期', tone: 'bad' });
    expect(commitmentDue(row(), null)).toEqual({ text: '2026-11-27 前办结', tone: 'plain' });
    expect(commitmentDue(row({ overdue: true }), '2026-11-27')).toEqual({ text: '已超期', tone: 'bad' });
  });

  it('says when a delivered case was delivered', () => {
    expect(commitmentDue(row({ deliveredAt: '2026-11-29T10:00:00.000+08:00' }), '2026-12-05')).toEqual({ text: '已送达（2026-11-29）', tone: 'done' });
  });
});

describe('sortCommitments', () => {
  it('puts overdue first, then the nearest due date, then the oldest case, and leaves its input alone', () => {
    const rows = [
      row({ ticketId: 'later', dueDate: '2026-12-03' }),
      row({ ticketId: 'soon-newer', dueDate: '2026-11-27', day: '2026-11-22' }),
      row({ ticketId: 'overdue', dueDate: '2026-11-20', overdue: true }),
      row({ ticketId: 'soon-older', dueDate: '2026-11-27', day: '2026-11-19' }),
    ];
    expect(sortCommitments(rows).map((c) => c.ticketId)).toEqual(['overdue', 'soon-older', 'soon-newer', 'later']);
    expect(rows[0]!.ticketId).toBe('later');
  });
});

describe('forCounter', () => {
  it('keeps the cases of the window’s businesses and those it took in itself', () => {
    const rows = [row({ ticketId: 'mine' }), row({ ticketId: 'other', serviceId: 'civil', counterId: '2' }), row({ ticketId: 'taken-here', serviceId: 'civil', counterId: '6' })];
    expect(forCounter(rows, '6', ['housing', 'forestry']).map((c) => c.ticketId)).toEqual(['mine', 'taken-here']);
    expect(forCounter(rows, '2', ['civil']).map((c) => c.ticketId)).toEqual(['other', 'taken-here']);
  });
});
