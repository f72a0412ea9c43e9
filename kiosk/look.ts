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
    case 'paused': return `暂停取号：${service.pauseReason ?? ''}`;
    default: return '暂停取号';
  }
}

/**
 * One colour per business, in the hall's order, so a villager who cannot read can
 * still be told "the pink F button": 20 colours, none repeated within 20 businesses
 * (a CIEDE2000 difference of at least 9.9 between any two), each dark enough for
 * white text (≥ 4.8:1). The letter on the tile tells apart what colour alone cannot.
 */
export const COLOURS = [
  '#0b4f8a', '#0f6b2f', '#6a2c91', '#00606b', '#8a4b00', '#a3161b', '#2f3e9e', '#4d5e0f', '#9c6078', '#6c183c',
  '#6c6c9c', '#48300c', '#846c00', '#d82454', '#b40c84', '#0078a8', '#243c18', '#c04818', '#9054cc', '#603024',
] as const;

export const serviceColour = (index: number): string => COLOURS[index % COLOURS.length]!;

/**
 * Columns for portrait and landscape screens: every business must fit without
 * scrolling or paging, with tiles as large as the screen allows (8 → 2×4 or 4×2,
 * 16 → 2×8 or 4×4, 20 → 3×7 or 5×4). A tile is wider than tall, so a long name
 * wraps into two lines at a large size rather than four at a small one.
 */
export function gridColumns(count: number): { portrait: number; landscape: number } {
  const portrait = count <= 4 ? 1 : count <= 16 ? 2 : 3;
  const rows = count <= 3 ? 1 : count <= 8 ? 2 : count <= 12 ? 3 : 4;
  return { portrait, landscape: Math.max(1, Math.ceil(count / rows)) };
}

/**
 * Seconds a finished ticket stays on screen before the kiosk goes back to the start.
 * `/kiosk/?return=3` shortens it (end-to-end tests, or a hall that wants it quicker).
 */
export function returnDelaySeconds(search: string): number {
  const n = Number(new URLSearchParams(search).get('return'));
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.round(n), 600) : 30;
}
