// Ships the hall's journal to its county center (县中心), line by line in order, each
// line once: the county keys them by (hall, s) and says where to resume (409
// seq_mismatch). Nothing here is on the path of a take or a call: the hall's listener
// only notes a line and sets a timer, and everything else runs on its own timers. A
// county that is down, slow or answering garbage only changes the link status.
import { MAX_LINES, type IngestBody, type ShipLine } from '../../shared/county/wire.ts';
import { isoLocal } from '../../shared/core/time.ts';
import type { Fact } from '../../shared/core/facts.ts';
import type { CountyLink, CountyLinkStatus, HallData } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { JournalLine, Store } from '../store/index.ts';
import { readJournal } from '../store/journal.ts';
import type { TimerHandle, Timers } from '../timers.ts';
import { postBatch, type IngestResult } from './client.ts';
import { sanitizeLine, sanitizeState } from './sanitize.ts';

export interface ShipperOptions {
  hall: Pick<Hall, 'onApplied' | 'durableState' | 'run' | 'view'>;
  store: Pick<Store, 'dir' | 'shipped'>;
  /** COUNTY_URL, COUNTY_HALL_ID, COUNTY_KEY: wins over the link in 设置. */
  envLink?: CountyLink | null;
  clock: () => number;
  timers: Timers;
  /** Jitter for the back-off, in [0, 1). */
  random: () => number;
  fetch?: typeof fetch;
  /** Journal lines after a seq, from disk (the backlog from before a restart). */
  readLines?: (afterSeq: number) => Promise<JournalLine[]>;
  onStatus?: (status: CountyLinkStatus) => void;
  log?: (msg: string) => void;
  requestTimeoutMs?: number;
  coalesceMs?: number;
  heartbeatMs?: number;
  maxBackoffMs?: number;
}

/** A batch's body stays near this size (the county reads up to 4 MB). */
const MAX_BATCH_BYTES = 1024 * 1024;
/** Lines heard while running, kept in memory for the next batch; older ones are read from disk. */
const BUFFER_LINES = 5000;
/** Forward moves of county-shipped.json at most this often (a heartbeat catches up). */
const PERSIST_MS = 5000;
/**
 * The back-off's cap while nothing answers at all (connection refused or reset): such a
 * try costs the county nothing, and a county back from an outage or a restart should
 * have its halls' backlogs within seconds (issue 13: a day's backlog in < 10 s), not
 * after the minute a county that answers with errors is given.
 */
const UNREACHABLE_BACKOFF_MS = 5000;
/** Mismatches in a row before the shipper backs off instead of retrying at once. */
const MISMATCH_LIMIT = 5;

const sameLink = (a: CountyLink | null, b: CountyLink | null) => a?.url === b?.url && a?.hallId === b?.hallId && a?.key === b?.key;

export class Shipper {
  private link: CountyLink | null = null;
  /** The last line the county holds; null until it has said (or county-shipped.json said). */
  private acked: number | null = null;
  private persisted: number | null = null;
  private persistedAt = -Infinity;
  /** The last line known durable in the journal. */
  private durable = 0;
  private buffer = new Map<number, { s: number; f: Fact[] }>();
  private needBaseline = false;
  private failures = 0;
  private mismatches = 0;
  private failingSince: number | null = null;
  private lastError: string | undefined;
  private lastShippedAt: number | null = null;
  private timer: TimerHandle | null = null;
  private due = Infinity;
  private sending = false;
  private again = false;
  private cancel = new AbortController();
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private lastPushed = '';

  constructor(private readonly o: ShipperOptions) {}

  async start(): Promise<void> {
    this.persisted = (await this.o.store.shipped?.read()) ?? null;
    this.acked = this.persisted;
    this.durable = await this.o.hall.durableState((_, seq) => seq);
    this.link = this.currentLink();
    this.unsubscribe = this.o.hall.onApplied((facts, _effects, seq) => this.heard(facts, seq));
    await this.linkChanged();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.cancel.abort();
    this.clearTimer();
  }

  status(): CountyLinkStatus {
    const tz = this.o.hall.view((d) => d.settings.timeZone);
    const at = (ms: number | null) => (ms === null ? null : isoLocal(ms, tz));
    const inSettings = this.o.hall.view((d) => d.countyLink ?? null);
    const base = { source: this.o.envLink ? ('env' as const) : ('settings' as const), keySet: !!inSettings?.key };
    if (!this.link) return { state: 'off', pending: 0, lastShippedAt: at(this.lastShippedAt), ...base };
    const pending = Math.max(0, this.durable - (this.acked ?? 0));
    const state = this.failures > 0 ? 'failing' : pending > 0 || this.acked === null ? 'behind' : 'ok';
    return {
      state,
      pending,
      lastShippedAt: at(this.lastShippedAt),
      ...(this.lastError !== undefined && state === 'failing' && { lastError: this.lastError }),
      ...(this.failingSince !== null && state === 'failing' && { since: at(this.failingSince)! }),
      hallId: this.link.hallId,
      url: this.link.url,
      ...base,
    };
  }

  private currentLink(): CountyLink | null {
    return this.o.envLink ?? this.o.hall.view((d: HallData) => d.countyLink ?? null);
  }

  /** The hall's listener: a note and a timer, nothing the command waits on. */
  private heard(facts: Fact[], seq: number): void {
    if (this.stopped) return;
    this.durable = Math.max(this.durable, seq);
    if (facts.length === 0) return; // the hall reloaded its state from disk: no new line
    if (facts.some((f) => f.type === 'CountyLinkChanged')) void this.linkChanged();
    if (!this.link) return; // unlinked: a later link reads what it needs from disk
    this.buffer.set(seq, { s: seq, f: facts });
    if (this.buffer.size > BUFFER_LINES) this.buffer.delete(this.buffer.keys().next().value!);
    if (this.failures === 0) this.wake(this.o.coalesceMs ?? 200);
    this.pushStatus();
  }

  private async linkChanged(): Promise<void> {
    const next = this.currentLink();
    if (!sameLink(next, this.link)) {
      // Another county (or hall id): where it stands is its own to say.
      this.cancel.abort();
      this.cancel = new AbortController();
      this.acked = null;
      this.needBaseline = false;
      this.failures = 0;
      this.mismatches = 0;
      this.failingSince = null;
      this.lastError = undefined;
      this.link = next;
    }
    // While linked, the journal is kept from the last acknowledged line (0: all of it).
    if (!this.link) await this.persist(null);
    else if (this.persisted === null) await this.persist(0);
    this.clearTimer();
    if (this.link) this.wake(0);
    this.pushStatus();
  }

  /**
   * Writes the acknowledged seq down. Moving it forward waits PERSIST_MS between writes
   * (a durable write per batch is wasted on a stale value that only keeps more files);
   * moving it back (the county lost lines) or on and off is written at once.
   */
  private async persist(seq: number | null, soon = false): Promise<void> {
    if (seq === this.persisted || !this.o.store.shipped) return;
    const forward = seq !== null && this.persisted !== null && seq > this.persisted;
    if (forward && soon && this.o.clock() - this.persistedAt < PERSIST_MS) return;
    try {
      await this.o.store.shipped.write(seq);
      this.persisted = seq;
      this.persistedAt = this.o.clock();
    } catch (e) {
      this.o.log?.(`county: cannot write county-shipped.json: ${(e as Error).message}`);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
    this.due = Infinity;
  }

  /** Ship within `ms`: an earlier wake-up stands. */
  private wake(ms: number): void {
    if (this.stopped || !this.link) return;
    if (this.sending) {
      if (ms === 0 || ms <= (this.o.coalesceMs ?? 200)) this.again = true;
      return;
    }
    const at = this.o.clock() + ms;
    if (this.timer !== null && this.due <= at) return;
    this.clearTimer();
    this.due = at;
    this.timer = this.o.timers.setTimeout(() => {
      this.timer = null;
      this.due = Infinity;
      void this.ship();
    }, ms);
  }

  /** One batch: lines from the last acknowledged one (or a baseline), or a heartbeat. */
  private async ship(): Promise<void> {
    const link = this.link;
    if (!link || this.sending || this.stopped) return;
    this.sending = true;
    this.again = false;
    const signal = this.cancel.signal;
    let next: number | null = null;
    try {
      const body = await this.batch(link);
      const result: IngestResult = await postBatch(
        { fetch: this.o.fetch ?? fetch, timers: this.o.timers, timeoutMs: this.o.requestTimeoutMs ?? 10_000 },
        link.url,
        link.key,
        body,
        signal,
      );
      if (signal.aborted) return;
      next = await this.handle(result, body);
    } catch (e) {
      if (!signal.aborted) next = this.failed((e as Error).message);
    } finally {
      this.sending = false;
      this.pushStatus();
    }
    if (signal.aborted || this.stopped) return void (this.link && this.wake(0));
    const coalesce = this.o.coalesceMs ?? 200;
    this.wake(this.again && this.failures === 0 ? Math.min(next ?? coalesce, coalesce) : (next ?? this.o.heartbeatMs ?? 10_000));
  }

  private async batch(link: CountyLink): Promise<IngestBody> {
    const hallNow = this.o.hall.view((d) => isoLocal(this.o.clock(), d.settings.timeZone));
    const body: IngestBody = { hallId: link.hallId, hallNow, lines: [] };
    if (this.needBaseline) {
      const { data, seq } = await this.o.hall.durableState((d, s) => ({ data: sanitizeState(d), seq: s }));
      body.baseline = { seq, data };
      return body;
    }
    // Not yet known where the county stands: an empty batch asks (its reply says).
    if (this.acked === null || this.acked >= this.durable) return body;
    body.lines = await this.linesFrom(this.acked + 1);
    return body;
  }

  private async linesFrom(from: number): Promise<ShipLine[]> {
    const out: ShipLine[] = [];
    let bytes = 0;
    const add = (l: ShipLine) => {
      const size = JSON.stringify(l).length;
      if (out.length >= MAX_LINES || (out.length > 0 && bytes + size > MAX_BATCH_BYTES)) return false;
      out.push(l);
      bytes += size;
      return true;
    };
    let s = from;
    for (; s <= this.durable && this.buffer.has(s); s++) if (!add(sanitizeLine(this.buffer.get(s)!))) return out;
    if (s > this.durable) return out;
    // The backlog: from the journal files on disk, only lines known durable.
    const read = this.o.readLines ?? ((after: number) => readJournal<JournalLine>(this.o.store.dir, after));
    const lines = await read(s - 1);
    if (lines.length === 0 || lines[0]!.s !== s) throw new Error(`本大厅的日志里已没有第 ${s} 条记录，县中心无法补齐`);
    for (const l of lines) {
      if (l.s > this.durable) break;
      // A line of the old command format carries no facts: it ships empty, keeping the sequence whole.
      if (!add('f' in l ? sanitizeLine(l) : { s: l.s, f: [] })) break;
    }
    return out;
  }

  /** What to do after a reply; the delay before the next batch (null: the heartbeat). */
  private async handle(r: IngestResult, sent: IngestBody): Promise<number | null> {
    if (r.ok) {
      const wasFailing = this.failures > 0;
      this.failures = 0;
      this.mismatches = 0;
      this.failingSince = null;
      this.lastError = undefined;
      this.needBaseline = false;
      this.lastShippedAt = this.o.clock();
      if (r.lastSeq > this.durable) {
        return this.failed(`县中心记录的本大厅日志（第 ${r.lastSeq} 条）比本大厅还新，请联系县中心核对大厅编号`);
      }
      this.acked = r.lastSeq;
      for (const s of this.buffer.keys()) if (s <= r.lastSeq) this.buffer.delete(s);
      else break;
      await this.persist(r.lastSeq, true); // a heartbeat writes down what the throttle held back
      await this.receive(r.notices);
      const more = this.acked < this.durable;
      return more || wasFailing || sent.baseline ? 0 : null;
    }
    if (r.mismatch) {
      if (++this.mismatches > MISMATCH_LIMIT) return this.failed('县中心反复要求从别处续传，稍后再试');
      if (r.expected === null) this.needBaseline = true;
      else if (r.expected - 1 > this.durable) return this.failed(`县中心要求从第 ${r.expected} 条续传，比本大厅的日志还新，请联系县中心核对大厅编号`);
      else {
        this.needBaseline = false;
        this.acked = r.expected - 1; // the county holds everything before: the journal need not keep it
        await this.persist(this.acked);
      }
      return 0;
    }
    return this.failed(r.error, r.unreachable);
  }

  private async receive(notices: { id: string; text: string; sentAt: string; warningId?: string }[]): Promise<void> {
    if (notices.length === 0) return;
    const known = this.o.hall.view((d) => new Set((d.notices ?? []).map((n) => n.id)));
    const fresh = notices.filter((n) => !known.has(n.id));
    if (fresh.length === 0) return;
    try {
      await this.o.hall.run({ type: 'receiveNotices', notices: fresh });
    } catch (e) {
      this.o.log?.(`county: notices not recorded: ${(e as Error).message}`);
    }
  }

  /** A failed try: the link shows it, and the next waits longer (exponential, jittered, capped). */
  private failed(message: string, unreachable = false): number {
    this.failures++;
    this.failingSince ??= this.o.clock();
    if (this.lastError !== message) this.o.log?.(`county: ${message}`);
    this.lastError = message;
    const cap = this.o.maxBackoffMs ?? 60_000;
    return backoff(this.failures, this.o.random(), unreachable ? Math.min(cap, UNREACHABLE_BACKOFF_MS) : cap);
  }

  private pushStatus(): void {
    if (!this.o.onStatus) return;
    const s = this.status();
    const key = JSON.stringify([s.state, s.pending, s.lastError, s.since, s.url, s.hallId]);
    if (key === this.lastPushed) return;
    this.lastPushed = key;
    this.o.onStatus(s);
  }
}

/** Equal jitter: half of the exponential step for sure, the other half at random. */
export function backoff(failures: number, random: number, capMs: number): number {
  const step = Math.min(capMs, 1000 * 2 ** Math.min(failures - 1, 30));
  return Math.round(step / 2 + (random * step) / 2);
}
