import { describe, expect, it } from 'vitest';
import { letterKeys, noneTyped, press, typedNumber, type Typed } from './numberPad.ts';

const type = (...keys: string[]): Typed => keys.reduce(press, noneTyped);

describe('ticket number keys', () => {
  it('offers A–H and every prefix of the hall, once each, in order', () => {
    expect(letterKeys([])).toEqual([...'ABCDEFGH']);
    expect(letterKeys([{ prefix: 'K' }, { prefix: 'a' }, { prefix: 'B' }])).toEqual([...'ABCDEFGHK']);
  });

  it('types a letter then digits; a later letter replaces the first', () => {
    expect(type('A', '0', '1', '2')).toEqual({ letter: 'A', digits: '012' });
    expect(type('A', '0', '1', '2', 'E')).toEqual({ letter: 'E', digits: '012' });
    expect(type('3', 'B')).toEqual({ letter: 'B', digits: '3' });
  });

  it('takes at most four digits', () => {
    expect(type('A', '1', '0', '0', '0', '7').digits).toBe('1000');
  });

  it('删除 takes back digits, then the letter; 清空 everything', () => {
    expect(type('A', '1', '2', 'back')).toEqual({ letter: 'A', digits: '1' });
    expect(type('A', 'back')).toEqual(noneTyped);
    expect(type('A', '1', 'clear')).toEqual(noneTyped);
    expect(press(noneTyped, 'back')).toEqual(noneTyped);
  });

  it('ignores keys it does not know', () => {
    expect(type('A', '1', '#', 'ab')).toEqual({ letter: 'A', digits: '1' });
  });

  it('pads leading zeros as printed on the ticket', () => {
    expect(typedNumber(type('A', '0', '1', '2'))).toEqual({ number: 'A012' });
    expect(typedNumber(type('A', '1', '2'))).toEqual({ number: 'A012' });
    expect(typedNumber(type('E', '7'))).toEqual({ number: 'E007' });
    expect(typedNumber(type('C', '1', '0', '0', '0'))).toEqual({ number: 'C1000' });
    expect(typedNumber(type('C', '0', '9', '9', '9'))).toEqual({ number: 'C999' });
  });

  it('says what is missing', () => {
    expect(typedNumber(noneTyped)).toEqual({ missing: '请先按号码前面的字母' });
    expect(typedNumber(type('1', '2'))).toEqual({ missing: '请先按号码前面的字母' });
    expect(typedNumber(type('A'))).toEqual({ missing: '请接着按号码的数字' });
    expect(typedNumber(type('A', '0', '0'))).toEqual({ missing: '号码不对，请检查一下' });
  });
});
