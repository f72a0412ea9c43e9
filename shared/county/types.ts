// What the county center's API and board carry: plain serialisable data.

export type CountyRole = 'county_admin' | 'county_viewer';

/** A hall's day as the county sees it; figures defined as in the hall's GET /api/stats. */
export interface HallToday {
  day: string;
  taken: number;
  served: number;
  noShows: number;
  waiting: number;
  avgWaitMin: number;
  ratings: number;
  badRatings: number;
}

/** A window at a hall, for the board: who is signed in, paused, or nobody (AB岗 gap). */
export interface WindowLive {
  id: string;
  name: string;
  staffed: boolean;
  paused: boolean;
}

export interface HallSummary {
  id: string;
  name: string;
  online: boolean;
  lastHeardAt: string | null;
  today: HallToday | null;
  openWarnings: number;
  /** Beyond the contract: what the board shows. */
  revoked?: boolean;
  longestWaitMin?: number;
  satisfiedRate?: number | null;
  windows?: WindowLive[];
  /** The hall's clock minus the county's, when it is off by more than a minute. */
  skewMin?: number | null;
  /** The hall's own name for itself (设置), when it differs from the county's. */
  hallName?: string;
  pending?: number;
  /** Minutes since the county last heard from the hall, by the county's clock; null: never. */
  silentMin?: number | null;
  /** The county's date in the hall's zone: when it differs from `today.day`, the hall's clock or rollover is off. */
  countyDay?: string;
  /** 督办 notices the hall has not answered yet, and how old the oldest is (minutes). */
  openNotices?: number;
  oldestNoticeMin?: number | null;
}

export interface NewHall {
  id: string;
  name: string;
  key: string;
}

export interface Warning {
  id: string;
  hallId: string;
  kind: string;
  level: 'yellow' | 'red';
  subject: string;
  since: string;
}

/** 电子监察's kinds: committed case, bad-rating follow-up, empty window, long wait, silent hall, clock skew. */
export type WarningKind = 'commitment' | 'follow_up' | 'empty_window' | 'long_wait' | 'silent' | 'skew';

/** The item a warning is about, for the page to link to. */
export interface WarningLink {
  kind: 'ticket' | 'follow_up' | 'window' | 'hall';
  id: string;
  /** What the hall calls it: a ticket number, a window's name. */
  label: string;
}

/** `GET /api/county/warnings` row: the contract's fields and what the page links with. */
export interface WarningOut extends Warning {
  kind: WarningKind;
  hallName: string;
  link: WarningLink;
}

/** `GET /api/county/warnings?state=closed`: a warning whose cause went away, and when. */
export interface ClosedWarning extends WarningOut {
  closedAt: string;
}

export interface Notice {
  id: string;
  hallId: string;
  text: string;
  sentAt: string;
  warningId?: string;
  answer?: string;
  answeredAt?: string;
}

/** `GET /api/county/notices` row: the contract's fields and what the page shows. */
export interface NoticeOutView extends Notice {
  hallName: string;
  sentBy: string;
  answeredBy?: string;
  /** Minutes since it was sent (until answered: how long the hall has let it wait). */
  ageMin: number;
  /** Unanswered for longer than NOTICE_DUE_HOURS. */
  overdue: boolean;
}

/** A 督办 notice unanswered this long is shown as overdue (超时未回复). */
export const NOTICE_DUE_HOURS = 24;

/** A county account as its admin sees it (never its password hash). */
export interface CountyAccount {
  id: string;
  username: string;
  name: string;
  role: CountyRole;
  disabled: boolean;
  createdAt: string;
}

/** A new account, or a reset one: the password is shown only in this reply. */
export interface AccountPassword {
  id: string;
  username: string;
  password: string;
}

/** One line of 操作记录: who did what, when. */
export interface AuditEntry {
  id: string;
  at: string;
  username: string | null;
  name: string | null;
  action: string;
  detail: unknown;
}

/** One hall's or one business's figures over a report's period (GET /api/county/report). */
export interface ReportFigures {
  taken: number;
  served: number;
  noShows: number;
  avgWaitMin: number;
  p90WaitMin: number;
  ratings: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  satisfiedRate: number;
  badRatings: number;
  followUps: number;
  followUpsClosed: number;
  /** 差评回访 closed by their due day. */
  followUpsOnTime: number;
  /** Still open past their due day (the hall's day). */
  followUpsOverdue: number;
  /** On time over closed + overdue (the ones whose outcome is known); null when none is. */
  followUpsOnTimeRate: number | null;
  committed: number;
  committedDelivered: number;
  /** 承诺件 delivered by their due day. */
  committedOnTime: number;
  committedOverdue: number;
  /** On time over delivered + overdue; null when none is known yet. */
  committedOnTimeRate: number | null;
}

export interface ReportRow extends ReportFigures {
  hallId: string;
  hallName: string;
  /** 1 = best: satisfaction rate, then visits served; halls with no rating last. */
  rank: number;
  byService: (ReportFigures & { serviceId: string; serviceName: string })[];
}

export interface CountyReport {
  from: string;
  to: string;
  /** Ordered by rank. */
  rows: ReportRow[];
}
