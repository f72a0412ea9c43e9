// 意见簿 on a touch screen without an input method: common phrases fill the text.

/** What villagers most often say, so one tap writes it. */
export const QUICK_PHRASES = [
  '等候时间太长',
  '座位不够',
  '希望增加窗口',
  '工作人员很好',
  '办事很快，很方便',
  '材料要求没讲清楚',
  '希望延长办公时间',
  '指示牌看不清楚',
];

const SEP = '，';
const ENDS = /[，。,.；;！!？?\s]$/;

/** A tapped phrase is added at the end; tapped again, it is taken out. */
export function togglePhrase(text: string, phrase: string): string {
  if (!text.includes(phrase)) {
    const t = text.trimEnd();
    return !t ? phrase : ENDS.test(t) ? t + phrase : t + SEP + phrase;
  }
  return text
    .replace(phrase, '')
    .replace(/，{2,}/g, SEP)
    .replace(/^[，\s]+|[，\s]+$/g, '');
}

/** `POST /api/comments` body, or what is missing. */
export function commentRequest(kind: 'comment' | 'complaint', text: string, contact: string): { kind: 'comment' | 'complaint'; text: string; contact?: string } | { missing: string } {
  const t = text.trim();
  if (!t) return { missing: '请点一句常用的话，或写下您的意见' };
  const c = contact.trim();
  return { kind, text: t, ...(c && { contact: c }) };
}
