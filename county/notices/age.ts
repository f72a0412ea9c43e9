// How long ago, in the words the county's pages use.

/** "已 3 小时" / "已 25 分钟" / "已 2 天" from minutes. */
export function ageText(min: number): string {
  if (min < 60) return `已 ${min} 分钟`;
  if (min < 48 * 60) return `已 ${Math.floor(min / 60)} 小时`;
  return `已 ${Math.floor(min / 1440)} 天`;
}

const fmt = new Intl.DateTimeFormat('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "12/01 09:30" in this computer's zone (the county's). */
export function sinceText(iso: string): string {
  return fmt.format(new Date(iso));
}
