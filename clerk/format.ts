// Display helpers of the console. Pure: times come in as arguments.
import type { Outcome, TicketStatus } from '../shared/types.ts';

export const OUTCOMES: { id: Outcome; label: string; hint: string }[] = [
  { id: 'immediate', label: '即办', hint: '当场办结' },
  { id: 'committed', label: '承诺件', hint: '限期办结' },
  { id: 'forwarded', label: '上报件', hint: '报上级办理' },
  { id: 'refused', label: '不予受理', hint: '须写明理由' },
];

export const outcomeLabel = (o: Outcome | undefined): string => OUTCOMES.find((x) => x.id === o)?.label ?? '即办';

/** The clerk's words for a ticket at the window; the villager-facing ones live in web/format.ts. */
export const CURRENT_STATUS: Partial<Record<TicketStatus, string>> = { called: '已呼叫', serving: '办理中' };

/** Whole minutes from an ISO time to `toMs`, never negative (clocks drift a little). */
export function minutesSince(iso: string, toMs: number): number {
  return Math.max(0, Math.floor((toMs - Date.parse(iso)) / 60_000));
}

/** "12 分钟" / "1 小时 5 分钟" */
export function duration(min: number): string {
  if (min < 60) return `${min} 分钟`;
  const m = min % 60;
  return `${Math.floor(min / 60)} 小时${m ? ` ${m} 分钟` : ''}`;
}

/** "2025-06-10" → "2025年6月10日（星期二）": what the clerk reads out to the villager. */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const week = '日一二三四五六'[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${y}年${mo}月${d}日（星期${week}）`;
}

/** The first day of `day`'s month: 我的评价 shows this month so far. */
export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** "06-10 14:05" from an ISO time with the hall's offset: enough for this month's list. */
export function monthDayTime(iso: string): string {
  const m = /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
