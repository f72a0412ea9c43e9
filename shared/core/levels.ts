// The five levels of 好差评 (GB/T 39734/39735-2020) and which are bad: words the pages
// show, kept apart from the rating rules so a page carries no rules with them.
import type { RatingLevel } from '../types.ts';

export const LEVELS: Record<RatingLevel, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
export const isBad = (level: number) => level <= 2;
