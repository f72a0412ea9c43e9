// Wall-clock arithmetic in the hall's time zone, from epoch milliseconds.
// Only Intl: no Date getters that depend on the machine's zone.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Zones with one fixed offset since well before any hall opened (China has kept
 * UTC+8 without daylight saving since 1991; Xinjiang time UTC+6 since 1980). The
 * offset is known without asking Intl, which on first use pages in ~6 MB of ICU's
 * time zone data: on a small hall box that is a fifth of the server's own memory.
 * Instants before 1992 still go to Intl.
 */
const FIXED_OFFSET_MS: Record<string, number> = {
  'Asia/Shanghai': 8 * 3_600_000,
  'Asia/Chongqing': 8 * 3_600_000,
  'Asia/Harbin': 8 * 3_600_000,
  PRC: 8 * 3_600_000,
  'Asia/Urumqi': 6 * 3_600_000,
  'Asia/Kashgar': 6 * 3_600_000,
  UTC: 0,
  'Etc/UTC': 0,
};
export const FIXED_SINCE_MS = Date.UTC(1992, 0, 1);

export function isValidTimeZone(timeZone: string): boolean {
  if (Object.hasOwn(FIXED_OFFSET_MS, timeZone)) return true;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's offset, cached per quarter hour: every zone change in the tz database
 * happens on a quarter hour, so within one the offset is fixed and the wall clock is
 * plain arithmetic. Intl is asked once per zone per quarter hour, not per timestamp.
 */
const QUARTER = 15 * 60_000;
const offsets = new Map<string, { bucket: number; offsetMs: number }>();

function offsetMsAt(ms: number, timeZone: string): number {
  if (ms >= FIXED_SINCE_MS && Object.hasOwn(FIXED_OFFSET_MS, timeZone)) return FIXED_OFFSET_MS[timeZone]!;
  const bucket = Math.floor(ms / QUARTER);
  const hit = offsets.get(timeZone);
  if (hit && hit.bucket === bucket) return hit.offsetMs;
  const start = bucket * QUARTER;
  const p = intlParts(start, timeZone);
  const offsetMs = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
  offsets.set(timeZone, { bucket, offsetMs });
  return offsetMs;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const t = new Date(ms + offsetMsAt(ms, timeZone));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds(), weekday: t.getUTCDay() };
}

function intlParts(ms: number, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of formatter(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year': out.year = Number(p.value); break;
      case 'month': out.month = Number(p.value); break;
      case 'day': out.day = Number(p.value); break;
      case 'hour': out.hour = Number(p.value); break;
      case 'minute': out.minute = Number(p.value); break;
      case 'second': out.second = Number(p.value); break;
      case 'weekday': out.weekday = WEEKDAYS[p.value] ?? 0; break;
    }
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Minutes east of UTC at that instant. */
export function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round(offsetMsAt(ms, timeZone) / 60000);
}

/** "+08:00" for an offset in minutes. */
function offsetText(off: number): string {
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/**
 * The wall clock as "YYYY-MM-DDTHH:MM:SS.mmm": Date's own ISO text of the instant
 * shifted by the offset (one allocation; years 0–9999, as every ticket has).
 */
const wallIso = (ms: number, timeZone: string) => new Date(ms + offsetMsAt(ms, timeZone)).toISOString().slice(0, 23);

/** ISO 8601 with the zone's offset: 2026-11-26T09:05:00.000+08:00 */
export function isoLocal(ms: number, timeZone: string): string {
  return wallIso(ms, timeZone) + offsetText(offsetMinutes(ms, timeZone));
}

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function localDay(ms: number, timeZone: string): string {
  return wallIso(ms, timeZone).slice(0, 10);
}

/** "HH:MM" of an instant in the zone. */
export function localTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Day arithmetic on YYYY-MM-DD strings (calendar days, no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** The instant the next local day starts, found by probing (DST-safe for whole-hour shifts). */
export function nextMidnightMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const secondsIntoDay = p.hour * 3600 + p.minute * 60 + p.second;
  let guess = Math.floor(ms / 1000) * 1000 + (86_400 - secondsIntoDay) * 1000;
  // Correct for offset changes between now and then.
  const today = localDay(ms, timeZone);
  while (localDay(guess, timeZone) === today) guess += 3_600_000;
  while (localDay(guess - 1000, timeZone) !== today) guess -= 1000 * 60;
  return guess;
}

/**
 * Minutes from instant a to instant b, never negative: a clock set back between the
 * two (a server whose time was corrected) must not show a negative wait or visit.
 */
export function minutesBetween(a: string, b: string): number {
  return Math.max(0, (Date.parse(b) - Date.parse(a)) / 60_000);
}
