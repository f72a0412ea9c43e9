// The supervisor's pure helpers: alert thresholds (the hall's own), window classification, figures.
import { describe, expect, it } from 'vitest';
import type { CounterView, HallState, PrinterHealth, ServiceView } from '../shared/types.ts';
import { hallAlerts, longestWaitNow, serviceOverThreshold } from './alerts.ts';
import { counterMode } from './counterMode.ts';
import { durationText, minutes1, minutesSince, percent } from './format.ts';

const counter = (over: Partial<CounterView> = {}): CounterView => ({
  id: '1',
  name: '1号窗口',
  serviceIds: ['social'],
  staffed: true,
  clerk: { name: '王芳', staffNo: 'QS003', post: 'A' },
  paused: false,
  pauseReason: null,
  current: null,
  ...over,
});

const service = (over: Partial<ServiceView> = {}): ServiceView => ({
  id: 'social',
  name: '社保劳保',
  prefix: 'A',
  waiting: 0,
  open: true,
  closedReason: null,
  longestWaitMin: 0,
  materials: [],
  estimatedWaitMin: 0,
  priorityAllowed: true,
  counters: ['1号窗口'],
  ...over,
});

const hall = (over: Partial<HallState> = {}): HallState => ({
  hallName: '青山镇为民服务中心',
  now: '2025-03-03T10:00:00.000+08:00',
  day: '2025-03-03',
  open: true,
  counters: [counter()],
  services: [service()],
  recent: [],
  announcement: { repeat: 2, template: '请{number}号到{counter}办理' },
  priorityKinds: [],
  alerts: { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 },
  ...over,
});

describe('hallAlerts', () => {
  it('is quiet when every window is staffed and queues are short', () => {
    expect(hallAlerts(hall())).toEqual([]);
  });

  it('names a business people wait for that no staffed, unpaused window serves, and links to 队列调度 on it', () => {
    const waiting = service({ waiting: 3 });
    const paused = counter({ paused: true, pauseReason: '午休' });
    const alerts = hallAlerts(hall({ counters: [paused], services: [waiting] }));
    expect(alerts).toEqual([{ key: 'unserved-social', level: 'bad', text: '社保劳保没有在岗的窗口办理，3 人在等', fix: { label: '移号或暂停取号', serviceId: 'social' } }]);
    expect(hallAlerts(hall({ services: [waiting] }))).toEqual([]); // its window is staffed
    expect(hallAlerts(hall({ counters: [paused], services: [service({ waiting: 0 })] }))).toEqual([]); // nobody waits
    expect(hallAlerts(hall({ counters: [paused], services: [waiting], open: false }))).toEqual([]);
  });

  it('names every unstaffed window in one alert while the hall is open, none after hours', () => {
    const counters = [counter(), counter({ id: '2', name: '2号窗口', staffed: false, clerk: null }), counter({ id: '3', name: '3号窗口', staffed: false, clerk: null })];
    const open = hallAlerts(hall({ counters }));
    expect(open).toHaveLength(1);
    expect(open[0]!.level).toBe('bad');
    expect(open[0]!.text).toContain('2号窗口、3号窗口');
    expect(hallAlerts(hall({ counters, open: false }))).toEqual([]);
  });

  it('fires strictly above the hall’s own thresholds', () => {
    const limits = { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 };
    const at = service({ waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 });
    expect(hallAlerts(hall({ services: [at] }))).toEqual([]);
    expect(serviceOverThreshold(at, limits)).toBe(false);

    const over = service({ waiting: 21, estimatedWaitMin: 31, longestWaitMin: 31 });
    const texts = hallAlerts(hall({ services: [over] })).map((a) => a.text);
    expect(texts).toEqual([`社保劳保等候 21 人，超过 20 人`, `社保劳保预计等候 31 分钟，超过 30 分钟`, `社保劳保已有群众等候 31 分钟，超过 30 分钟`]);
    expect(serviceOverThreshold(over, limits)).toBe(true);
  });

  it('follows the thresholds the admin set, as pushed in hall:state', () => {
    const s = service({ waiting: 8, estimatedWaitMin: 12, longestWaitMin: 16 });
    expect(hallAlerts(hall({ services: [s] }))).toEqual([]);
    const strict = hall({ services: [s], alerts: { waiting: 5, estimatedWaitMin: 10, longestWaitMin: 15 } });
    expect(hallAlerts(strict).map((a) => a.key)).toEqual(['waiting-social', 'wait-social', 'longest-social']);
    expect(serviceOverThreshold(s, strict.alerts)).toBe(true);
    expect(serviceOverThreshold(s, { waiting: 8, estimatedWaitMin: 12, longestWaitMin: 16 })).toBe(false);
  });

  it('raises the longest wait only while someone is waiting', () => {
    const none = service({ waiting: 0, longestWaitMin: 45 });
    expect(hallAlerts(hall({ services: [none] }))).toEqual([]);
  });

  it('lets the longest wait grow on the hall clock between pushes', () => {
    const s = service({ waiting: 2, longestWaitMin: 28 });
    const pushedAt = '2025-03-03T10:00:00.000+08:00';
    expect(longestWaitNow(s, pushedAt, Date.parse('2025-03-03T10:02:59.000+08:00'))).toBe(30);
    expect(longestWaitNow(s, pushedAt, Date.parse('2025-03-03T10:03:00.000+08:00'))).toBe(31);
    expect(longestWaitNow(s, pushedAt, Date.parse('2025-03-03T09:59:00.000+08:00'))).toBe(28); // a clock a little behind
    expect(longestWaitNow(service({ waiting: 0, longestWaitMin: 28 }), pushedAt, Date.parse(pushedAt))).toBe(0);
    const h = hall({ now: pushedAt, services: [s] });
    expect(hallAlerts(h, null, Date.parse('2025-03-03T10:02:00.000+08:00'))).toEqual([]);
    expect(hallAlerts(h, null, Date.parse('2025-03-03T10:03:00.000+08:00'))).toEqual([{ key: 'longest-social', level: 'warn', text: '社保劳保已有群众等候 31 分钟，超过 30 分钟', fix: { label: '去调度', serviceId: 'social' } }]);
  });
});

describe('printer alerts', () => {
  const printer = (over: Partial<PrinterHealth> = {}): PrinterHealth => ({
    configured: true, name: 'tcp://10.0.0.5:9100', source: 'settings', paperWidth: 80, state: 'ok', paper: 'ok', coverOpen: false,
    lastError: null, lastErrorAt: null, lastPrintAt: null, checkedAt: null, printedToday: 3, ...over,
  });
  it('raises a fault, warns on low paper, says nothing otherwise', () => {
    expect(hallAlerts(hall(), printer())).toEqual([]);
    expect(hallAlerts(hall(), printer({ configured: false, state: 'off' }))).toEqual([]);
    expect(hallAlerts(hall(), printer({ state: 'fault', lastError: '打印机缺纸' }))).toEqual([{ key: 'printer', level: 'bad', text: expect.stringContaining('号票机故障：打印机缺纸') }]);
    expect(hallAlerts(hall(), printer({ paper: 'low' }))).toEqual([{ key: 'printer', level: 'warn', text: '号票机纸将用完，请及时换纸' }]);
  });
});

describe('counterMode', () => {
  it('tells a gap (hall open) from an ordinary empty window (closed)', () => {
    expect(counterMode(counter({ staffed: false, clerk: null }), true)).toBe('gap');
    expect(counterMode(counter({ staffed: false, clerk: null }), false)).toBe('off');
  });

  it('puts a pause before the ticket the window holds', () => {
    const current = { number: 'A001', status: 'serving' as const, calledAt: '2025-03-03T09:50:00.000+08:00', callCount: 1 };
    expect(counterMode(counter({ current }), true)).toBe('serving');
    expect(counterMode(counter({ current: { ...current, status: 'called' } }), true)).toBe('called');
    expect(counterMode(counter({ current, paused: true, pauseReason: '临时外出' }), true)).toBe('paused');
    expect(counterMode(counter(), true)).toBe('idle');
  });
});

describe('format', () => {
  it('counts whole minutes since a call on the hall clock, never negative', () => {
    const now = Date.parse('2025-03-03T10:00:00.000+08:00');
    expect(minutesSince('2025-03-03T09:47:30.000+08:00', now)).toBe(12);
    expect(minutesSince('2025-03-03T10:00:20.000+08:00', now)).toBe(0);
  });

  it('writes durations, minutes and rates the way the reports do', () => {
    expect(durationText(0)).toBe('不到 1 分钟');
    expect(durationText(45)).toBe('45 分钟');
    expect(durationText(125)).toBe('2 小时 5 分钟');
    expect(minutes1(7.25)).toBe('7.3');
    expect(minutes1(0)).toBe('0.0');
    expect(percent(0.9666)).toBe('96.7%');
    expect(percent(1)).toBe('100.0%');
  });
});
