// Small display helpers shared by the pages.
export { hhmm, noWindowText, waitText } from '../shared/words.ts';

/** The hall's wall-clock time now, from the server's last `now` and the local drift since. */
export function clockFrom(serverNowIso: string, receivedAtMs: number, nowMs: number): { date: string; time: string } {
  const off = /([+-])(\d{2}):(\d{2})$/.exec(serverNowIso);
  const offsetMin = off ? (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) : 0;
  const t = new Date(Date.parse(serverNowIso) + (nowMs - receivedAtMs) + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const week = '日一二三四五六'[t.getUTCDay()];
  return {
    date: `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 星期${week}`,
    time: `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`,
  };
}

export const STATUS_TEXT: Record<string, string> = {
  waiting: '排队等候中',
  called: '正在叫号',
  serving: '正在办理',
  done: '已办结',
  no_show: '已过号',
  cancelled: '已作废',
};
