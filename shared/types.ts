// Plain serialisable data shared by server and pages. No functions, no classes:
// everything here goes to disk (snapshot, journal, archive) or over the wire as is.

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
export type Outcome = 'immediate' | 'committed' | 'forwarded' | 'refused';
export type Role = 'admin' | 'supervisor' | 'clerk';
export type Channel = 'kiosk' | 'phone' | 'pad' | 'api';

export interface Transfer {
  from: string; // service id
  to: string;
  at: string;
  by: string; // user id
  counterId: string;
}

/** 队列调度: a supervisor moved a waiting ticket to another business or to one window. */
export interface TicketMove {
  from: string; // service id
  to: string; // service id (the same when only the window changed)
  /** Only this window calls it next. */
  counterId?: string;
  at: string;
  by: string; // user id
  reason: string;
}

export interface Ticket {
  id: string;
  number: string; // "A001"
  serviceId: string;
  priority: boolean;
  day: string; // YYYY-MM-DD in the hall's time zone
  seq: number; // order of taking today: the queue order (transfers keep it)
  takenAt: string; // ISO 8601 with the hall's offset
  status: TicketStatus;
  callCount: number; // calls in the current call cycle (reset by transfer / reinstate)
  calledAt?: string; // first call ever: wait = takenAt → calledAt
  lastCalledAt?: string;
  counterId?: string;
  clerkId?: string;
  firstClerkId?: string; // 首问负责制: the first clerk who called it
  startedAt?: string;
  finishedAt?: string;
  outcome?: Outcome;
  note?: string;
  dueDate?: string; // committed cases: YYYY-MM-DD
  noShowAt?: string;
  transfers?: Transfer[];
  /** Moved by a supervisor to this window's own queue: only it calls the ticket (cleared once called). */
  forCounterId?: string;
  moves?: TicketMove[];
  /** day_end: still open when the day closed; staff: cancelled by a supervisor (junk tickets). */
  cancelReason?: 'day_end' | 'staff';
  cancelledBy?: string; // user id, staff cancellations only
  cancelNote?: string; // the supervisor's reason, staff cancellations only
  /** The last print of this ticket (kiosk print or 补打). */
  print?: { ok: boolean; at: string; error?: string; copies: number };
  /** 好差评: at most one per served ticket, whichever channel comes first. */
  rating?: Rating;
}

export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export interface Rating {
  level: RatingLevel;
  reasons: string[];
  comment?: string;
  channel: Channel;
  at: string;
}

/** 差评回访: opened by every rating at level 1 or 2; closed by a supervisor. */
export interface FollowUp {
  id: string;
  ticketId: string;
  number: string;
  day: string; // the visit's day
  serviceId: string;
  counterId: string | null;
  clerkId: string | null;
  level: RatingLevel;
  reasons: string[];
  comment?: string;
  /** The rater's phone for the call back: supervisors only, masked in exports. */
  phone?: string;
  openedAt: string;
  dueDate: string; // YYYY-MM-DD, working days from the rating
  callBacks: { at: string; by: string; reached: boolean; note: string }[];
  resolution?: { kind: 'fix' | 'explain'; note: string; at: string; by: string };
  closedAt?: string;
  closedBy?: string;
  /** 申诉复核: the clerk rated disputes the rating; a supervisor upholds or voids it. */
  appeal?: RatingAppeal;
}

/**
 * A clerk's appeal of a bad rating (申诉), and the supervisor's review (复核) once made.
 * A voided rating (`voided`) leaves the satisfaction figures and the appraisal but stays
 * on record, shown as such; its follow-up with the villager is still owed.
 */
export interface RatingAppeal {
  reason: string;
  at: string;
  by: string;
  review?: { verdict: 'upheld' | 'voided'; reason: string; at: string; by: string };
}

/** `GET /api/tickets/by-number/:number`: the public view plus whether it was rated. */
export type RatableTicket = TicketView & { rated: boolean };

/** `POST /api/ratings` body (extra fields beyond the contract: comment, phone, channel). */
export interface RatingRequest {
  ticketId: string;
  /** The ticket's rating key (评价码); a window's paired pad rates its own visits without it. */
  key?: string;
  level: RatingLevel;
  reasons?: string[];
  comment?: string;
  phone?: string;
  channel?: Channel;
}

/** `POST /api/ratings` 201 reply. */
export interface RatingReply {
  ticketId: string;
  number: string;
  level: RatingLevel;
  channel: Channel;
  followUpId: string | null;
}

/** `GET /api/follow-ups` row: the case plus what the page needs to show it. */
/** `workingDaysLeft`: working days from the server's today to the due date (the promise is in working days); negative once past. */
export type FollowUpView = FollowUp & { overdue: boolean; serviceName: string; counterName: string | null; clerkName: string | null; workingDaysLeft?: number };

/** 意见簿: a comment or complaint left at the kiosk or on a phone. */
export interface CommentEntry {
  id: string;
  kind: 'comment' | 'complaint';
  text: string;
  contact?: string;
  at: string;
  reply?: { text: string; at: string; by: string };
}

export interface Service {
  id: string;
  name: string;
  prefix: string; // one capital letter
  materials: string[];
  committedDays: number; // working days for 承诺件
  priorityAllowed: boolean;
  dailyQuota: number | null;
  enabled: boolean;
  avgServiceMin: number; // used for the wait estimate until the day has its own figures
  /** Its own hours within the hall's (some businesses are handled on set days only); null or absent: whenever the hall is open. */
  schedule?: ServiceSchedule | null;
}

export interface ServiceSchedule {
  weekdays: number[]; // 0 = Sunday
  open: string;
  close: string;
}

export interface Counter {
  id: string;
  name: string; // "3号窗口"
  serviceIds: string[];
  clerkA: string | null; // user ids (AB岗)
  clerkB: string | null;
}

export interface CounterRuntime {
  signedIn: { userId: string; at: string } | null;
  paused: { reason: string; at: string } | null;
  currentTicketId: string | null;
  priorityStreak: number;
}

export interface User {
  id: string;
  username: string;
  name: string;
  staffNo: string;
  role: Role;
  passwordHash: string; // scrypt, see server/auth.ts
  disabled: boolean;
}

export interface Session {
  userId: string;
  role: Role;
  counterId: string | null;
  at: string;
  expiresAtMs: number;
}

export interface SignIn {
  userId: string;
  counterId: string | null;
  at: string;
}

export interface Hours {
  open: string; // "08:30"
  close: string; // "17:00"; "24:00" for all day
  /** 午休: no tickets and no calls from `from` to `to`. */
  lunch?: { from: string; to: string } | null;
}

/**
 * 逢场天 by pattern: the days whose day of month, on the solar or the lunar calendar,
 * ends in one of `digits` ("逢 1、4、7": 1, 4, 7, 11, 14, 17, 21, 24, 27, 31).
 */
export interface MarketPattern {
  calendar: 'solar' | 'lunar';
  digits: number[];
  /** The hours of those days; null: the weekday's. */
  hours: Hours | null;
}

export interface SpecialDay {
  date: string; // YYYY-MM-DD
  name: string;
  kind: 'market' | 'holiday' | 'workday'; // workday = make-up working day (调休)
  hours: Hours | null; // null: the weekday's hours (workday) or closed (holiday)
}

export interface Settings {
  hallName: string;
  timeZone: string; // IANA, default Asia/Shanghai
  weekHours: (Hours | null)[]; // index 0 = Sunday
  specialDays: SpecialDay[];
  /** 逢场天 by pattern, besides those among `specialDays`; a special date wins over it. */
  marketDays: MarketPattern | null;
  /** Tickets stop this many minutes before closing (0: until closing); calls go on. */
  lastTicketMin: number;
  priorityCap: number; // at most this many priority calls in a row at one window
  recallCap: number; // calls per ticket, the first call included
  announcement: { template: string; repeat: number };
  priorityKinds: string[]; // shown at the kiosk: 70岁以上老人, 残疾人, …
  printer: PrinterSettings;
  ratings: RatingSettings;
  alerts: AlertSettings;
  limits: LimitSettings;
}

/**
 * How much one address may ask of the public routes that write (server/http/limits.ts):
 * a flood from one client is turned away with 429 before it reaches the hall.
 */
export interface LimitSettings {
  takesPerMinute: number; // tickets one address may take in a minute (the kiosk included)
  commentsPerHour: number; // comment-book entries one address may leave in an hour
}

/** When the supervisor's live view raises an alert. */
export interface AlertSettings {
  waiting: number; // more than this many waiting for one business
  estimatedWaitMin: number; // an estimated wait above this
  longestWaitMin: number; // someone has waited longer than this
}

export interface RatingSettings {
  /** Common reasons offered for 不满意 / 非常不满意. */
  reasons: string[];
  followUpDays: number; // working days to call back and close a bad rating
  padIdleSec: number; // the window's pad returns to idle, recording nothing, after this
}

export type PaperWidth = 58 | 80;

export interface PrinterSettings {
  uri: string | null; // tcp://HOST:PORT; the PRINTER environment variable overrides it
  paperWidth: PaperWidth;
  /** Ask the printer for paper and cover status before each ticket (DLE EOT). */
  checkStatus: boolean;
}

export interface DayState {
  day: string; // the live day, YYYY-MM-DD
  nextSeq: number;
  numbers: Record<string, number>; // prefix → last number issued today
  printed?: number; // tickets printed today, reprints included
  /** Minutes of the latest visits finished today per business (up to 20): the wait estimate. */
  recentServiceMin: Record<string, number[]>;
  /** Idempotency-Key of a take → the ticket it took today: a retried take takes nothing new. */
  takeKeys?: Record<string, string>;
  /**
   * Ticket id → its rating key (评价码): the secret a rating must show. Only the take's
   * reply carries it out (screen, paper, QR); it is kept apart from the ticket so that
   * no view of a ticket can leak it, and it expires with the day.
   */
  ratingKeys?: Record<string, string>;
  /**
   * Waiting tickets per queue (`queueKey`: a business, or `@window` for tickets moved to one) as [normal, priority]: what a new ticket's place is
   * counted from, so a take does not walk the day. Changed only by `setStatus` in
   * facts.ts, the one place a ticket's status is written, and recounted at every load.
   */
  waiting?: Record<string, [number, number]>;
  /** Businesses a supervisor closed at the kiosk for now (队列调度), by service id; reopened at the day's end. */
  servicePauses?: Record<string, ServicePause>;
  /** What the wait estimate learns from the day, kept by `evolve` (see core/estimate.ts). */
  flow?: Flow;
}

export interface ServicePause {
  reason: string;
  at: string;
  by: string; // user id
}

/** The day's window cycles and pauses, as the wait estimate reads them. */
export interface Flow {
  /** Per business, the latest window cycles in minutes (up to 20): call gap, walk-up, recalls, service or no-show. */
  cycles: Record<string, number[]>;
  /** Per window: when it was freed with tickets waiting (epoch ms; null when idle or paused) and when its current cycle began. */
  windows: Record<string, { freeAt: number | null; cycleFrom: number | null }>;
  /** Priority tickets taken today per business, and when the day's first ticket was taken (epoch ms). */
  priorityTaken: Record<string, number>;
  firstTakeAt?: number;
  /** The latest pauses ended today, in minutes (up to 20). */
  pauses: number[];
  /** Window-minutes staffed and paused in each quarter hour of the day (96 each): learned from at day end. */
  staffedQ: number[];
  pausedQ: number[];
}

/**
 * Why no window can call a business's tickets now: none of its windows is staffed
 * (请到咨询台), or every staffed one is paused, expected back at `resumeAt`.
 */
export interface NoWindow {
  reason: 'none' | 'paused';
  resumeAt: string | null; // ISO with offset, the hall's wall clock
}

export interface HallData {
  settings: Settings;
  services: Service[];
  counters: Counter[];
  users: User[];
  runtime: Record<string, CounterRuntime>; // by counter id
  sessions: Record<string, Session>; // by sha-256 of the token
  today: DayState;
  tickets: Record<string, Ticket>; // the live day's tickets, by id
  signIns: SignIn[]; // the live day's sign-ins (签到)
  followUps: FollowUp[]; // open ones, and closed ones until they are archived
  /** 意见簿: the live day's, and unanswered ones (see core/commentBook.ts); older ones are archived. */
  comments: CommentEntry[];
  /** Unanswered comments that left for the archive (a flood beyond the ones kept live). */
  commentsArchivedUnanswered?: number;
  commitments: Commitment[]; // 承诺件 until delivered
  audit: AuditEntry[]; // every settings change: who, what, when
  /**
   * Closed days not yet safely in the archive. A day leaves the live state at midnight
   * but stays here, in every snapshot, until its archive file is durable, so a failed
   * archive write (disk full) never loses it.
   */
  closing?: DayArchive[];
  /** Rating pads (评价器) paired with a window, by counter id: at most one per window. */
  pads?: Record<string, PadPairing>;
  /**
   * The hall's own breaks, learned over past days: per quarter hour of the day (96), the
   * share of staffed window time that was not paused (lunch, 休息); null where unseen.
   */
  availability?: (number | null)[];
  /** 县中心: where this hall ships its facts (set in 设置; env COUNTY_* wins). */
  countyLink?: CountyLink | null;
  /** 督办 notices from the county, in the order received. */
  notices?: Notice[];
}

/** The reply to pairing a pad: its token, shown this once. */
export interface PadToken {
  token: string;
  counterId: string;
  counterName: string;
}

export interface PadView {
  counterId: string;
  counterName: string;
  at: string;
  byName: string;
}

/** A window's rating pad, paired by a supervisor or admin; its token is known by hash. */
export interface PadPairing {
  counterId: string;
  tokenHash: string;
  by: string; // the user who paired it
  at: string;
}

/** A committed case (承诺件): due in working days, delivered later, overdue if not. */
export interface Commitment {
  ticketId: string;
  number: string;
  day: string;
  serviceId: string;
  counterId: string;
  clerkId: string | null;
  dueDate: string;
  deliveredAt?: string;
  deliveredBy?: string;
  note?: string;
  /** Whom to tell when it is ready (name, phone); the phone is masked in every view. */
  notify?: { name: string; phone: string };
}

/** `GET /api/commitments` row: the case plus what the page needs to show it. */
/** `workingDaysLeft`: as in FollowUpView (承诺件 are promised in working days). */
export type CommitmentView = Commitment & { overdue: boolean; serviceName: string; workingDaysLeft?: number };

/** Committed cases of a report's period. */
export interface CommittedFigures {
  total: number;
  delivered: number;
  open: number;
  overdue: number;
}

export interface AuditEntry {
  at: string;
  by: string; // user id
  action: string; // e.g. 修改业务
  target: string;
  detail: string;
}

/** What a closed day leaves behind: written once to the archive at rollover. */
export interface DayArchive {
  day: string;
  tickets: Ticket[];
  signIns: SignIn[];
  /** Names as they were that day, so later renames don't rewrite history. */
  names?: DayNames;
  /**
   * Comments leaving the live state with this day (core/commentBook.ts); the archive
   * files them by the day each was left on, apart from the day's tickets.
   */
  comments?: CommentEntry[];
}

export interface DayNames {
  services: Record<string, string>;
  counters: Record<string, string>;
  clerks: Record<string, string>;
}

// ---------------------------------------------------------------- wire views

/** The ticket printer as staff and kiosks see it. */
export interface PrinterHealth {
  configured: boolean;
  name: string | null;
  source: 'env' | 'settings' | null;
  paperWidth: PaperWidth;
  /** ok: printing; fault: the last attempt or check failed; unknown: not asked yet. */
  state: 'ok' | 'fault' | 'unknown' | 'off';
  paper: 'ok' | 'low' | 'out' | 'unknown';
  coverOpen: boolean;
  lastError: string | null;
  lastErrorAt: string | null;
  lastPrintAt: string | null;
  checkedAt: string | null;
  printedToday: number;
}

/** Sent to a ticket's watchers when its print finished or failed. */
export interface TicketPrinted {
  ticketId: string;
  ok: boolean;
  /** Sent to a printer that does not answer status: whether paper came out is unknown. */
  unconfirmed?: boolean;
  message: string;
  reprint: boolean;
}

/** `GET /api/services` row. */
export interface ServiceView {
  id: string;
  name: string;
  prefix: string;
  waiting: number;
  open: boolean;
  /** Why `open` is false: switched off, closed for now by a supervisor (paused), outside opening hours, or today's quota used up. */
  closedReason: 'off' | 'paused' | 'hours' | 'lunch' | 'cutoff' | 'schedule' | 'quota' | null;
  /** For the closings of the calendar (hours, lunch, cutoff, schedule): what the villager reads. */
  closedNote?: string;
  /** Why a supervisor closed it for now (closedReason 'paused'). */
  pauseReason?: string;
  /** Minutes the longest-waiting ticket of this business has waited so far. */
  longestWaitMin: number;
  materials: string[];
  estimatedWaitMin: number;
  /** Set when no window can call this business now: never show "马上" then. */
  noWindow?: NoWindow;
  priorityAllowed: boolean;
  counters: string[]; // names of the windows that serve it
}

/** `GET /api/tickets/:id`. */
export interface TicketView {
  id: string;
  number: string;
  status: TicketStatus;
  ahead: number;
  counterId?: string;
  counterName?: string;
  serviceId: string;
  serviceName: string;
  takenAt: string;
  estimatedWaitMin: number;
  /** Set while the ticket waits and no window can call its business now. */
  noWindow?: NoWindow;
  callCount: number;
  /** Present (true) only when a supervisor cancelled it, not the day's end. */
  cancelledByStaff?: true;
  /** A finished visit: how (四制), and for a committed case (承诺件) when to come back. */
  outcome?: Outcome;
  dueDate?: string;
  /** Working days from the visit's day to `dueDate`. */
  dueWorkingDays?: number;
}

/** `POST /api/tickets` 201 body. */
export interface TakenTicket extends TicketView {
  priority: boolean;
  statusUrl: string;
  /** The ticket's secret for rating it (评价码): shown, printed and in the QR, nowhere else. */
  ratingKey?: string;
  /** pending: a printer is printing it now (a `ticket:printed` follows); off: no printer. */
  print: 'pending' | 'off';
}

/** Ticket as clerk endpoints return it: the public view plus queue details. */
export interface StaffTicket extends TicketView {
  priority: boolean;
  calledAt?: string;
  startedAt?: string;
  finishedAt?: string;
  outcome?: Outcome;
  note?: string;
  dueDate?: string;
  firstClerkId?: string;
  /** 首问负责制: the first clerk by name, for the console. */
  firstClerk?: { name: string; staffNo: string };
  lastCalledAt?: string;
  transfers?: Transfer[];
}

/** GET /api/settings, and the reply to every change: the whole configuration as saved. */
export interface SettingsView {
  settings: Settings;
  services: Service[];
  counters: Counter[];
  /** Accounts without their password hashes. */
  users: Pick<User, 'id' | 'username' | 'name' | 'staffNo' | 'role' | 'disabled'>[];
}

/** `POST /api/session` reply. */
export interface SessionReply {
  token: string;
  role: Role;
  counterId: string | null;
  user: Pick<User, 'id' | 'name' | 'staffNo'>;
}

export interface CounterView {
  id: string;
  name: string;
  serviceIds: string[];
  staffed: boolean;
  clerk: { name: string; staffNo: string; post: 'A' | 'B' | null } | null;
  paused: boolean;
  pauseReason: string | null;
  current: { number: string; status: TicketStatus; calledAt: string; callCount: number; startedAt?: string } | null;
}

export interface RecentCall {
  number: string;
  counterId: string;
  counterName: string;
  calledAt: string;
}

/** `hall:state`: everything a wall screen or kiosk shows. No personal data. */
export interface HallState {
  hallName: string;
  now: string;
  day: string;
  open: boolean;
  counters: CounterView[];
  services: ServiceView[];
  recent: RecentCall[];
  announcement: { repeat: number; template: string };
  priorityKinds: string[];
  alerts: AlertSettings;
  /** Only while closed: when the hall next opens (hall-local day and HH:MM); null with no hours ahead. */
  opensNext?: { day: string; time: string } | null;
}

/** `counter:state`: what a clerk console shows for its window. */
export interface CounterState {
  counterId: string;
  counterName: string;
  paused: boolean;
  pauseReason: string | null;
  pausedAt: string | null;
  current: StaffTicket | null;
  waitingTotal: number;
  queue: { id: string; number: string; serviceId: string; priority: boolean; takenAt: string }[];
  noShows: { id: string; number: string; serviceId: string; noShowAt: string }[];
  servedToday: number;
  recallCap: number;
}

/** `pad:state`: the rating pad (评价器) at one window. */
export interface PadState {
  hallName: string;
  counterId: string;
  counterName: string;
  services: string[];
  /** 公示: who serves at this window now. */
  clerk: { name: string; staffNo: string; post: 'A' | 'B' | null } | null;
  /** The visit to rate: finished here within the last `idleSec`, not rated yet. */
  request: { ticketId: string; number: string; serviceName: string; finishedAt: string } | null;
  idleSec: number;
  reasons: string[];
}

/** `GET /api/queue`: what a supervisor may move or cancel, per business. */
export interface QueueView {
  services: {
    serviceId: string;
    name: string;
    prefix: string;
    /** Waiting tickets in the order they were taken. */
    waiting: QueueTicket[];
    /** No-shows (过号) still on a window's list of late arrivals. */
    noShows: QueueTicket[];
  }[];
}

export interface QueueTicket {
  id: string;
  number: string;
  priority: boolean;
  takenAt: string;
  noShowAt?: string;
  /** Moved to this window's own queue (队列调度): its name. */
  forCounter?: string;
}

/** `POST /api/tickets/move` reply: what was moved, all of it. */
export interface MoveReply {
  moved: { id: string; number: string; serviceId: string; forCounterId?: string }[];
  at: string;
}

/** `POST /api/tickets/cancel` reply: what was cancelled, all of it. */
export interface CancelReply {
  cancelled: { id: string; number: string; serviceId: string }[];
  reason: string;
  at: string;
}

/** The hall's link to its county center (县中心); the key is never shown again once saved. */
export interface CountyLink {
  url: string;
  hallId: string;
  key: string;
}

/** A 督办 notice the county sent, and the hall's answer once given. */
export interface Notice {
  id: string;
  text: string;
  sentAt: string;
  warningId?: string;
  receivedAt: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
}

/** `GET /api/notices` row. */
export type NoticeView = Pick<Notice, 'id' | 'text' | 'sentAt' | 'answer' | 'answeredAt' | 'warningId'> & { answeredByName?: string };

/**
 * `GET /api/county-link`: off (no link), ok (the county holds every line), behind (lines
 * wait to go, the link works), failing (the last try failed; `since` when it began).
 */
export interface CountyLinkStatus {
  state: 'off' | 'ok' | 'behind' | 'failing';
  pending: number;
  lastShippedAt: string | null;
  lastError?: string;
  since?: string;
  hallId?: string;
  url?: string;
  /** Where the link comes from: the environment (COUNTY_*) wins over 设置. */
  source?: 'env' | 'settings';
  /** 设置 holds a key (never the key itself). */
  keySet?: boolean;
}
