// What a villager has chosen so far, and whether it can be sent. Pure, shared by the
// window pad, the kiosk and the phone so the three ask and check the same way.
import { LEVELS, isBad } from '../../shared/core/levels.ts';
import type { Channel, RatingLevel, RatingRequest } from '../../shared/types.ts';

export { LEVELS, isBad };

/** Best first, as the national standard lists them; never one of them pre-chosen. */
export const LEVEL_ORDER: readonly RatingLevel[] = [5, 4, 3, 2, 1];

/** Longest phone number the on-screen pad takes: 11 for a mobile, 12 for 区号 + landline. */
export const PHONE_MAX = 12;
/** A local number has 7 digits; the server takes up to 20 (extensions). */
const PHONE_RE = /^\d{7,20}$/;
/** The server keeps each reason up to this length. */
export const OTHER_MAX = 100;

export interface RatingDraft {
  level: RatingLevel | null;
  reasons: string[]; // chosen from the hall's list
  other: string; // the villager's own words: a reason like the listed ones
  phone: string; // digits only, optional, for the call back (回访)
}

export const emptyDraft: RatingDraft = { level: null, reasons: [], other: '', phone: '' };

export type { RatingRequest };

export function toggle(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** What stops the draft being sent, in words for the villager; null when it can go. */
export function draftProblem(d: RatingDraft): string | null {
  if (d.level === null) return '请选择一个评价';
  if (isBad(d.level) && d.reasons.length === 0 && !d.other.trim()) return '请至少选一条不满意的原因（也可以在“其他原因”里写）';
  const phone = d.phone.trim();
  if (phone && !PHONE_RE.test(phone)) return '电话号码不完整，请检查一下（也可以不留）';
  return null;
}

/** The request for a draft that `draftProblem` passed. */
export function ratingRequest(ticketId: string, d: RatingDraft & { level: RatingLevel }, channel: Channel): RatingRequest {
  if (!isBad(d.level)) return { ticketId, level: d.level, channel };
  const other = d.other.trim().slice(0, OTHER_MAX);
  const phone = d.phone.trim();
  return { ticketId, level: d.level, reasons: other ? [...d.reasons, other] : d.reasons, channel, ...(phone && { phone }) };
}

/** Digits typed on the on-screen pad: 删除 takes one back, 清空 all of them. */
export function typePhone(phone: string, key: string): string {
  if (key === 'back') return phone.slice(0, -1);
  if (key === 'clear') return '';
  return /^\d$/.test(key) && phone.length < PHONE_MAX ? phone + key : phone;
}

/** 138 0013 8000: easier to check against a written number. */
export function spacedPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;
}
