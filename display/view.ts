// Pure helpers for the wall screen: what each window's card says, how the cards are
// laid out, and the hall state with calls that arrived after it.
import { DEFAULT_TEMPLATE, displayText } from '../shared/core/announce.ts';
import type { TicketCalled } from '../shared/events.ts';
import type { CounterView, HallState } from '../shared/types.ts';

const RECENT_SHOWN = 8;
/** How long each page of the wall's waiting list stays, when it has more than one. */
export const PAGE_MS = 8000;

/**
 * `ticket:called` goes out at once, the whole `hall:state` up to 50 ms later. Laying
 * the calls over the last state shows a new number the moment it is called; the next
 * `hall:state` already contains them and replaces this.
 */
export function withCalls(hall: HallState, calls: readonly TicketCalled[]): HallState {
  if (calls.length === 0) return hall;
  let { counters, recent } = hall;
  for (const c of calls) {
    counters = counters.map((v) => (v.id === c.counterId ? { ...v, current: { number: c.number, status: 'called', calledAt: c.calledAt, callCount: c.callCount } } : v));
    recent = [{ number: c.number, counterId: c.counterId, counterName: c.counterName, calledAt: c.calledAt }, ...recent.filter((r) => r.number !== c.number)].slice(0, RECENT_SHOWN);
  }
  return { ...hall, counters, recent };
}

export type CardState = 'called' | 'serving' | 'idle' | 'paused' | 'closed';

/** The line under a window's number, and the card's look. */
export function cardStatus(c: CounterView): { state: CardState; label: string } {
  if (c.paused) return { state: 'paused', label: c.pauseReason ? `暂停服务：${c.pauseReason}` : '暂停服务' };
  if (c.current?.status === 'called') return { state: 'called', label: c.current.callCount > 1 ? `第 ${c.current.callCount} 次呼叫` : '请到窗口办理' };
  if (c.current?.status === 'serving') return { state: 'serving', label: '正在办理' };
  if (!c.staffed) return { state: 'closed', label: '暂无工作人员' };
  return { state: 'idle', label: '等待叫号' };
}

export interface Grid {
  cols: number;
  rows: number;
  /** Font sizes in vh, so the page looks the same at 1920×1080 and 1366×768. */
  numberVh: number;
  nameVh: number;
  lineVh: number;
  /**
   * Each card lists its businesses' names, one a line, at this size; null when they do
   * not fit beside a large number, and a card shows its businesses' letters (the first
   * letter of their ticket numbers) while the waiting list names them.
   */
  serveVh: number | null;
  /** Size of the businesses' letters, all on one line. */
  letterVh: number;
}

/** What the cards must hold besides the number: the most businesses one window serves, and the longest name. */
export interface Serves {
  lines: number;
  chars: number;
}

/** Card frame in vh (display.css): border 2 × 0.5, head padding 2 × 0.6, status margin 1.2, status padding 2 × 0.3. */
const CARD_FRAME_VH = 4;
/** Business names smaller than this are not for reading across a hall: letters instead. */
const MIN_SERVE_VH = 2.2;
/** Names are shown only if the number keeps this share of the size it has with letters. */
const NAMES_KEEP = 0.85;

/**
 * Rows × columns for `n` window cards that give the called numbers the largest type
 * in an area `widthVh` × `heightVh` (the screen's aspect decides `widthVh`), and
 * whether the cards have room to name their businesses.
 */
export function gridFor(n: number, widthVh: number, heightVh: number, serves: Serves = { lines: 0, chars: 0 }, gapVh = 1.6): Grid {
  const count = Math.max(1, n);
  let best: (Grid & { w: number; h: number; rest: number }) | null = null;
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    if ((rows - 1) * cols >= count) continue; // a whole empty row: never better
    const w = (widthVh - gapVh * (cols - 1)) / cols;
    const h = (heightVh - gapVh * (rows - 1)) / rows;
    const nameVh = Math.min(6, h * 0.13, w * 0.11);
    const lineVh = Math.min(4.6, h * 0.1, w * 0.085);
    // Height left for the number (line height 1, a little room) and the businesses.
    const rest = h - CARD_FRAME_VH - nameVh * 1.25 - lineVh * 1.3;
    const letters = serves.lines > 0 ? lineVh * 1.5 : 0; // the row is as tall as for letters of the status line's size
    // A number is up to 4 glyphs about 0.6 em wide (A012).
    const numberVh = Math.min((rest - letters) / 1.1, ((w - 1) * 0.86) / 2.5);
    // Letters in chips about 1.8 em apart, on one line within the card's padding.
    const letterVh = Math.min(lineVh, (w - 4.4) / (Math.max(1, serves.lines) * 1.8));
    if (!best || numberVh > best.numberVh) best = { cols, rows, numberVh, nameVh, lineVh, serveVh: null, letterVh, w, h, rest };
  }
  const { w, h: _h, rest, ...grid } = best!;
  if (serves.lines === 0) return grid;
  // Names, one a line after their letter (about two characters wide), within the card's padding.
  const serveVh = Math.min(grid.lineVh, (w - 4.4) / (serves.chars + 2));
  const numberVh = Math.min((rest - serves.lines * serveVh * 1.3) / 1.1, grid.numberVh);
  return serveVh >= MIN_SERVE_VH && numberVh >= NAMES_KEEP * grid.numberVh ? { ...grid, numberVh, serveVh } : grid;
}

/** The call text for the strip along the bottom: the last call's own text when we heard it. */
export function latestCallText(hall: HallState, last: TicketCalled | null): string | null {
  const r = hall.recent[0];
  if (!r) return null;
  if (last && last.number === r.number && last.counterId === r.counterId) return last.text;
  // Called while this screen was away: build it from the hall's own wording.
  return displayText(hall.announcement.template || DEFAULT_TEMPLATE, r.number, r.counterName);
}

/** Wall screen's side column (display.css): height for list rows, in vh: 75.8 less the gap, two titles and paddings. */
const ROOM_VH = 60;
const RECENT_ROW_VH = 5.6;
const WAIT_ROW_VH = 4.2;
/** The page counter under a paged waiting list. */
const PAGER_VH = 3.4;
const MIN_RECENT = 4;

/** Rows for the waiting list (paged when they don't all fit beside the fewest recent calls) and for the recent calls. */
export function sideLayout(services: number): { pages: number; perPage: number; recentRows: number } {
  const fitAll = Math.floor((ROOM_VH - MIN_RECENT * RECENT_ROW_VH) / WAIT_ROW_VH);
  if (services <= fitAll) return { pages: 1, perPage: Math.max(1, services), recentRows: Math.floor((ROOM_VH - services * WAIT_ROW_VH) / RECENT_ROW_VH) };
  const perPage = Math.floor((ROOM_VH - PAGER_VH - MIN_RECENT * RECENT_ROW_VH) / WAIT_ROW_VH);
  const pages = Math.ceil(services / perPage);
  // Pages as even as can be: 16 businesses in 2 pages of 8, not 9 + 7.
  const even = Math.ceil(services / pages);
  return { pages, perPage: even, recentRows: Math.floor((ROOM_VH - PAGER_VH - even * WAIT_ROW_VH) / RECENT_ROW_VH) };
}
