import { describe, expect, it } from 'vitest';
import { commitmentOverdue, followUpOverdue, isOverdue, overdueDays } from './due.ts';

describe('overdue', () => {
  it('starts the day after the due date', () => {
    expect(isOverdue('2026-11-27', '2026-11-26')).toBe(false);
    expect(isOverdue('2026-11-27', '2026-11-27')).toBe(false);
    expect(isOverdue('2026-11-27', '2026-11-28')).toBe(true);
    expect(isOverdue('2026-12-31', '2027-01-01')).toBe(true);
  });

  it('counts calendar days past the due date, across month and year ends, never negative', () => {
    expect(overdueDays('2026-11-27', '2026-11-27')).toBe(0);
    expect(overdueDays('2026-11-27', '2026-11-20')).toBe(0);
    expect(overdueDays('2026-11-27', '2026-12-02')).toBe(5);
    expect(overdueDays('2026-12-30', '2027-01-02')).toBe(3);
    expect(overdueDays('2028-02-28', '2028-03-01')).toBe(2); // leap year
    expect(overdueDays('2025-05-30', '2025-06-02')).toBe(3);
  });

  it('is never said of a closed follow-up or a delivered case', () => {
    const due = { dueDate: '2026-11-27' };
    expect(followUpOverdue(due, '2026-11-28')).toBe(true);
    expect(followUpOverdue({ ...due, closedAt: '2026-11-30T10:00:00.000+08:00' }, '2026-12-01')).toBe(false);
    expect(commitmentOverdue(due, '2026-11-28')).toBe(true);
    expect(commitmentOverdue(due, '2026-11-27')).toBe(false);
    expect(commitmentOverdue({ ...due, deliveredAt: '2026-11-30T10:00:00.000+08:00' }, '2026-12-01')).toBe(false);
  });
});
