import { describe, expect, it } from 'vitest';
import type { ReportRow, Summary } from '../../shared/core/reports.ts';
import { arrivalsByHour, filenameOf, minutesText, satisfactionByCounter, waitDistribution } from './shape.ts';

const none: Summary = { count: 0, avgMin: 0, p50Min: 0, p90Min: 0, maxMin: 0 };
const row = (id: string, over: Partial<ReportRow> = {}): ReportRow => ({
  id, name: id, taken: 0, served: 0, noShows: 0, transferred: 0, wait: none, service: none, rated: 0, satisfiedRate: 0, ...over,
});
const hours = (taken: Record<number, number>) => Array.from({ length: 24 }, (_, h) => row(String(h), { name: `${String(h).padStart(2, '0')}:00`, taken: taken[h] ?? 0 }));

describe('arrivalsByHour', () => {
  it('spans the first to the last hour anyone came, quiet hours between kept as zero', () => {
    expect(arrivalsByHour(hours({ 9: 2, 10: 0, 11: 5, 16: 1 }))).toEqual({
      labels: ['9时', '10时', '11时', '12时', '13时', '14时', '15时', '16时'],
      values: [2, 0, 5, 0, 0, 0, 0, 1],
    });
  });

  it('orders hours numerically, whatever order they came in', () => {
    const shuffled = hours({ 8: 1, 10: 3 }).reverse();
    expect(arrivalsByHour(shuffled)).toEqual({ labels: ['8时', '9时', '10时'], values: [1, 0, 3] });
  });

  it('is empty when nobody came', () => {
    expect(arrivalsByHour(hours({}))).toEqual({ labels: [], values: [] });
  });
});

describe('waitDistribution', () => {
  it('keeps every bucket so the shape reads the same from one period to the next', () => {
    const buckets = [{ label: '5 分钟内', count: 0 }, { label: '5–10 分钟', count: 1 }, { label: '10–20 分钟', count: 1 }, { label: '1 小时以上', count: 0 }];
    expect(waitDistribution(buckets)).toEqual({ labels: ['5 分钟内', '5–10 分钟', '10–20 分钟', '1 小时以上'], values: [0, 1, 1, 0] });
    expect(waitDistribution(buckets.map((b) => ({ ...b, count: 0 })))).toEqual({ labels: [], values: [] });
  });
});

describe('satisfactionByCounter', () => {
  it('gives each rated window its rate in percent, one decimal; unrated windows are left out', () => {
    const rows = [row('1', { name: '1号窗口', rated: 3, satisfiedRate: 2 / 3 }), row('2', { name: '2号窗口' }), row('4', { name: '4号窗口', rated: 1, satisfiedRate: 0 })];
    expect(satisfactionByCounter(rows)).toEqual({ labels: ['1号窗口', '4号窗口'], values: [66.7, 0] });
  });
});

describe('minutesText', () => {
  it('shows one decimal, or a dash when nothing was measured', () => {
    expect(minutesText({ count: 3, avgMin: 16, p50Min: 12, p90Min: 30, maxMin: 30 }, 'avgMin')).toBe('16.0');
    expect(minutesText({ count: 2, avgMin: 8.333, p50Min: 6, p90Min: 10, maxMin: 10 }, 'avgMin')).toBe('8.3');
    expect(minutesText(none, 'maxMin')).toBe('—');
  });
});

describe('filenameOf', () => {
  it('reads the server’s UTF-8 name, a plain name, or falls back', () => {
    expect(filenameOf(`attachment; filename*=UTF-8''${encodeURIComponent('取号明细_2026-03-02_2026-03-02.csv')}`, 'x.csv')).toBe('取号明细_2026-03-02_2026-03-02.csv');
    expect(filenameOf('attachment; filename="report.csv"', 'x.csv')).toBe('report.csv');
    expect(filenameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.csv')).toBe('x.csv');
    expect(filenameOf(null, 'x.csv')).toBe('x.csv');
  });
});
