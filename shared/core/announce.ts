// What the wall screen says. Ticket digits are read one by one (A012 → A零一二),
// window numbers as numbers (12号窗口 → 十二号窗口), as callers in halls do.

const DIGITS = '零一二三四五六七八九';

export function digitsOneByOne(s: string): string {
  return s.replace(/[0-9]/g, (d) => DIGITS[Number(d)]!);
}

/** 0–9999 read as a Chinese number: 3 → 三, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function readInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return digitsOneByOne(String(n));
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    out += DIGITS[d]! + unit;
  });
  return out;
}

export function spokenCounterName(name: string): string {
  return name.replace(/[0-9]+/g, (m) => readInteger(Number(m)));
}

export const DEFAULT_TEMPLATE = '请{number}号到{counter}办理';

/** Text for the screen: 请 A012 号到 3号窗口 办理. */
export function displayText(template: string, number: string, counterName: string): string {
  return template.replaceAll('{number}', ` ${number} `).replaceAll('{counter}', counterName).replace(/\s+/g, ' ').trim();
}

/** Text for the voice: 请A零一二号到三号窗口办理. */
export function spokenText(template: string, number: string, counterName: string): string {
  return template.replaceAll('{number}', digitsOneByOne(number)).replaceAll('{counter}', spokenCounterName(counterName));
}
