// What happened in the hall, as the journal keeps it. The rules (`decide` in
// commands.ts) turn a command into facts or refuse it; `evolve` applies one fact to
// the state and makes no decision of its own, so replaying a journal is a fold of
// `evolve`, and any reader (a report, an audit, the county) understands the journal
// without running the rules of the version that wrote it. Each fact carries its own
// version `v`: a later change to a fact's shape adds a version, and `evolve` keeps
// reading the old one.
import type { DayArchive, FollowUp, HallData, Ticket, TicketStatus } from '../types.ts';
import type { Fact } from './factTypes.ts';
import { countWaiting, RECENT_VISITS, record, runtimeOf } from './state.ts';
import { noteCall, noteDayEnd, noteTake, noteIdle, noteLeave, noteRelease, noteResume } from './estimate.ts';
import { minutesBetween } from './time.ts';
import { evolveCounty } from './county.ts';

// The facts' shapes live in factTypes.ts; readers import them from here, with evolve.
export type { Fact, FactOf, FactType, HallSettings } from './factTypes.ts';
export { fact } from './factTypes.ts';

/** Everything a closing day leaves for the archive: read just before `DayClosed` applies. */
export function closingDay(data: HallData): DayArchive {
  return { day: data.today.day, tickets: Object.values(data.tickets), signIns: data.signIns, names: dayNames(data) };
}

export function dayNames(data: HallData): NonNullable<DayArchive['names']> {
  const map = <T extends { id: string; name: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.id, x.name]));
  return { services: map(data.services), counters: map(data.counters), clerks: map(data.users) };
}

/** Facts are plain JSON (they are journaled as such): a deep copy is a JSON round trip. */
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const ticket = (data: HallData, id: string): Ticket => {
  const t = data.tickets[id];
  // Facts come from the rules or from a journal that was valid when written: a
  // missing ticket means the data directory is damaged, and replay must say so.
  if (!t || !Object.hasOwn(data.tickets, id)) throw new Error(`fact refers to ticket ${id}, which the state does not hold`);
  return t;
};

/**
 * Applies one fact to the state, in place. Objects from the fact are copied in, so
 * the fact stays as it was written (it is journaled and handed to listeners).
 */
export function evolve(data: HallData, f: Fact): void {
  switch (f.type) {
    case 'TicketTaken': {
      const t = { ...f.ticket };
      data.tickets[t.id] = t;
      countWaiting(data, t, 1);
      noteTake(data, t.serviceId, t.priority, t.takenAt);
      const prefix = t.number.replace(/\d+$/, '');
      data.today.numbers[prefix] = Math.max(data.today.numbers[prefix] ?? 0, Number(t.number.slice(prefix.length)));
      data.today.nextSeq = Math.max(data.today.nextSeq, t.seq + 1);
      if (f.key !== undefined) (data.today.takeKeys ??= record())[f.key] = t.id;
      if (f.ratingKey !== undefined) (data.today.ratingKeys ??= record())[t.id] = f.ratingKey;
      return;
    }
    case 'TicketCalled': {
      const t = ticket(data, f.ticketId);
      setStatus(data, t, 'called');
      t.callCount = 1;
      t.calledAt ??= f.at;
      t.lastCalledAt = f.at;
      t.counterId = f.counterId;
      t.clerkId = f.clerkId;
      // Out of the queue now (setStatus counted it out of the window's own): the pin is spent.
      delete t.forCounterId;
      t.firstClerkId ??= f.clerkId;
      const rt = runtimeOf(data, f.counterId);
      rt.currentTicketId = t.id;
      rt.priorityStreak = t.priority ? rt.priorityStreak + 1 : 0;
      noteCall(data, f.counterId, f.at);
      return;
    }
    case 'TicketRecalled': {
      const t = ticket(data, f.ticketId);
      t.callCount++;
      t.lastCalledAt = f.at;
      return;
    }
    case 'VisitStarted': {
      const t = ticket(data, f.ticketId);
      setStatus(data, t, 'serving');
      t.startedAt = f.at;
      return;
    }
    case 'TicketNoShow': {
      const t = ticket(data, f.ticketId);
      setStatus(data, t, 'no_show');
      t.noShowAt = f.at;
      releaseCounter(data, f.counterId, t.id);
      noteRelease(data, f.counterId, t.serviceId, f.at);
      return;
    }
    case 'VisitFinished': {
      const t = ticket(data, f.ticketId);
      setStatus(data, t, 'done');
      t.startedAt = f.startedAt;
      t.finishedAt = f.at;
      t.outcome = f.outcome;
      if (f.note) t.note = f.note;
      if (f.dueDate) t.dueDate = f.dueDate;
      const recent = (data.today.recentServiceMin[t.serviceId] ??= []);
      recent.push(minutesBetween(f.startedAt, f.at));
      if (recent.length > RECENT_VISITS) recent.shift();
      releaseCounter(data, f.counterId, t.id);
      noteRelease(data, f.counterId, t.serviceId, f.at);
      return;
    }
    case 'CommitmentMade':
      data.commitments.push(copy(f.commitment));
      return;
    case 'VisitReopened': {
      const t = ticket(data, f.ticketId);
      if (t.startedAt && t.finishedAt) {
        // The undone visit's minutes leave the recent ones the estimate reads.
        const recent = data.today.recentServiceMin[t.serviceId];
        const i = recent ? recent.lastIndexOf(minutesBetween(t.startedAt, t.finishedAt)) : -1;
        if (i >= 0) recent!.splice(i, 1);
      }
      setStatus(data, t, 'serving');
      delete t.finishedAt;
      delete t.outcome;
      delete t.note;
      delete t.dueDate;
      data.commitments = data.commitments.filter((c) => c.ticketId !== t.id);
      runtimeOf(data, f.counterId).currentTicketId = t.id;
      return;
    }
    case 'TicketTransferred': {
      const t = ticket(data, f.ticketId);
      (t.transfers ??= []).push({ ...f.transfer });
      t.serviceId = f.transfer.to;
      delete t.startedAt;
      backToQueue(data, t);
      releaseCounter(data, f.transfer.counterId, t.id);
      noteRelease(data, f.transfer.counterId, f.transfer.from, f.transfer.at);
      return;
    }
    case 'TicketMoved': {
      const t = ticket(data, f.ticketId);
      // Out of its queue's count and into the new one's, around the change of queue.
      if (t.status === 'waiting') countWaiting(data, t, -1);
      t.serviceId = f.move.to;
      if (f.move.counterId === undefined) delete t.forCounterId;
      else t.forCounterId = f.move.counterId;
      (t.moves ??= []).push({ ...f.move });
      if (t.status === 'waiting') countWaiting(data, t, 1);
      return;
    }
    case 'ServicePaused':
      (data.today.servicePauses ??= record())[f.serviceId] = { ...f.pause };
      return;
    case 'ServiceResumed':
      if (data.today.servicePauses && Object.hasOwn(data.today.servicePauses, f.serviceId)) delete data.today.servicePauses[f.serviceId];
      return;
    case 'TicketReinstated': {
      const t = ticket(data, f.ticketId);
      delete t.noShowAt;
      backToQueue(data, t);
      return;
    }
    case 'TicketCancelled': {
      const t = ticket(data, f.ticketId);
      setStatus(data, t, 'cancelled');
      t.cancelReason = f.reason;
      t.finishedAt = f.at;
      if (f.by !== undefined) t.cancelledBy = f.by;
      if (f.note !== undefined) t.cancelNote = f.note;
      return;
    }
    case 'TicketPrinted': {
      const t = ticket(data, f.ticketId);
      const copies = (t.print?.copies ?? 0) + (f.ok ? 1 : 0);
      t.print = { ok: f.ok, at: f.at, copies, ...(f.error && { error: f.error }) };
      if (f.ok) data.today.printed = (data.today.printed ?? 0) + 1;
      return;
    }
    case 'CounterPaused':
      runtimeOf(data, f.counterId).paused = { reason: f.reason, at: f.at };
      noteIdle(data, f.counterId);
      return;
    case 'CounterResumed': {
      const rt = runtimeOf(data, f.counterId);
      noteResume(data, f.counterId, rt.paused?.at, f.at);
      rt.paused = null;
      return;
    }
    case 'SignedIn':
      if (f.counterId !== null) {
        const rt = runtimeOf(data, f.counterId);
        if (rt.signedIn) noteLeave(data, rt.signedIn.at, rt.paused?.at, f.at);
        rt.signedIn = { userId: f.userId, at: f.at };
        noteIdle(data, f.counterId);
      }
      data.sessions[f.tokenHash] = { userId: f.userId, role: f.role, counterId: f.counterId, at: f.at, expiresAtMs: f.expiresAtMs };
      data.signIns.push({ userId: f.userId, counterId: f.counterId, at: f.at });
      return;
    case 'SignedOut': {
      const s = data.sessions[f.tokenHash];
      if (!s || !Object.hasOwn(data.sessions, f.tokenHash)) return;
      delete data.sessions[f.tokenHash];
      if (s.counterId) {
        const rt = runtimeOf(data, s.counterId);
        if (rt.signedIn?.userId === s.userId) {
          noteLeave(data, rt.signedIn.at, rt.paused?.at, f.at);
          rt.signedIn = null;
        }
      }
      return;
    }
    case 'DayClosed': {
      (data.closing ??= []).push(closingDay(data));
      noteDayEnd(data, f.at);
      data.tickets = record();
      data.signIns = [];
      data.today = { day: f.nextDay, nextSeq: 1, numbers: record(), recentServiceMin: record(), takeKeys: record(), ratingKeys: record(), waiting: record() };
      for (const [hash, s] of Object.entries(data.sessions)) if (s.expiresAtMs <= f.atMs) delete data.sessions[hash];
      for (const [counterId, rt] of Object.entries(data.runtime)) {
        rt.currentTicketId = null;
        rt.priorityStreak = 0;
        const live = rt.signedIn && Object.values(data.sessions).some((s) => s.counterId === counterId && s.userId === rt.signedIn!.userId);
        if (!live) rt.signedIn = null;
      }
      return;
    }
    case 'DayArchived':
      data.closing = (data.closing ?? []).filter((d) => d.day !== f.day);
      return;
    case 'RatingGiven':
      ticket(data, f.ticketId).rating = copy(f.rating);
      return;
    case 'FollowUpOpened':
      data.followUps.push(copy(f.followUp));
      return;
    case 'FollowUpCalledBack':
      followUp(data, f.followUpId).callBacks.push({ ...f.callBack });
      return;
    case 'FollowUpResolved': {
      const fu = followUp(data, f.followUpId);
      fu.resolution = { ...f.resolution };
      if (f.closed) {
        fu.closedAt = f.resolution.at;
        fu.closedBy = f.resolution.by;
      }
      return;
    }
    case 'RatingAppealed':
      followUp(data, f.followUpId).appeal = { ...f.appeal };
      return;
    case 'AppealReviewed': {
      const fu = followUp(data, f.followUpId);
      if (!fu.appeal) throw new Error(`fact reviews follow-up ${f.followUpId}, which has no appeal`);
      fu.appeal.review = { ...f.review };
      return;
    }
    case 'CommentLeft':
      data.comments.push({ ...f.comment });
      return;
    case 'CommentsArchived': {
      const closing = (data.closing ?? []).find((d) => d.day === f.day);
      if (!closing) throw new Error(`fact archives comments with day ${f.day}, which is not closing`);
      const leaving = new Set(f.commentIds);
      const moved = data.comments.filter((c) => leaving.has(c.id));
      (closing.comments ??= []).push(...moved.map((c) => copy(c)));
      data.comments = data.comments.filter((c) => !leaving.has(c.id));
      const unanswered = moved.filter((c) => !c.reply).length;
      if (unanswered) data.commentsArchivedUnanswered = (data.commentsArchivedUnanswered ?? 0) + unanswered;
      return;
    }
    case 'CommentRestored': {
      if (data.comments.some((c) => c.id === f.comment.id)) return;
      data.comments.push(copy(f.comment));
      if (!f.comment.reply && data.commentsArchivedUnanswered) data.commentsArchivedUnanswered--;
      return;
    }
    case 'CommentReplied': {
      const c = data.comments.find((x) => x.id === f.commentId);
      if (!c) throw new Error(`fact refers to comment ${f.commentId}, which the state does not hold`);
      c.reply = { ...f.reply };
      return;
    }
    case 'SettingsChanged':
      // A fact written before a setting existed leaves that setting as it is (its default).
      data.settings = { ...data.settings, ...copy(f.settings), printer: data.settings.printer };
      return;
    case 'PrinterChanged':
      data.settings.printer = { ...f.printer };
      return;
    case 'ServiceSaved':
      upsert(data.services, copy(f.service));
      return;
    case 'ServiceRemoved':
      data.services = data.services.filter((x) => x.id !== f.serviceId);
      return;
    case 'ServicesOrdered': {
      const rank = new Map(f.serviceIds.map((id, i) => [id, i]));
      // Stable: a business the fact does not name (none, when the rules wrote it) keeps its place at the end.
      data.services = [...data.services].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
      return;
    }
    case 'CounterSaved':
      upsert(data.counters, copy(f.counter));
      runtimeOf(data, f.counter.id);
      return;
    case 'CounterRemoved':
      data.counters = data.counters.filter((x) => x.id !== f.counterId);
      delete data.runtime[f.counterId];
      for (const [h, s] of Object.entries(data.sessions)) if (s.counterId === f.counterId) delete data.sessions[h];
      if (data.pads && Object.hasOwn(data.pads, f.counterId)) delete data.pads[f.counterId];
      return;
    case 'UserSaved': {
      const u = { ...f.user };
      upsert(data.users, u);
      if (f.signOut) {
        for (const [h, s] of Object.entries(data.sessions)) if (s.userId === u.id) delete data.sessions[h];
        for (const rt of Object.values(data.runtime)) if (rt.signedIn?.userId === u.id) rt.signedIn = null;
      }
      return;
    }
    case 'CommitmentDelivered': {
      const c = data.commitments.find((x) => x.ticketId === f.ticketId);
      if (!c) throw new Error(`fact refers to committed case ${f.ticketId}, which the state does not hold`);
      c.deliveredAt = f.at;
      c.deliveredBy = f.by;
      if (f.note) c.note = f.note;
      return;
    }
    case 'Audited':
      data.audit.push({ ...f.entry });
      return;
    case 'PadPaired':
      (data.pads ??= record())[f.pairing.counterId] = { ...f.pairing };
      return;
    case 'PadUnpaired':
      if (data.pads && Object.hasOwn(data.pads, f.counterId)) delete data.pads[f.counterId];
      return;
    case 'CountyLinkChanged': case 'NoticeReceived': case 'NoticeAnswered':
      return evolveCounty(data, f);
  }
}

/** Replaces the record with the same id in place (keeping its position), or appends it. */
function upsert<T extends { id: string }>(list: T[], item: T): void {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) list[i] = item;
  else list.push(item);
}

function followUp(data: HallData, id: string): FollowUp {
  const f = data.followUps.find((x) => x.id === id);
  if (!f) throw new Error(`fact refers to follow-up ${id}, which the state does not hold`);
  return f;
}

/**
 * The one place a ticket's status is written, so the per-queue waiting counts
 * (`today.waiting`) follow every move into and out of the queue (and `TicketMoved`,
 * the one change of queue while waiting).
 */
function setStatus(data: HallData, t: Ticket, status: TicketStatus): void {
  if (t.status === status) return;
  if (t.status === 'waiting') countWaiting(data, t, -1);
  t.status = status;
  if (status === 'waiting') countWaiting(data, t, 1);
}

/** The window lets go of the ticket it held. */
function releaseCounter(data: HallData, counterId: string, ticketId: string): void {
  const rt = data.runtime[counterId];
  if (rt && Object.hasOwn(data.runtime, counterId) && rt.currentTicketId === ticketId) rt.currentTicketId = null;
}

/** Waiting again at its original place (seq): a new call cycle, no window yet. */
function backToQueue(data: HallData, t: Ticket): void {
  setStatus(data, t, 'waiting');
  t.callCount = 0;
  delete t.counterId;
  delete t.clerkId;
}
