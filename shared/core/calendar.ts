// Opening hours and working days, from the hall's settings.
import type { Hours, Settings, SpecialDay } from '../types.ts';
import { addDays, localDay, localParts, weekdayOf } from './time.ts';

/** When a closed hall next starts taking tickets, as its wall clock reads: day and HH:MM. */
export interface Opening {
  day: string;
  time: string;
}

function special(settings: Settings, day: string): SpecialDay | undefined {
  return settings.specialDays.find((d) => d.date === day);
}

/** The hours the hall keeps on a day, or null when it is closed all day. */
export function hoursOn(settings: Settings, day: string): Hours | null {
  const s = special(settings, day);
  if (s) {
    if (s.kind === 'holiday') return null;
    if (s.hours) return s.hours;
    if (s.kind === 'workday') return settings.weekHours[1] ?? null; // 调休: keep a Monday's hours
  }
  return settings.weekHours[weekdayOf(day)] ?? null;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function isOpenAt(settings: Settings, ms: number): boolean {
  const day = localDay(ms, settings.timeZone);
  const hours = hoursOn(settings, day);
  if (!hours) return false;
  const p = localParts(ms, settings.timeZone);
  const now = p.hour * 60 + p.minute;
  return now >= minutesOf(hours.open) && now < minutesOf(hours.close);
}

/**
 * When the hall next opens, for a closed kiosk to say so (今天 14:00 / 明天 08:30);
 * null while it is open, or when no day in the coming year has hours.
 */
export function nextOpening(settings: Settings, ms: number): Opening | null {
  if (isOpenAt(settings, ms)) return null;
  const today = localDay(ms, settings.timeZone);
  const p = localParts(ms, settings.timeZone);
  const now = p.hour * 60 + p.minute;
  // Bounded like addWorkingDays: a year without hours is a settings error, not a loop.
  for (let i = 0; i < 370; i++) {
    const day = addDays(today, i);
    const hours = hoursOn(settings, day);
    if (!hours || minutesOf(hours.close) <= minutesOf(hours.open)) continue;
    if (i === 0 && minutesOf(hours.open) <= now) continue; // today's hours are over
    return { day, time: hours.open };
  }
  return null;
}

/** A working day: the hall opens and it is not a weekend, unless made a workday. */
export function isWorkingDay(settings: Settings, day: string): boolean {
  const s = special(settings, day);
  if (s?.kind === 'holiday') return false;
  if (s?.kind === 'workday') return true;
  const wd = weekdayOf(day);
  return wd !== 0 && wd !== 6;
}

/**
 * The day `n` working days after `day` (the day itself does not count):
 * a case committed on Friday with 3 working days is due on Wednesday.
 */
export function addWorkingDays(settings: Settings, day: string, n: number): string {
  let d = day;
  let left = n;
  // Bounded: a calendar with no working day in two years is a settings error, not a loop.
  for (let i = 0; left > 0 && i < 730; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(settings, d)) left--;
  }
  return d;
}
