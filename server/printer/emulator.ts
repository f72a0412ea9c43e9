// An emulated ESC/POS network printer: it decodes what it receives into lines, QR
// codes and cuts, answers status requests, and can be told to refuse connections,
// stall, or report paper out. `npm run printer:emulate` and the tests print to it.
import { createServer, type Server, type Socket } from 'node:net';
import iconv from 'iconv-lite';

/** `no_status`: prints, but never answers status requests (many print servers do this). */
export type EmulatorMode = 'ok' | 'refuse' | 'stall' | 'paper_out' | 'paper_low' | 'cover_open' | 'no_status';

export interface PrintedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  size: number; // width multiplier
  bold: boolean;
}

export type PrintedItem = ({ kind: 'text' } & PrintedLine) | { kind: 'qr'; data: string; align: PrintedLine['align'] } | { kind: 'cut' };

export interface PrintJob {
  items: PrintedItem[];
  /** Plain text of every line, in order. */
  text: string[];
  qr: string[];
  cut: boolean;
  bytes: number;
}

/** Decodes ESC/POS bytes. Unknown commands are skipped, never fatal. */
export function decode(buf: Buffer): PrintJob {
  const items: PrintedItem[] = [];
  let align: PrintedLine['align'] = 'left';
  let size = 1;
  let bold = false;
  let qrData = '';
  let text: number[] = [];
  const flush = () => {
    items.push({ kind: 'text', text: iconv.decode(Buffer.from(text), 'gb18030'), align, size, bold });
    text = [];
  };
  let i = 0;
  const at = (k: number) => buf[i + k] ?? 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      const c = at(1);
      if (c === 0x40) { align = 'left'; size = 1; bold = false; i += 2; }
      else if (c === 0x61) { align = ([ 'left', 'center', 'right' ] as const)[at(2) % 48 % 3]!; i += 3; }
      else if (c === 0x45) { bold = (at(2) & 1) === 1; i += 3; }
      else if (c === 0x21) { const n = at(2); size = n & 0x20 ? 2 : 1; bold = (n & 0x08) !== 0; i += 3; }
      else if (c === 0x64) { for (let k = 0; k < at(2); k++) items.push({ kind: 'text', text: '', align, size: 1, bold: false }); i += 3; }
      else if (c === 0x42) i += 4; // beep n t
      else if (c === 0x32) i += 2; // default line spacing
      else i += 3; // ESC x n: one-argument commands (line spacing, font, charset…)
    } else if (b === 0x1d) {
      const c = at(1);
      if (c === 0x21) { size = (at(2) >> 4) + 1; i += 3; }
      else if (c === 0x56) { const m = at(2); items.push({ kind: 'cut' }); i += m === 65 || m === 66 ? 4 : 3; }
      else if (c === 0x28 && at(2) === 0x6b) {
        // GS ( k pL pH cn fn [data]: the QR functions.
        const len = at(3) + at(4) * 256;
        const fn = at(6);
        if (fn === 0x50) qrData = iconv.decode(buf.subarray(i + 8, i + 5 + len), 'utf8');
        if (fn === 0x51) items.push({ kind: 'qr', data: qrData, align });
        i += 5 + len;
      } else i += 3;
    } else if (b === 0x1c) {
      i += 2; // FS & / FS . : Chinese mode on/off (always decoded as GB18030 here)
    } else if (b === 0x10 && at(1) === 0x04) {
      i += 3; // status request (answered by the server part)
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length) flush();
  return {
    items,
    text: items.flatMap((it) => (it.kind === 'text' ? [it.text] : [])),
    qr: items.flatMap((it) => (it.kind === 'qr' ? [it.data] : [])),
    cut: items.some((it) => it.kind === 'cut'),
    bytes: buf.length,
  };
}

/** Status bytes for DLE EOT n (and GS r 1) in each mode. */
function statusReply(mode: EmulatorMode, n: number): number {
  const base = 0x12;
  if (n === 2) return base | (mode === 'cover_open' ? 0x04 : 0) | (mode === 'paper_out' ? 0x20 : 0);
  if (n === 4) return base | (mode === 'paper_out' ? 0x60 : 0) | (mode === 'paper_low' ? 0x0c : 0);
  return base | (mode === 'cover_open' || mode === 'paper_out' ? 0x08 : 0);
}

export class PrinterEmulator {
  readonly jobs: PrintJob[] = [];
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private listeners: ((job: PrintJob) => void)[] = [];
  mode: EmulatorMode;
  port = 0;

  constructor(opts: { mode?: EmulatorMode } = {}) {
    this.mode = opts.mode ?? 'ok';
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  onJob(fn: (job: PrintJob) => void): void {
    this.listeners.push(fn);
  }

  /** Starts listening (port 0: any free port). In `refuse` mode nothing listens. */
  async start(port = 0, host = '127.0.0.1'): Promise<void> {
    this.port = port;
    this.host = host;
    if (this.mode !== 'refuse') await this.listen();
  }

  private host = '127.0.0.1';

  async setMode(mode: EmulatorMode): Promise<void> {
    const was = this.mode;
    this.mode = mode;
    if (mode === 'refuse' && was !== 'refuse') await this.unlisten();
    if (mode !== 'refuse' && was === 'refuse') await this.listen();
  }

  async stop(): Promise<void> {
    await this.unlisten();
  }

  private listen(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private async unlisten(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      if (this.mode === 'stall') return; // takes the bytes, says nothing, prints nothing
      chunks.push(chunk);
      // Answer status requests as they arrive, like a real printer does.
      for (let i = 0; this.mode !== 'no_status' && i + 2 < chunk.length; i++) {
        if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) socket.write(Buffer.from([statusReply(this.mode, chunk[i + 2]!)]));
        if (chunk[i] === 0x1d && chunk[i + 1] === 0x72) socket.write(Buffer.from([statusReply(this.mode, 4)]));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sockets.delete(socket);
      const data = Buffer.concat(chunks);
      const job = decode(data);
      // A connection that only asked for status is not a print job; a printer out of
      // paper or with its cover open prints nothing.
      if (job.items.length === 0 || this.mode === 'paper_out' || this.mode === 'cover_open') return;
      this.jobs.push(job);
      for (const l of this.listeners) l(job);
    });
  }
}
