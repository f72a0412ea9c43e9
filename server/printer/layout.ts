// What goes on the paper: ticket + hall + paper width → print operations. Pure.
// Widths are counted in printer columns (font A, 12 dots): a Chinese character takes
// two, so lines are wrapped here rather than by the library, which counts JS characters.
import type { TicketPrint } from '../../shared/core/printing.ts';
import type { PaperWidth } from '../../shared/types.ts';
import { noWindowText, waitText } from '../../shared/words.ts';

export type { PaperWidth, TicketPrint };

export type PrintOp =
  | { kind: 'align'; align: 'left' | 'center' }
  | { kind: 'style'; size: 1 | 2 | 3 | 4; bold: boolean }
  | { kind: 'line'; text: string }
  | { kind: 'rule' }
  | { kind: 'qr'; data: string; cellSize: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** Columns of font A at size 1: 384 dots (58 mm) and 576 dots (80 mm) of print width. */
export const COLUMNS: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** East Asian wide and fullwidth characters take two columns. */
export function charWidth(cp: number): 1 | 2 {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/**
 * Breaks text into lines of at most `cols` columns, never inside a character
 * (surrogate pairs stay whole) and, for Latin runs, at spaces where possible.
 * Continuation lines start with `indent`.
 */
export function wrap(text: string, cols: number, indent = ''): string[] {
  const lines: string[] = [];
  const indentWidth = textWidth(indent);
  let line = '';
  let width = 0;
  let fresh = true; // nothing but the indent on this line yet
  const tokens = text.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? [];
  const push = () => {
    lines.push(line.trimEnd());
    line = indent;
    width = indentWidth;
    fresh = true;
  };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (!fresh && width + 1 <= cols) {
        line += ' ';
        width += 1;
      }
      continue;
    }
    const w = textWidth(tok);
    fresh = false;
    if (width + w <= cols) {
      line += tok;
      width += w;
      continue;
    }
    if (w <= cols - indentWidth && width > indentWidth) {
      push();
      fresh = false;
      line += tok;
      width += w;
      continue;
    }
    // A run longer than a line (a URL, a long number): break it by character.
    for (const ch of tok) {
      const cw = charWidth(ch.codePointAt(0)!);
      if (width + cw > cols) push();
      fresh = false;
      line += ch;
      width += cw;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** "2026-11-26 09:05" from an ISO time with offset: the hall's wall clock. */
export function wallClock(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function ticketLayout(t: TicketPrint, paper: PaperWidth): PrintOp[] {
  const cols = COLUMNS[paper];
  const ops: PrintOp[] = [];
  const lines = (text: string, size: 1 | 2 | 3 | 4, indent = '') => {
    for (const l of wrap(text, Math.floor(cols / size), indent)) ops.push({ kind: 'line', text: l });
  };
  const style = (size: 1 | 2 | 3 | 4, bold = false) => ops.push({ kind: 'style', size, bold });

  ops.push({ kind: 'align', align: 'center' });
  if (t.reprintAt) {
    style(2, true);
    lines('【补打】', 2);
    style(1);
    lines(`补打时间 ${wallClock(t.reprintAt)}`, 1);
  }
  style(1, true);
  lines(t.hallName, 1);
  style(2, true);
  lines(t.serviceName, 2);
  style(paper === 80 ? 4 : 3, true);
  ops.push({ kind: 'line', text: t.number });
  if (t.priority) {
    style(2, true);
    lines('【优先号】', 2);
  }
  style(1);
  ops.push({ kind: 'rule' });
  ops.push({ kind: 'align', align: 'left' });
  style(1, true);
  lines(`前面还有 ${t.ahead} 人`, 1);
  lines(t.noWindow ? noWindowText(t.noWindow) : t.estimatedWaitMin > 0 ? `预计等候${waitText(t.estimatedWaitMin)}` : '请留意叫号', 1);
  style(1);
  lines(`取号时间：${wallClock(t.takenAt)}`, 1);
  if (t.counters.length) lines(`办理窗口：${t.counters.join('、')}`, 1, '          ');
  if (t.materials.length) {
    ops.push({ kind: 'rule' });
    style(1, true);
    lines('请带好以下材料（一次性告知）：', 1);
    style(1);
    t.materials.forEach((m, i) => lines(`${i + 1}. ${m}`, 1, '   '));
  }
  ops.push({ kind: 'rule' });
  ops.push({ kind: 'align', align: 'center' });
  ops.push({ kind: 'qr', data: t.statusUrl, cellSize: paper === 80 ? 6 : 5 });
  if (t.ratingKey) {
    lines('扫码查看排队进度，办完可评价', 1);
    style(2, true);
    lines(`评价码 ${t.ratingKey}`, 2);
    style(1);
    lines('在取号机上评价时需输入评价码', 1);
  } else {
    lines('扫码查看排队进度', 1);
  }
  lines('过号请到窗口说明', 1);
  lines('本号当日有效', 1);
  ops.push({ kind: 'cut' }); // the cut feeds the paper past the cutter itself
  return ops;
}
