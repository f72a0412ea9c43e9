// The wall screen's pure helpers: cards, layout, calls laid over state, voice choice.
import { describe, expect, it } from 'vitest';
import type { TicketCalled } from '../shared/events.ts';
import type { CounterView, HallState } from '../shared/types.ts';
import { cardStatus, gridFor, latestCallText, sideLayout, withCalls } from './view.ts';
import { pickChineseVoice } from './voice.ts';

const counter = (id: string, over: Partial<CounterView> = {}): CounterView => ({
  id,
  name: `${id}号窗口`,
  serviceIds: [],
  staffed: true,
  clerk: null,
  paused: false,
  pauseReason: null,
  current: null,
  ...over,
});

const hall = (over: Partial<HallState> = {}): HallState => ({
  hallName: '青山镇为民服务中心',
  now: '2025-03-04T09:00:00.000+08:00',
  day: '2025-03-04',
  open: true,
  counters: [counter('1'), counter('2')],
  services: [],
  recent: [],
  announcement: { repeat: 2, template: '请{number}号到{counter}办理' },
  priorityKinds: [],
  alerts: { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 },
  ...over,
});

const called = (number: string, counterId: string, callCount = 1): TicketCalled => ({
  number,
  counterId,
  counterName: `${counterId}号窗口`,
  calledAt: `2025-03-04T09:0${callCount}:00.000+08:00`,
  callCount,
  text: `请 ${number} 号到 ${counterId}号窗口 办理!`,
  spoken: '',
  repeat: 2,
});

describe('withCalls', () => {
  it('shows a call at its window and at the head of the recent list before the next state arrives', () => {
    const base = hall({ recent: [{ number: 'A001', counterId: '1', counterName: '1号窗口', calledAt: 'x' }] });
    const h = withCalls(base, [called('B003', '2'), called('A001', '1', 2)]);
    expect(h.counters.map((c) => c.current?.number ?? null)).toEqual(['A001', 'B003']);
    expect(h.counters[0]!.current).toMatchObject({ status: 'called', callCount: 2 });
    expect(h.recent.map((r) => r.number)).toEqual(['A001', 'B003']);
    expect(base.counters[1]!.current).toBeNull(); // the state itself is untouched
    expect(withCalls(base, [])).toBe(base);
  });
});

describe('cardStatus', () => {
  it('marks paused and unstaffed windows and counts recalls', () => {
    expect(cardStatus(counter('1', { paused: true, pauseReason: '午休' }))).toEqual({ state: 'paused', label: '暂停服务：午休' });
    expect(cardStatus(counter('1', { staffed: false })).state).toBe('closed');
    expect(cardStatus(counter('1')).state).toBe('idle');
    const current = { number: 'A1', status: 'called' as const, calledAt: '', callCount: 3 };
    expect(cardStatus(counter('1', { current }))).toEqual({ state: 'called', label: '第 3 次呼叫' });
    expect(cardStatus(counter('1', { current: { ...current, status: 'serving' } })).label).toBe('正在办理');
  });
});

describe('gridFor', () => {
  const area = { w: 118, h: 76 }; // the card area of a 16:9 screen, in vh
  it('lays six windows out 3 × 2 and twelve 4 × 3 on a 16:9 screen', () => {
    expect(gridFor(6, area.w, area.h)).toMatchObject({ cols: 3, rows: 2 });
    expect(gridFor(12, area.w, area.h)).toMatchObject({ cols: 4, rows: 3 });
  });
  it('gives fewer windows larger numbers, always readable across a room', () => {
    const sizes = [1, 2, 4, 6, 9, 12].map((n) => gridFor(n, area.w, area.h).numberVh);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(sizes.at(-1)!).toBeGreaterThan(8); // ≥ 86 px at 1080 lines, ≥ 61 px at 768
  });
  it('names each window\'s businesses when they fit beside a large number, else shows their letters', () => {
    // The demo hall: 6 windows, at most 2 short names each.
    const demo = gridFor(6, area.w, area.h, { lines: 2, chars: 5 });
    expect(demo.serveVh).not.toBeNull();
    expect(demo.serveVh!).toBeGreaterThanOrEqual(2.2);
    // A real hall: 12 windows serving up to 3 names of 11 characters: letters, and numbers still large.
    const big = gridFor(12, area.w, area.h, { lines: 3, chars: 11 });
    expect(big).toMatchObject({ cols: 4, rows: 3, serveVh: null });
    expect(big.numberVh).toBeGreaterThan(8);
    expect(big.letterVh).toBe(big.lineVh);
  });
  it('keeps the letters of a window serving many businesses on one line of its card', () => {
    for (const lines of [3, 6, 8, 12]) {
      const g = gridFor(12, area.w, area.h, { lines, chars: 11 });
      const cardWidth = (area.w - 1.6 * (g.cols - 1)) / g.cols;
      expect(lines * 1.8 * g.letterVh).toBeLessThanOrEqual(cardWidth - 4.4 + 1e-9);
      expect(g.letterVh).toBeLessThanOrEqual(g.lineVh);
    }
  });
});

describe('sideLayout', () => {
  it('lists up to 8 businesses whole, and turns even pages beyond, keeping room for 4 recent calls', () => {
    expect(sideLayout(8)).toEqual({ pages: 1, perPage: 8, recentRows: 4 });
    expect(sideLayout(5)).toMatchObject({ pages: 1, perPage: 5 });
    expect(sideLayout(16)).toEqual({ pages: 2, perPage: 8, recentRows: 4 });
    expect(sideLayout(20)).toMatchObject({ pages: 3, perPage: 7 });
    for (let n = 1; n <= 30; n++) {
      const { pages, perPage, recentRows } = sideLayout(n);
      expect(pages * perPage).toBeGreaterThanOrEqual(n);
      expect(recentRows).toBeGreaterThanOrEqual(4);
      // Rows that fit: recent rows, waiting rows and the page counter within the column's 60 vh.
      expect(recentRows * 5.6 + perPage * 4.2 + (pages > 1 ? 3.4 : 0)).toBeLessThanOrEqual(60);
    }
  });
});

describe('latestCallText', () => {
  it('uses the heard call text, else the default wording for a call made while away', () => {
    const h = hall({ recent: [{ number: 'E002', counterId: '3', counterName: '3号窗口', calledAt: 'x' }] });
    expect(latestCallText(h, called('E002', '3'))).toBe('请 E002 号到 3号窗口 办理!');
    expect(latestCallText(h, called('E001', '3'))).toBe('请 E002 号到3号窗口办理');
    expect(latestCallText(hall(), null)).toBeNull();
  });
});

describe('pickChineseVoice', () => {
  const v = (name: string, lang: string, localService = true) => ({ name, lang, localService, default: false });
  it('prefers offline Mandarin, mainland first, Cantonese last, and finds none among other languages', () => {
    expect(pickChineseVoice([v('en', 'en-US'), v('de', 'de-DE')])).toBeNull();
    expect(pickChineseVoice([v('hk', 'zh-HK'), v('tw', 'zh-TW'), v('cn', 'zh_CN')])!.name).toBe('cn');
    expect(pickChineseVoice([v('google', 'zh-CN', false), v('tw', 'zh-TW')])!.name).toBe('tw');
    expect(pickChineseVoice([v('google', 'zh-CN', false), v('hk', 'zh-HK')])!.name).toBe('google');
    expect(pickChineseVoice([v('hk', 'zh-HK'), v('en', 'en-US')])!.name).toBe('hk');
  });
});
