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
// - A rush must not leave the voice behind the screen. Before each reading the queue
//   behind is priced in speech time (at the normal pace, estimated from the text, see
//   `estimateMs`); when it holds more than `briskAfterMs` (15 s, about one call read
//   twice), a rush is on until the queue is empty again, and its calls go brisk: one
//   reading instead of `repeat`, at `briskPace` (1.3: about the voices' own default
//   speed, since both are normally slowed down for elderly listeners), and no chime
//   when the voice has just spoken (a run of calls is one alert). No call is ever skipped. With 12 windows calling within a second, every call
//   is heard within 60 s (announcer.test.ts; the first read alone would take 13 s).
// - Each announcement records the length of what it said: the chime, and each reading's
//   length as the voice reports it (the server's WAV is measured from its bytes) or as
//   estimated from the text at the pace read. `speechMs` is their sum with the gaps.
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
  /** Read briskly because calls were queued behind it (see the rules above). */
  brisk: boolean;
  /** The pace of its last reading: 1, or `briskPace`. */
  pace: number;
  chimed: boolean;
  /** The length of each reading made, in ms: as the voice measured it, else estimated. */
  utteranceMs: number[];
  /** Its whole length: chime, readings and the gaps between them, in ms. */
  speechMs: number;
}

export interface AnnouncerDeps {
  /** Voices usable right now, best first; empty → chime only. Asked per announcement, since browser voices load late. */
  voices(): Voice[];
  chime(signal: AbortSignal): Promise<void>;
  /**
   * Browser speech synthesis at `pace` times the voice's usual rate. Must stop when
   * `signal` aborts. May resolve with the utterance's length in ms, if it knows it.
   */
  speak(text: string, signal: AbortSignal, pace: number): Promise<number | void>;
  /** The server's WAV of the call, at `pace`. Must stop when `signal` aborts. Resolves with its length in ms when known. */
  play(call: Call, signal: AbortSignal, pace: number): Promise<number | void>;
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
  /** Speech queued behind the current call (at the normal pace) beyond which calls go brisk. */
  briskAfterMs?: number;
  briskPace?: number;
  /** The chime's length (voice.ts: ding 0.6 s, dong 1.4 s, after 0.05 s). */
  chimeMs?: number;
  onChange?: () => void;
}

const MAX_REPEAT = 5;
/** voice.ts's ding-dong: 0.05 s + 0.6 s + 1.4 s. */
const CHIME_MS = 2050;
/** A voice that spoke less than this long ago is still "speaking" for the chime rule. */
const RUN_MS = 3000;

/**
 * Characters a second each voice reads at pace 1, for estimating an utterance's length
 * before (or without) hearing it. Every character of the spoken text counts (ticket
 * letters and digits are read one syllable each; punctuation is about as long a pause).
 * - speech: Chinese speech voices read about 4.5 syllables a second at rate 1 (the
 *   pace of Mandarin news reading, 240–280 a minute); voice.ts speaks at rate 0.85.
 * - server: espeak-ng `cmn-latn-pinyin` at 140 words a minute (server/voice.ts) reads
 *   请A零一二号到三号窗口办理 (13 characters) in 4.88 s.
 */
export const CHARS_PER_SECOND: Record<Voice, number> = { speech: 4.5 * 0.85, server: 13 / 4.88 };

/** Estimated length in ms of `text` read by `voice` at `pace`. */
export function estimateMs(text: string, voice: Voice, pace = 1): number {
  const chars = [...text.replace(/\s+/g, '')].length;
  return Math.round((1000 * chars) / (CHARS_PER_SECOND[voice] * pace));
}
const SEEN_MAX = 2000;

export class Announcer {
  /** The public record, oldest first; entries are updated in place. */
  readonly records: Announcement[] = [];
  private readonly pending: Announcement[] = [];
  private readonly seen = new Set<string>();
  private readonly failedAt = new Map<Voice, number>();
  private readonly listeners = new Set<() => void>();
  private enabled = false;
  private running = false;
  /** A rush is on: from the first backlog until the queue is empty again. */
  private rush = false;
  /** When the voice last fell silent (end of an announcement's sound). */
  private quietSince = -Infinity;
  private readonly now: () => number;

  constructor(private readonly deps: AnnouncerDeps) {
    this.now = deps.now ?? Date.now;
  }

  get soundEnabled(): boolean {
    return this.enabled;
  }

  /** The announcement being said now, if any. */
  get speaking(): Announcement | null {
    return this.records.find((r) => r.status === 'speaking') ?? null;
  }

  /** Called on every change of the record; returns the unsubscribe. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
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
      brisk: false,
      pace: 1,
      chimed: false,
      utteranceMs: [],
      speechMs: 0,
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
      this.rush = false;
    }
  }

  private async announce(a: Announcement): Promise<void> {
    a.status = 'speaking';
    a.startedAt = this.now();
    const voices = this.usableVoices();
    a.via = voices[0] ?? 'chime-only';
    const gap = this.deps.gapMs ?? 600;
    a.brisk = this.inRush();
    this.changed();

    // In a run of brisk calls the voice goes on without a chime between them.
    if (!a.brisk || this.now() - this.quietSince > RUN_MS) {
      // A silent chime is no reason to skip the words: its failure is ignored.
      await this.guard((signal) => this.deps.chime(signal), this.deps.chimeTimeoutMs ?? 4000).catch(() => undefined);
      a.chimed = true;
    }

    let ok = true;
    for (let i = 0; i < a.repeat && voices.length > 0; i++) {
      if (i > 0) {
        // Calls that came in meanwhile cut the repeats short; the first reading is never skipped.
        if ((a.brisk ||= this.inRush())) break;
        await sleep(gap);
      }
      a.brisk ||= this.inRush();
      a.pace = a.brisk ? (this.deps.briskPace ?? 1.3) : 1;
      ok = false;
      while (voices.length > 0 && !ok) {
        const voice = voices[0]!;
        a.via = voice;
        this.changed();
        try {
          const timeout = this.deps.utteranceTimeoutMs?.(a.spoken) ?? 4000 + 600 * a.spoken.length;
          const pace = a.pace;
          let length: number | void = undefined;
          await this.guard(async (signal) => {
            length = voice === 'speech' ? await this.deps.speak(a.spoken, signal, pace) : await this.deps.play(a, signal, pace);
          }, timeout);
          a.utteranceMs.push(typeof length === 'number' && Number.isFinite(length) && length > 0 ? Math.round(length) : estimateMs(a.spoken, voice, pace));
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
    const said = a.utteranceMs.reduce((x, y) => x + y, 0);
    a.speechMs = (a.chimed ? (this.deps.chimeMs ?? CHIME_MS) : 0) + said + gap * Math.max(0, a.utteranceMs.length - 1);
    a.status = ok ? 'done' : 'failed';
    a.endedAt = this.now();
    this.quietSince = a.endedAt;
    this.trim();
    this.changed();
  }

  /** Whether a rush is on: it starts with a backlog and lasts until every call in it has been said. */
  private inRush(): boolean {
    return (this.rush ||= this.backlogged());
  }

  /** Whether the calls queued behind the current one would take longer than `briskAfterMs` to say at the normal pace. */
  private backlogged(): boolean {
    const voice = this.deps.voices()[0];
    const gap = this.deps.gapMs ?? 600;
    const chime = this.deps.chimeMs ?? CHIME_MS;
    let queued = 0;
    for (const p of this.pending) {
      const reading = voice ? estimateMs(p.spoken, voice) : 0;
      queued += gap + chime + p.repeat * reading + (p.repeat - 1) * gap;
    }
    return queued > (this.deps.briskAfterMs ?? 15_000);
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
    for (const fn of this.listeners) fn();
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
