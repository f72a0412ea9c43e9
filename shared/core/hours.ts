// When the hall takes tickets and calls them, from its settings: the hours of each day
// (a special date, a market day, or the weekday), the lunch break (午休: no tickets, no
// calls), the last-ticket cutoff before closing, and each business's own schedule.
// Market days (逢场天) come as single dates or as a pattern on the solar or the lunar
// calendar ("每月逢 1、4、7"); the lunar date is tyme4ts's, kept out of calendar.ts so
// the pages that only count working days do not carry it.
import { SolarDay } from 'tyme4ts';
import type { Hours, Service, Settings, SpecialDay } from '../types.ts';
import { addDays, localDay, localParts, weekdayOf } from './time.ts';

export type DayKind = 'market' | 'holiday' | 'workday' | 'normal';

/** What a day is and the hours the hall keeps on it (null: closed all day). */
export interface DayPlan {
  day: string;
  kind: DayKind;
  /** Its special date's name (春节, 逢场), or 逢场 for a market day by pattern. */
  name: string | null;
  hours: Hours | null;
  /** The lunar day of the month (1–30), as 初一 … 三十. */
  lunar: string;
}

function special(settings: Settings, day: string): SpecialDay | undefined {
  return settings.specialDays.find((d) => d.date === day);
}

const lunarCache = new Map<string, { day: number; name: string }>();

/** The lunar day of month of a solar date, remembered (a hall asks about few days). */
function lunarOf(day: string): { day: number; name: string } {
  let l = lunarCache.get(day);
  if (!l) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
    l = { day: lunar.getDay(), name: lunar.getName() };
    if (lunarCache.size > 1000) lunarCache.clear();
    lunarCache.set(day, l);
  }
  return l;
}

/** A market day by the hall's pattern: the day of month (solar or lunar) ends in one of its digits. */
export function isPatternMarketDay(settings: Settings, day: string): boolean {
  const p = settings.marketDays;
  if (!p || p.digits.length === 0) return false;
  const n = p.calendar === 'lunar' ? lunarOf(day).day : Number(day.slice(8, 10));
  return p.digits.includes(n % 10);
}

export function dayPlan(settings: Settings, day: string): DayPlan {
  const lunar = lunarOf(day).name;
  const s = special(settings, day);
  if (s) {
    const hours = s.kind === 'holiday' ? null : (s.hours ?? (s.kind === 'workday' ? (settings.weekHours[1] ?? null) : null)); // 调休: a Monday's hours
    return { day, kind: s.kind, name: s.name || null, hours, lunar };
  }
  if (isPatternMarketDay(settings, day)) {
    const hours = settings.marketDays!.hours ?? settings.weekHours[weekdayOf(day)] ?? null;
    return { day, kind: 'market', name: '逢场', hours, lunar };
  }
  return { day, kind: 'normal', name: null, hours: settings.weekHours[weekdayOf(day)] ?? null, lunar };
}

/** The hours the hall keeps on a day, or null when it is closed all day. */
export const hoursOn = (settings: Settings, day: string): Hours | null => dayPlan(settings, day).hours;

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

/** Why tickets cannot be taken (or calls made) now, with the words a villager reads. */
export interface Closed {
  reason: 'hours' | 'lunch' | 'cutoff' | 'schedule';
  message: string;
}

function minuteOfDay(settings: Settings, ms: number): number {
  const p = localParts(ms, settings.timeZone);
  return p.hour * 60 + p.minute;
}

const inLunch = (h: Hours, now: number) => Boolean(h.lunch && now >= minutesOf(h.lunch.from) && now < minutesOf(h.lunch.to));

/** Open and not at lunch: windows may call. */
export function isOpenAt(settings: Settings, ms: number): boolean {
  const h = hoursOn(settings, localDay(ms, settings.timeZone));
  if (!h) return false;
  const now = minuteOfDay(settings, ms);
  return now >= minutesOf(h.open) && now < minutesOf(h.close) && !inLunch(h, now);
}

/**
 * When the hall next opens, for a closed kiosk to say so (今天 14:00 / 明天 8:30): the
 * end of lunch, later today, or the first day ahead with hours. Null while open, or when
 * no day in the coming year has hours.
 */
export function nextOpening(settings: Settings, ms: number): { day: string; time: string } | null {
  if (isOpenAt(settings, ms)) return null;
  const today = localDay(ms, settings.timeZone);
  const now = minuteOfDay(settings, ms);
  // Bounded: a year without hours is a settings error, not a loop.
  for (let i = 0; i < 370; i++) {
    const day = addDays(today, i);
    const h = hoursOn(settings, day);
    if (!h || minutesOf(h.close) <= minutesOf(h.open)) continue;
    if (i > 0 || now < minutesOf(h.open)) return { day, time: h.open };
    if (h.lunch && inLunch(h, now)) return { day, time: h.lunch.to };
  }
  return null;
}

/** Why no call can be made now (outside hours or at lunch), or null. */
export function noCalls(settings: Settings, ms: number): Closed | null {
  const h = hoursOn(settings, localDay(ms, settings.timeZone));
  const now = minuteOfDay(settings, ms);
  if (h?.lunch && inLunch(h, now)) return { reason: 'lunch', message: `午休时间（${h.lunch.from}–${h.lunch.to}）暂停叫号，${h.lunch.to} 恢复` };
  return null;
}

/**
 * Why a ticket of `service` (or of any business) cannot be taken now, or null: outside
 * the hall's hours, at lunch, past the last-ticket cutoff, or outside the business's own
 * schedule.
 */
export function noTickets(settings: Settings, ms: number, service?: Pick<Service, 'name' | 'schedule'>): Closed | null {
  const day = localDay(ms, settings.timeZone);
  const h = hoursOn(settings, day);
  const now = minuteOfDay(settings, ms);
  if (!h || now < minutesOf(h.open) || now >= minutesOf(h.close)) return { reason: 'hours', message: '现在不是办公时间，请在办公时间内取号' };
  if (h.lunch && inLunch(h, now)) return { reason: 'lunch', message: `午休时间（${h.lunch.from}–${h.lunch.to}）暂停取号，${h.lunch.to} 恢复` };
  const cutoff = minutesOf(h.close) - (settings.lastTicketMin ?? 0);
  if (now >= cutoff) return { reason: 'cutoff', message: `今天 ${hhmm(cutoff)} 已停止取号，请明天再来` };
  const sc = service?.schedule;
  if (sc && (!sc.weekdays.includes(weekdayOf(day)) || now < minutesOf(sc.open) || now >= minutesOf(sc.close))) {
    return { reason: 'schedule', message: `${service!.name}${scheduleText(sc)}办理，现在不能取号` };
  }
  return null;
}

const WEEKDAY = '日一二三四五六';

/** 每周二、四 09:00–12:00 */
export function scheduleText(sc: NonNullable<Service['schedule']>): string {
  const days = sc.weekdays.length === 7 ? '每天' : `每周${[...sc.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => WEEKDAY[d]).join('、')}`;
  return `${days} ${sc.open}–${sc.close} `;
}

/** The hall's days from `from` on, `n` of them: what an admin checks the calendar by. */
export function plansFrom(settings: Settings, from: string, n: number): DayPlan[] {
  const out: DayPlan[] = [];
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(y, m - 1, d + i));
    out.push(dayPlan(settings, `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`));
  }
  return out;
}
