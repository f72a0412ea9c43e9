// A decoded print job drawn as the paper would look: SVG → PNG (sharp, with the
// system's CJK fonts), 12 px per printer column like font A on a 203 dpi head.
import QRCode from 'qrcode';
import sharp from 'sharp';
import { textWidth } from './layout.ts';
import type { PrintJob } from './emulator.ts';

const COL = 12;
const ROW = 28;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function jobSvg(job: PrintJob, columns: number): string {
  const width = columns * COL + 2 * COL;
  const parts: string[] = [];
  let y = COL;
  for (const item of job.items) {
    if (item.kind === 'cut') {
      parts.push(`<line x1="0" x2="${width}" y1="${y + 10}" y2="${y + 10}" stroke="#999" stroke-dasharray="8 6"/><text x="${width - 60}" y="${y + 6}" font-size="12" fill="#999">✂ 切纸</text>`);
      y += 24;
      continue;
    }
    if (item.kind === 'qr') {
      const qr = QRCode.create(item.data, { errorCorrectionLevel: 'M' });
      const n = qr.modules.size;
      const cell = 5;
      const x0 = item.align === 'center' ? (width - n * cell) / 2 : COL;
      let rects = '';
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) rects += `<rect x="${x0 + c * cell}" y="${y + r * cell}" width="${cell}" height="${cell}"/>`;
      parts.push(`<g fill="#000">${rects}</g>`);
      y += n * cell + 8;
      continue;
    }
    const h = ROW * item.size;
    const w = textWidth(item.text) * COL * item.size;
    const x = item.align === 'center' ? (width - w) / 2 : item.align === 'right' ? width - COL - w : COL;
    if (item.text) {
      parts.push(`<text x="${x}" y="${y + h * 0.8}" font-size="${24 * item.size}" textLength="${w}" lengthAdjust="spacingAndGlyphs" font-family="Noto Sans CJK SC, Noto Sans Mono CJK SC, monospace" font-weight="${item.bold ? 700 : 400}">${esc(item.text)}</text>`);
    }
    y += h;
  }
  const height = y + COL;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

export function jobPng(job: PrintJob, columns: number): Promise<Buffer> {
  return sharp(Buffer.from(jobSvg(job, columns))).png().toBuffer();
}
