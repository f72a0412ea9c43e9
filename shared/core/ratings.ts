// 好差评 (GB/T 39734/39735-2020): five levels, the worst two are bad and need a reason,
// one rating per served ticket whatever the channel, and every bad rating opens a
// follow-up to call back and close within the hall's working-day limit.
import type { Channel, CommentEntry, FollowUp, HallData, RatingLevel } from '../types.ts';
import { fact, type Fact } from './facts.ts';
import { addWorkingDays } from './calendar.ts';
import { refuse } from './errors.ts';
import { iso } from './state.ts';
import { commentToReply } from './commentBook.ts';

interface At {
  at: number;
}

export type RatingCommand =
  /**
   * `key`: the ticket's 评价码 as the rater gave it; `pad`: the window whose paired pad
   * sends the rating. One of them must prove the rater holds the visit. `recorded`: a
   * rating replayed from a journal of before rating keys, accepted then without one.
   */
  | (At & { type: 'rate'; ticketId: string; key?: string; pad?: string; recorded?: true; level: number; reasons: string[]; comment?: string; phone?: string; channel: Channel; followUpId: string })
  | (At & { type: 'pairPad'; counterId: string; tokenHash: string; userId: string })
  | (At & { type: 'unpairPad'; counterId: string; userId: string })
  | (At & { type: 'callBack'; followUpId: string; userId: string; reached: boolean; note: string })
  | (At & { type: 'resolve'; followUpId: string; userId: string; kind: 'fix' | 'explain'; note: string; close: boolean })
  | (At & { type: 'comment'; id: string; kind: 'comment' | 'complaint'; text: string; contact?: string })
  /** `archived`: the comment as the archive holds it, when it is no longer live. */
  | (At & { type: 'reply'; commentId: string; userId: string; text: string; archived?: CommentEntry });

export const LEVELS: Record<RatingLevel, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
export const isBad = (level: number) => level <= 2;

export function decideRating(data: HallData, cmd: RatingCommand): Fact[] {
  switch (cmd.type) {
    case 'rate': return rate(data, cmd);
    case 'callBack': return callBack(data, cmd);
    case 'resolve': return resolve(data, cmd);
    case 'comment': return comment(data, cmd);
    case 'reply': return reply(data, cmd);
    case 'pairPad': return pairPad(data, cmd);
    case 'unpairPad': return unpairPad(data, cmd);
  }
}

/** How long after a visit its window's pad may still rate it. */
export const PAD_RATING_MS = 30 * 60_000;

/**
 * Whether the rater holds the visit: the ticket's 评价码, or being the paired pad of the
 * window that served it, within PAD_RATING_MS of the finish. Asked before anything else
 * about the ticket, and answered the same for a ticket that does not exist, so neither
 * ids nor statuses can be probed.
 */
function holdsVisit(data: HallData, cmd: Extract<RatingCommand, { type: 'rate' }>): boolean {
  if (cmd.recorded) return true;
  if (cmd.key !== undefined) {
    const keys = data.today.ratingKeys;
    return keys !== undefined && Object.hasOwn(keys, cmd.ticketId) && keys[cmd.ticketId] === cmd.key;
  }
  if (cmd.pad === undefined) return false;
  const t = Object.hasOwn(data.tickets, cmd.ticketId) ? data.tickets[cmd.ticketId] : undefined;
  if (!t || t.counterId !== cmd.pad) return false;
  return !t.finishedAt || cmd.at - Date.parse(t.finishedAt) <= PAD_RATING_MS;
}

function rate(data: HallData, cmd: Extract<RatingCommand, { type: 'rate' }>): Fact[] {
  if (!holdsVisit(data, cmd)) refuse('not_your_ticket', 403, '评价码不对：请核对号票上的 6 位评价码，或扫号票上的二维码评价');
  if (!Number.isInteger(cmd.level) || cmd.level < 1 || cmd.level > 5) refuse('invalid_request', 400, '评价等级应为 1 到 5');
  const reasons = cmd.reasons.map((r) => r.trim()).filter(Boolean);
  if (isBad(cmd.level) && reasons.length === 0) refuse('reason_required', 400, '选择“不满意”或“非常不满意”时，请至少选一条原因');
  const ticket = (Object.hasOwn(data.tickets, cmd.ticketId) ? data.tickets[cmd.ticketId] : undefined) ?? refuse('unknown_ticket', 404, '没有这个号，可能已过期（只能评价当天办理的业务）');
  if (ticket.status !== 'done') refuse('not_served', 409, `${ticket.number} 号还没有办结，办完后才能评价`);
  if (ticket.rating) refuse('already_rated', 409, `${ticket.number} 号已经评价过了，谢谢您`);

  const level = cmd.level as RatingLevel;
  const comment = cmd.comment?.trim();
  const now = iso(data, cmd.at);
  const given = fact('RatingGiven', { ticketId: ticket.id, rating: { level, reasons, channel: cmd.channel, at: now, ...(comment && { comment }) } });
  if (!isBad(level)) return [given];

  const phone = cmd.phone?.trim();
  const followUp: FollowUp = {
    id: cmd.followUpId,
    ticketId: ticket.id,
    number: ticket.number,
    day: ticket.day,
    serviceId: ticket.serviceId,
    counterId: ticket.counterId ?? null,
    clerkId: ticket.clerkId ?? null,
    level,
    reasons,
    openedAt: now,
    dueDate: addWorkingDays(data.settings, data.today.day, data.settings.ratings.followUpDays),
    callBacks: [],
    ...(comment && { comment }),
    ...(phone && { phone }),
  };
  return [given, fact('FollowUpOpened', { followUp })];
}

function followUpOrRefuse(data: HallData, id: string): FollowUp {
  return data.followUps.find((f) => f.id === id) ?? refuse('unknown_follow_up', 404, '没有这条差评回访记录');
}

function callBack(data: HallData, cmd: Extract<RatingCommand, { type: 'callBack' }>): Fact[] {
  const f = followUpOrRefuse(data, cmd.followUpId);
  if (f.closedAt) refuse('follow_up_closed', 409, '这条回访已经办结');
  const note = cmd.note.trim();
  if (!note) refuse('reason_required', 400, '请写下回访情况');
  return [fact('FollowUpCalledBack', { followUpId: f.id, callBack: { at: iso(data, cmd.at), by: cmd.userId, reached: cmd.reached, note } })];
}

function resolve(data: HallData, cmd: Extract<RatingCommand, { type: 'resolve' }>): Fact[] {
  const f = followUpOrRefuse(data, cmd.followUpId);
  if (f.closedAt) refuse('follow_up_closed', 409, '这条回访已经办结');
  const note = cmd.note.trim();
  if (!note) refuse('reason_required', 400, cmd.kind === 'fix' ? '请写明整改措施' : '请写明解释说明');
  // Closing needs a call back on record: the target is a 100% call-back rate.
  if (cmd.close && f.callBacks.length === 0) refuse('call_back_required', 409, '请先记录回访，再办结');
  const resolution = { kind: cmd.kind, note, at: iso(data, cmd.at), by: cmd.userId };
  return [fact('FollowUpResolved', { followUpId: f.id, resolution, closed: cmd.close })];
}

function comment(data: HallData, cmd: Extract<RatingCommand, { type: 'comment' }>): Fact[] {
  const text = cmd.text.trim();
  if (!text) refuse('invalid_request', 400, '请写下您的意见');
  const contact = cmd.contact?.trim();
  const entry: CommentEntry = { id: cmd.id, kind: cmd.kind, text, at: iso(data, cmd.at), ...(contact && { contact }) };
  return [fact('CommentLeft', { comment: entry })];
}

function reply(data: HallData, cmd: Extract<RatingCommand, { type: 'reply' }>): Fact[] {
  const { entry, restore } = commentToReply(data, cmd.commentId, cmd.archived);
  const text = cmd.text.trim();
  if (!text) refuse('invalid_request', 400, '请写下答复内容');
  return [...restore, fact('CommentReplied', { commentId: entry.id, reply: { text, at: iso(data, cmd.at), by: cmd.userId } })];
}

function pairPad(data: HallData, cmd: Extract<RatingCommand, { type: 'pairPad' }>): Fact[] {
  const counter = data.counters.find((c) => c.id === cmd.counterId) ?? refuse('unknown_counter', 404, `没有 ${cmd.counterId} 号窗口`);
  const at = iso(data, cmd.at);
  const before = data.pads && Object.hasOwn(data.pads, counter.id);
  return [
    fact('PadPaired', { pairing: { counterId: counter.id, tokenHash: cmd.tokenHash, by: cmd.userId, at } }),
    fact('Audited', { entry: { at, by: cmd.userId, action: '绑定评价器', target: counter.name, detail: before ? '原来绑定的评价器已停用' : '' } }),
  ];
}

function unpairPad(data: HallData, cmd: Extract<RatingCommand, { type: 'unpairPad' }>): Fact[] {
  const counter = data.counters.find((c) => c.id === cmd.counterId) ?? refuse('unknown_counter', 404, `没有 ${cmd.counterId} 号窗口`);
  if (!data.pads || !Object.hasOwn(data.pads, counter.id)) refuse('no_pad', 404, `${counter.name}没有绑定评价器`);
  const at = iso(data, cmd.at);
  return [fact('PadUnpaired', { counterId: counter.id, at }), fact('Audited', { entry: { at, by: cmd.userId, action: '解除评价器绑定', target: counter.name, detail: '' } })];
}
