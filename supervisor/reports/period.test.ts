import { describe, expect, it } from 'vitest';
import { addMonths, periodOf, periodTitle, quarterKey, quarterStart, shiftPeriod } from './period.ts';

describe('periodOf', () => {
  it('a day is itself', () => {
    expect(periodOf('day', '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });

  it('a week runs Monday to Sunday, whichever day is picked', () => {
    expect(periodOf('week', '2026-03-02')).toEqual({ from: '2026-03-02', to: '2026-03-08' }); // a Monday
    expect(periodOf('week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' }); // its Sunday
    expect(periodOf('week', '2026-03-05')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('a week may straddle the year end', () => {
    expect(periodOf('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodOf('week', '2025-12-31')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('a month ends on its own last day, February too', () => {
    expect(periodOf('month', '2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodOf('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('a quarter is three calendar months', () => {
    expect(periodOf('quarter', '2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('shiftPeriod', () => {
  it('steps whole periods back and forth across year ends', () => {
    expect(shiftPeriod('day', '2026-01-01', -1)).toBe('2025-12-31');
    expect(shiftPeriod('week', '2026-01-01', -1)).toBe('2025-12-22');
    expect(shiftPeriod('week', '2025-12-31', 1)).toBe('2026-01-05');
    expect(shiftPeriod('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(shiftPeriod('month', '2026-12-15', 1)).toBe('2027-01-01');
    expect(shiftPeriod('quarter', '2026-11-26', 1)).toBe('2027-01-01');
    expect(shiftPeriod('quarter', '2026-02-14', -1)).toBe('2025-10-01');
  });

  it('adds months across many years', () => {
    expect(addMonths('2026-03-31', 0)).toBe('2026-03-01');
    expect(addMonths('2026-03-31', -15)).toBe('2024-12-01');
    expect(addMonths('2026-03-31', 22)).toBe('2028-01-01');
  });
});

describe('titles and quarter keys', () => {
  it('names the period as a report heading', () => {
    expect(periodTitle('day', { from: '2026-03-02', to: '2026-03-02' })).toBe('2026-03-02（星期一）');
    expect(periodTitle('week', { from: '2026-03-02', to: '2026-03-08' })).toBe('2026-03-02 至 2026-03-08');
    expect(periodTitle('month', { from: '2026-03-01', to: '2026-03-31' })).toBe('2026年3月');
    expect(periodTitle('quarter', { from: '2026-10-01', to: '2026-12-31' })).toBe('2026年第四季度');
    expect(periodTitle('custom', { from: '2026-03-02', to: '2026-03-02' })).toBe('2026-03-02（星期一）');
  });

  it('turns a day into the appraisal quarter and back', () => {
    expect(quarterKey('2026-11-26')).toBe('2026Q4');
    expect(quarterKey('2026-01-01')).toBe('2026Q1');
    expect(quarterKey('2026-03-31')).toBe('2026Q1');
    expect(quarterStart('2026Q4')).toBe('2026-10-01');
    expect(quarterStart('2027Q1')).toBe('2027-01-01');
  });
});
