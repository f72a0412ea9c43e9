// The request shapes of the wire, as zod schemas: the server validates with them, the
// route table (routes.ts) hangs them on its routes and /api/openapi.json is made from
// them, and their types are what the pages' client accepts. Unknown extra fields are
// dropped, never an error. Pages import these as types only (zod stays off the pages).
import { z } from 'zod';
import { isDay } from './core/time.ts';
import { CURSOR as COMMENT_CURSOR } from './core/commentBook.ts';
import { GUIDE_SCREENS } from './guide.ts';

const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().max(max);
const trimmed = (max: number) => z.string().trim().max(max);
const day = z.string().refine(isDay, '日期格式应为 YYYY-MM-DD').meta({ format: 'date' });

export const empty = z.object({});

/** `auth` sent with the Socket.IO handshake. */
export const socketAuth = z.discriminatedUnion('role', [
  z.object({ role: z.literal('display') }),
  z.object({ role: z.literal('ticket'), ticketId: z.string().min(1).max(64) }),
  // A window's rating pad, with the token it got when it was paired (POST /api/pads).
  z.object({ role: z.literal('pad'), token: z.string().min(1).max(256) }),
  z.object({ role: z.literal('staff'), token: z.string().min(1).max(256) }),
]);
export const watchedTicketId = z.string().min(1).max(64);

// ------------------------------------------------------------------ bodies

export const takeTicket = z.object({ serviceId: id, priority: z.boolean().optional(), print: z.boolean().optional() });
export const printer = z.object({
  uri: z.string().trim().max(200).nullable(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  checkStatus: z.boolean().optional(),
});
export const signIn = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256), counterId: id.optional() });
const phone = z.string().trim().max(20).regex(/^[0-9+\- ]*$/, '电话号码只能包含数字');
export const complete = z.object({
  outcome: z.enum(['immediate', 'committed', 'forwarded', 'refused']).optional(),
  note: text(500).optional(),
  /** 承诺件: whom to tell when it is ready (read only with outcome committed). */
  notify: z.object({ name: trimmed(40), phone }).optional(),
});
export const transfer = z.object({ serviceId: id });
export const pause = z.object({ reason: text(100).optional() });
export const reinstate = z.object({ ticketId: id });
export const rate = z.object({
  ticketId: id,
  // Any string: a malformed key is a wrong one (403), not a bad request.
  key: z.string().max(64).optional(),
  level: z.number().int().min(1).max(5),
  reasons: z.array(z.string().max(100)).max(10).optional(),
  comment: text(500).optional(),
  phone: phone.optional(),
  channel: z.enum(['kiosk', 'phone', 'pad', 'api']).optional(),
});
export const appeal = z.object({ reason: text(500) });
export const reviewAppeal = z.object({ verdict: z.enum(['upheld', 'voided']), reason: text(500) });
export const callBack = z.object({ reached: z.boolean(), note: text(500) });
export const resolve = z.object({ kind: z.enum(['fix', 'explain']), note: text(1000), close: z.boolean().optional() });
export const comment = z.object({ kind: z.enum(['comment', 'complaint']).optional(), text: z.string().max(1000), contact: text(60).optional() });
export const reply = z.object({ text: z.string().max(1000) });
export const deliver = z.object({ note: z.string().max(500).optional() });
/** 作废号票: ids of today's tickets (unknown ones, `__proto__` included, are refused as unknown). */
const ticketIds = z.array(z.string().min(1).max(64)).min(1).max(1000);
export const cancelTickets = z.object({ ticketIds, reason: z.string().max(200) });
/** 队列调度 · 移号: to another business, to one window's own queue, or both. */
export const moveTickets = z.object({ ticketIds, serviceId: id.optional(), counterId: id.optional(), reason: z.string().max(200) });
/** 队列调度 · 暂停取号: the reason is shown on the kiosk ("暂停取号：…"). */
export const pauseService = z.object({ serviceId: id, reason: z.string().max(40) });
export const resumeService = z.object({ serviceId: id });

const hours = z.object({ open: z.string(), close: z.string(), lunch: z.object({ from: z.string(), to: z.string() }).nullable().optional() });
export const hall = z.object({
  hallName: trimmed(60).min(1),
  timeZone: trimmed(60).min(1),
  weekHours: z.array(hours.nullable()).length(7),
  specialDays: z.array(z.object({ date: z.string(), name: trimmed(30), kind: z.enum(['market', 'holiday', 'workday']), hours: hours.nullable() })).max(400),
  priorityCap: z.number().int().min(0).max(20),
  recallCap: z.number().int().min(1).max(20),
  announcement: z.object({ template: trimmed(60).min(1), repeat: z.number().int().min(1).max(5) }),
  priorityKinds: z.array(trimmed(30).min(1)).max(20),
  ratings: z.object({ reasons: z.array(trimmed(40)).min(1).max(20), followUpDays: z.number().int().min(1).max(60), padIdleSec: z.number().int().min(10).max(600) }),
  alerts: z.object({ waiting: z.number().int().min(1).max(10_000), estimatedWaitMin: z.number().int().min(1).max(1440), longestWaitMin: z.number().int().min(1).max(1440) }),
  /** 逢场天 by pattern; left out (a client older than the setting): kept as it is. */
  marketDays: z.object({ calendar: z.enum(['solar', 'lunar']), digits: z.array(z.number().int().min(0).max(9)).max(10), hours: hours.nullable() }).nullable().optional(),
  /** Minutes before closing when tickets stop; left out: kept as it is. */
  lastTicketMin: z.number().int().min(0).max(240).optional(),
  /** Per address; 100,000 is in effect no limit (the bench). Left out (a client older than the setting): kept as it is. */
  limits: z.object({ takesPerMinute: z.number().int().min(1).max(100_000), commentsPerHour: z.number().int().min(1).max(100_000) }).optional(),
});
export const service = z.object({
  name: trimmed(30).min(1),
  // I and O read as 1 and 0 on a ticket and on the wall ("I01" is 101 to a villager).
  prefix: z.string().regex(/^[A-Z]$/, '前缀应为一个大写字母').refine((p) => p !== 'I' && p !== 'O', '号码前缀不能用 I 或 O：在号票和叫号屏上容易看成 1 和 0'),
  materials: z.array(trimmed(100).min(1)).max(30),
  committedDays: z.number().int().min(1).max(60),
  priorityAllowed: z.boolean(),
  dailyQuota: z.number().int().min(1).max(100_000).nullable(),
  enabled: z.boolean(),
  avgServiceMin: z.number().min(0.5).max(240),
  schedule: z.object({ weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7), open: z.string(), close: z.string() }).nullable().optional(),
});
export const counter = z.object({
  name: trimmed(30).min(1),
  serviceIds: z.array(z.string().min(1).max(64)).max(50),
  clerkA: z.string().min(1).max(64).nullable(),
  clerkB: z.string().min(1).max(64).nullable(),
});
export const user = z.object({
  username: z.string().trim().min(2).max(32),
  name: trimmed(30).min(1),
  staffNo: trimmed(20),
  role: z.enum(['admin', 'supervisor', 'clerk']),
  disabled: z.boolean(),
  password: z.string().min(8, '密码至少 8 位').max(128).optional(),
});

// ------------------------------------------------------------------ queries

export const range = z.object({ from: day.optional(), to: day.optional() });
/** The hall's calendar from a day (default today), up to two months. */
export const calendarQuery = z.object({ from: day.optional(), days: z.coerce.number().int().min(1).max(62).optional() });
export const followUpQuery = z.object({ status: z.enum(['open', 'closed', 'all']).optional() });
/** 意见簿 pages: `before` is the `next` of the page before (opaque to pages). */
export const commentQuery = z.object({
  before: z.string().max(120).regex(COMMENT_CURSOR, '翻页位置无效，请从第一页重新查看').optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  status: z.enum(['all', 'unanswered']).optional(),
});
export const commitmentQuery = z.object({ status: z.enum(['open', 'overdue', 'all']).optional() });
export const appraisalQuery = z.object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4').optional() });
export const exportQuery = z.object({ kind: z.enum(['summary', 'tickets', 'appraisal', 'followups']) });
export const guide = z.object({ screen: z.enum(GUIDE_SCREENS), service: z.string().min(1).max(64).optional(), ticket: z.string().min(1).max(64).optional() });
export const announce = z.object({ number: z.string().regex(/^[A-Z][0-9]{3,6}$/, '号码格式应为字母加数字，如 A012'), counterId: z.string().min(1).max(64) });

// ------------------------------------------------------------------ path parameters

const param = z.string();
/**
 * Names every plain JavaScript object answers to (`__proto__`, `constructor`,
 * `toString`…). As ids of records they would reach Object.prototype, so the hall never
 * creates a record under one.
 */
export const OBJECT_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Ids the settings create: they end up in URLs, so letters, digits, _ and - only. */
export const settingsId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '编号只能用字母、数字、_ 和 -')
  .refine((v) => !OBJECT_NAMES.has(v), '这个编号是系统保留字，请换一个');
export const byId = z.object({ id: param });
export const settingsIdParam = z.object({ id: settingsId });
/** 业务的顺序 (the kiosk lists them so): every business's id, each once, in the new order. */
export const orderServices = z.object({ serviceIds: z.array(id).min(1).max(200) });
export const byCounter = z.object({ counterId: param });
export const byTicket = z.object({ ticketId: param });
export const byNumber = z.object({ number: param });
export const pairPad = z.object({ counterId: id });
/** The QR of a ticket: `k` is the 评价码 to put in its link (the kiosk has it from the take). */
export const qrQuery = z.object({ k: z.string().regex(/^\d{6}$/).optional() });

// ------------------------------------------------------------------ 县中心

/** 县中心 link in 设置: url null removes it; a key left out keeps the one saved (it is never shown). */
export const countyLink = z.object({
  url: z
    .string()
    .trim()
    .max(200)
    // shared/ has no URL class (no DOM, no Node): scheme, host[:port], an optional path.
    .regex(/^https?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s]*)?$/, '县中心地址应以 http:// 或 https:// 开头，例如 http://10.1.2.3:3100')
    .nullable(),
  hallId: z.string().trim().min(1, '请填写县中心分配的大厅编号').max(64).optional(),
  key: z.string().trim().min(1, '请填写县中心给的密钥').max(256).optional(),
});
export const answerNotice = z.object({ text: z.string().trim().min(1, '回复内容不能为空').max(500, '回复最多 500 字') });
