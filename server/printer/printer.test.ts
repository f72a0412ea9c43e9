import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from './emulator.ts';
import { encode, parseOfflineStatus, parsePaperStatus, parsePrinterUri, PrinterFault } from './escpos.ts';
import { COLUMNS, textWidth, ticketLayout, wrap, type TicketPrint } from './layout.ts';

const ticket: TicketPrint = {
  ticketId: 'abcdefghijkl',
  hallName: '青山镇为民服务中心',
  number: 'A012',
  serviceName: '社保劳保',
  ahead: 3,
  estimatedWaitMin: 15,
  takenAt: '2026-11-26T09:05:00.000+08:00',
  counters: ['1号窗口', '4号窗口'],
  priority: true,
  materials: ['本人身份证原件及复印件（需要带齐正反面，复印在同一张 A4 纸上）', '户口簿', '龘𠀾鿏'],
  statusUrl: 'http://192.168.1.10:3000/s/abcdefghijkl',
};

describe('wrapping', () => {
  it('counts Chinese as two columns and never splits a character', () => {
    expect(textWidth('A012号')).toBe(6);
    expect(textWidth('𠀾')).toBe(2); // outside the BMP: one character, one surrogate pair
    expect(wrap('一二三四五六', 5)).toEqual(['一二', '三四', '五六']);
    expect(wrap('𠀾𠀾𠀾', 4)).toEqual(['𠀾𠀾', '𠀾']);
    expect(wrap('请带 ID card 和户口簿', 12)).toEqual(['请带 ID card', '和户口簿']);
    expect(wrap('1. 本人身份证原件', 10, '   ')).toEqual(['1. 本人身', '   份证原', '   件']);
  });

  it('keeps every line of a ticket inside the paper, for both widths', () => {
    for (const paper of [58, 80] as const) {
      let size = 1;
      for (const op of ticketLayout(ticket, paper)) {
        if (op.kind === 'style') size = op.size;
        if (op.kind === 'line') expect(textWidth(op.text) * size, `${paper}mm: ${op.text}`).toBeLessThanOrEqual(COLUMNS[paper]);
      }
    }
  });

  it('lays out what the villager needs, marks priority and reprints', () => {
    const texts = (t: TicketPrint) => ticketLayout(t, 80).flatMap((op) => (op.kind === 'line' ? [op.text] : []));
    const lines = texts(ticket);
    expect(lines).toEqual(expect.arrayContaining(['青山镇为民服务中心', '社保劳保', 'A012', '【优先号】', '前面还有 3 人', '预计等候约 15 分钟', '取号时间：2026-11-26 09:05', '办理窗口：1号窗口、4号窗口', '请带好以下材料（一次性告知）：', '2. 户口簿']));
    expect(lines).not.toContain('【补打】');
    expect(texts({ ...ticket, priority: false, reprintAt: '2026-11-26T10:00:00.000+08:00' })).toEqual(expect.arrayContaining(['【补打】', '补打时间 2026-11-26 10:00']));
    expect(ticketLayout(ticket, 80).filter((op) => op.kind === 'qr')).toEqual([{ kind: 'qr', data: ticket.statusUrl, cellSize: 6 }]);
    expect(ticketLayout(ticket, 58).at(-1)).toEqual({ kind: 'cut' });
  });

  it('prints the 评价码 on the first print only', () => {
    const texts = (t: TicketPrint) => ticketLayout(t, 58).flatMap((op) => (op.kind === 'line' ? [op.text] : []));
    expect(texts({ ...ticket, ratingKey: '042917' })).toEqual(expect.arrayContaining(['评价码 042917', '扫码查看排队进度，办完可评价']));
    const reprint = texts({ ...ticket, reprintAt: '2026-11-26T10:00:00.000+08:00' });
    expect(reprint.join('\n')).not.toContain('评价码');
    expect(reprint).toContain('扫码查看排队进度');
  });
});

describe('ESC/POS bytes', () => {
  it('sends Chinese as GB18030, including characters GBK lacks', () => {
    const bytes = encode([{ kind: 'line', text: '青山镇𠀾' }], 80);
    // ESC @, FS & (Chinese mode), then 青 C7E0 山 C9BD 镇 D5F2 and 𠀾 as a four-byte GB18030 sequence, LF.
    expect(bytes.toString('hex')).toBe('1b401c26' + 'c7e0c9bdd5f2' + iconv.encode('𠀾', 'gb18030').toString('hex') + '0a');
    expect(iconv.encode('𠀾', 'gb18030')).toHaveLength(4);
  });

  it('encodes size, alignment, QR and cut as ESC/POS commands', () => {
    const hex = encode(
      [
        { kind: 'align', align: 'center' },
        { kind: 'style', size: 4, bold: true },
        { kind: 'qr', data: 'http://x/s/1', cellSize: 6 },
        { kind: 'cut' },
      ],
      80,
    ).toString('hex');
    expect(hex).toContain('1b6101'); // ESC a 1: centre
    expect(hex).toContain('1d2133'); // GS ! 0x33: 4× wide and high
    expect(hex).toContain('1b4501'); // ESC E 1: bold
    const url = Buffer.from('http://x/s/1').toString('hex');
    expect(hex).toContain(`1d286b0f00315030${url}`); // GS ( k: store the QR data (len 3 + 12)
    expect(hex).toContain('1d286b0300315130'); // GS ( k: print the QR
    expect(hex).toContain('1d5600'); // GS V 0: cut
  });

  it('round-trips a whole ticket through the emulator decoder', () => {
    const job = decode(encode(ticketLayout(ticket, 58), 58));
    expect(job.text).toEqual(expect.arrayContaining(['A012', '社保劳保', '3. 龘𠀾鿏']));
    expect(job.qr).toEqual([ticket.statusUrl]);
    expect(job.cut).toBe(true);
  });
});

describe('printer replies', () => {
  it('reads paper and cover status', () => {
    expect(parsePaperStatus(Buffer.from([0x12]))).toBe('ok');
    expect(parsePaperStatus(Buffer.from([0x1e]))).toBe('low');
    expect(parsePaperStatus(Buffer.from([0x72]))).toBe('out');
    expect(parseOfflineStatus(Buffer.from([0x16]))).toEqual({ coverOpen: true, paperOut: false });
    expect(parseOfflineStatus(Buffer.from([0x32]))).toEqual({ coverOpen: false, paperOut: true });
  });

  it('refuses replies that are not status bytes', () => {
    for (const bad of [Buffer.alloc(0), Buffer.from([0xff]), Buffer.from('OK')]) {
      expect(() => parsePaperStatus(bad)).toThrow(PrinterFault);
    }
  });

  it('accepts only tcp://host[:port] addresses', () => {
    expect(parsePrinterUri('tcp://192.168.1.50:9100')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parsePrinterUri('tcp://printer.local')).toEqual({ host: 'printer.local', port: 9100 });
    for (const bad of ['http://x', 'tcp://', 'tcp://a:99999', 'tcp://a b:9100', '/dev/usb/lp0']) expect(parsePrinterUri(bad)).toBeNull();
  });
});
