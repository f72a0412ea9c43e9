import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/core/reports.ts';
import { change, compareNote, compareRows, comparedMonths } from './compare.ts';
import { dailyTrend } from './shape.ts';

const none = { count: 0, avgMin: 0, p50Min: 0, p90Min: 0, maxMin: 0 };
const report = (taken: number, over: Partial<Report> = {}): Report =>
  ({
    from: '2026-03-01', to: '2026-03-31', days: 1, totals: { taken, served: taken, noShows: 0, cancelled: 0, transferred: 0 },
    wait: taken ? { ...none, count: taken, avgMin: 10 } : none, service: none, satisfaction: { count: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfiedRate: 0 }, ...over,
  }) as Report;

describe('环比 and 同比', () => {
  it('compares with the month before and the same month a year before, across the year end', () => {
    expect(comparedMonths({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ previous: { from: '2025-12-01', to: '2025-12-31' }, lastYear: { from: '2025-01-01', to: '2025-01-31' } });
  });

  it('gives counts and minutes in percent, rates in percentage points, and a dash when there is nothing to compare', () => {
    expect(change(6, 2, 'count')).toBe('+200.0%');
    expect(change(12, 20, 'minutes')).toBe('−40.0%');
    expect(change(5, 5, 'count')).toBe('0.0%');
    expect(change(0.92, 0.9, 'rate')).toBe('+2.0 个百分点');
    expect(change(3, 0, 'count')).toBe('—');
    expect(change(null, 10, 'minutes')).toBe('—');
  });

  it('leaves a month without tickets out, and says so', () => {
    const rows = compareRows(report(6), report(0), report(3));
    expect(rows[0]).toEqual({ label: '取号（张）', value: '6', previous: '—', change: '—', lastYear: '3', yearChange: '+100.0%' });
    expect(rows.find((r) => r.label === '满意率')).toMatchObject({ value: '—', lastYear: '—', yearChange: '—' }); // nobody rated
    expect(compareNote(report(0), report(3), false)).toBe('上月没有数据，无法比较。');
    expect(compareNote(null, null, false)).toBe('上月和去年同月没有数据，无法比较。');
    expect(compareNote(null, null, true)).toBeNull();
  });
});

describe('daily trend', () => {
  const byDay = Array.from({ length: 31 }, (_, i) => ({ day: `2026-03-${String(i + 1).padStart(2, '0')}`, taken: i === 1 ? 4 : 0, served: 0 }));
  it('runs day by day up to the hall’s day, labelled by day of month', () => {
    expect(dailyTrend(byDay, '2026-03-03')).toEqual({ labels: ['1日', '2日', '3日'], values: [0, 4, 0] });
    expect(dailyTrend(byDay, '2026-12-01').labels).toHaveLength(31);
  });
  it('is empty for a single day, a period with no tickets, or one too long to read', () => {
    expect(dailyTrend(byDay.slice(1, 2), '2026-12-01').labels).toEqual([]);
    expect(dailyTrend(byDay.map((d) => ({ ...d, taken: 0 })), '2026-12-01').labels).toEqual([]);
    expect(dailyTrend([...byDay, ...byDay, ...byDay], '2026-12-01').labels).toEqual([]);
    expect(dailyTrend(undefined, '2026-12-01').labels).toEqual([]);
  });
});
