import { describe, expect, it } from 'vitest';
import { hall } from '../../test/fixture.ts';
import { commitmentOverdue, followUpOverdue, isOverdue, overdueDays, workingDaysLeft, workingDaysText } from './due.ts';

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

describe('working days left', () => {
  it('counts the working days after today up to the due date, skipping weekends and holidays, negative once past', () => {
    const s = hall().settings; // 2026-11-26 is a Thursday
    expect(workingDaysLeft(s, '2026-11-26', '2026-11-26')).toBe(0);
    expect(workingDaysLeft(s, '2026-11-26', '2026-11-27')).toBe(1);
    expect(workingDaysLeft(s, '2026-11-26', '2026-11-30')).toBe(2); // Fri, (Sat, Sun), Mon
    expect(workingDaysLeft(s, '2026-11-26', '2026-12-03')).toBe(5);
    expect(workingDaysLeft(s, '2026-12-01', '2026-11-26')).toBe(-3); // Fri, Mon, Tue since
    const holiday = { ...s, specialDays: [{ date: '2026-11-27', name: '停电', kind: 'holiday' as const, hours: null }, { date: '2026-11-28', name: '调休', kind: 'workday' as const, hours: null }] };
    expect(workingDaysLeft(holiday, '2026-11-26', '2026-11-30')).toBe(2); // (Fri off), Sat worked, Mon
    expect(workingDaysText(5)).toBe('还剩 5 个工作日');
    expect(workingDaysText(0)).toBe('今天到期');
  });
});
