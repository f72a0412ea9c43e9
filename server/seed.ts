// The demo township hall a new, empty data directory starts with: 6 windows,
// 8 businesses, an admin, a supervisor and one clerk per window. Open every day,
// all day, so it can be tried at any hour; a real hall sets its hours in settings.
import { DEFAULT_TEMPLATE } from '../shared/core/announce.ts';
import { recentServiceMinutes, recountWaiting, record } from '../shared/core/state.ts';
import { localDay } from '../shared/core/time.ts';
import type { Counter, HallData, Service, User } from '../shared/types.ts';
import { hashPassword, newPassword } from './auth.ts';

const services: Omit<Service, 'enabled' | 'dailyQuota' | 'priorityAllowed'>[] = [
  { id: 'social', name: '社保劳保', prefix: 'A', committedDays: 3, avgServiceMin: 6,
    materials: ['本人身份证原件及复印件', '户口簿', '社会保障卡（已办理的带上）', '近期一寸免冠照片 2 张'] },
  { id: 'civil', name: '民政救助', prefix: 'B', committedDays: 7, avgServiceMin: 8,
    materials: ['申请人身份证及户口簿', '家庭收入情况说明（村委会盖章）', '残疾证或病历（如有）'] },
  { id: 'forestry', name: '林业', prefix: 'C', committedDays: 7, avgServiceMin: 7,
    materials: ['身份证', '林权证或承包合同', '村委会证明'] },
  { id: 'finance', name: '财政惠农', prefix: 'D', committedDays: 3, avgServiceMin: 5,
    materials: ['身份证', '一卡通存折或银行卡', '户口簿'] },
  { id: 'household', name: '户籍', prefix: 'E', committedDays: 3, avgServiceMin: 6,
    materials: ['户口簿', '本人身份证', '出生医学证明或相关证明材料'] },
  { id: 'family', name: '计生', prefix: 'F', committedDays: 3, avgServiceMin: 5,
    materials: ['夫妻双方身份证', '结婚证', '户口簿'] },
  { id: 'medical', name: '新农合医保', prefix: 'G', committedDays: 3, avgServiceMin: 4,
    materials: ['身份证或户口簿', '医保卡', '住院发票及费用清单（报销时）'] },
  { id: 'housing', name: '建房审批', prefix: 'H', committedDays: 7, avgServiceMin: 10,
    materials: ['身份证及户口簿', '宅基地使用证明', '建房申请表（村委会盖章）', '相邻权人意见书'] },
];

const counters: Omit<Counter, 'clerkA' | 'clerkB'>[] = [
  { id: '1', name: '1号窗口', serviceIds: ['social', 'medical'] },
  { id: '2', name: '2号窗口', serviceIds: ['civil', 'family'] },
  { id: '3', name: '3号窗口', serviceIds: ['household'] },
  { id: '4', name: '4号窗口', serviceIds: ['social', 'finance'] },
  { id: '5', name: '5号窗口', serviceIds: ['forestry', 'finance'] },
  { id: '6', name: '6号窗口', serviceIds: ['housing', 'forestry'] },
];

const CLERK_NAMES = ['王芳', '李强', '张敏', '刘洋', '陈静', '杨帆'];

export const DEFAULT_RATINGS = {
  reasons: ['等候时间太长', '工作人员态度不好', '办事效率低', '一次没有告知清楚，多次跑腿', '办理结果不满意', '环境设施不便'],
  followUpDays: 5,
  padIdleSec: 60,
};

export const DEFAULT_ALERTS = { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 };

/**
 * Per address. The hall's kiosk is one address that takes every ticket of the day: a
 * villager needs at least 5–10 s to pick a business, read the materials and take the
 * paper, so one kiosk seldom passes 10 a minute even in a market-day queue (~2,000 a
 * day, ~5 a minute on average). 30 a minute leaves it three times that, and a burst of
 * 30 at once; a flood (12,000 in 10 s) gets those 30, then one every 2 s. Comments come from the same kiosk: a
 * hall receives a few a day, so 20 an hour never stops a real one, while a script
 * filling the book gets 20 an hour instead of thousands.
 */
export const DEFAULT_LIMITS = { takesPerMinute: 30, commentsPerHour: 20 };

/** Settings added after a data directory was created get their defaults at load. */
export function upgrade(data: HallData): HallData {
  data.settings.printer ??= { uri: null, paperWidth: 80, checkStatus: true };
  data.settings.ratings ??= { ...DEFAULT_RATINGS };
  data.settings.alerts ??= { ...DEFAULT_ALERTS };
  data.settings.limits ??= { ...DEFAULT_LIMITS };
  data.settings.marketDays ??= null;
  data.settings.lastTicketMin ??= 0;
  data.followUps ??= [];
  data.comments ??= [];
  data.commitments ??= [];
  data.audit ??= [];
  // The waiting counts are derived: whatever an old snapshot says, they are recounted.
  data.today.waiting = recountWaiting(data);
  data.today.recentServiceMin ??= recentServiceMinutes(data);
  // Records keyed by ids lose their prototype (JSON gives them Object's): an id from
  // outside such as `__proto__` can then only ever be a missing entry.
  data.tickets = record(data.tickets);
  data.sessions = record(data.sessions);
  data.runtime = record(data.runtime);
  data.today.numbers = record(data.today.numbers);
  data.today.recentServiceMin = record(data.today.recentServiceMin);
  data.today.takeKeys = record(data.today.takeKeys);
  data.today.ratingKeys = record(data.today.ratingKeys);
  data.pads = record(data.pads);
  const flow = data.today.flow;
  if (flow) {
    flow.cycles = record(flow.cycles);
    flow.windows = record(flow.windows);
    flow.priorityTaken = record(flow.priorityTaken);
  }
  return data;
}

export interface Seeded {
  data: HallData;
  passwords: { username: string; password: string; role: string }[];
}

/** `password`: the same initial password for every account (DEMO_PASSWORD), else random each. */
export async function seedDemoHall(now: number, password?: string): Promise<Seeded> {
  const timeZone = 'Asia/Shanghai';
  const accounts: { id: string; username: string; name: string; role: User['role'] }[] = [
    { id: 'u-admin', username: 'admin', name: '系统管理员', role: 'admin' },
    { id: 'u-supervisor', username: 'supervisor', name: '中心主任', role: 'supervisor' },
    ...CLERK_NAMES.map((name, i) => ({ id: `u-clerk${i + 1}`, username: `clerk${i + 1}`, name, role: 'clerk' as const })),
  ];
  const passwords: Seeded['passwords'] = [];
  const users: User[] = [];
  for (const [i, a] of accounts.entries()) {
    const pw = password ?? newPassword();
    passwords.push({ username: a.username, password: pw, role: a.role });
    users.push({ ...a, staffNo: `QS${String(i + 1).padStart(3, '0')}`, passwordHash: await hashPassword(pw), disabled: false });
  }
  const n = counters.length;
  const data: HallData = {
    settings: {
      hallName: '青山镇为民服务中心',
      timeZone,
      weekHours: Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' })),
      specialDays: [],
      marketDays: null,
      lastTicketMin: 0,
      priorityCap: 2,
      recallCap: 5,
      announcement: { template: DEFAULT_TEMPLATE, repeat: 2 },
      priorityKinds: ['70岁以上老人', '残疾人', '孕妇', '军人及消防救援人员'],
      printer: { uri: null, paperWidth: 80, checkStatus: true },
      ratings: { ...DEFAULT_RATINGS },
      alerts: { ...DEFAULT_ALERTS },
      limits: { ...DEFAULT_LIMITS },
    },
    services: services.map((s) => ({ ...s, enabled: true, dailyQuota: null, priorityAllowed: true })),
    // AB岗: window i's A post is clerk i, its B post the clerk of the next window.
    counters: counters.map((c, i) => ({ ...c, clerkA: `u-clerk${i + 1}`, clerkB: `u-clerk${((i + 1) % n) + 1}` })),
    users,
    runtime: Object.fromEntries(counters.map((c) => [c.id, { signedIn: null, paused: null, currentTicketId: null, priorityStreak: 0 }])),
    sessions: {},
    today: { day: localDay(now, timeZone), nextSeq: 1, numbers: {}, recentServiceMin: {} },
    tickets: {},
    signIns: [],
    followUps: [],
    comments: [],
    commitments: [],
    audit: [],
  };
  return { data, passwords };
}
