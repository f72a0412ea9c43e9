// What the board computes from the pushed halls: each hall's state, the order of the
// cards, the county's totals, and the wording of times. Pure, so tests can hold it.
import type { HallSummary, WindowLive } from '../../shared/county/types.ts';

export type HallState = 'online' | 'offline' | 'never' | 'revoked';

export function stateOf(h: HallSummary): HallState {
  if (h.revoked) return 'revoked';
  if (h.online) return 'online';
  return h.lastHeardAt === null ? 'never' : 'offline';
}

/** Windows nobody is signed in at: the AB岗 gaps. */
export const emptyWindows = (h: HallSummary): WindowLive[] => (h.windows ?? []).filter((w) => !w.staffed);

/**
 * How much a hall needs the county's eye, 0 first: offline (nobody can see what happens
 * there: phone it); open warnings or unanswered 督办; villagers waiting at a hall with an
 * empty window; the rest; halls that never shipped and revoked ones last.
 */
export function attention(h: HallSummary): number {
  const s = stateOf(h);
  if (s === 'revoked') return 5;
  if (s === 'never') return 4;
  if (s === 'offline') return 0;
  if (h.openWarnings > 0 || (h.openNotices ?? 0) > 0) return 1;
  if ((h.today?.waiting ?? 0) > 0 && emptyWindows(h).length > 0) return 2;
  return 3;
}

const collator = new Intl.Collator('zh-CN');

export type SortMode = 'attention' | 'name';

/** Halls needing attention first (by name within each group, so cards move only when their state does), or by name alone. */
export function sortHalls(halls: HallSummary[], mode: SortMode): HallSummary[] {
  const byName = (a: HallSummary, b: HallSummary) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  return [...halls].sort(mode === 'name' ? byName : (a, b) => attention(a) - attention(b) || byName(a, b));
}

export interface Totals {
  halls: number;
  online: number;
  waiting: number;
  taken: number;
  served: number;
  noShows: number;
  /** Rated-weighted across halls; null when nobody rated today. */
  satisfiedRate: number | null;
  emptyWindows: number;
  warnings: number;
  notices: number;
}

/** Across the halls in service (a revoked hall no longer counts), with last-known figures for offline ones. */
export function totals(halls: HallSummary[]): Totals {
  const t: Totals = { halls: 0, online: 0, waiting: 0, taken: 0, served: 0, noShows: 0, satisfiedRate: null, emptyWindows: 0, warnings: 0, notices: 0 };
  let rated = 0;
  let satisfied = 0;
  for (const h of halls) {
    if (h.revoked) continue;
    t.halls++;
    if (h.online) t.online++;
    t.warnings += h.openWarnings;
    t.notices += h.openNotices ?? 0;
    if (h.online) t.emptyWindows += emptyWindows(h).length;
    if (!h.today) continue;
    t.waiting += h.today.waiting;
    t.taken += h.today.taken;
    t.served += h.today.served;
    t.noShows += h.today.noShows;
    if (h.today.ratings > 0 && typeof h.satisfiedRate === 'number') {
      rated += h.today.ratings;
      satisfied += h.satisfiedRate * h.today.ratings;
    }
  }
  t.satisfiedRate = rated ? satisfied / rated : null;
  return t;
}

export const percent = (r: number | null | undefined): string => (typeof r === 'number' ? `${Math.round(r * 100)}%` : '—');

/** "12 分钟", "3 小时 5 分", "2 天". */
export function duration(min: number): string {
  if (min < 60) return `${min} 分钟`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} 小时${min % 60 ? ` ${min % 60} 分` : ''}`;
  return `${Math.floor(min / (24 * 60))} 天`;
}

const hhmm = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const md = new Intl.DateTimeFormat('zh-CN', { month: 'numeric', day: 'numeric' });
const ymd = (ms: number) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/**
 * When the county last heard from the hall, read on the board's clock: "14:05", or
 * "12月6日 14:05" when that was not today. "Today" is the county's (the time the push
 * was made: last heard + minutes silent), not the screen's own clock.
 */
export function lastHeard(h: HallSummary): string | null {
  if (!h.lastHeardAt) return null;
  const at = Date.parse(h.lastHeardAt);
  const now = at + (h.silentMin ?? 0) * 60_000;
  return ymd(at) === ymd(now) ? hhmm.format(at) : `${md.format(at)} ${hhmm.format(at)}`;
}

/** "12月6日" from "2026-12-06". */
export const dayText = (day: string): string => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The hall's clock against the county's: "快 2 小时 5 分", "慢 3 分钟". */
export const skewText = (skewMin: number): string => `${skewMin > 0 ? '快' : '慢'} ${duration(Math.abs(skewMin))}`;

/**
 * The ending every name shares ("为民服务中心", "号窗口"), when there are two or more and
 * each keeps something of its own; '' otherwise. The board writes it once, so a wall
 * screen shows "白云乡" where the card has room for little more.
 */
export function commonSuffix(names: string[]): string {
  if (names.length < 2) return '';
  let suffix = names[0]!;
  for (const n of names) {
    while (suffix && !n.endsWith(suffix)) suffix = suffix.slice(1);
  }
  const shortest = Math.min(...names.map((n) => n.length));
  if (suffix.length >= shortest) suffix = suffix.slice(suffix.length - shortest + 1);
  return suffix.length >= 2 ? suffix : '';
}

/** "1、2、4号窗口" from the windows' names, or the names in full when they share no ending. */
export function windowList(names: string[]): string {
  const end = commonSuffix(names);
  return end ? names.map((n) => n.slice(0, n.length - end.length)).join('、') + end : names.join('、');
}
