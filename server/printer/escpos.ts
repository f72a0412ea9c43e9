// ESC/POS network printers through node-thermal-printer. Text goes out as GB18030
// bytes we encode ourselves: the library's default encodes Chinese as Japanese and its
// CHINA set is GBK only, which lacks rare name characters.
import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { COLUMNS, type PaperWidth, type PrintOp } from './layout.ts';

export interface PrinterStatus {
  paper: 'ok' | 'low' | 'out';
  coverOpen: boolean;
}

/** The port the rest of the server sees: a second model or a USB port is another one of these. */
export interface TicketPrinter {
  readonly name: string;
  /** Asks the printer; rejects with a PrinterFault when it can't or won't answer. */
  status(): Promise<PrinterStatus>;
  print(data: Buffer): Promise<void>;
}

export type FaultCode = 'refused' | 'timeout' | 'unreachable' | 'paper_out' | 'cover_open' | 'bad_reply' | 'error';

export class PrinterFault extends Error {
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
  }
}

const FAULT_TEXT: Record<FaultCode, string> = {
  refused: '打印机拒绝连接（可能未开机或端口不对）',
  timeout: '打印机没有响应',
  unreachable: '找不到打印机（网络不通）',
  paper_out: '打印机缺纸',
  cover_open: '打印机纸仓盖未关好',
  bad_reply: '打印机回复无法识别',
  error: '打印出错',
};

export const fault = (code: FaultCode, detail?: string) => new PrinterFault(code, detail ? `${FAULT_TEXT[code]}：${detail}` : FAULT_TEXT[code]);

function asFault(e: unknown): PrinterFault {
  if (e instanceof PrinterFault) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED' || err?.code === 'ECONNRESET') return fault('refused');
  if (err?.code === 'EHOSTUNREACH' || err?.code === 'ENETUNREACH' || err?.code === 'ENOTFOUND' || err?.code === 'EAI_AGAIN') return fault('unreachable');
  if (/timeout/i.test(err?.message ?? '')) return fault('timeout');
  return fault('error', err?.message);
}

// Real-time status requests (DLE EOT n). Every reply byte has bit 1 and bit 4 set and
// bits 0 and 7 clear; anything else is not a status reply.
const DLE_EOT_OFFLINE = Buffer.from([0x10, 0x04, 0x02]);
const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);
const isStatusByte = (b: number) => (b & 0x93) === 0x12;

export function parseOfflineStatus(reply: Buffer): { coverOpen: boolean; paperOut: boolean } {
  const b = reply[0];
  if (reply.length < 1 || b === undefined || !isStatusByte(b)) throw fault('bad_reply', reply.toString('hex') || '空');
  return { coverOpen: (b & 0x04) !== 0, paperOut: (b & 0x20) !== 0 };
}

export function parsePaperStatus(reply: Buffer): PrinterStatus['paper'] {
  const b = reply[0];
  if (reply.length < 1 || b === undefined || !isStatusByte(b)) throw fault('bad_reply', reply.toString('hex') || '空');
  if ((b & 0x60) !== 0) return 'out';
  if ((b & 0x0c) !== 0) return 'low';
  return 'ok';
}

/** ESC @ (reset) then FS & (Chinese character mode: double-byte GB18030 text). */
const INIT = Buffer.from([0x1b, 0x40, 0x1c, 0x26]);

function newPrinter(uri: string, timeoutMs: number, paper: PaperWidth): ThermalPrinter {
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: uri, width: COLUMNS[paper], options: { timeout: timeoutMs } });
}

/** Print operations → the bytes for an ESC/POS printer. */
export function encode(ops: PrintOp[], paper: PaperWidth): Buffer {
  // The interface is never opened here: the printer object only builds the buffer.
  const p = newPrinter('tcp://127.0.0.1:9', 1000, paper);
  p.add(INIT);
  for (const op of ops) {
    switch (op.kind) {
      case 'align':
        op.align === 'center' ? p.alignCenter() : p.alignLeft();
        break;
      case 'style':
        p.setTextSize(op.size - 1, op.size - 1);
        p.bold(op.bold);
        break;
      case 'line':
        p.add(iconv.encode(op.text, 'gb18030'));
        p.newLine();
        break;
      case 'rule':
        p.add(Buffer.from('-'.repeat(COLUMNS[paper]), 'ascii'));
        p.newLine();
        break;
      case 'qr':
        p.printQR(op.data, { cellSize: op.cellSize, correction: 'M', model: 2 });
        p.newLine();
        break;
      case 'feed':
        for (let i = 0; i < op.lines; i++) p.newLine();
        break;
      case 'cut':
        p.cut();
        break;
    }
  }
  return p.getBuffer();
}

/** `tcp://HOST:PORT` (port 9100 when left out). */
export function parsePrinterUri(uri: string): { host: string; port: number } | null {
  const m = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(?::(\d{1,5}))?\/?$/.exec(uri.trim());
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 9100;
  return port > 0 && port < 65536 ? { host: m[1]!, port } : null;
}

export function networkPrinter(uri: string, opts: { timeoutMs: number; paper: PaperWidth }): TicketPrinter {
  const ask = async (request: Buffer): Promise<Buffer> => {
    const p = newPrinter(uri, opts.timeoutMs, opts.paper);
    p.setBuffer(request);
    try {
      const reply = (await p.execute({ waitForResponse: true })) as unknown;
      return Buffer.isBuffer(reply) ? reply : Buffer.from(String(reply ?? ''), 'latin1');
    } catch (e) {
      throw asFault(e);
    }
  };
  return {
    name: uri,
    async status() {
      const offline = parseOfflineStatus(await ask(DLE_EOT_OFFLINE));
      const paper = parsePaperStatus(await ask(DLE_EOT_PAPER));
      return { paper: offline.paperOut ? 'out' : paper, coverOpen: offline.coverOpen };
    },
    async print(data) {
      const p = newPrinter(uri, opts.timeoutMs, opts.paper);
      p.setBuffer(data);
      try {
        await p.execute();
      } catch (e) {
        throw asFault(e);
      }
    },
  };
}
