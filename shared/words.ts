// Wording used on screens and on paper alike.
import type { NoWindow } from './types.ts';

/** "约 12 分钟" / "马上" */
export function waitText(min: number): string {
  if (min <= 0) return '马上';
  if (min < 60) return `约 ${min} 分钟`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `约 ${h} 小时 ${m} 分钟` : `约 ${h} 小时`;
}

/** "2026-12-03" → "12月3日": a day as said to a villager ("请于 12月3日 后来取"). */
export function monthDay(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : day;
}

/** "09:05" from an ISO time with offset, as the hall's wall clock reads it. */
export function hhmm(iso: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}:${m[2]}` : '';
}

/** Why no window calls the business now, said instead of a wait ("马上" would be wrong). */
export function noWindowText(w: NoWindow): string {
  return w.reason === 'paused' && w.resumeAt ? `现在没有窗口办理此业务，预计 ${hhmm(w.resumeAt)} 恢复` : '现在没有窗口办理此业务，请到咨询台';
}
