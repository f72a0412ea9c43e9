// The wall screen's announcement queue. It owns the order and the record; the sounds
// themselves come in as functions (chime, browser speech, server WAV), so the rules
// here run the same in the browser and in unit tests.
//
// Rules:
// - One announcement at a time, in arrival order: chime, then the spoken text
//   `repeat` times. The next starts only after the previous has finished.
// - Each `ticket:called` event is announced once: a duplicate delivery (same ticket,
//   window, call count and call time) is ignored; a recall is a new event.
// - Every chime and utterance has a timeout. A voice that errors or hangs is cut off,
//   the next voice in line is tried (browser speech → server WAV), and if none works
//   the announcement is marked failed and the queue moves on. A voice that failed is
//   passed over for a while so one broken voice does not cost every call a timeout.
// - Sound needs a user gesture. Calls that arrive before it are recorded as queued.
//   When sound is enabled, those older than `staleMs` (30 s) are dropped (marked
//   failed, error 'stale') and the rest are announced: a screen switched on late must
//   not read out a backlog of calls whose villagers are already at the window, while
//   a call made a moment before the click is still heard.
import type { TicketCalled } from '../shared/events.ts';

export type Via = 'speech' | 'server' | 'chime-only';
export type Voice = Exclude<Via, 'chime-only'>;
export type AnnouncementStatus = 'queued' | 'speaking' | 'done' | 'failed';

export type Call = Pick<TicketCalled, 'number' | 'counterId' | 'callCount' | 'calledAt' | 'text' | 'spoken' | 'repeat'>;

/** One entry of the record (`window.__announcements`); times are epoch ms. */
export interface Announcement {
  number: string;
  counterId: string;
  callCount: number;
  calledAt: string;
  text: string;
  spoken: string;
  repeat: number;
  status: AnnouncementStatus;
  via: Via;
  receivedAt: number;
  startedAt?: number;
  endedAt?: number;
  /** Why a voice was given up on ('timeout', the voice's own error), or 'stale'. */
  error?: string;
}

export interface AnnouncerDeps {
  /** Voices usable right now, best first; empty → chime only. Asked per announcement, since browser voices load late. */
  voices(): Voice[];
  chime(signal: AbortSignal): Promise<void>;
  /** Browser speech synthesis. Must stop when `signal` aborts. */
  speak(text: string, signal: AbortSignal): Promise<void>;
  /** The server's WAV of the call. Must stop when `signal` aborts. */
  play(call: Call, signal: AbortSignal): Promise<void>;
  now?: () => number;
  /** Longest an utterance may take before it counts as hung. */
  utteranceTimeoutMs?: (text: string) => number;
  chimeTimeoutMs?: number;
  /** Silence between repeats and between announcements, so calls don't run together. */
  gapMs?: number;
  staleMs?: number;
  /** How long a voice that failed is passed over while another one is available. */
  cooldownMs?: number;
  /** Finished entries kept in the record. */
  keep?: number;
  onChange?: () => void;
}

const MAX_REPEAT = 5;
const SEEN_MAX = 2000;

export class Announcer {
  /** The public record, oldest first; entries are updated in place. */
  readonly records: Announcement[] = [];
  private readonly pending: Announcement[] = [];
  private readonly seen = new Set<string>();
  private readonly failedAt = new Map<Voice, number>();
  private enabled = false;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly deps: AnnouncerDeps) {
    this.now = deps.now ?? Date.now;
  }

  get soundEnabled(): boolean {
    return this.enabled;
  }

  /** Queue a call. Returns null when this exact event was queued before. */
  enqueue(call: Call): Announcement | null {
    const key = `${call.number}|${call.counterId}|${call.callCount}|${call.calledAt}`;
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    if (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value!);

    const a: Announcement = {
      number: call.number,
      counterId: call.counterId,
      callCount: call.callCount,
      calledAt: call.calledAt,
      text: call.text,
      spoken: call.spoken,
      repeat: Math.min(MAX_REPEAT, Math.max(1, Math.floor(call.repeat) || 1)),
      status: 'queued',
      via: this.deps.voices()[0] ?? 'chime-only',
      receivedAt: this.now(),
    };
    this.records.push(a);
    this.pending.push(a);
    // Without sound the backlog would only grow; trim it as it goes.
    if (!this.enabled) this.dropStale();
    this.trim();
    this.changed();
    void this.pump();
    return a;
  }

  /** Called once sound is unlocked by a user gesture. */
  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.dropStale();
    this.changed();
    void this.pump();
  }

  private dropStale(): void {
    const limit = this.now() - (this.deps.staleMs ?? 30_000);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const a = this.pending[i]!;
      if (a.receivedAt >= limit) continue;
      this.pending.splice(i, 1);
      a.status = 'failed';
      a.error = 'stale';
      a.endedAt = this.now();
    }
  }

  private async pump(): Promise<void> {
    if (this.running || !this.enabled) return;
    this.running = true;
    try {
      for (let a = this.pending.shift(); a; a = this.pending.shift()) {
        await this.announce(a);
        if (this.pending.length) await sleep(this.deps.gapMs ?? 600);
      }
    } finally {
      this.running = false;
    }
  }

  private async announce(a: Announcement): Promise<void> {
    a.status = 'speaking';
    a.startedAt = this.now();
    const voices = this.usableVoices();
    a.via = voices[0] ?? 'chime-only';
    this.changed();

    // A silent chime is no reason to skip the words: its failure is ignored.
    await this.guard((signal) => this.deps.chime(signal), this.deps.chimeTimeoutMs ?? 4000).catch(() => undefined);

    let ok = true;
    for (let i = 0; i < a.repeat && voices.length > 0; i++) {
      if (i > 0) await sleep(this.deps.gapMs ?? 600);
      ok = false;
      while (voices.length > 0 && !ok) {
        const voice = voices[0]!;
        a.via = voice;
        try {
          const timeout = this.deps.utteranceTimeoutMs?.(a.spoken) ?? 4000 + 600 * a.spoken.length;
          await this.guard((signal) => (voice === 'speech' ? this.deps.speak(a.spoken, signal) : this.deps.play(a, signal)), timeout);
          this.failedAt.delete(voice);
          ok = true;
        } catch (e) {
          a.error = `${voice}: ${e instanceof Error ? e.message : String(e)}`;
          this.failedAt.set(voice, this.now());
          voices.shift();
          this.changed();
        }
      }
      if (!ok) break;
    }
    a.status = ok ? 'done' : 'failed';
    a.endedAt = this.now();
    this.trim();
    this.changed();
  }

  /** The injected voices minus those that failed lately — unless that leaves none. */
  private usableVoices(): Voice[] {
    const all = this.deps.voices();
    const since = this.now() - (this.deps.cooldownMs ?? 60_000);
    const fresh = all.filter((v) => (this.failedAt.get(v) ?? -Infinity) < since);
    return fresh.length > 0 ? fresh : [...all];
  }

  /** Runs `fn`, aborting it and rejecting with 'timeout' if it takes longer than `ms`. */
  private guard(fn: (signal: AbortSignal) => Promise<void>, ms: number): Promise<void> {
    const ctl = new AbortController();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        ctl.abort();
        reject(new Error('timeout'));
      }, ms);
      Promise.resolve()
        .then(() => fn(ctl.signal))
        .then(
          () => {
            clearTimeout(timer);
            resolve();
          },
          (e: unknown) => {
            clearTimeout(timer);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
    });
  }

  /** Keeps the record bounded over a long market day: drops the oldest finished entries. */
  private trim(): void {
    const keep = this.deps.keep ?? 500;
    let excess = this.records.length - keep;
    for (let i = 0; i < this.records.length && excess > 0; ) {
      const s = this.records[i]!.status;
      if (s === 'done' || s === 'failed') {
        this.records.splice(i, 1);
        excess--;
      } else i++;
    }
  }

  private changed(): void {
    this.deps.onChange?.();
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
