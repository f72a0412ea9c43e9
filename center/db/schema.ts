// The county center's tables, as Kysely sees them. Migrations (migrations.ts) make them.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type CountyRole = 'county_admin' | 'county_viewer';

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  role: CountyRole;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  role: CountyRole;
  expires_at: Timestamp;
}

export interface HallsTable {
  id: string;
  name: string;
  /** sha-256 of the hall's key; the key itself is shown once and never stored. */
  key_hash: string;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
  /** The last journal line stored; null until the hall first ships. */
  last_seq: number | null;
  last_heard_at: Timestamp | null;
  /** The hall's clock at its last batch (ISO with its offset), and how far it was from ours. */
  hall_now: string | null;
  skew_ms: number | null;
  /** 电子监察: a window empty this long in opening hours raises a red warning. */
  empty_window_min: Generated<number>;
  /** The county's fold of the hall's state as of `mirror_seq` (see mirror.ts). */
  mirror: Json<unknown> | null;
  mirror_seq: number | null;
}

/** Every journal line a hall shipped, once: the county's record of what happened. */
export interface LinesTable {
  hall_id: string;
  seq: number;
  facts: Json<unknown[]>;
  received_at: Generated<Timestamp>;
}

export interface AuditTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string;
  action: string;
  detail: Json<unknown>;
}

export interface NoticesTable {
  id: string;
  hall_id: string;
  text: string;
  warning_id: string | null;
  sent_at: Timestamp;
  sent_by: string;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
}

/** 电子监察: a warning as last computed; closed_at set when its cause went away. */
export interface WarningsTable {
  id: string;
  hall_id: string;
  kind: string;
  level: 'yellow' | 'red';
  subject: string;
  since: Timestamp;
  link: Json<unknown>;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
}

/** A window nobody is signed in at, and when (the hall's clock) it was left; null: since the day's opening. */
export interface VacancyTable {
  hall_id: string;
  counter_id: string;
  left_at: Timestamp | null;
}

/** A hall's closed day, one business: see migration 0002_reports. */
export interface DayFiguresTable {
  hall_id: string;
  day: string;
  service_id: string;
  service_name: string;
  taken: number;
  served: number;
  no_shows: number;
  /** Ratings by level as the figures count them (voided ones left out). */
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  /** Voided ratings by level already left out of r1..r5: a later review adjusts by the difference. */
  v1: number;
  v2: number;
  v3: number;
  v4: number;
  v5: number;
  follow_ups: number;
  follow_ups_closed: number;
  follow_ups_on_time: number;
  committed: number;
  committed_delivered: number;
  committed_on_time: number;
  /** Waits of called tickets in ms, little-endian int32 each. */
  waits: Buffer;
}

export interface DB {
  county_users: UsersTable;
  county_sessions: SessionsTable;
  halls: HallsTable;
  hall_lines: LinesTable;
  county_audit: AuditTable;
  notices: NoticesTable;
  county_warnings: WarningsTable;
  window_vacancy: VacancyTable;
  day_figures: DayFiguresTable;
}

export type HallRow = Selectable<HallsTable>;
export type NewLine = Insertable<LinesTable>;
