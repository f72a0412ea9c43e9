// Typing a ticket number (A012) on the kiosk's own keys: one letter, then digits.
import type { ServiceView } from '../shared/types.ts';

export interface Typed {
  letter: string;
  digits: string;
}

export const noneTyped: Typed = { letter: '', digits: '' };

/** Numbers grow to four digits past 999 (A1000); nobody types more. */
const MAX_DIGITS = 4;

/**
 * The letter keys: A–H always (what the demo and most halls use, and what villagers
 * may hold from yesterday's setup), plus whatever other prefix this hall has.
 */
export function letterKeys(services: Pick<ServiceView, 'prefix'>[]): string[] {
  const set = new Set('ABCDEFGH');
  for (const s of services) if (/^[A-Z]$/i.test(s.prefix)) set.add(s.prefix.toUpperCase());
  return [...set].sort();
}

/** A letter key sets the letter (keeping the digits); 删除 takes back the last thing typed. */
export function press(t: Typed, key: string): Typed {
  if (key === 'clear') return noneTyped;
  if (key === 'back') return t.digits ? { ...t, digits: t.digits.slice(0, -1) } : noneTyped;
  if (/^[A-Z]$/.test(key)) return { ...t, letter: key };
  if (/^\d$/.test(key) && t.digits.length < MAX_DIGITS) return { ...t, digits: t.digits + key };
  return t;
}

/**
 * The number to look up, or why not yet. Leading zeros may be left out (A12 is
 * A012) as people read numbers aloud that way.
 */
export function typedNumber(t: Typed): { number: string } | { missing: string } {
  if (!t.letter) return { missing: '请先按号码前面的字母' };
  if (!t.digits) return { missing: '请接着按号码的数字' };
  const n = Number(t.digits);
  if (n === 0) return { missing: '号码不对，请检查一下' };
  return { number: t.letter + String(n).padStart(3, '0') };
}
