// How the start screen lays out and tells businesses apart.
import type { ServiceView } from '../shared/types.ts';

/** Why a business cannot be taken now, in words for the button. */
export function closedLabel(service: ServiceView): string {
  switch (service.closedReason) {
    case 'hours': return '非办公时间';
    case 'lunch': return '午休暂停取号';
    case 'cutoff': return '今日已停止取号';
    case 'schedule': return '现在不办理';
    case 'quota': return '今日号已取完';
    default: return '暂停取号';
  }
}

/**
 * One colour per business, in the hall's order, so a villager who cannot read
 * can still be told "the green A button". All dark enough for white text (≥ 4.5:1).
 */
const COLOURS = ['#0b4f8a', '#0f6b2f', '#6a2c91', '#00606b', '#8a4b00', '#a3161b', '#2f3e9e', '#4d5e0f'];

export const serviceColour = (index: number): string => COLOURS[index % COLOURS.length]!;

/**
 * Columns for portrait and landscape screens: every business must fit without
 * scrolling, with buttons as large as the screen allows (8 → 2×4 or 4×2).
 */
export function gridColumns(count: number): { portrait: number; landscape: number } {
  const portrait = count <= 4 ? 1 : count <= 10 ? 2 : 3;
  const landscape = Math.min(5, Math.max(1, Math.ceil(count / 2)));
  return { portrait, landscape };
}

/**
 * Seconds a finished ticket stays on screen before the kiosk goes back to the start.
 * `/kiosk/?return=3` shortens it (end-to-end tests, or a hall that wants it quicker).
 */
export function returnDelaySeconds(search: string): number {
  const n = Number(new URLSearchParams(search).get('return'));
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.round(n), 600) : 30;
}
