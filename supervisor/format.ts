// Display helpers for the supervisor page. Pure.

/** Minutes with one decimal, as the county's reports give them: 12.3 */
export function minutes1(min: number): string {
  return min.toFixed(1);
}

/** 0..1 → "96.5%" */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Whole minutes since an ISO time; the hall's clock is `nowMs`, never negative. */
export function minutesSince(iso: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 60_000));
}

export function durationText(min: number): string {
  if (min < 1) return '不到 1 分钟';
  if (min < 60) return `${min} 分钟`;
  const h = Math.floor(min / 60);
  return min % 60 ? `${h} 小时 ${min % 60} 分钟` : `${h} 小时`;
}

/** "2025-06-10 09:05" from an ISO time with the hall's offset, as its wall clock read it. */
export function dateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** The first day of `day`'s month: the satisfaction tab's default range starts there. */
export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}
