// The facts the journal keeps, their shapes and versions: what happened in the hall, as
// `decide` (commands.ts) writes it and `evolve` (facts.ts) applies it. Every fact has its
// version `v`; a later change to a fact's shape adds a version, read beside the old one.
import type { AuditEntry, CommentEntry, Commitment, Counter, CountyLink, Notice, FollowUp, Outcome, PadPairing, PrinterSettings, Rating, RatingAppeal, Role, Service, ServicePause, Settings, Ticket, TicketMove, Transfer, User } from '../types.ts';

type F<T extends string, B> = { type: T; v: 1 } & B;

export type HallSettings = Omit<Settings, 'printer'>;

export type Fact =
  /** `key`: the take's Idempotency-Key, when the kiosk sent one; `ratingKey`: its 评价码. */
  | F<'TicketTaken', { ticket: Ticket; key?: string; ratingKey?: string }>
  /** The first call of a call cycle: the window now holds the ticket. */
  | F<'TicketCalled', { ticketId: string; counterId: string; clerkId: string; at: string }>
  | F<'TicketRecalled', { ticketId: string; counterId: string; at: string }>
  | F<'VisitStarted', { ticketId: string; counterId: string; at: string }>
  | F<'TicketNoShow', { ticketId: string; counterId: string; at: string }>
  | F<'VisitFinished', { ticketId: string; counterId: string; clerkId: string; at: string; startedAt: string; outcome: Outcome; note?: string; dueDate?: string }>
  | F<'CommitmentMade', { commitment: Commitment }>
  /**
   * A visit finished a moment ago by mistake is open again at its window (undo): its
   * outcome, committed case and rating request are gone; `by` is the clerk who undid it.
   */
  | F<'VisitReopened', { ticketId: string; counterId: string; by: string; at: string }>
  | F<'TicketTransferred', { ticketId: string; transfer: Transfer }>
  /** 队列调度: a waiting ticket moved by a supervisor, keeping its number, take time and seq. */
  | F<'TicketMoved', { ticketId: string; move: TicketMove }>
  /** A supervisor closed a business at the kiosk for now; `ServiceResumed` (or the day's end) opens it. */
  | F<'ServicePaused', { serviceId: string; pause: ServicePause }>
  | F<'ServiceResumed', { serviceId: string; at: string; by: string }>
  | F<'TicketReinstated', { ticketId: string; counterId: string; at: string }>
  /**
   * `day_end`: still open when the day closed. `staff`: a supervisor cancelled it (junk
   * tickets), `by` whom and why (`note`); the two fields are absent from day_end facts.
   */
  | F<'TicketCancelled', { ticketId: string; reason: 'day_end' | 'staff'; at: string; by?: string; note?: string }>
  | F<'TicketPrinted', { ticketId: string; ok: boolean; at: string; error?: string }>
  | F<'CounterPaused', { counterId: string; reason: string; at: string }>
  | F<'CounterResumed', { counterId: string; at: string }>
  | F<'SignedIn', { tokenHash: string; userId: string; role: Role; counterId: string | null; at: string; expiresAtMs: number }>
  | F<'SignedOut', { tokenHash: string; at: string }>
  /** The live day is over: its tickets and sign-ins leave live state, numbering restarts. */
  | F<'DayClosed', { day: string; nextDay: string; at: string; atMs: number }>
  /** A closed day's archive file is durable: it leaves the state. */
  | F<'DayArchived', { day: string }>
  | F<'RatingGiven', { ticketId: string; rating: Rating }>
  | F<'FollowUpOpened', { followUp: FollowUp }>
  | F<'FollowUpCalledBack', { followUpId: string; callBack: FollowUp['callBacks'][number] }>
  | F<'FollowUpResolved', { followUpId: string; resolution: NonNullable<FollowUp['resolution']>; closed: boolean }>
  /** 申诉: the clerk rated disputes a bad rating. */
  | F<'RatingAppealed', { followUpId: string; appeal: Omit<RatingAppeal, 'review'> }>
  /** 复核: a supervisor upholds the rating or voids it. */
  | F<'AppealReviewed', { followUpId: string; review: NonNullable<RatingAppeal['review']> }>
  | F<'CommentLeft', { comment: CommentEntry }>
  | F<'CommentReplied', { commentId: string; reply: NonNullable<CommentEntry['reply']> }>
  /** Right after a `DayClosed`: these comments leave the live state with that closed day. */
  | F<'CommentsArchived', { day: string; commentIds: string[] }>
  /** An archived comment comes back into the live state (to be answered). */
  | F<'CommentRestored', { comment: CommentEntry }>
  | F<'SettingsChanged', { settings: HallSettings }>
  | F<'PrinterChanged', { printer: PrinterSettings }>
  | F<'ServiceSaved', { service: Service }>
  | F<'ServiceRemoved', { serviceId: string }>
  /** The businesses in a new order (the kiosk's): every id, each once. */
  | F<'ServicesOrdered', { serviceIds: string[] }>
  | F<'CounterSaved', { counter: Counter }>
  /** The window is gone, and every session signed in at it. */
  | F<'CounterRemoved', { counterId: string }>
  /** `signOut`: the account was disabled or changed role, so it is signed out everywhere. */
  | F<'UserSaved', { user: User; signOut: boolean }>
  | F<'CommitmentDelivered', { ticketId: string; at: string; by: string; note?: string }>
  | F<'Audited', { entry: AuditEntry }>
  /** A window's rating pad is paired; any pad paired with it before stops working. */
  | F<'PadPaired', { pairing: PadPairing }>
  | F<'PadUnpaired', { counterId: string; at: string }>
  /** 县中心 link set in 设置 (null: removed). Never shipped: it holds the hall's key. */
  | F<'CountyLinkChanged', { link: CountyLink | null }>
  /** A 督办 notice from the county, recorded once (by id). */
  | F<'NoticeReceived', { notice: Omit<Notice, 'answer' | 'answeredAt' | 'answeredBy'> }>
  | F<'NoticeAnswered', { noticeId: string; answer: string; by: string; at: string }>;

export type FactType = Fact['type'];
export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** Builds a fact of the current version. */
export const fact = <T extends FactType>(type: T, body: Omit<FactOf<T>, 'type' | 'v'>): FactOf<T> => ({ type, v: 1, ...body }) as FactOf<T>;
