// 申诉复核 (好差评 rules, GB/T 39734-2020): a clerk may appeal a bad rating with a reason,
// once; a supervisor upholds or voids it with a reason. Both are audited. A voided rating
// stays on record, shown as voided, but leaves the satisfaction figures and the
// appraisal; the follow-up with the villager is still owed either way.
import type { FollowUp, HallData, Ticket } from '../types.ts';
import { refuse } from './errors.ts';
import { fact, type Fact } from './facts.ts';
import type { DayFacts } from './reports.ts';
import { iso } from './state.ts';

interface At {
  at: number;
}

export type AppealCommand =
  | (At & { type: 'appeal'; followUpId: string; userId: string; reason: string })
  | (At & { type: 'reviewAppeal'; followUpId: string; userId: string; verdict: 'upheld' | 'voided'; reason: string });

export const VERDICT = { upheld: '维持差评', voided: '撤销差评（申诉成立）' } as const;

export function decideAppeal(data: HallData, cmd: AppealCommand): Fact[] {
  const f = data.followUps.find((x) => x.id === cmd.followUpId) ?? refuse('unknown_follow_up', 404, '没有这条差评记录');
  const reason = cmd.reason.trim();
  const at = iso(data, cmd.at);
  const target = `${f.day} ${f.number} 号的差评`;
  if (cmd.type === 'appeal') {
    if (f.clerkId !== cmd.userId) refuse('not_your_rating', 403, '只能对自己收到的差评申诉');
    if (f.appeal) refuse('already_appealed', 409, `${f.number} 号的差评已经申诉过了`);
    if (!reason) refuse('reason_required', 400, '请写明申诉理由');
    return [fact('RatingAppealed', { followUpId: f.id, appeal: { reason, at, by: cmd.userId } }), fact('Audited', { entry: { at, by: cmd.userId, action: '差评申诉', target, detail: reason } })];
  }
  if (!f.appeal) refuse('no_appeal', 409, `${f.number} 号的差评没有申诉`);
  if (f.appeal!.review) refuse('already_reviewed', 409, `${f.number} 号的申诉已经复核过了`);
  if (!reason) refuse('reason_required', 400, '请写明复核理由');
  return [
    fact('AppealReviewed', { followUpId: f.id, review: { verdict: cmd.verdict, reason, at, by: cmd.userId } }),
    fact('Audited', { entry: { at, by: cmd.userId, action: '差评复核', target, detail: `${VERDICT[cmd.verdict]}：${reason}` } }),
  ];
}

export const isVoided = (f: FollowUp): boolean => f.appeal?.review?.verdict === 'voided';

/** The tickets whose (bad) rating a review voided. */
export function voidedTickets(followUps: FollowUp[]): Set<string> {
  return new Set(followUps.filter(isVoided).map((f) => f.ticketId));
}

/** The tickets as the figures count them: a voided rating is no rating. */
export function countedRatings(tickets: Iterable<Ticket>, followUps: FollowUp[]): Ticket[] {
  const voided = voidedTickets(followUps);
  return [...tickets].map((t) => {
    if (!t.rating || !voided.has(t.id)) return t;
    const { rating: _, ...rest } = t;
    return rest;
  });
}

/**
 * Days of report facts as the figures count them: the fact of each voided rating's visit
 * loses its rating. Report facts carry no ticket id; the visit is the one of that day,
 * business, window, clerk and level, and any such one counts the same in every figure
 * that reads a rating.
 */
export function countedDays(days: DayFacts[], followUps: FollowUp[]): DayFacts[] {
  const byDay = new Map<string, FollowUp[]>();
  for (const f of followUps) if (isVoided(f)) (byDay.get(f.day) ?? byDay.set(f.day, []).get(f.day)!).push(f);
  if (byDay.size === 0) return days;
  return days.map((d) => {
    const voided = byDay.get(d.day);
    if (!voided) return d;
    const facts = [...d.facts];
    for (const v of voided) {
      const i = facts.findIndex((x) => x.st === 'done' && x.r === v.level && x.s === v.serviceId && x.c === v.counterId && x.k === v.clerkId);
      if (i >= 0) facts[i] = { ...facts[i]!, r: null };
    }
    return { ...d, facts };
  });
}
