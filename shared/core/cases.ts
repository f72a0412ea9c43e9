// Case lists staff work through: committed cases (承诺件) to deliver and follow-ups of bad
// ratings (差评回访) to call back and close. Pure; newest first, named for the pages.
import type { Commitment, CommitmentView, FollowUp, FollowUpView, HallData } from '../types.ts';
import { commitmentOverdue, followUpOverdue } from './due.ts';
import { counterById, serviceById } from './state.ts';

export type CommitmentStatus = 'open' | 'overdue' | 'all';
export type FollowUpStatus = 'open' | 'closed' | 'all';

/** `overdue`: still undelivered after its due date, as of `today`. */
export function commitmentViews(d: HallData, status: CommitmentStatus, today: string): CommitmentView[] {
  return d.commitments
    .filter((c) => status === 'all' || (!c.deliveredAt && (status === 'open' || commitmentOverdue(c, today))))
    .map((c): CommitmentView => ({ ...c, overdue: commitmentOverdue(c, today), serviceName: serviceById(d, c.serviceId)?.name ?? c.serviceId }))
    .reverse();
}

export function commitmentOf(d: HallData, ticketId: string): Commitment | undefined {
  return d.commitments.find((c) => c.ticketId === ticketId);
}

/** `overdue`: still open after its due date, as of `today`. */
export function followUpViews(d: HallData, status: FollowUpStatus, today: string): FollowUpView[] {
  return d.followUps
    .filter((f) => status === 'all' || (status === 'open') === !f.closedAt)
    .map(
      (f): FollowUpView => ({
        ...f,
        overdue: followUpOverdue(f, today),
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
