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
  | (At & { type: 'rate'; ticketId: string; level: number; reasons: string[]; comment?: string; phone?: string; channel: Channel; followUpId: string })
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
  }
}

function rate(data: HallData, cmd: Extract<RatingCommand, { type: 'rate' }>): Fact[] {
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
