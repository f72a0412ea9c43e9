// Opening hours as typed: "8:30", "0830" or "8：30" (a Chinese IME's colon) all mean
// 08:30, and "24:00" closes at midnight. A native time input cannot say 24:00, which an
// all-day hall needs, so times are plain text checked here. Pure.
import type { Hours } from '../../shared/types.ts';
import { fail, ok, type Parsed } from './parse.ts';

/** "HH:MM" for a time of day or 24:00, else null. */
export function normalizeTime(text: string): string | null {
  const m = /^(\d{1,2})[:：.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** Hours from two typed times; `what` names the day in the message (星期一, 2025-02-14（逢场天）). */
export function parseHours(open: string, close: string, what: string): Parsed<Hours> {
  const o = normalizeTime(open);
  const c = normalizeTime(close);
  if (!o || !c) return fail(`${what}的时间格式应为 08:30`);
  if (o === '24:00') return fail(`${what}的上班时间不能是 24:00`);
  if (o >= c) return fail(`${what}的上班时间要早于下班时间`);
  return ok({ open: o, close: c });
}

/** 星期日 … 星期六 by index, as Settings.weekHours counts them (0 = Sunday). */
export const weekdayName = (i: number) => `星期${'日一二三四五六'[i]}`;

/** Monday first, as a Chinese calendar reads. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface DayHoursForm {
  open: boolean;
  from: string;
  to: string;
}

/** The seed halls' hours: 周一至周五 08:30–17:00, weekends closed. */
export const OFFICE_HOURS: Hours = { open: '08:30', close: '17:00' };

export function weekdayPreset(): DayHoursForm[] {
  return Array.from({ length: 7 }, (_, i) => ({ open: i >= 1 && i <= 5, from: OFFICE_HOURS.open, to: OFFICE_HOURS.close }));
}

/** A closed day keeps office hours in its (greyed) fields, ready to tick back open. */
export function toDayForm(h: Hours | null): DayHoursForm {
  return h ? { open: true, from: h.open, to: h.close } : { open: false, from: OFFICE_HOURS.open, to: OFFICE_HOURS.close };
}

export function fromWeekForm(week: readonly DayHoursForm[]): Parsed<(Hours | null)[]> {
  const out: (Hours | null)[] = [];
  for (const [i, d] of week.entries()) {
    if (!d.open) {
      out.push(null);
      continue;
    }
    const h = parseHours(d.from, d.to, weekdayName(i));
    if (!h.ok) return h;
    out.push(h.value);
  }
  return ok(out);
}
