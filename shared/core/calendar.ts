// Working days, from the hall's settings (the hours of each day are in hours.ts).
import type { Settings, SpecialDay } from '../types.ts';
import { addDays, weekdayOf } from './time.ts';

function special(settings: Settings, day: string): SpecialDay | undefined {
  return settings.specialDays.find((d) => d.date === day);
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
