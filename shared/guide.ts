// What the kiosk's 听 button reads aloud, screen by screen. Pure and shared: the kiosk
// speaks it with the browser's Chinese voice, and the server renders the same words with
// espeak-ng (GET /api/guide.wav) for kiosks without one. The server builds the words
// itself from the screen's name and ids (server/queries.ts), never from text a page sends.
import { digitsOneByOne, spokenCounterName } from './core/announce.ts';
import { addDays, weekdayOf } from './core/time.ts';
import type { HallState, ServiceView, TicketView } from './types.ts';
import { waitText } from './words.ts';

/** The kiosk screens that have words of their own; the rest are read by their name. */
export const GUIDE_SCREENS = ['start', 'materials', 'ticket', 'rate-number', 'rate-key', 'rate', 'comment', 'thanks', 'failed', 'still-there'] as const;
export type GuideScreen = (typeof GUIDE_SCREENS)[number];

/** Longest text read aloud: a hall with 20 long business names stays under it. */
export const GUIDE_MAX = 600;

const FIXED: Record<Exclude<GuideScreen, 'start' | 'materials' | 'ticket'>, string> = {
  'rate-number': '评价服务。请按号票上的号码：先按字母，再按数字，然后点“查询”。',
  'rate-key': '请按号票二维码下方的六位评价码，然后点“确定”。',
  rate: '请您对这次办事作出评价：非常满意、满意、基本满意、不满意、非常不满意，点一下就行。',
  comment: '意见簿。点一下常用的话，就写进您的意见；电话号码可以留，也可以不留；写好后点“提交”。',
  thanks: '谢谢您！点“完成”回到首页。',
  failed: '这次没有取到号。请看屏幕上的说明，可以点“再试一次”，或者点“返回”。',
  'still-there': '还在吗？如果还在，请点“我还在”。没有人操作的话，一会儿就回到首页，刚才填的内容不会保存。',
};

/**
 * When a closed hall starts taking tickets again, as a villager says it: "今天 14:00",
 * "明天 8:30", "后天 8:30", "12月7日（星期一）8:30"; null when it does not know.
 */
export function opensText(hall: Pick<HallState, 'day' | 'opensNext'>): string | null {
  const next = hall.opensNext;
  if (!next) return null;
  const time = next.time.replace(/^0(\d)/, '$1');
  const near = ['今天', '明天', '后天'].find((_, i) => addDays(hall.day, i) === next.day);
  if (near) return `${near} ${time}`;
  const [, m, d] = next.day.split('-').map(Number);
  return `${m}月${d}日（星期${'日一二三四五六'[weekdayOf(next.day)]}）${time}`;
}

type Hall = Pick<HallState, 'open' | 'day' | 'opensNext' | 'priorityKinds'> & { services: Pick<ServiceView, 'prefix' | 'name' | 'open'>[] };

export function startGuide(hall: Hall): string {
  if (!hall.open) {
    const opens = opensText(hall);
    return `现在是非办公时间${opens ? `，${opens} 开始取号` : '，请在办公时间再来取号'}。`;
  }
  if (!hall.services.length) return '现在没有可以办理的业务，请问大厅工作人员。';
  const list = hall.services.map((s) => `${s.prefix}，${s.name}${s.open ? '' : '，现在不能取号'}`).join('；');
  return `请点您要办的事。${list}。办完事了，可以点“评价服务”或“意见簿”。`;
}

export function materialsGuide(s: Pick<ServiceView, 'name' | 'materials' | 'counters' | 'waiting' | 'estimatedWaitMin' | 'open' | 'priorityAllowed'>, priorityKinds: string[]): string {
  const parts = [s.name + '。'];
  parts.push(s.materials.length ? `请带好这些材料：${s.materials.map((m, i) => `第${i + 1}，${m}`).join('；')}。` : '这项业务没有列出要带的材料，有疑问请问大厅工作人员。');
  if (s.counters.length) parts.push(`办理窗口：${s.counters.join('、')}。`);
  parts.push(s.waiting ? `现在排队 ${s.waiting} 人，要等${waitText(s.estimatedWaitMin)}。` : '现在无人排队。');
  if (!s.open) parts.push('现在不能取号。');
  else {
    parts.push('取号请点“普通取号”。');
    if (s.priorityAllowed && priorityKinds.length) parts.push(`${priorityKinds.join('、')}，可以点“优先取号”，到窗口时请出示证件。`);
  }
  return parts.join('');
}

export function ticketGuide(t: Pick<TicketView, 'number' | 'ahead'>, counters: string[]): string {
  const where = counters.length ? `听到叫号后，请到${counters.join('或')}。` : '';
  return `您的号码是 ${t.number}，前面还有 ${t.ahead} 人。${where}请取走号票，也可以用手机扫码查看排队。`;
}

export function fixedGuide(screen: keyof typeof FIXED): string {
  return FIXED[screen];
}

/**
 * The words as a voice should say them: ticket numbers digit by digit (A012 → A零一二),
 * window numbers and clock times as numbers (3号窗口 → 三号窗口, 8:30 → 8点30分),
 * and never longer than GUIDE_MAX.
 */
export function spokenGuide(text: string): string {
  return text
    .replace(/\b([A-Z])(\d{3,6})\b/g, (_, l: string, d: string) => l + digitsOneByOne(d))
    .replace(/(\d{1,2}):(\d{2})/g, (_, h: string, m: string) => (m === '00' ? `${h}点` : `${h}点${m}分`))
    .replace(/\d+号窗口/g, (w) => spokenCounterName(w))
    .slice(0, GUIDE_MAX);
}

/** What GET /api/guide.wav asks for: a screen, and the business or ticket it shows. */
export interface GuideQuery {
  screen: GuideScreen;
  service?: string | undefined;
  ticket?: string | undefined;
}
