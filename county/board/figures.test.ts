// The board's order, totals and wording, from pushed summaries.
import { describe, expect, it } from 'vitest';
import type { HallSummary } from '../../shared/county/types.ts';
import { attention, commonSuffix, duration, emptyWindows, skewText, sortHalls, totals, windowList } from './figures.ts';

const day = { day: '2026-12-07', taken: 10, served: 6, noShows: 1, waiting: 3, avgWaitMin: 5, ratings: 4, badRatings: 1 };
const hall = (id: string, name: string, more: Partial<HallSummary> = {}): HallSummary => ({
  id,
  name,
  online: true,
  lastHeardAt: '2026-12-07T02:00:00.000Z',
  today: day,
  openWarnings: 0,
  satisfiedRate: 0.75,
  windows: [
    { id: '1', name: '1号窗口', staffed: true, paused: false },
    { id: '2', name: '2号窗口', staffed: true, paused: false },
  ],
  silentMin: 0,
  ...more,
});

describe('the board', () => {
  it('puts offline halls first, then halls with warnings or 督办, gaps with people waiting next, never-connected and revoked last; by name within', () => {
    const halls = [
      hall('a', '青山镇'),
      hall('b', '白云乡', { online: false, silentMin: 30 }),
      hall('c', '东坪乡', { revoked: true, online: false }),
      hall('d', '安乐乡', { openNotices: 1 }),
      hall('e', '西岭镇', { windows: [{ id: '1', name: '1号窗口', staffed: false, paused: false }] }),
      hall('f', '北河乡', { online: false, lastHeardAt: null, today: null, silentMin: null }),
      hall('g', '凤凰乡', { openWarnings: 2 }),
    ];
    expect(sortHalls(halls, 'attention').map((h) => h.name)).toEqual(['白云乡', '安乐乡', '凤凰乡', '西岭镇', '青山镇', '北河乡', '东坪乡']);
    expect(sortHalls(halls, 'name').map((h) => h.name)).toEqual(['安乐乡', '白云乡', '北河乡', '东坪乡', '凤凰乡', '青山镇', '西岭镇']);
    // An empty window with nobody waiting is no alarm.
    expect(attention(hall('x', 'x', { today: { ...day, waiting: 0 }, windows: [{ id: '1', name: '1', staffed: false, paused: false }] }))).toBe(3);
  });

  it('adds the halls in service, weighting satisfaction by ratings, and counts gaps of online halls only', () => {
    const t = totals([
      hall('a', 'A'),
      hall('b', 'B', { today: { ...day, ratings: 1 }, satisfiedRate: 0, online: false, windows: [{ id: '1', name: '1', staffed: false, paused: false }] }),
      hall('c', 'C', { revoked: true }),
      hall('d', 'D', { today: null, satisfiedRate: null, lastHeardAt: null, online: false, windows: [{ id: '1', name: '1', staffed: false, paused: false }], openNotices: 2, openWarnings: 1 }),
    ]);
    expect(t).toEqual({ halls: 3, online: 1, waiting: 6, taken: 20, served: 12, noShows: 2, satisfiedRate: 3 / 5, emptyWindows: 0, warnings: 1, notices: 2 });
    expect(totals([]).satisfiedRate).toBeNull();
    expect(emptyWindows(hall('a', 'A', { windows: undefined }))).toEqual([]);
  });

  it('writes shared endings once and times in words', () => {
    expect(commonSuffix(['青山镇为民服务中心', '白云乡为民服务中心'])).toBe('为民服务中心');
    expect(commonSuffix(['中心', '为民服务中心'])).toBe('');
    expect(commonSuffix(['青山镇'])).toBe('');
    expect(windowList(['1号窗口', '4号窗口', '5号窗口'])).toBe('1、4、5号窗口');
    expect(windowList(['综合窗口', '社保'])).toBe('综合窗口、社保');
    expect(windowList(['3号窗口'])).toBe('3号窗口');
    expect(duration(5)).toBe('5 分钟');
    expect(duration(125)).toBe('2 小时 5 分');
    expect(duration(120)).toBe('2 小时');
    expect(duration(3 * 1440 + 5)).toBe('3 天');
    expect(skewText(-3)).toBe('慢 3 分钟');
    expect(skewText(125)).toBe('快 2 小时 5 分');
  });
});
