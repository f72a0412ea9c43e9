// The 大厅 form: Settings (less the printer) ↔ the strings and ticks on screen. Pure.
import type { HallSettings } from '../../shared/core/settings.ts';
import type { Settings, SpecialDay } from '../../shared/types.ts';
import { fromWeekForm, parseHours, toDayForm, type DayHoursForm } from './hours.ts';
import { fromCalendarForm, toCalendarForm, type CalendarForm } from './calendarForm.ts';
import { allOk, cleanList, fail, intField, ok, type Parsed } from './parse.ts';

export type SpecialKind = SpecialDay['kind'];

export const SPECIAL_KINDS: Record<SpecialKind, string> = { market: '逢场天', holiday: '节假日', workday: '调休上班' };

/** Market days in the seed halls keep 09:00–16:00. */
export const MARKET_HOURS = { open: '09:00', close: '16:00' };

export interface SpecialDayForm {
  date: string;
  name: string;
  kind: SpecialKind;
  /** 调休 may keep a weekday's hours (unticked) or its own; 逢场天 always has its own. */
  ownHours: boolean;
  from: string;
  to: string;
}

export interface HallForm {
  hallName: string;
  timeZone: string;
  week: DayHoursForm[]; // index 0 = Sunday
  specialDays: SpecialDayForm[];
  calendar: CalendarForm;
  priorityCap: string;
  recallCap: string;
  priorityKinds: string[];
  template: string;
  repeat: string;
  reasons: string[];
  followUpDays: string;
  padIdleSec: string;
  alertWaiting: string;
  alertEstimatedMin: string;
  alertLongestMin: string;
  takesPerMinute: string;
  commentsPerHour: string;
}

export function toHallForm(s: Settings | HallSettings): HallForm {
  return {
    hallName: s.hallName,
    timeZone: s.timeZone,
    week: Array.from({ length: 7 }, (_, i) => toDayForm(s.weekHours[i] ?? null)),
    specialDays: sortByDate(s.specialDays).map(toSpecialForm),
    calendar: toCalendarForm(s),
    priorityCap: String(s.priorityCap),
    recallCap: String(s.recallCap),
    priorityKinds: [...s.priorityKinds],
    template: s.announcement.template,
    repeat: String(s.announcement.repeat),
    reasons: [...s.ratings.reasons],
    followUpDays: String(s.ratings.followUpDays),
    padIdleSec: String(s.ratings.padIdleSec),
    alertWaiting: String(s.alerts.waiting),
    alertEstimatedMin: String(s.alerts.estimatedWaitMin),
    alertLongestMin: String(s.alerts.longestWaitMin),
    takesPerMinute: String(s.limits.takesPerMinute),
    commentsPerHour: String(s.limits.commentsPerHour),
  };
}

function toSpecialForm(d: SpecialDay): SpecialDayForm {
  const h = d.hours ?? MARKET_HOURS;
  return { date: d.date, name: d.name, kind: d.kind, ownHours: d.hours !== null, from: h.open, to: h.close };
}

export function newSpecialDay(kind: SpecialKind = 'market'): SpecialDayForm {
  return { date: '', name: kind === 'market' ? '逢场' : '', kind, ownHours: kind === 'market', from: MARKET_HOURS.open, to: MARKET_HOURS.close };
}

function sortByDate<T extends { date: string }>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}

/** 逢场天 always has its own hours; a holiday is closed all day whatever was typed. */
function fromSpecialForm(d: SpecialDayForm): Parsed<SpecialDay> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return fail(`请填写${SPECIAL_KINDS[d.kind]}${d.name ? `“${d.name}”` : ''}的日期`);
  const what = `${d.date}（${d.name.trim() || SPECIAL_KINDS[d.kind]}）`;
  const own = d.kind === 'market' || (d.kind === 'workday' && d.ownHours);
  if (!own) return ok({ date: d.date, name: d.name.trim(), kind: d.kind, hours: null });
  const h = parseHours(d.from, d.to, what);
  return h.ok ? ok({ date: d.date, name: d.name.trim(), kind: d.kind, hours: h.value }) : h;
}

/** The PUT /api/settings/hall body, or the first thing to fix before it can be sent. */
export function fromHallForm(f: HallForm): Parsed<HallSettings> {
  if (!f.hallName.trim()) return fail('大厅名称不能为空');
  if (!f.timeZone.trim()) return fail('请填写时区，例如 Asia/Shanghai');
  const week = fromWeekForm(f.week);
  if (!week.ok) return week;
  const specialDays: SpecialDay[] = [];
  for (const d of f.specialDays) {
    const p = fromSpecialForm(d);
    if (!p.ok) return p;
    specialDays.push(p.value);
  }
  const calendar = fromCalendarForm(f.calendar, week.value, sortByDate(specialDays));
  if (!calendar.ok) return calendar;
  const n = allOk({
    priorityCap: intField(f.priorityCap, '连续优先上限', 0, 20),
    recallCap: intField(f.recallCap, '呼叫次数上限', 1, 20),
    repeat: intField(f.repeat, '播报遍数', 1, 5),
    followUpDays: intField(f.followUpDays, '差评回访期限', 1, 60),
    padIdleSec: intField(f.padIdleSec, '评价器空闲返回时间', 10, 600),
    waiting: intField(f.alertWaiting, '等候人数预警', 1, 10_000),
    estimatedWaitMin: intField(f.alertEstimatedMin, '预计等候预警', 1, 1440),
    longestWaitMin: intField(f.alertLongestMin, '最长等候预警', 1, 1440),
    takesPerMinute: intField(f.takesPerMinute, '每分钟取号上限', 1, 100_000),
    commentsPerHour: intField(f.commentsPerHour, '每小时留言上限', 1, 100_000),
  });
  if (!n.ok) return n;
  const v = n.value;
  return ok({
    hallName: f.hallName.trim(),
    timeZone: f.timeZone.trim(),
    ...calendar.value,
    priorityCap: v.priorityCap,
    recallCap: v.recallCap,
    announcement: { template: f.template.trim(), repeat: v.repeat },
    priorityKinds: cleanList(f.priorityKinds),
    ratings: { reasons: cleanList(f.reasons), followUpDays: v.followUpDays, padIdleSec: v.padIdleSec },
    alerts: { waiting: v.waiting, estimatedWaitMin: v.estimatedWaitMin, longestWaitMin: v.longestWaitMin },
    limits: { takesPerMinute: v.takesPerMinute, commentsPerHour: v.commentsPerHour },
  });
}

/**
 * The form once saved: the server's copy (sorted, normalised), except that a closed day
 * keeps the times it showed, so ticking it open again brings back what it had.
 */
export function savedHallForm(before: HallForm, saved: Settings | HallSettings): HallForm {
  const next = toHallForm(saved);
  return { ...next, week: next.week.map((d, i) => (d.open ? d : { ...d, from: before.week[i]!.from, to: before.week[i]!.to })) };
}

/** A few IANA zones a Chinese hall might be in; anything else is typed. */
export const TIME_ZONES: [string, string][] = [
  ['Asia/Shanghai', '北京时间（Asia/Shanghai）'],
  ['Asia/Urumqi', '新疆时间（Asia/Urumqi）'],
  ['Asia/Hong_Kong', '香港（Asia/Hong_Kong）'],
  ['Asia/Macau', '澳门（Asia/Macau）'],
  ['Asia/Taipei', '台北（Asia/Taipei）'],
];
