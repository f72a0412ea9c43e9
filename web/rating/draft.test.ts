import { describe, expect, it } from 'vitest';
import { draftProblem, emptyDraft, LEVEL_ORDER, LEVELS, ratingRequest, spacedPhone, toggle, typePhone, type RatingDraft } from './draft.ts';

const draft = (d: Partial<RatingDraft>): RatingDraft => ({ ...emptyDraft, ...d });

describe('rating draft', () => {
  it('offers exactly the five national levels, best first, none chosen', () => {
    expect(LEVEL_ORDER.map((l) => LEVELS[l])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(emptyDraft.level).toBeNull();
    expect(draftProblem(emptyDraft)).toBe('请选择一个评价');
  });

  it('sends the good levels as they are, with nothing else', () => {
    for (const level of [3, 4, 5] as const) {
      const d = draft({ level, reasons: ['x'], other: 'y', phone: '13800001234' });
      expect(draftProblem(d)).toBeNull();
      expect(ratingRequest('t1', { ...d, level }, 'kiosk')).toEqual({ ticketId: 't1', level, channel: 'kiosk' });
    }
  });

  it('needs a reason for the two bad levels: a listed one or the villager’s own words', () => {
    for (const level of [1, 2] as const) {
      expect(draftProblem(draft({ level }))).toMatch(/至少选一条/);
      expect(draftProblem(draft({ level, other: '   ' }))).toMatch(/至少选一条/);
      expect(draftProblem(draft({ level, reasons: ['办事效率低'] }))).toBeNull();
      expect(draftProblem(draft({ level, other: '窗口没人' }))).toBeNull();
    }
  });

  it('sends own words as one more reason, trimmed, and the phone only when given', () => {
    const d = draft({ level: 1, reasons: ['等候时间太长'], other: '  窗口没人 ', phone: '' });
    expect(ratingRequest('t1', { ...d, level: 1 }, 'pad')).toEqual({ ticketId: 't1', level: 1, reasons: ['等候时间太长', '窗口没人'], channel: 'pad' });
    const p = draft({ level: 2, reasons: ['办事效率低'], phone: '13800001234' });
    expect(ratingRequest('t1', { ...p, level: 2 }, 'phone')).toEqual({ ticketId: 't1', level: 2, reasons: ['办事效率低'], phone: '13800001234', channel: 'phone' });
  });

  it('checks a phone number only when one was typed', () => {
    expect(draftProblem(draft({ level: 2, reasons: ['a'], phone: '123' }))).toMatch(/电话号码不完整/);
    expect(draftProblem(draft({ level: 2, reasons: ['a'], phone: '8123456' }))).toBeNull();
    expect(draftProblem(draft({ level: 2, reasons: ['a'], phone: '13800001234' }))).toBeNull();
  });

  it('toggles reasons on and off', () => {
    expect(toggle([], 'a')).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('types a phone on the on-screen pad', () => {
    let p = '';
    for (const k of '138000012345678') p = typePhone(p, k);
    expect(p).toBe('138000012345'); // at most 12 digits
    expect(typePhone(p, 'back')).toBe('13800001234');
    expect(typePhone(p, 'clear')).toBe('');
    expect(typePhone('1', 'x')).toBe('1');
    expect(spacedPhone('13800001234')).toBe('138 0000 1234');
    expect(spacedPhone('8123456')).toBe('8123456');
  });
});
