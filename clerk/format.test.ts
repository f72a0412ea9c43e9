// The console's date helpers used by 我的评价.
import { describe, expect, it } from 'vitest';
import { dayText, monthDayTime, monthStart } from './format.ts';

describe('format', () => {
  it('starts this month on its first day, in the hall calendar', () => {
    expect(monthStart('2025-06-10')).toBe('2025-06-01');
    expect(monthStart('2024-02-29')).toBe('2024-02-01');
  });

  it('shows a rating time as month-day and the hall wall clock, ignoring the PC zone', () => {
    expect(monthDayTime('2025-06-10T23:59:00.000+08:00')).toBe('06-10 23:59');
    expect(monthDayTime('not a time')).toBe('not a time');
  });

  it('writes a due date with its weekday for reading out', () => {
    expect(dayText('2025-06-10')).toBe('2025年6月10日（星期二）');
  });
});
