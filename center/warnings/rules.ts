// 电子监察: the county's warnings about one hall, from the county's fold of that hall
// (its own state type), what the county knows of the link (last heard, clock skew) and
// the county's clock. Pure: the same inputs give the same warnings with the same ids,
// so a warning keeps its id across recomputation and restarts and a 督办 can name it.
// Deadlines are the hall's own rules (core/due.ts), on the hall's own calendar and
// hours, at the hall's own time (the county's clock plus the skew the hall reported).
import { createHash } from 'node:crypto';
import { commitmentOverdue, followUpOverdue, overdueDays, workingDaysLeft, workingDaysText } from '../../shared/core/due.ts';
import { hoursOn, isOpenAt, minutesOf } from '../../shared/core/hours.ts';
import { addDays, localDay, localTime, minutesBetween, offsetMinutes } from '../../shared/core/time.ts';
import type { HallData, Settings } from '../../shared/types.ts';
import type { Warning, WarningOut } from '../../shared/county/types.ts';
import { ONLINE_MS } from '../halls.ts';

export type { WarningOut };

/** What the county knows of a hall beyond its state. */
export interface HallFacts {
  hallId: string;
  name: string;
  lastHeardAtMs: number | null;
  /** The hall's clock minus the county's at its last batch. */
  skewMs: number;
  /** A window empty this long while open is a red warning. */
  emptyWindowMin: number;
  /** Per window: when (hall clock, ms) it was last left empty; absent: since the day's opening. */
  emptySince: ReadonlyMap<string, number>;
}

/** A hall's clock this far off the county's is worth a word. */
export const SKEW_WARN_MS = 5 * 60_000;

/** A stable id from what the warning is about (never from when it was computed). */
export const warningId = (...parts: (string | number)[]): string => 'w_' + createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

/** The instant a hall-local wall time (day, minutes into it) happens, in the zone. */
export function localMs(day: string, minute: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  // The zone's offset at the guess, then once more at the corrected instant (a DST edge).
  let ms = wall - offsetMinutes(wall, timeZone) * 60_000;
  ms = wall - offsetMinutes(ms, timeZone) * 60_000;
  return ms;
}

/** The first day from which a deadline is within one working day (its yellow starts at that midnight). */
function yellowFrom(settings: Settings, dueDate: string): string {
  let d = dueDate;
  // Bounded: a long run of holidays before a due date is a few weeks at most.
  for (let i = 0; i < 60; i++) {
    const prev = addDays(d, -1);
    if (workingDaysLeft(settings, prev, dueDate) > 1) break;
    d = prev;
  }
  return d;
}

/**
 * The start of the stretch of opening hours `ms` is in (the day's opening, or the end
 * of lunch once past it); null when the hall is not open at `ms`.
 */
function openStretchStart(settings: Settings, ms: number): number | null {
  if (!isOpenAt(settings, ms)) return null;
  const day = localDay(ms, settings.timeZone);
  const h = hoursOn(settings, day)!;
  const lunchEnd = h.lunch ? localMs(day, minutesOf(h.lunch.to), settings.timeZone) : null;
  return lunchEnd !== null && ms >= lunchEnd ? lunchEnd : localMs(day, minutesOf(h.open), settings.timeZone);
}

/** Every open warning about a hall at county time `nowMs`; `data` null before its first batch. */
export function hallWarnings(data: HallData | null, hall: HallFacts, nowMs: number): WarningOut[] {
  const out: WarningOut[] = [];
  const skew = hall.skewMs;
  const hallName = hall.name;
  // Instants are computed on the hall's clock and given back on the county's.
  const county = (hallMs: number) => new Date(hallMs - skew).toISOString();
  const add = (w: Omit<WarningOut, 'hallId' | 'hallName'>) => out.push({ ...w, hallId: hall.hallId, hallName });

  if (Math.abs(skew) > SKEW_WARN_MS) {
    const m = Math.round(Math.abs(skew) / 60_000);
    add({ id: warningId(hall.hallId, 'skew'), kind: 'skew', level: 'yellow', subject: `大厅时钟比县中心${skew > 0 ? '快' : '慢'} ${m} 分钟，请校准时间`, since: new Date(hall.lastHeardAtMs ?? nowMs).toISOString(), link: { kind: 'hall', id: hall.hallId, label: hallName } });
  }
  if (!data) return out;
  const settings = data.settings;
  const tz = settings.timeZone;
  const hallMs = nowMs + skew;
  const today = localDay(hallMs, tz);
  const midnight = (day: string) => localMs(day, 0, tz);
  const serviceName = (id: string) => data.services.find((s) => s.id === id)?.name ?? id;

  for (const c of data.commitments) {
    if (c.deliveredAt) continue;
    const red = commitmentOverdue(c, today);
    const left = workingDaysLeft(settings, today, c.dueDate);
    if (!red && left > 1) continue;
    add({
      id: warningId(hall.hallId, 'commitment', c.ticketId),
      kind: 'commitment',
      level: red ? 'red' : 'yellow',
      subject: `承诺件 ${c.number}（${serviceName(c.serviceId)}）${red ? `已超期 ${overdueDays(c.dueDate, today)} 天` : workingDaysText(left)}，期限 ${c.dueDate}`,
      since: county(midnight(red ? addDays(c.dueDate, 1) : yellowFrom(settings, c.dueDate))),
      link: { kind: 'ticket', id: c.ticketId, label: c.number },
    });
  }

  for (const f of data.followUps) {
    if (f.closedAt) continue;
    const red = followUpOverdue(f, today);
    const left = workingDaysLeft(settings, today, f.dueDate);
    if (!red && left > 1) continue;
    add({
      id: warningId(hall.hallId, 'follow_up', f.id),
      kind: 'follow_up',
      level: red ? 'red' : 'yellow',
      subject: `差评回访 ${f.number}（${serviceName(f.serviceId)}）${red ? `已超期 ${overdueDays(f.dueDate, today)} 天` : workingDaysText(left)}，期限 ${f.dueDate}`,
      since: county(midnight(red ? addDays(f.dueDate, 1) : yellowFrom(settings, f.dueDate))),
      link: { kind: 'follow_up', id: f.id, label: f.number },
    });
  }

  // Who is at which window and who waits are known as of the hall's last word: a hall
  // gone quiet is judged as it was then (as the board shows it), not as if its queue
  // grew unseen; deadlines above run on, and a whole silent day is its own warning.
  // The live figures are about the hall's current day only: a mirror still on an
  // earlier day is a hall that has not spoken since.
  const liveMs = hall.lastHeardAtMs === null ? hallMs : Math.min(hallMs, hall.lastHeardAtMs + ONLINE_MS + skew);
  const live = data.today.day === today && localDay(liveMs, tz) === today;
  // A window is only missed while the hall is open now, and was when last heard.
  const stretch = isOpenAt(settings, hallMs) ? openStretchStart(settings, liveMs) : null;
  if (live && stretch !== null) {
    const limit = hall.emptyWindowMin * 60_000;
    for (const c of data.counters) {
      const rt = Object.hasOwn(data.runtime, c.id) ? data.runtime[c.id] : undefined;
      if (rt?.signedIn) continue;
      const left = hall.emptySince.get(c.id);
      const from = Math.max(left ?? 0, stretch);
      if (liveMs - from < limit) continue;
      add({
        id: warningId(hall.hallId, 'empty_window', c.id, from),
        kind: 'empty_window',
        level: 'red',
        subject: `${c.name} ${localTime(from, tz)} 起无人在岗，已 ${Math.floor((liveMs - from) / 60_000)} 分钟（阈值 ${hall.emptyWindowMin} 分钟）`,
        since: county(from + limit),
        link: { kind: 'window', id: c.id, label: c.name },
      });
    }
  }

  if (live) {
    const limitMin = settings.alerts.longestWaitMin;
    const nowIso = new Date(liveMs).toISOString();
    const over = Object.values(data.tickets)
      .filter((t) => t.status === 'waiting' && minutesBetween(t.takenAt, nowIso) > limitMin)
      .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
    const oldest = over[0];
    if (oldest) {
      const longest = Math.floor(minutesBetween(oldest.takenAt, nowIso));
      add({
        id: warningId(hall.hallId, 'long_wait', data.today.day),
        kind: 'long_wait',
        level: 'red',
        subject: `${over.length} 人等候超过 ${limitMin} 分钟，最长 ${longest} 分钟（${oldest.number}，${serviceName(oldest.serviceId)}）`,
        since: county(Date.parse(oldest.takenAt) + limitMin * 60_000),
        link: { kind: 'ticket', id: oldest.id, label: oldest.number },
      });
    }
  }

  if (hall.lastHeardAtMs !== null) {
    const heardDay = localDay(hall.lastHeardAtMs + skew, tz);
    // Bounded: after a year of silence the first missed day is long found.
    for (let d = addDays(heardDay, 1), i = 0; d <= today && i < 400; d = addDays(d, 1), i++) {
      const h = hoursOn(settings, d);
      if (!h) continue;
      const closeMs = localMs(d, minutesOf(h.close), tz);
      if (hallMs < closeMs) break;
      add({
        id: warningId(hall.hallId, 'silent', hall.lastHeardAtMs),
        kind: 'silent',
        level: 'red',
        subject: `大厅自 ${localDayTime(hall.lastHeardAtMs + skew, tz)} 起没有上报，${d} 开放日整天无消息`,
        since: county(closeMs),
        link: { kind: 'hall', id: hall.hallId, label: hallName },
      });
      break;
    }
  }
  return out;
}

const localDayTime = (ms: number, tz: string) => `${localDay(ms, tz)} ${localTime(ms, tz)}`;

/** Red first, then the oldest first. */
export function byUrgency(a: Warning, b: Warning): number {
  if (a.level !== b.level) return a.level === 'red' ? -1 : 1;
  return a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : 1;
}
