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

export interface Notice {
  id: string;
  hallId: string;
  text: string;
  sentAt: string;
  warningId?: string;
  answer?: string;
  answeredAt?: string;
}

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
