import { describe, expect, it } from 'vitest';
import { commentRequest, togglePhrase } from './comment.ts';

describe('comment book phrases', () => {
  it('adds phrases one after another', () => {
    let t = togglePhrase('', '座位不够');
    expect(t).toBe('座位不够');
    t = togglePhrase(t, '希望增加窗口');
    expect(t).toBe('座位不够，希望增加窗口');
    expect(togglePhrase('大厅太冷。', '座位不够')).toBe('大厅太冷。座位不够');
    expect(togglePhrase('大厅太冷  ', '座位不够')).toBe('大厅太冷，座位不够');
  });

  it('takes a phrase out when tapped again, keeping the rest tidy', () => {
    expect(togglePhrase('座位不够，希望增加窗口，工作人员很好', '希望增加窗口')).toBe('座位不够，工作人员很好');
    expect(togglePhrase('座位不够，希望增加窗口', '座位不够')).toBe('希望增加窗口');
    expect(togglePhrase('座位不够，希望增加窗口', '希望增加窗口')).toBe('座位不够');
    expect(togglePhrase('座位不够', '座位不够')).toBe('');
  });

  it('needs some text; the contact is optional', () => {
    expect(commentRequest('comment', '  ', '')).toEqual({ missing: '请点一句常用的话，或写下您的意见' });
    expect(commentRequest('complaint', ' 座位不够 ', '')).toEqual({ kind: 'complaint', text: '座位不够' });
    expect(commentRequest('comment', '好', ' 13900001111 ')).toEqual({ kind: 'comment', text: '好', contact: '13900001111' });
  });
});
