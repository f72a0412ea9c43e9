// The fact types this county folds, named once. A hall newer than its county may ship a
// type the county's `evolve` has never seen; folding it would silently drop it (evolve
// ignores what it does not know) and the mirror would drift from the hall. So the fold
// refuses such a batch instead (mirror.ts): nothing is stored, the hall keeps it and
// retries, and once the county is upgraded the same lines go through, exactly once.
import type { FactType } from '../shared/core/facts.ts';

/**
 * Every type of facts.ts must be listed (a new one is a compile error here until it is
 * decided); the county-link types may be listed before facts.ts has them.
 */
type Listed = Record<FactType, true> & Partial<Record<'CountyLinkChanged' | 'NoticeReceived' | 'NoticeAnswered', true>>;

const listed = {
  TicketTaken: true, TicketCalled: true, TicketRecalled: true, VisitStarted: true, TicketNoShow: true, VisitFinished: true,
  CommitmentMade: true, VisitReopened: true, TicketTransferred: true, TicketMoved: true, ServicePaused: true, ServiceResumed: true,
  TicketReinstated: true, TicketCancelled: true, TicketPrinted: true, CounterPaused: true, CounterResumed: true, SignedIn: true,
  SignedOut: true, DayClosed: true, DayArchived: true, RatingGiven: true, FollowUpOpened: true, FollowUpCalledBack: true,
  FollowUpResolved: true, RatingAppealed: true, AppealReviewed: true, CommentLeft: true, CommentReplied: true, CommentsArchived: true,
  CommentRestored: true, SettingsChanged: true, PrinterChanged: true, ServiceSaved: true, ServiceRemoved: true, ServicesOrdered: true,
  CounterSaved: true, CounterRemoved: true, UserSaved: true, CommitmentDelivered: true, Audited: true, PadPaired: true, PadUnpaired: true,
  // 督办 (the hall's answers come back as facts) and the link itself (the hall never ships it).
  CountyLinkChanged: true, NoticeReceived: true, NoticeAnswered: true,
} satisfies Listed;

const KNOWN: ReadonlySet<unknown> = new Set(Object.keys(listed));

/** Throws on a fact whose type this county does not know: the batch is refused whole. */
export function assertKnown(type: unknown): void {
  if (!KNOWN.has(type)) throw new Error(`县中心不认识记录类型 ${String(type).slice(0, 40)}（大厅版本较新）：请升级县中心，大厅会保留这批记录并重试`);
}
