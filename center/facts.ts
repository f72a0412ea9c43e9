// What the county checks of each shipped fact before folding it: the one place. `evolve`
// trusts its facts (the hall's rules wrote them), and a fact of a shape it does not
// expect either throws half way (the batch is refused, the mirror reloaded) or, worse,
// goes through quietly: an unknown type is skipped, a missing `at` becomes NaN minutes,
// a ticket id `__proto__` reaches a record. So every fact must be of a type and version
// the county folds, with the ids and objects `evolve` reads; what it only copies stays
// the hall's business. A new fact type at the hall fails the type check below until the
// county learns it.
import { z } from 'zod';
import { HallError } from '../shared/core/errors.ts';
import type { FactType } from '../shared/core/facts.ts';
import type { ShipLine } from '../shared/county/wire.ts';

/** Names that mean something to a plain object: never an id. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !RESERVED.has(s), '不能用作编号');
const text = z.string().max(10_000);
const at = z.string().min(10).max(40);
const day = z.iso.date();
const obj = z.looseObject({});

const f = <S extends z.core.$ZodLooseShape>(shape: S) => z.looseObject({ v: z.literal(1), ...shape });
const visit = { ticketId: id, counterId: id, at };

const schemas: { [T in FactType]: z.ZodType } = {
  TicketTaken: f({
    ticket: z.looseObject({ id, number: z.string().regex(/^\D{0,8}\d{1,6}$/), serviceId: id, priority: z.boolean(), seq: z.number().int().min(0), takenAt: at, status: z.literal('waiting') }),
    key: z.optional(id),
    ratingKey: z.optional(z.string().max(200)),
  }),
  TicketCalled: f({ ...visit, clerkId: id }),
  TicketRecalled: f(visit),
  VisitStarted: f(visit),
  TicketNoShow: f(visit),
  VisitFinished: f({ ...visit, clerkId: id, startedAt: at, outcome: z.string().max(40), note: z.optional(text), dueDate: z.optional(day) }),
  CommitmentMade: f({ commitment: z.looseObject({ ticketId: id }) }),
  VisitReopened: f({ ...visit, by: id }),
  TicketTransferred: f({ ticketId: id, transfer: z.looseObject({ from: id, to: id, counterId: id, at }) }),
  TicketMoved: f({ ticketId: id, move: z.looseObject({ to: id, counterId: z.optional(id) }) }),
  ServicePaused: f({ serviceId: id, pause: obj }),
  ServiceResumed: f({ serviceId: id, at, by: id }),
  TicketReinstated: f(visit),
  TicketCancelled: f({ ticketId: id, reason: z.enum(['day_end', 'staff']), at, by: z.optional(id), note: z.optional(text) }),
  TicketPrinted: f({ ticketId: id, ok: z.boolean(), at, error: z.optional(text) }),
  CounterPaused: f({ counterId: id, reason: text, at }),
  CounterResumed: f({ counterId: id, at }),
  SignedIn: f({ tokenHash: id, userId: id, role: z.string().max(40), counterId: z.nullable(id), at, expiresAtMs: z.number() }),
  SignedOut: f({ tokenHash: id, at }),
  DayClosed: f({ day, nextDay: day, at, atMs: z.number() }),
  DayArchived: f({ day }),
  RatingGiven: f({ ticketId: id, rating: z.looseObject({ level: z.number().int().min(1).max(5) }) }),
  FollowUpOpened: f({ followUp: z.looseObject({ id, callBacks: z.array(z.unknown()) }) }),
  FollowUpCalledBack: f({ followUpId: id, callBack: obj }),
  FollowUpResolved: f({ followUpId: id, resolution: z.looseObject({ at, by: id }), closed: z.boolean() }),
  RatingAppealed: f({ followUpId: id, appeal: obj }),
  AppealReviewed: f({ followUpId: id, review: obj }),
  CommentLeft: f({ comment: z.looseObject({ id }) }),
  CommentReplied: f({ commentId: id, reply: obj }),
  CommentsArchived: f({ day, commentIds: z.array(id) }),
  CommentRestored: f({ comment: z.looseObject({ id }) }),
  SettingsChanged: f({ settings: z.looseObject({ hallName: z.string(), timeZone: z.string() }) }),
  PrinterChanged: f({ printer: obj }),
  ServiceSaved: f({ service: z.looseObject({ id, name: z.string() }) }),
  ServiceRemoved: f({ serviceId: id }),
  ServicesOrdered: f({ serviceIds: z.array(id) }),
  CounterSaved: f({ counter: z.looseObject({ id, name: z.string() }) }),
  CounterRemoved: f({ counterId: id }),
  UserSaved: f({ user: z.looseObject({ id }), signOut: z.boolean() }),
  CommitmentDelivered: f({ ticketId: id, at, by: id, note: z.optional(text) }),
  Audited: f({ entry: obj }),
  PadPaired: f({ pairing: z.looseObject({ counterId: id }) }),
  PadUnpaired: f({ counterId: id, at }),
  // The hall's link holds its own key: the hall never ships it (server/county/sanitize.ts), the county never stores it.
  CountyLinkChanged: z.never({ error: '含大厅密钥，不应发送到县中心' }),
  NoticeReceived: f({ notice: z.looseObject({ id, text, sentAt: at, receivedAt: at }) }),
  NoticeAnswered: f({ noticeId: id, answer: text, by: id, at }),
};

const byType = new Map<string, z.ZodType>(Object.entries(schemas));

/** Throws 422 `unfoldable` at the first fact the county cannot fold; nothing is stored then. */
export function checkFacts(lines: readonly { s: number; f: unknown[] }[]): ShipLine[] {
  for (const line of lines) {
    for (let i = 0; i < line.f.length; i++) {
      const fact = line.f[i] as { type?: unknown } | null;
      if (typeof fact !== 'object' || fact === null || typeof fact.type !== 'string') throw unfoldable(line.s, '记录必须是带 type 的对象');
      const schema = byType.get(fact.type);
      if (!schema) throw unfoldable(line.s, `未知的记录类型 ${fact.type.slice(0, 40)}`);
      const r = schema.safeParse(fact);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw unfoldable(line.s, issue.path.length ? `${fact.type} 的 ${issue.path.join('.')}：${issue.message}` : `${fact.type}：${issue.message}`);
      }
    }
  }
  return lines as ShipLine[];
}

/** Deeper than anything a hall writes (a batch's facts nest about ten levels). */
export const MAX_DEPTH = 32;

/**
 * Before anything else reads the body: no deeper than MAX_DEPTH (storing it, JSON and
 * PostgreSQL's jsonb would recurse past their stacks: a 500, not a refusal) and no key
 * named like an object's own (`__proto__` would vanish into a prototype as it is read).
 * Iterative, so a hostile depth cannot exhaust the stack here either.
 */
export function checkShape(body: unknown): void {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (depth >= MAX_DEPTH) throw new HallError('too_deep', 400, `请求内容嵌套超过 ${MAX_DEPTH} 层`);
    if (Array.isArray(x)) {
      for (const v of x) if (typeof v === 'object' && v !== null) stack.push([v, depth + 1]);
      continue;
    }
    for (const k of Object.keys(x)) {
      if (RESERVED.has(k)) throw new HallError('invalid_request', 400, `请求内容有误：不能使用字段名 ${k}`);
      const v = (x as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) stack.push([v, depth + 1]);
    }
  }
}

const unfoldable = (s: number, why: string) => new HallError('unfoldable', 422, `第 ${s} 条记录县中心无法读取，整批没有保存：${why}`);
