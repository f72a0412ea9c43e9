// Prints tickets after they are issued, one job at a time, each bounded by a short
// deadline. A ticket never waits for paper: it is durable and answered first, the
// print follows, and its result (or fault) is reported through `record` and pushed.
// The service is a port: it receives plain ticket documents and printer settings,
// and never sees the hall.
import type { PrinterHealth, PrinterSettings, TicketPrinted } from '../../shared/types.ts';
import { encode, fault, PrinterFault, type TicketPrinter } from './escpos.ts';
import { ticketLayout, type PaperWidth, type TicketPrint } from './layout.ts';
import { realTimers, type TimerHandle, type Timers } from '../timers.ts';

export type PrinterState = Omit<PrinterHealth, 'printedToday'>;

export interface PrintServiceOptions {
  settings: PrinterSettings;
  clock: () => number;
  /** An instant as the hall writes it (ISO with its offset). */
  formatTime: (ms: number) => string;
  /** Keeps the result (on the ticket, journaled); awaited before anyone hears of it. */
  record: (result: TicketPrinted) => Promise<void>;
  /** Builds the adapter for a printer address; a USB or serial model plugs in here. */
  connect: (uri: string, opts: { timeoutMs: number; paper: PaperWidth }) => TicketPrinter;
  /** PRINTER from the environment: wins over the address in the settings. */
  envUri?: string;
  /** Per network step (status, print). */
  timeoutMs?: number;
  pollMs?: number;
  /** Polls and rechecks run on these; the backoff reads `clock`. */
  timers?: Timers;
  log?: (msg: string) => void;
}

/**
 * After a printer stops answering, later tickets fail at once for this long instead of
 * each waiting out the timeout in turn. Faults the printer reports itself (refused,
 * paper out) are fast and are simply tried again.
 */
const SLOW_FAULT_HOLD_MS = 5000;
const SLOW_FAULTS = new Set(['timeout', 'unreachable']);
/** While faulty, the printer is asked again this often. */
const RECHECK_MS = 5000;

export class PrintService {
  private printer: TicketPrinter | null = null;
  private settings: PrinterSettings;
  private chain: Promise<unknown> = Promise.resolve();
  private listeners: ((h: PrinterState) => void)[] = [];
  private resultListeners: ((r: TicketPrinted) => void)[] = [];
  private poller: TimerHandle | null = null;
  private recheck: TimerHandle | null = null;
  private readonly timers: Timers;
  private faultAt = 0;
  private lastFault: PrinterFault | null = null;
  private health: PrinterState;
  private readonly timeoutMs: number;

  constructor(private readonly opts: PrintServiceOptions) {
    this.timers = opts.timers ?? realTimers;
    this.timeoutMs = opts.timeoutMs ?? 1500;
    this.settings = opts.settings;
    this.health = this.blankHealth();
    this.configure(opts.settings);
    if (opts.pollMs !== 0) {
      this.poller = this.timers.setInterval(() => void this.check(), opts.pollMs ?? 30_000);
    }
  }

  get enabled(): boolean {
    return this.printer !== null;
  }

  current(): PrinterState {
    return { ...this.health };
  }

  onHealth(fn: (h: PrinterState) => void): void {
    this.listeners.push(fn);
  }

  onResult(fn: (r: TicketPrinted) => void): void {
    this.resultListeners.push(fn);
  }

  /** Takes new settings (after an admin changed the printer). */
  configure(settings: PrinterSettings): void {
    this.settings = settings;
    const uri = this.opts.envUri ?? this.settings.uri;
    this.printer = uri ? this.opts.connect(uri, { timeoutMs: this.timeoutMs, paper: this.settings.paperWidth }) : null;
    this.faultAt = 0;
    this.lastFault = null;
    this.health = this.blankHealth();
    this.emit();
    void this.check();
  }

  /** Queues a ticket for printing; resolves with what happened (never rejects). */
  print(doc: TicketPrint): Promise<TicketPrinted> {
    const job = this.chain.then(() => this.run(doc));
    this.chain = job.catch(() => {});
    return job;
  }

  /** Asks the printer how it is, for the health panel. */
  async check(): Promise<void> {
    if (!this.printer || !this.settings.checkStatus) return;
    try {
      const status = await this.askStatus();
      if (status) this.noteStatus(status);
    } catch (e) {
      this.noteFault(e as PrinterFault);
    }
  }

  /**
   * The printer's status, or null when it did not answer in time. Many network printers
   * and print servers print whatever reaches port 9100 but never answer status: such a
   * silence is not a fault; printing goes on and the paper shows as unknown. A printer
   * that is truly dead then fails at the print itself.
   */
  private async askStatus(): Promise<{ paper: 'ok' | 'low' | 'out'; coverOpen: boolean } | null> {
    try {
      return await this.printer!.status();
    } catch (e) {
      if (!(e instanceof PrinterFault) || e.code !== 'timeout') throw e;
      Object.assign(this.health, { paper: 'unknown', checkedAt: this.now() });
      return null;
    }
  }

  close(): void {
    if (this.poller) this.timers.clearInterval(this.poller);
    if (this.recheck) this.timers.clearTimeout(this.recheck);
  }

  private async run(doc: TicketPrint): Promise<TicketPrinted> {
    const { ticketId } = doc;
    const reprint = doc.reprintAt !== undefined;
    let result: TicketPrinted;
    try {
      if (!this.printer) throw fault('error', '没有配置打印机');
      if (this.lastFault && SLOW_FAULTS.has(this.lastFault.code) && this.opts.clock() - this.faultAt < SLOW_FAULT_HOLD_MS) throw this.lastFault;
      const data = encode(ticketLayout(doc, this.settings.paperWidth), this.settings.paperWidth);
      let confirmed = true;
      if (this.settings.checkStatus) {
        const status = await this.askStatus();
        confirmed = status !== null;
        if (status) {
          this.noteStatus(status);
          if (status.paper === 'out') throw fault('paper_out');
          if (status.coverOpen) throw fault('cover_open');
        }
      }
      await this.printer.print(data);
      this.health.lastPrintAt = this.now();
      this.health.state = 'ok';
      this.lastFault = null;
      result = confirmed
        ? { ticketId, ok: true, message: reprint ? '已补打' : '请取走号票', reprint }
        : { ticketId, ok: true, unconfirmed: true, message: '已发送到打印机，但打印机不回应状态，无法确认是否出票', reprint };
    } catch (e) {
      const f = e instanceof PrinterFault ? e : fault('error', (e as Error).message);
      this.noteFault(f);
      result = { ticketId, ok: false, message: f.message, reprint };
    }
    // Recorded on the ticket (journaled): printed-today counts and faults survive restarts.
    await this.opts.record(result).catch((e: Error) => this.opts.log?.(`printer: result of ${ticketId} not recorded: ${e.message}`));
    this.emit();
    for (const l of this.resultListeners) l(result);
    return result;
  }

  private noteStatus(s: { paper: 'ok' | 'low' | 'out'; coverOpen: boolean }): void {
    Object.assign(this.health, { paper: s.paper, coverOpen: s.coverOpen, checkedAt: this.now() });
    if (s.paper === 'out') this.noteFault(fault('paper_out'));
    else if (s.coverOpen) this.noteFault(fault('cover_open'));
    else {
      this.health.state = 'ok';
      this.lastFault = null;
      this.emit();
    }
  }

  private noteFault(f: PrinterFault): void {
    this.faultAt = this.opts.clock();
    this.lastFault = f;
    Object.assign(this.health, { state: 'fault', lastError: f.message, lastErrorAt: this.now(), checkedAt: this.now() });
    this.opts.log?.(`printer: ${f.message}`);
    this.emit();
    // Someone is probably fixing it: look again soon so the consoles see it come back.
    if (!this.recheck && this.settings.checkStatus && this.opts.pollMs !== 0) {
      this.recheck = this.timers.setTimeout(() => {
        this.recheck = null;
        void this.check();
      }, RECHECK_MS);
    }
  }

  private emit(): void {
    const h = this.current();
    for (const l of this.listeners) l(h);
  }

  private now(): string {
    return this.opts.formatTime(this.opts.clock());
  }

  private blankHealth(): PrinterState {
    const uri = this.opts.envUri ?? this.settings.uri;
    return {
      configured: Boolean(uri),
      name: uri ?? null,
      source: this.opts.envUri ? 'env' : uri ? 'settings' : null,
      paperWidth: this.settings.paperWidth,
      state: uri ? 'unknown' : 'off',
      paper: 'unknown',
      coverOpen: false,
      lastError: null,
      lastErrorAt: null,
      lastPrintAt: null,
      checkedAt: null,
    };
  }
}
