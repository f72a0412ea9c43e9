// The hall's rules. `apply(data, command)` checks a command against the state and,
// when it is allowed, updates `data` in place and says what happened. It does no I/O
// and reads no clock: the instant is in the command, so replaying the journal onto a
// snapshot reproduces the state exactly. Every check happens before the first write,
// so a refused command leaves `data` untouched.
import type { Channel, CommentEntry, Counter, DayArchive, FollowUp, HallData, Outcome, Role, Ticket } from '../types.ts';
import { applyRating, type RatingCommand } from './ratings.ts';
import { applySettings, type SettingsCommand } from './settings.ts';
import { addWorkingDays, isOpenAt } from './calendar.ts';
import { refuse } from './errors.ts';
import { aheadOf, pickNext } from './queue.ts';
import { localDay } from './time.ts';
import { counterById, counterOrRefuse, currentOrRefuse, currentTicket, iso, RECENT_VISITS, runtimeOf, serviceById } from './state.ts';

interface At {
  at: number; // epoch ms
}
interface ByClerk extends At {
  counterId: string;
  userId: string;
}

export type Command =
  | (At & { type: 'take'; id: string; serviceId: string; priority: boolean; channel: Channel })
  | (ByClerk & { type: 'next' })
  | (ByClerk & { type: 'recall' })
  | (ByClerk & { type: 'start' })
  | (ByClerk & { type: 'noShow' })
  | (ByClerk & { type: 'complete'; outcome: Outcome; note?: string })
  | (ByClerk & { type: 'transfer'; serviceId: string })
  | (ByClerk & { type: 'reinstate'; ticketId: string })
  | (ByClerk & { type: 'pause'; reason: string })
  | (ByClerk & { type: 'resume' })
  | (At & { type: 'signIn'; userId: string; counterId: string | null; tokenHash: string; expiresAtMs: number })
  | (At & { type: 'signOut'; tokenHash: string })
  | (At & { type: 'rollover' })
  | (At & { type: 'printed'; ticketId: string; ok: boolean; error?: string })
  | RatingCommand
  | SettingsCommand;

export type CommandType = Command['type'];

export interface Effects {
  ticket?: Ticket | null;
  /** A ticket was called or recalled: announce it. */
  called?: { ticket: Ticket; counter: Counter };
  /** A day was closed: archive it. */
  archive?: DayArchive;
  role?: Role;
  /** For a ticket just taken: how many the windows would call before it. */
  ahead?: number;
  followUp?: FollowUp;
  comment?: CommentEntry;
}

export const OPEN_STATUSES = new Set(['waiting', 'called', 'serving']);

export function apply(data: HallData, cmd: Command): Effects {
  switch (cmd.type) {
    case 'take': return take(data, cmd);
    case 'next': return next(data, cmd);
    case 'recall': return recall(data, cmd);
    case 'start': return start(data, cmd);
    case 'noShow': return noShow(data, cmd);
    case 'complete': return complete(data, cmd);
    case 'transfer': return transfer(data, cmd);
    case 'reinstate': return reinstate(data, cmd);
    case 'pause': return pause(data, cmd);
    case 'resume': return resume(data, cmd);
    case 'signIn': return signIn(data, cmd);
    case 'signOut': return signOut(data, cmd);
    case 'rollover': return rollover(data, cmd);
    case 'printed': return printed(data, cmd);
    case 'rate': case 'callBack': case 'resolve': case 'comment': case 'reply': return applyRating(data, cmd);
    default: return applySettings(data, cmd); // configure, services, counters, users, printer, deliver
  }
}

export function dayNames(data: HallData): DayArchive['names'] & object {
  const map = <T extends { id: string; name: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.id, x.name]));
  return { services: map(data.services), counters: map(data.counters), clerks: map(data.users) };
}

/** True when `at` falls on a later local day than the live one. */
export function dayChanged(data: HallData, at: number): boolean {
  return localDay(at, data.settings.timeZone) > data.today.day;
}

export { counterById, currentTicket, iso, runtimeOf, serviceById };

// ------------------------------------------------------------------ tickets

function take(data: HallData, cmd: Extract<Command, { type: 'take' }>): Effects {
  const service = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务，请重新选择');
  if (!service.enabled) refuse('service_closed', 409, `${service.name}暂停取号`);
  if (!isOpenAt(data.settings, cmd.at)) refuse('service_closed', 409, '现在不是办公时间，请在办公时间内取号');
  if (cmd.priority && !service.priorityAllowed) refuse('priority_not_allowed', 400, `${service.name}不设优先号`);
  const issued = data.today.numbers[service.prefix] ?? 0;
  if (service.dailyQuota !== null && issued >= service.dailyQuota) {
    refuse('quota_reached', 409, `${service.name}今日号已取完，请明天再来`);
  }
  if (data.tickets[cmd.id]) refuse('duplicate_id', 409, '票号冲突，请重试');

  const n = issued + 1;
  data.today.numbers[service.prefix] = n;
  const ticket: Ticket = {
    id: cmd.id,
    number: service.prefix + String(n).padStart(3, '0'),
    serviceId: service.id,
    priority: cmd.priority,
    day: data.today.day,
    seq: data.today.nextSeq++,
    takenAt: iso(data, cmd.at),
    status: 'waiting',
    callCount: 0,
  };
  data.tickets[ticket.id] = ticket;
  return { ticket, ahead: aheadOf(data, ticket) };
}

function next(data: HallData, cmd: Extract<Command, { type: 'next' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  const rt = runtimeOf(data, counter.id);
  if (rt.paused) refuse('counter_paused', 409, '本窗口已暂停服务，请先恢复服务');
  const open = currentTicket(data, counter.id);
  if (open) refuse('ticket_open', 409, `${open.number} 号还未办结：请先办结、过号或转办`);
  const ticket = pickNext(data, counter, rt.priorityStreak);
  if (!ticket) return { ticket: null };

  const now = iso(data, cmd.at);
  ticket.status = 'called';
  ticket.callCount = 1;
  ticket.calledAt ??= now;
  ticket.lastCalledAt = now;
  ticket.counterId = counter.id;
  ticket.clerkId = cmd.userId;
  ticket.firstClerkId ??= cmd.userId;
  rt.currentTicketId = ticket.id;
  rt.priorityStreak = ticket.priority ? rt.priorityStreak + 1 : 0;
  return { ticket, called: { ticket, counter } };
}

function recall(data: HallData, cmd: Extract<Command, { type: 'recall' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  const cap = data.settings.recallCap;
  if (ticket.callCount >= cap) refuse('recall_limit', 409, `${ticket.number} 号已呼叫 ${ticket.callCount} 次，达到上限，可标记过号`);
  ticket.callCount++;
  ticket.lastCalledAt = iso(data, cmd.at);
  return { ticket, called: { ticket, counter } };
}

function start(data: HallData, cmd: Extract<Command, { type: 'start' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  if (ticket.status === 'called') {
    ticket.status = 'serving';
    ticket.startedAt = iso(data, cmd.at);
  }
  return { ticket };
}

function noShow(data: HallData, cmd: Extract<Command, { type: 'noShow' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  if (ticket.status === 'serving') refuse('ticket_serving', 409, `${ticket.number} 号已在办理，不能标记过号`);
  ticket.status = 'no_show';
  ticket.noShowAt = iso(data, cmd.at);
  runtimeOf(data, counter.id).currentTicketId = null;
  return { ticket };
}

function complete(data: HallData, cmd: Extract<Command, { type: 'complete' }>): Effects {
  const note = cmd.note?.trim() ?? '';
  if (cmd.outcome === 'refused' && !note) refuse('reason_required', 400, '不予受理必须写明理由');
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  const service = serviceById(data, ticket.serviceId);
  const now = iso(data, cmd.at);
  ticket.status = 'done';
  ticket.startedAt ??= ticket.lastCalledAt ?? now;
  ticket.finishedAt = now;
  const recent = (data.today.recentServiceMin[ticket.serviceId] ??= []);
  recent.push((cmd.at - Date.parse(ticket.startedAt)) / 60_000);
  if (recent.length > RECENT_VISITS) recent.shift();
  ticket.outcome = cmd.outcome;
  if (note) ticket.note = note;
  if (cmd.outcome === 'committed') {
    ticket.dueDate = addWorkingDays(data.settings, data.today.day, service?.committedDays ?? 3);
    data.commitments.push({ ticketId: ticket.id, number: ticket.number, day: ticket.day, serviceId: ticket.serviceId, counterId: counter.id, clerkId: cmd.userId, dueDate: ticket.dueDate });
  }
  runtimeOf(data, counter.id).currentTicketId = null;
  return { ticket };
}

function transfer(data: HallData, cmd: Extract<Command, { type: 'transfer' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  const target = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务');
  const ticket = currentOrRefuse(data, counter.id);
  if (target.id === ticket.serviceId) refuse('same_service', 400, `${ticket.number} 号已经是${target.name}业务`);
  // 分流交办: same number, same take time and queue place; the first clerk stays on record.
  (ticket.transfers ??= []).push({ from: ticket.serviceId, to: target.id, at: iso(data, cmd.at), by: cmd.userId, counterId: counter.id });
  ticket.serviceId = target.id;
  delete ticket.startedAt;
  backToQueue(data, ticket);
  runtimeOf(data, counter.id).currentTicketId = null;
  return { ticket };
}

/** Waiting again at its original place (seq): a new call cycle, no window yet. */
function backToQueue(data: HallData, ticket: Ticket): void {
  ticket.status = 'waiting';
  ticket.callCount = 0;
  delete ticket.counterId;
  delete ticket.clerkId;
}

function reinstate(data: HallData, cmd: Extract<Command, { type: 'reinstate' }>): Effects {
  counterOrRefuse(data, cmd.counterId);
  const ticket = data.tickets[cmd.ticketId] ?? refuse('unknown_ticket', 404, '今天没有这个号');
  if (ticket.status !== 'no_show') refuse('not_no_show', 409, `${ticket.number} 号不是过号状态`);
  // A late arrival goes back to its original place: it was called once already.
  delete ticket.noShowAt;
  backToQueue(data, ticket);
  return { ticket };
}

function pause(data: HallData, cmd: Extract<Command, { type: 'pause' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  runtimeOf(data, counter.id).paused = { reason: cmd.reason.trim() || '暂停服务', at: iso(data, cmd.at) };
  return {};
}

function resume(data: HallData, cmd: Extract<Command, { type: 'resume' }>): Effects {
  const counter = counterOrRefuse(data, cmd.counterId);
  runtimeOf(data, counter.id).paused = null;
  return {};
}

// ------------------------------------------------------------------ printing

function printed(data: HallData, cmd: Extract<Command, { type: 'printed' }>): Effects {
  const ticket = data.tickets[cmd.ticketId] ?? refuse('unknown_ticket', 404, '今天没有这个号');
  const copies = (ticket.print?.copies ?? 0) + (cmd.ok ? 1 : 0);
  ticket.print = { ok: cmd.ok, at: iso(data, cmd.at), copies, ...(cmd.error && { error: cmd.error }) };
  if (cmd.ok) data.today.printed = (data.today.printed ?? 0) + 1;
  return { ticket };
}

// ------------------------------------------------------------------ sessions

function signIn(data: HallData, cmd: Extract<Command, { type: 'signIn' }>): Effects {
  const user = data.users.find((u) => u.id === cmd.userId) ?? refuse('bad_credentials', 401, '用户名或密码不正确');
  if (user.disabled) refuse('bad_credentials', 401, '该账号已停用，请联系管理员');
  let counterId: string | null = null;
  if (user.role === 'clerk') {
    if (cmd.counterId === null) refuse('counter_required', 400, '请选择您所在的窗口');
    const counter = counterOrRefuse(data, cmd.counterId!);
    // AB岗: a clerk may sit at their own window or one where they are the B post.
    if (counter.clerkA !== user.id && counter.clerkB !== user.id) {
      refuse('not_your_counter', 403, `您不是${counter.name}的 A 岗或 B 岗，不能在此窗口签到`);
    }
    counterId = counter.id;
    runtimeOf(data, counter.id).signedIn = { userId: user.id, at: iso(data, cmd.at) };
  }
  data.sessions[cmd.tokenHash] = { userId: user.id, role: user.role, counterId, at: iso(data, cmd.at), expiresAtMs: cmd.expiresAtMs };
  data.signIns.push({ userId: user.id, counterId, at: iso(data, cmd.at) });
  return { role: user.role };
}

function signOut(data: HallData, cmd: Extract<Command, { type: 'signOut' }>): Effects {
  const session = data.sessions[cmd.tokenHash] ?? refuse('unauthorized', 401, '登录已失效，请重新登录');
  delete data.sessions[cmd.tokenHash];
  if (session.counterId) {
    const rt = runtimeOf(data, session.counterId);
    if (rt.signedIn?.userId === session.userId) rt.signedIn = null;
  }
  return {};
}

// ------------------------------------------------------------------ the day

/**
 * Close the live day: whatever is still open becomes `cancelled`, the day's records
 * go to the archive, numbering restarts at 001. A no-op unless `at` is a later day.
 */
function rollover(data: HallData, cmd: Extract<Command, { type: 'rollover' }>): Effects {
  const newDay = localDay(cmd.at, data.settings.timeZone);
  if (newDay <= data.today.day) return {};
  const now = iso(data, cmd.at);
  const tickets = Object.values(data.tickets);
  for (const t of tickets) {
    if (OPEN_STATUSES.has(t.status)) {
      t.status = 'cancelled';
      t.cancelReason = 'day_end';
      t.finishedAt = now;
    }
  }
  const archive: DayArchive = { day: data.today.day, tickets, signIns: data.signIns, names: dayNames(data) };
  data.tickets = {};
  data.signIns = [];
  data.today = { day: newDay, nextSeq: 1, numbers: {}, recentServiceMin: {} };
  for (const [hash, s] of Object.entries(data.sessions)) if (s.expiresAtMs <= cmd.at) delete data.sessions[hash];
  for (const [counterId, rt] of Object.entries(data.runtime)) {
    rt.currentTicketId = null;
    rt.priorityStreak = 0;
    const live = rt.signedIn && Object.values(data.sessions).some((s) => s.counterId === counterId && s.userId === rt.signedIn!.userId);
    if (!live) rt.signedIn = null;
  }
  return { archive };
}
