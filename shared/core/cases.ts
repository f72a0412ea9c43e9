// Case lists staff work through: committed cases (承诺件) to deliver and follow-ups of bad
// ratings (差评回访) to call back and close. Pure; newest first, named for the pages.
import type { Commitment, CommitmentView, FollowUp, FollowUpView, HallData } from '../types.ts';
import { commitmentOverdue, followUpOverdue, workingDaysLeft } from './due.ts';
import { maskPhone } from './ratingStats.ts';
import { counterById, serviceById } from './state.ts';

export type CommitmentStatus = 'open' | 'overdue' | 'all';
export type FollowUpStatus = 'open' | 'closed' | 'all';

/** `overdue`: still undelivered after its due date, as of `today`. */
export function commitmentViews(d: HallData, status: CommitmentStatus, today: string): CommitmentView[] {
  return d.commitments
    .filter((c) => status === 'all' || (!c.deliveredAt && (status === 'open' || commitmentOverdue(c, today))))
    .map((c): CommitmentView => ({ ...masked(c), overdue: commitmentOverdue(c, today), serviceName: serviceById(d, c.serviceId)?.name ?? c.serviceId, workingDaysLeft: workingDaysLeft(d.settings, today, c.dueDate) }))
    .reverse();
}

export function commitmentOf(d: HallData, ticketId: string): Commitment | undefined {
  const c = d.commitments.find((x) => x.ticketId === ticketId);
  return c && masked(c);
}

/** A committed case as any page sees it: whom to notify, the phone masked. */
function masked(c: Commitment): Commitment {
  return c.notify ? { ...c, notify: { name: c.notify.name, phone: maskPhone(c.notify.phone) } } : c;
}

/** `overdue`: still open after its due date, as of `today`. */
export function followUpViews(d: HallData, status: FollowUpStatus, today: string): FollowUpView[] {
  return d.followUps
    .filter((f) => status === 'all' || (status === 'open') === !f.closedAt)
    .map(
      (f): FollowUpView => ({
        ...f,
        overdue: followUpOverdue(f, today),
        workingDaysLeft: workingDaysLeft(d.settings, today, f.dueDate),
        serviceName: serviceById(d, f.serviceId)?.name ?? f.serviceId,
        counterName: f.counterId ? (counterById(d, f.counterId)?.name ?? f.counterId) : null,
        clerkName: f.clerkId ? (d.users.find((u) => u.id === f.clerkId)?.name ?? f.clerkId) : null,
      }),
    )
    .reverse();
}

/** Follow-ups of bad ratings given on days from..to. */
export function followUpsBetween(followUps: FollowUp[], from: string, to: string): FollowUp[] {
  return followUps.filter((f) => f.day >= from && f.day <= to);
}

/** What staff pages badge: open follow-ups, and those overdue as of `today`. */
export function followUpCounts(d: HallData, today: string): { openFollowUps: number; overdue: number } {
  const open = d.followUps.filter((f) => !f.closedAt);
  return { openFollowUps: open.length, overdue: open.filter((f) => followUpOverdue(f, today)).length };
}

/** Undelivered committed cases, and those overdue as of `today`. */
export function commitmentCounts(d: HallData, today: string): { open: number; overdue: number } {
  const open = d.commitments.filter((c) => !c.deliveredAt);
  return { open: open.length, overdue: open.filter((c) => commitmentOverdue(c, today)).length };
}

export function unansweredComments(d: HallData): { unanswered: number } {
  return { unanswered: d.comments.filter((c) => !c.reply).length + (d.commentsArchivedUnanswered ?? 0) };
}
