// The hall's rules. `decide(state, command)` checks a command against the state and
// answers with the facts it causes, or refuses it (throws a HallError). It reads the
// state and never writes it, so a refusal cannot leave a trace; `evolve` (facts.ts)
// then applies the facts. It does no I/O and reads no clock: the instant is in the
// command.
import type { Channel, CommentEntry, Counter, CounterRuntime, DayArchive, FollowUp, HallData, Outcome, Role, Ticket } from '../types.ts';
import { decideRating, type RatingCommand } from './ratings.ts';
import { decideSession, type SessionCommand } from './sessions.ts';
import { cancelTickets, type CancelCommand } from './cancel.ts';
import { decideAppeal, type AppealCommand } from './appeals.ts';
import { decideDispatch, type DispatchCommand } from './dispatch.ts';
import { decideCounty, type CountyCommand } from './county.ts';
import { archiveComments } from './commentBook.ts';
import { decideSettings, type SettingsCommand } from './settings.ts';
import { addWorkingDays } from './calendar.ts';
import { noCalls, noTickets } from './hours.ts';
import { REOPEN_MS } from './due.ts';
import { refuse } from './errors.ts';
import { OUTCOME } from './exports.ts';
import { closingDay, evolve, fact, type Fact } from './facts.ts';
import { aheadOf, pickNext } from './queue.ts';
import { localDay } from './time.ts';
import { counterById, counterOrRefuse, currentOrRefuse, currentTicket, iso, serviceById } from './state.ts';

interface At {
  at: number; // epoch ms
}
interface ByClerk extends At {
  counterId: string;
  userId: string;
}

export type Command =
  /** `key`: the kiosk's Idempotency-Key: the same key the same day is the same ticket. */
  /** `ratingKey`: the new ticket's 评价码, drawn at random by the server. */
  | (At & { type: 'take'; id: string; serviceId: string; priority: boolean; channel: Channel; key?: string; ratingKey?: string })
  | (ByClerk & { type: 'next' })
  | (ByClerk & { type: 'recall' })
  | (ByClerk & { type: 'start' })
  | (ByClerk & { type: 'noShow' })
  /** `notify`: whom to tell when a committed case (承诺件) is ready. */
  | (ByClerk & { type: 'complete'; outcome: Outcome; note?: string; notify?: { name: string; phone: string } })
  /** Undo a finish made a moment ago at this window by this clerk. */
  | (ByClerk & { type: 'reopen' })
  | (ByClerk & { type: 'transfer'; serviceId: string })
  | (ByClerk & { type: 'reinstate'; ticketId: string })
  | (ByClerk & { type: 'pause'; reason: string })
  | (ByClerk & { type: 'resume' })
  | (At & { type: 'rollover' })
  | (At & { type: 'archived'; day: string })
  | (At & { type: 'printed'; ticketId: string; ok: boolean; error?: string })
  | SessionCommand
  | RatingCommand
  | SettingsCommand
  | CancelCommand
  | AppealCommand
  | DispatchCommand
  | CountyCommand;

export type CommandType = Command['type'];

/** What a command did, read from its facts and the state right after them. */
export interface Effects {
  facts: Fact[];
  ticket?: Ticket | null;
  /** A ticket was called or recalled: announce it. */
  called?: { ticket: Ticket; counter: Counter };
  /** A day was closed: what it leaves for the archive. */
  archive?: DayArchive;
  role?: Role;
  /** For a ticket just taken: how many the windows would call before it. */
  ahead?: number;
  followUp?: FollowUp;
  comment?: CommentEntry;
}

export const OPEN_STATUSES = new Set(['waiting', 'called', 'serving']);

/** The facts a command causes; throws a HallError, touching nothing, when it is refused. */
export function decide(data: HallData, cmd: Command): Fact[] {
  switch (cmd.type) {
    case 'take': return take(data, cmd);
    case 'next': return next(data, cmd);
    case 'recall': return recall(data, cmd);
    case 'start': return start(data, cmd);
    case 'noShow': return noShow(data, cmd);
    case 'complete': return complete(data, cmd);
    case 'reopen': return reopen(data, cmd);
    case 'transfer': return transfer(data, cmd);
    case 'reinstate': return reinstate(data, cmd);
    case 'pause': return pause(data, cmd);
    case 'resume': return resume(data, cmd);
    case 'signIn': case 'signOut': case 'signInPaused': return decideSession(data, cmd);
    case 'rollover': return rollover(data, cmd);
    case 'archived': return (data.closing ?? []).some((d) => d.day === cmd.day) ? [fact('DayArchived', { day: cmd.day })] : [];
    case 'printed': return printed(data, cmd);
    case 'cancelTickets': return cancelTickets(data, cmd);
    case 'appeal': case 'reviewAppeal': return decideAppeal(data, cmd);
    case 'moveTickets': case 'pauseService': case 'resumeService': return decideDispatch(data, cmd);
    case 'setCountyLink': case 'receiveNotices': case 'answerNotice': return decideCounty(data, cmd);
    case 'rate': case 'callBack': case 'resolve': case 'comment': case 'reply': case 'pairPad': case 'unpairPad': return decideRating(data, cmd);
    default: return decideSettings(data, cmd); // configure, services, counters, users, printer, deliver
  }
}

/**
 * Applies facts in order and says what they did. A closing day is read for the
 * archive just before its `DayClosed` empties the live state.
 */
export function applyFacts(data: HallData, facts: Fact[]): Effects {
  const effects: Effects = { facts };
  let ticketId: string | undefined;
  for (const f of facts) {
    if (f.type === 'DayClosed') effects.archive = closingDay(data);
    evolve(data, f);
    // The ticket a command is about; a day's cancellations (or a supervisor's moves) are about no one in particular.
    if ('ticketId' in f && f.type !== 'TicketCancelled' && f.type !== 'TicketMoved') ticketId = f.ticketId;
    switch (f.type) {
      case 'TicketTaken':
        ticketId = f.ticket.id;
        break;
      case 'TicketCalled':
      case 'TicketRecalled':
        effects.called = { ticket: data.tickets[f.ticketId]!, counter: counterById(data, f.counterId)! };
        break;
      case 'SignedIn':
        effects.role = f.role;
        break;
      case 'FollowUpOpened':
        effects.followUp = data.followUps.find((x) => x.id === f.followUp.id)!;
        break;
      case 'FollowUpCalledBack':
      case 'FollowUpResolved':
      case 'RatingAppealed':
      case 'AppealReviewed':
        effects.followUp = data.followUps.find((x) => x.id === f.followUpId)!;
        break;
      case 'CommentLeft':
        effects.comment = data.comments.find((x) => x.id === f.comment.id)!;
        break;
      case 'CommentReplied':
      case 'CommentRestored':
        effects.comment = data.comments.find((x) => x.id === ('commentId' in f ? f.commentId : f.comment.id))!;
        break;
    }
  }
  if (ticketId !== undefined) effects.ticket = data.tickets[ticketId] ?? null;
  const taken = facts.find((f) => f.type === 'TicketTaken');
  if (taken) effects.ahead = aheadOf(data, data.tickets[taken.ticket.id]!);
  return effects;
}

/** decide, then evolve: the whole of a command. */
export function apply(data: HallData, cmd: Command): Effects {
  const effects = applyFacts(data, decide(data, cmd));
  // Commands that changed nothing still answer with the window's ticket as it is.
  if (effects.facts.length === 0 && cmd.type === 'next') effects.ticket = null;
  if (effects.facts.length === 0 && cmd.type === 'start') effects.ticket = currentTicket(data, cmd.counterId);
  if (effects.facts.length === 0 && cmd.type === 'take') {
    // A retried take (same key): the ticket it took, as it is now.
    const ticket = data.tickets[data.today.takeKeys![cmd.key!]!]!;
    effects.ticket = ticket;
    effects.ahead = aheadOf(data, ticket);
  }
  return effects;
}

/** True when `at` falls on a later local day than the live one. */
export function dayChanged(data: HallData, at: number): boolean {
  return localDay(at, data.settings.timeZone) > data.today.day;
}

// ------------------------------------------------------------------ tickets

function take(data: HallData, cmd: Extract<Command, { type: 'take' }>): Fact[] {
  const earlier = cmd.key === undefined ? undefined : ticketById(data, data.today.takeKeys?.[cmd.key] ?? '');
  if (earlier) {
    if (takenFor(earlier) !== cmd.serviceId) refuse('idempotency_conflict', 409, '这次取号请求与之前的不一致，请重新取号');
    return [];
  }
  const service = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务，请重新选择');
  if (!service.enabled) refuse('service_closed', 409, `${service.name}暂停取号`);
  const paused = data.today.servicePauses?.[service.id];
  if (paused) refuse('service_closed', 409, `${service.name}暂停取号：${paused.reason}`);
  const closed = noTickets(data.settings, cmd.at, service);
  if (closed) refuse('service_closed', 409, closed.message);
  if (cmd.priority && !service.priorityAllowed) refuse('priority_not_allowed', 400, `${service.name}不设优先号`);
  const issued = data.today.numbers[service.prefix] ?? 0;
  if (service.dailyQuota !== null && issued >= service.dailyQuota) {
    refuse('quota_reached', 409, `${service.name}今日号已取完，请明天再来`);
  }
  if (Object.hasOwn(data.tickets, cmd.id)) refuse('duplicate_id', 409, '票号冲突，请重试');

  const ticket: Ticket = {
    id: cmd.id,
    number: service.prefix + String(issued + 1).padStart(3, '0'),
    serviceId: service.id,
    priority: cmd.priority,
    day: data.today.day,
    seq: data.today.nextSeq,
    takenAt: iso(data, cmd.at),
    status: 'waiting',
    callCount: 0,
  };
  return [fact('TicketTaken', { ticket, ...(cmd.key !== undefined && { key: cmd.key }), ...(cmd.ratingKey !== undefined && { ratingKey: cmd.ratingKey }) })];
}

/** The business a ticket was taken for, before any 转办 or 调度 (the earliest of either). */
function takenFor(t: Ticket): string {
  const first = [t.transfers?.[0], t.moves?.[0]].filter((x) => x !== undefined).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  return first?.from ?? t.serviceId;
}

function next(data: HallData, cmd: Extract<Command, { type: 'next' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const rt = runtimeAt(data, counter.id);
  if (rt.paused) refuse('counter_paused', 409, '本窗口已暂停服务，请先恢复服务');
  const open = currentTicket(data, counter.id);
  if (open) refuse('ticket_open', 409, `${open.number} 号还未办结：请先办结、过号或转办`);
  const lunch = noCalls(data.settings, cmd.at);
  if (lunch) refuse('lunch_break', 409, lunch.message);
  const ticket = pickNext(data, counter, rt.priorityStreak);
  if (!ticket) return [];
  return [fact('TicketCalled', { ticketId: ticket.id, counterId: counter.id, clerkId: cmd.userId, at: iso(data, cmd.at) })];
}

function recall(data: HallData, cmd: Extract<Command, { type: 'recall' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  const cap = data.settings.recallCap;
  if (ticket.callCount >= cap) refuse('recall_limit', 409, `${ticket.number} 号已呼叫 ${ticket.callCount} 次，达到上限，可标记过号`);
  return [fact('TicketRecalled', { ticketId: ticket.id, counterId: counter.id, at: iso(data, cmd.at) })];
}

function start(data: HallData, cmd: Extract<Command, { type: 'start' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  // Starting twice is harmless: the reply is the ticket as it is.
  if (ticket.status !== 'called') return [];
  return [fact('VisitStarted', { ticketId: ticket.id, counterId: counter.id, at: iso(data, cmd.at) })];
}

function noShow(data: HallData, cmd: Extract<Command, { type: 'noShow' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  if (ticket.status === 'serving') refuse('ticket_serving', 409, `${ticket.number} 号已在办理，不能标记过号`);
  return [fact('TicketNoShow', { ticketId: ticket.id, counterId: counter.id, at: iso(data, cmd.at) })];
}

function complete(data: HallData, cmd: Extract<Command, { type: 'complete' }>): Fact[] {
  const note = cmd.note?.trim() ?? '';
  if (cmd.outcome === 'refused' && !note) refuse('reason_required', 400, '不予受理必须写明理由');
  const notify = cmd.outcome === 'committed' ? notifyOf(cmd.notify) : undefined;
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = currentOrRefuse(data, counter.id);
  const service = serviceById(data, ticket.serviceId);
  const now = iso(data, cmd.at);
  const dueDate = cmd.outcome === 'committed' ? addWorkingDays(data.settings, data.today.day, service?.committedDays ?? 3) : undefined;
  const finished = fact('VisitFinished', {
    ticketId: ticket.id,
    counterId: counter.id,
    clerkId: cmd.userId,
    at: now,
    startedAt: ticket.startedAt ?? ticket.lastCalledAt ?? now,
    outcome: cmd.outcome,
    ...(note && { note }),
    ...(dueDate && { dueDate }),
  });
  if (!dueDate) return [finished];
  const commitment = { ticketId: ticket.id, number: ticket.number, day: ticket.day, serviceId: ticket.serviceId, counterId: counter.id, clerkId: cmd.userId, dueDate, ...(notify && { notify }) };
  return [finished, fact('CommitmentMade', { commitment })];
}

/** Whom to tell about a committed case: both or neither, the phone as digits. */
function notifyOf(n: { name: string; phone: string } | undefined): { name: string; phone: string } | undefined {
  const name = n?.name.trim() ?? '';
  const phone = n?.phone.replace(/[\s-]/g, '') ?? '';
  if (!name && !phone) return undefined;
  if (!name) refuse('notify_name_required', 400, '请填写承诺件办好后通知谁（姓名）');
  if (!/^\+?\d{7,15}$/.test(phone)) refuse('invalid_phone', 400, '请填写正确的联系电话（7 到 15 位数字）');
  return { name, phone };
}


/**
 * Undo a finish pressed by mistake: the last visit finished at this window, by this
 * clerk, moments ago, not rated, while the window holds no other ticket. The visit is
 * serving again (its pad stops asking for a rating); the undo is audited.
 */
function reopen(data: HallData, cmd: Extract<Command, { type: 'reopen' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const open = currentTicket(data, counter.id);
  if (open) refuse('ticket_open', 409, `${open.number} 号正在本窗口，不能撤销上一位的办结`);
  let last: Ticket | undefined;
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status === 'done' && t.counterId === counter.id && t.finishedAt && (!last || t.finishedAt > last.finishedAt!)) last = t;
  }
  if (!last) refuse('nothing_to_reopen', 409, '本窗口今天还没有办结的号');
  const t = last!;
  if (t.clerkId !== cmd.userId) refuse('not_your_visit', 403, `${t.number} 号不是您办结的，不能撤销`);
  if (cmd.at - Date.parse(t.finishedAt!) > REOPEN_MS) refuse('reopen_expired', 409, `${t.number} 号办结已超过 ${REOPEN_MS / 60_000} 分钟，不能撤销`);
  if (t.rating) refuse('already_rated', 409, `${t.number} 号已经评价，不能撤销办结`);
  const at = iso(data, cmd.at);
  return [
    fact('VisitReopened', { ticketId: t.id, counterId: counter.id, by: cmd.userId, at }),
    fact('Audited', { entry: { at, by: cmd.userId, action: '撤销办结', target: `${t.number} 号`, detail: `${counter.name}，原办结方式：${OUTCOME[t.outcome ?? 'immediate']}` } }),
  ];
}

function transfer(data: HallData, cmd: Extract<Command, { type: 'transfer' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const target = serviceById(data, cmd.serviceId) ?? refuse('unknown_service', 400, '没有这项业务');
  const ticket = currentOrRefuse(data, counter.id);
  if (target.id === ticket.serviceId) refuse('same_service', 400, `${ticket.number} 号已经是${target.name}业务`);
  // 分流交办: same number, same take time and queue place; the first clerk stays on record.
  const transfer = { from: ticket.serviceId, to: target.id, at: iso(data, cmd.at), by: cmd.userId, counterId: counter.id };
  return [fact('TicketTransferred', { ticketId: ticket.id, transfer })];
}

function reinstate(data: HallData, cmd: Extract<Command, { type: 'reinstate' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  const ticket = ticketById(data, cmd.ticketId) ?? refuse('unknown_ticket', 404, '今天没有这个号');
  if (ticket.status !== 'no_show') refuse('not_no_show', 409, `${ticket.number} 号不是过号状态`);
  if (!counter.serviceIds.includes(ticket.serviceId)) refuse('not_your_business', 403, `${ticket.number} 号的业务不在本窗口办理，请到办理该业务的窗口恢复`);
  // A late arrival goes back to its original place: it was called once already.
  return [fact('TicketReinstated', { ticketId: ticket.id, counterId: counter.id, at: iso(data, cmd.at) })];
}

function pause(data: HallData, cmd: Extract<Command, { type: 'pause' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  // The wall would show the called number greyed while the villager walks up.
  const open = currentTicket(data, counter.id);
  if (open) refuse('ticket_open', 409, `${open.number} 号还在本窗口（${open.status === 'called' ? '已叫号' : '办理中'}）：请先办结、过号或转办，再暂停服务`);
  return [fact('CounterPaused', { counterId: counter.id, reason: cmd.reason.trim() || '暂停服务', at: iso(data, cmd.at) })];
}

function resume(data: HallData, cmd: Extract<Command, { type: 'resume' }>): Fact[] {
  const counter = counterOrRefuse(data, cmd.counterId);
  return [fact('CounterResumed', { counterId: counter.id, at: iso(data, cmd.at) })];
}

// ------------------------------------------------------------------ printing

function printed(data: HallData, cmd: Extract<Command, { type: 'printed' }>): Fact[] {
  const ticket = ticketById(data, cmd.ticketId) ?? refuse('unknown_ticket', 404, '今天没有这个号');
  return [fact('TicketPrinted', { ticketId: ticket.id, ok: cmd.ok, at: iso(data, cmd.at), ...(cmd.error && { error: cmd.error }) })];
}

// ------------------------------------------------------------------ the day

/**
 * Close the live day: whatever is still open becomes `cancelled`, the day's records
 * go to the archive, numbering restarts at 001. Nothing unless `at` is a later day.
 */
function rollover(data: HallData, cmd: Extract<Command, { type: 'rollover' }>): Fact[] {
  const nextDay = localDay(cmd.at, data.settings.timeZone);
  if (nextDay <= data.today.day) return [];
  const at = iso(data, cmd.at);
  const facts: Fact[] = [];
  for (const t of Object.values(data.tickets)) {
    if (OPEN_STATUSES.has(t.status)) facts.push(fact('TicketCancelled', { ticketId: t.id, reason: 'day_end', at }));
  }
  facts.push(fact('DayClosed', { day: data.today.day, nextDay, at, atMs: cmd.at }));
  return [...facts, ...archiveComments(data, data.today.day)];
}

// ------------------------------------------------------------------ lookups that never write

const IDLE_RUNTIME: CounterRuntime = Object.freeze({ signedIn: null, paused: null, currentTicketId: null, priorityStreak: 0 });

/** A window's runtime as the rules read it: a window never used yet reads as idle. */
function runtimeAt(data: HallData, counterId: string): CounterRuntime {
  return Object.hasOwn(data.runtime, counterId) ? data.runtime[counterId]! : IDLE_RUNTIME;
}

function ticketById(data: HallData, id: string): Ticket | undefined {
  return Object.hasOwn(data.tickets, id) ? data.tickets[id] : undefined;
}
