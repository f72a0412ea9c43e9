import { describe, expect, it } from 'vitest';
import type { CountyReport, ReportRow } from '../../shared/county/types.ts';
import { nowText, satisfactionBars, shown } from './shape.ts';

const row = (over: Partial<ReportRow>): ReportRow => ({
  hallId: 'h', hallName: '青山镇', rank: 1, taken: 10, served: 8, noShows: 1, avgWaitMin: 3.25, p90WaitMin: 7, ratings: 4,
  byLevel: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 1 }, satisfiedRate: 0.75, badRatings: 1, followUps: 1, followUpsClosed: 1, followUpsOnTime: 1,
  followUpsOverdue: 0, followUpsOnTimeRate: 1, committed: 0, committedDelivered: 0, committedOnTime: 0, committedOverdue: 0, committedOnTimeRate: null, byService: [], ...over,
});

describe('county report shapes', () => {
  it('draws only rated halls, in rank order, as percentages', () => {
    const r: CountyReport = { from: '2026-11-01', to: '2026-11-30', rows: [row({ hallName: '甲', satisfiedRate: 0.9876 }), row({ hallName: '乙', ratings: 0, satisfiedRate: 0 })] };
    expect(satisfactionBars(r)).toEqual({ labels: ['甲'], values: [98.8] });
  });

  it('shows — where nothing stands behind a rate', () => {
    expect(shown(row({}))).toEqual({ avgWait: '3.3', p90Wait: '7.0', satisfied: '75.0%', followUps: '100.0%（1/1）', committed: '—' });
    expect(shown(row({ ratings: 0 })).satisfied).toBe('—');
  });

  it('tells the county wall clock', () => {
    expect(nowText(Date.parse('2026-12-07T01:05:00Z'), 'Asia/Shanghai')).toBe('2026-12-07 09:05');
  });
});
