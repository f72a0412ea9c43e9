// Runs commands one at a time: core rule → journal (fsync'ed) → reply and broadcast.
// Node runs each `apply` to completion before the next starts, so two clerks pressing
// "next" together are two commands in a row and can never get the same ticket.
import { apply, dayChanged, type Command, type Effects } from '../shared/core/commands.ts';
import { dayNames, type Fact } from '../shared/core/facts.ts';
import { HallError } from '../shared/core/errors.ts';
import { isoLocal, localDay, nextMidnightMs } from '../shared/core/time.ts';
import type { HallData, Session } from '../shared/types.ts';
import { tokenHash } from './auth.ts';
import { upgrade } from './seed.ts';
import { ClockWatch } from './clockWatch.ts';
import { replay } from './store/replay.ts';
import type { Store } from './store/index.ts';

/** A command before the hall stamps it with the time. */
export type Order = Command extends infer C ? (C extends Command ? Omit<C, 'at'> : never) : never;
/** Hears the facts of every command once they are durable, with its journal line's seq. */
export type Listener = (facts: Fact[], effects: Effects, seq: number) => void;

export interface HallOptions {
  store: Store;
  clock: () => number;
  /**
   * A clock that never jumps (performance.now), to tell a wall-clock jump from time
   * passing. Defaults to `clock`: a test's clock moves both together.
   */
  monotonic?: () => number;
  /** State for a new, empty data directory. */
  seed: () => Promise<HallData>;
  /** Take a snapshot once this many commands are journaled and the hall is idle. */
  snapshotEvery?: number;
  log?: (msg: string) => void;
}

const IDLE_MS = 1000;
/** A closed day whose archive write failed is tried again this often. */
const ARCHIVE_RETRY_MS = 30_000;
/** After the journal could not be written, the disk is tried again this often. */
const STORAGE_RETRY_MS = 5_000;

const unavailable = () => new HallError('storage_unavailable', 503, '服务器暂时无法保存数据（磁盘已满或无法写入），这次操作没有生效，请稍后再试；工作人员请检查服务器的磁盘');

/** Something the hall cannot do right now, for /api/health and the supervisor. */
export interface Problem {
  code: string;
  message: string;
  since: string;
}

export class Hall {
  private listeners: Listener[] = [];
  private sinceSnapshot = 0;
  private lastCommandAt = 0;
  private snapshotting: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  /** The last command known to be on disk; `seq` runs ahead while a write is under way. */
  private durableSeq: number;
  private onDurable: (() => void)[] = [];
  private archiving: Promise<void> | null = null;
  private recovering: Promise<void> | null = null;
  private readonly faults = new Map<string, Problem>();
  private readonly watch: ClockWatch;

  private constructor(
    private state: HallData,
    private seq: number,
    private readonly opts: HallOptions,
    readonly seeded: boolean,
  ) {
    this.durableSeq = seq;
    this.watch = new ClockWatch(opts.clock, opts.monotonic ?? opts.clock, opts.log);
  }

  static async open(opts: HallOptions): Promise<Hall> {
    const { store } = opts;
    const loaded = await store.load();
    const seeded = loaded.data === null;
    const data = upgrade(loaded.data ?? (await opts.seed()));
    const hall = new Hall(data, loaded.seq, opts, seeded);
    // Replay what the journal holds beyond the snapshot: a fold of `evolve` over its
    // facts. A journal written before facts existed holds commands instead; those
    // succeeded when written and the rules are deterministic, so deciding them again
    // gives the facts they had. The snapshot taken below turns them into facts for good.
    for (const entry of loaded.entries) {
      replay(data, entry, opts.log);
      hall.seq = entry.s;
    }
    hall.durableSeq = hall.seq;
    await store.openJournal(hall.seq);
    if (seeded || loaded.entries.length > 0) await store.snapshot(data, hall.seq, opts.clock());
    await hall.catchUpDay();
    await hall.archiveClosedDays();
    hall.scheduleMidnight();
    hall.timers.push(setInterval(() => void hall.maybeSnapshot(false), IDLE_MS).unref());
    return hall;
  }

  onApplied(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  now(): number {
    return this.opts.clock();
  }

  /** The calendar day now in the hall's time zone (YYYY-MM-DD). */
  today(): string {
    return localDay(this.opts.clock(), this.state.settings.timeZone);
  }

  /**
   * Applies the command and resolves once it is durable. A refusal (HallError)
   * rejects only after everything before it is durable too, so no reply ever
   * rests on state a crash could take back.
   */
  async run(order: Order): Promise<Effects> {
    if (this.closed) throw new HallError('shutting_down', 503, '服务正在重启，请稍候再试');
    if (this.faults.has('storage')) {
      void this.recoverStorage();
      throw unavailable();
    }
    const at = this.watch.now();
    if (order.type !== 'rollover' && this.newDay(at)) {
      // Applied and journaled right here, ahead of the command (commit's synchronous part).
      this.commit({ type: 'rollover' }, at).catch((e) => this.opts.log?.(`rollover failed: ${(e as Error).message}`));
    }
    return this.commit(order, at);
  }

  private async commit(order: Order, at: number): Promise<Effects> {
    const cmd = { ...order, at } as Command;
    let effects: Effects;
    try {
      effects = apply(this.state, cmd);
    } catch (e) {
      await this.opts.store.barrier();
      throw e;
    }
    if (effects.facts.length === 0) {
      // Nothing happened, but the answer may rest on facts still being written.
      await this.opts.store.barrier();
      return effects;
    }
    const seq = ++this.seq;
    this.lastCommandAt = at;
    this.sinceSnapshot++;
    try {
      await this.opts.store.append({ s: seq, f: effects.facts });
    } catch (e) {
      this.storageFailed(e as Error);
      throw unavailable();
    }
    if (seq > this.durableSeq) this.durableSeq = seq;
    await this.afterApply(effects, seq);
    if (this.durableSeq === this.seq && this.onDurable.length > 0) {
      const waiting = this.onDurable;
      this.onDurable = [];
      for (const fn of waiting) fn();
    }
    return effects;
  }

  /**
   * Runs `fn` once every command applied so far is on disk: at once when no write is
   * under way. State pushed to screens is read then, so it does not show a call or a
   * ticket that a crash could still take back. Under a steady stream of commands the
   * hall may never be wholly caught up; then `fn` runs at the first `patienceMs` tick
   * by which everything applied when it asked is on disk. A stalled disk keeps it
   * waiting.
   */
  whenDurable(fn: () => void, patienceMs = 1000): void {
    if (this.durableSeq === this.seq) return fn();
    const target = this.seq;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearInterval(tick);
      this.timers = this.timers.filter((t) => t !== tick);
      fn();
    };
    const tick = setInterval(() => {
      if (this.durableSeq >= target) go();
    }, patienceMs).unref();
    this.timers.push(tick);
    this.onDurable.push(go);
  }

  /**
   * Reads the state as it is now, facts still being written included: for pushes
   * (which wait for `whenDurable`) and for replies to a command already durable.
   * `fn` must only read.
   */
  view<T>(fn: (data: HallData) => T): T {
    return fn(this.state);
  }

  /** Reads the state and its journal seq at a moment when all of it is on disk (the county's baseline). */
  durableState<T>(fn: (data: HallData, seq: number) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      const go = () => (this.faults.has('storage') ? reject(unavailable()) : resolve(fn(this.state, this.seq)));
      if (this.durableSeq === this.seq) go();
      else this.onDurable.push(go);
    });
  }

  /** Reads the state once everything applied so far is durable. */
  async read<T>(fn: (data: HallData) => T): Promise<T> {
    await this.opts.store.barrier().catch(() => {
      throw unavailable(); // what is in memory may hold facts the disk refused
    });
    if (this.faults.has('storage')) throw unavailable();
    return fn(this.state);
  }

  /**
   * The live session of a token. Like the day, a session is not ended by a clock that
   * has just jumped: every clerk would be signed out by one reading a year ahead.
   */
  session(token: string): Session | null {
    const s = this.state.sessions[tokenHash(token)];
    return s && (s.expiresAtMs > this.watch.now() || !this.watch.steady()) ? s : null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    await this.snapshotting;
    await this.opts.store.barrier().catch(() => {});
    await this.recovering;
    // A state the disk refused part of is never written down as a snapshot.
    if (this.sinceSnapshot > 0 && !this.faults.has('storage')) await this.opts.store.snapshot(this.state, this.seq, this.opts.clock());
    await this.opts.store.close();
  }

  /**
   * The journal could not be written: the commands of the failed write were refused,
   * so the state in memory, which already holds their facts, is no longer the truth.
   * The hall refuses commands (503) until the journal is cut back to what was
   * acknowledged and the state reloaded from disk; then it goes on by itself.
   */
  private storageFailed(e: Error): void {
    if (!this.faults.has('storage')) {
      this.opts.log?.(`journal write failed: ${e.message}`);
      this.faults.set('storage', { code: 'storage_unavailable', message: `服务器无法写入数据（${e.message}），取号和叫号暂停，腾出磁盘空间后自动恢复`, since: isoLocal(this.opts.clock(), this.state.settings.timeZone) });
    }
    void this.recoverStorage();
  }

  private recoverStorage(): Promise<void> {
    this.recovering ??= this.recoverNow().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
  }

  private async recoverNow(): Promise<void> {
    const { store, log } = this.opts;
    // Every write under way belongs to what failed: let it fail first.
    await store.barrier().catch(() => {});
    try {
      await store.recover();
      const loaded = await store.load();
      if (!loaded.data) throw new Error('snapshot.json is missing');
      const state = upgrade(loaded.data);
      for (const entry of loaded.entries) replay(state, entry, log);
      this.state = state;
      this.seq = this.durableSeq = loaded.entries.at(-1)?.s ?? loaded.seq;
      this.sinceSnapshot = loaded.entries.length;
      this.faults.delete('storage');
      log?.('journal writable again: state reloaded from disk');
    } catch (e) {
      if (this.closed) return;
      log?.(`journal still not writable: ${(e as Error).message}`);
      this.later(STORAGE_RETRY_MS, () => void this.recoverStorage());
      return;
    }
    // Screens waiting for a push see the state as it is on disk; listeners hear that
    // everything changed.
    const waiting = this.onDurable;
    this.onDurable = [];
    for (const fn of waiting) fn();
    for (const l of this.listeners) l([], { facts: [] }, this.seq);
  }

  /** Runs `fn` after `ms`, unless the hall has closed by then; never keeps the process up. */
  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers = this.timers.filter((x) => x !== t);
      if (!this.closed) fn();
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  /** What is wrong right now (empty when all is well). */
  problems(): Problem[] {
    return [...this.faults.values()];
  }

  /**
   * Writes the closed days still held in the state to the archive, each then leaving
   * the state by a DayArchived fact. A day whose write fails stays in the state (and
   * so in every snapshot) and is tried again later; the fault is shown meanwhile.
   */
  archiveClosedDays(): Promise<void> {
    this.archiving ??= this.archiveNow().finally(() => {
      this.archiving = null;
    });
    return this.archiving;
  }

  private async archiveNow(): Promise<void> {
    const { archive } = this.opts.store;
    const days = [...(this.state.closing ?? [])];
    for (const day of days) {
      const key = `archive:${day.day}`;
      try {
        await archive.write(day);
        // Cached at once, so reports never have to read a whole day.
        await archive.facts(day.day, day.names ?? dayNames(this.state)).catch((e: Error) => this.opts.log?.(`facts for ${day.day}: ${e.message}`));
        await this.run({ type: 'archived', day: day.day });
        this.faults.delete(key);
      } catch (e) {
        if (this.closed) return;
        const message = `${day.day} 的记录未能写入归档（${(e as Error).message}）；记录仍完整保存在快照和日志中，将自动重试`;
        if (!this.faults.has(key)) this.opts.log?.(`archive of ${day.day} failed: ${(e as Error).message}`);
        this.faults.set(key, { code: 'archive_failed', message, since: this.faults.get(key)?.since ?? isoLocal(this.opts.clock(), this.state.settings.timeZone) });
        this.later(ARCHIVE_RETRY_MS, () => void this.archiveClosedDays());
        return;
      }
    }
    // The live state just lost a day's tickets: a good moment for a snapshot.
    if (days.length > 0) await this.maybeSnapshot(true);
  }

  private async afterApply(effects: Effects, seq: number): Promise<void> {
    if (effects.archive) void this.archiveClosedDays();
    for (const l of this.listeners) {
      try {
        l(effects.facts, effects, seq);
      } catch (e) {
        this.opts.log?.(`listener failed on ${effects.facts.map((f) => f.type).join(', ')}: ${(e as Error).stack}`);
      }
    }
  }

  /**
   * The clock shows a later day than the hall's, and can be believed: it has not
   * jumped lately. A day is never moved by a single reading after a jump.
   */
  private newDay(at: number): boolean {
    return dayChanged(this.state, at) && this.watch.steady();
  }

  private async catchUpDay(): Promise<void> {
    if (this.newDay(this.watch.now())) await this.run({ type: 'rollover' });
  }

  private scheduleMidnight(): void {
    const now = this.opts.clock();
    const wait = Math.min(nextMidnightMs(now, this.state.settings.timeZone) - now + 50, 2 ** 31 - 1);
    this.later(Math.max(wait, 1000), () => {
      void this.catchUpDay()
        .catch((e) => this.opts.log?.(`rollover failed: ${(e as Error).message}`))
        .finally(() => this.scheduleMidnight());
    });
  }

  /**
   * Snapshots serialise the whole live state on the event loop (~1 ms per 1,000
   * tickets), so they wait for a quiet second unless forced by a rollover.
   */
  private async maybeSnapshot(force: boolean): Promise<void> {
    if (this.closed || this.snapshotting || this.sinceSnapshot === 0 || this.faults.has('storage') || this.recovering) return;
    const every = this.opts.snapshotEvery ?? 5000;
    const idle = this.opts.clock() - this.lastCommandAt >= IDLE_MS;
    if (!force && !(idle && this.sinceSnapshot >= every) && this.sinceSnapshot < every * 20) return;
    const count = this.sinceSnapshot;
    this.sinceSnapshot = 0;
    this.snapshotting = this.opts.store
      .snapshot(this.state, this.seq, this.opts.clock())
      .catch((e) => {
        this.sinceSnapshot += count;
        this.opts.log?.(`snapshot failed: ${(e as Error).message}`);
      })
      .finally(() => {
        this.snapshotting = null;
      });
    await this.snapshotting;
  }
}

