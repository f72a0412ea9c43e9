// A small hall for unit tests: three businesses, three windows, open all day.
import { apply, type Command } from '../shared/core/commands.ts';
import type { HallData, Service } from '../shared/types.ts';

/** 2026-11-26 09:00 in Asia/Shanghai (a Thursday). */
export const T0 = Date.parse('2026-11-26T09:00:00+08:00');
export const min = (n: number) => n * 60_000;

const service = (id: string, prefix: string, extra: Partial<Service> = {}): Service => ({
  id, name: `业务${prefix}`, prefix, materials: ['身份证'], committedDays: 3, priorityAllowed: true,
  dailyQuota: null, enabled: true, avgServiceMin: 5, ...extra,
});

export function hall(overrides: Partial<HallData['settings']> = {}): HallData {
  return {
    settings: {
      hallName: '测试镇为民服务中心', timeZone: 'Asia/Shanghai',
      weekHours: Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' })),
      specialDays: [], marketDays: null, lastTicketMin: 0, priorityCap: 2, recallCap: 5,
      announcement: { template: '请{number}号到{counter}办理', repeat: 2 },
      priorityKinds: ['70岁以上老人'],
      printer: { uri: null, paperWidth: 80, checkStatus: true },
      ratings: { reasons: ['等候时间太长'], followUpDays: 5, padIdleSec: 60 },
      alerts: { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 },
      limits: { takesPerMinute: 30, commentsPerHour: 20 },
      ...overrides,
    },
    services: [service('a', 'A'), service('b', 'B', { committedDays: 7 }), service('c', 'C')],
    counters: [
      { id: '1', name: '1号窗口', serviceIds: ['a'], clerkA: 'u1', clerkB: 'u2' },
      { id: '2', name: '2号窗口', serviceIds: ['a', 'b'], clerkA: 'u2', clerkB: 'u3' },
      { id: '3', name: '3号窗口', serviceIds: ['c'], clerkA: 'u3', clerkB: 'u1' },
    ],
    users: [
      ...['u1', 'u2', 'u3'].map((id) => ({ id, username: id, name: id, staffNo: id, role: 'clerk' as const, passwordHash: '', disabled: false })),
      { id: 'admin', username: 'admin', name: '管理员', staffNo: 'A0', role: 'admin' as const, passwordHash: '', disabled: false },
    ],
    runtime: {},
    sessions: {},
    today: { day: '2026-11-26', nextSeq: 1, numbers: {}, recentServiceMin: {} },
    tickets: {},
    signIns: [],
    followUps: [],
    comments: [],
    commitments: [],
    audit: [],
  };
}

let ids = 0;
/** Takes a ticket and returns it. */
/** A ticket taken at the kiosk; its 评价码 is `k` + its id (see `keyOf`). */
export function take(data: HallData, serviceId: string, at: number, priority = false) {
  const id = `t${++ids}`;
  return apply(data, { type: 'take', id, serviceId, priority, channel: 'kiosk', at, ratingKey: keyOf(id) }).ticket!;
}

/** The 评价码 `take` gave the ticket. */
export const keyOf = (ticketId: string) => `k${ticketId}`;

export function run(data: HallData, cmd: Command) {
  return apply(data, cmd);
}

export const next = (data: HallData, counterId: string, at: number, userId = `u${counterId}`) =>
  apply(data, { type: 'next', counterId, userId, at }).ticket ?? null;
