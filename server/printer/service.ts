// Prints tickets after they are issued, one job at a time, each bounded by a short
// deadline. A ticket never waits for paper: it is durable and answered first, the
// print follows, and its result (or fault) is recorded on the ticket and pushed.
import { aheadOf } from '../../shared/core/queue.ts';
import { serviceById } from '../../shared/core/commands.ts';
import { estimateWaitMin } from '../../shared/core/estimate.ts';
import { isoLocal } from '../../shared/core/time.ts';
import type { PrinterHealth, PrinterSettings, TicketPrinted } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import { realTimers, type TimerHandle, type Timers } from '../timers.ts';
import { encode, fault, PrinterFault, type TicketPrinter } from './escpos.ts';
import { ticketLayout, type PaperWidth } from './layout.ts';

export interface PrintServiceOptions {
  hall: Hall;
  /** Builds the adapter for a printer address; a USB or serial model plugs in here. */
  connect: (uri: string, opts: { timeoutMs: number; paper: PaperWidth }) => TicketPrinter;
  /** PRINTER from the environment: wins over the address in the settings. */
  envUri?: string;
  /** Per network step (status, print). */
  timeoutMs?: number;
  pollMs?: number;
  /** The backoff (SLOW_FAULT_HOLD_MS) reads the hall's clock; polls and rechecks run on these. */
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
  private listeners: ((h: PrinterHealth) => void)[] = [];
  private resultListeners: ((r: TicketPrinted) => void)[] = [];
  private poller: TimerHandle | null = null;
  private recheck: TimerHandle | null = null;
  private faultAt = 0;
  private lastFault: PrinterFault | null = null;
  private health: PrinterHealth;
  private readonly timeoutMs: number;
  private readonly timers: Timers;

  constructor(private readonly opts: PrintServiceOptions) {
    this.timeoutMs = opts.timeoutMs ?? 1500;
    this.timers = opts.timers ?? realTimers;
    this.settings = opts.hall.data.settings.printer;
    this.health = this.blankHealth();
    this.configure();
    if (opts.pollMs !== 0) {
      this.poller = this.timers.setInterval(() => void this.check(), opts.pollMs ?? 30_000);
    }
  }

  get enabled(): boolean {
    return this.printer !== null;
  }

  current(): PrinterHealth {
    return { ...this.health, printedToday: this.opts.hall.data.today.printed ?? 0 };
  }

  onHealth(fn: (h: PrinterHealth) => void): void {
    this.listeners.push(fn);
  }

  onResult(fn: (r: TicketPrinted) => void): void {
    this.resultListeners.push(fn);
  }

  /** Re-reads the settings (after an admin changed the printer). */
  configure(): void {
    this.settings = this.opts.hall.data.settings.printer;
    const uri = this.opts.envUri ?? this.settings.uri;
    this.printer = uri ? this.opts.connect(uri, { timeoutMs: this.timeoutMs, paper: this.settings.paperWidth }) : null;
    this.faultAt = 0;
    this.lastFault = null;
    this.health = this.blankHealth();
    this.emit();
    void this.check();
  }

  /** Queues a ticket for printing; resolves with what happened (never rejects). */
  print(ticketId: string, statusUrl: string, reprint = false): Promise<TicketPrinted> {
    const job = this.chain.then(() => this.run(ticketId, statusUrl, reprint));
    this.chain = job.catch(() => {});
    return job;
  }

  /** Asks the printer how it is, for the health panel. */
  async check(): Promise<void> {
    if (!this.printer || !this.settings.checkStatus) return;
    try {
      this.noteStatus(await this.printer.status());
    } catch (e) {
      this.noteFault(e as PrinterFault);
    }
  }

  close(): void {
    if (this.poller) this.timers.clearInterval(this.poller);
    if (this.recheck) this.timers.clearTimeout(this.recheck);
  }

  private async run(ticketId: string, statusUrl: string, reprint: boolean): Promise<TicketPrinted> {
    const hall = this.opts.hall;
    let result: TicketPrinted;
    try {
      if (!this.printer) throw fault('error', '没有配置打印机');
      if (this.lastFault && SLOW_FAULTS.has(this.lastFault.code) && this.opts.hall.now() - this.faultAt < SLOW_FAULT_HOLD_MS) throw this.lastFault;
      const data = this.document(ticketId, statusUrl, reprint);
      if (this.settings.checkStatus) {
        const status = await this.printer.status();
        this.noteStatus(status);
        if (status.paper === 'out') throw fault('paper_out');
        if (status.coverOpen) throw fault('cover_open');
      }
      await this.printer.print(data);
      this.health.lastPrintAt = this.now();
      this.health.state = 'ok';
      this.lastFault = null;
      result = { ticketId, ok: true, message: reprint ? '已补打' : '请取走号票', reprint };
    } catch (e) {
      const f = e instanceof PrinterFault ? e : fault('error', (e as Error).message);
      this.noteFault(f);
      result = { ticketId, ok: false, message: f.message, reprint };
    }
    // Recorded on the ticket (journaled): printed-today counts and faults survive restarts.
    await hall.run({ type: 'printed', ticketId, ok: result.ok, ...(!result.ok && { error: result.message }) }).catch(() => {});
    this.emit();
    for (const l of this.resultListeners) l(result);
    return result;
  }

  private document(ticketId: string, statusUrl: string, reprint: boolean): Buffer {
    const d = this.opts.hall.data;
    const t = d.tickets[ticketId];
    if (!t) throw fault('error', '今天没有这个号');
    const service = serviceById(d, t.serviceId);
    const ahead = aheadOf(d, t);
    const ops = ticketLayout(
      {
        hallName: d.settings.hallName,
        number: t.number,
        serviceName: service?.name ?? t.serviceId,
        ahead,
        estimatedWaitMin: estimateWaitMin(d, t.serviceId, ahead),
        takenAt: t.takenAt,
        counters: d.counters.filter((c) => c.serviceIds.includes(t.serviceId)).map((c) => c.name),
        priority: t.priority,
        materials: service?.materials ?? [],
        statusUrl,
        ...(reprint && { reprintAt: this.now() }),
      },
      this.settings.paperWidth,
    );
    return encode(ops, this.settings.paperWidth);
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
    this.faultAt = this.opts.hall.now();
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
    return isoLocal(this.opts.hall.now(), this.opts.hall.data.settings.timeZone);
  }

  private blankHealth(): PrinterHealth {
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
      printedToday: 0,
    };
  }
}
