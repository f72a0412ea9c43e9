// The kiosk's 听 button: reads the screen aloud. The browser's Chinese voice first; a
// kiosk without one plays the server's rendering of the same words (GET /api/guide.wav,
// espeak-ng), the wall screen's fallback; with neither, the record says so and the
// button tells the villager to ask staff. One reading at a time: a new tap, or a new
// screen, stops the one before.
import { spokenGuide, type GuideQuery, type GuideScreen } from '../shared/guide.ts';
import { call, href } from '../web/api.ts';
import { chineseSpeech, playThrough, speakWith, unlockSpeech } from '../web/voice.ts';

export type GuideVia = 'speech' | 'server' | 'none';

/** One reading, as `window.__guide` records it (headless Chromium has no voices: tests read this). */
export interface GuideEntry {
  screen: GuideScreen;
  /** The words as on screen ("您的号码是 A012，前面还有 3 人…"). */
  text: string;
  /** The words as the voice says them ("A零一二"). */
  spoken: string;
  via: GuideVia;
  status: 'speaking' | 'done' | 'stopped' | 'failed';
  at: number;
  error?: string;
}

export interface Reading {
  screen: GuideScreen;
  text: string;
  query: GuideQuery;
}

export interface Guide {
  readonly record: GuideEntry[];
  /** Reads `r` aloud, stopping any reading before. Call from the tap itself (browsers need the gesture). */
  say(r: Reading): void;
  stop(): void;
  speaking(): boolean;
  subscribe(fn: () => void): () => void;
}

const KEEP = 50;

export function createGuide(): Guide {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((fn) => fn());
  const speech = chineseSpeech(changed);
  let server: boolean | null = null;
  let audio: HTMLAudioElement | null = null;
  let current: { ctl: AbortController; entry: GuideEntry } | null = null;
  const record: GuideEntry[] = [];

  const askServer = () =>
    call('voice', {}).then(
      (r) => (server = r.serverVoice),
      () => undefined, // asked again on the next tap
    );
  void askServer();

  /** Longest a reading may take before it counts as hung and the next voice is tried. */
  const limitMs = (spoken: string) => 5000 + 400 * spoken.length;
  /** Runs `run`, stopping it (and rejecting) when `signal` aborts or after `ms`. */
  const within = <T>(ms: number, signal: AbortSignal, run: (s: AbortSignal) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const ctl = new AbortController();
      const end = (why: string) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        ctl.abort(); // a voice told to stop may never settle its own promise
        reject(new Error(why));
      };
      const onAbort = () => end('stopped');
      const timer = setTimeout(() => end('timeout'), ms);
      signal.addEventListener('abort', onAbort, { once: true });
      run(ctl.signal).then(
        (v) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => end(e instanceof Error ? e.message : String(e)),
      );
    });

  async function read(entry: GuideEntry, query: GuideQuery, signal: AbortSignal) {
    const finish = (status: GuideEntry['status'], error?: string) => {
      if (entry.status !== 'speaking') return;
      entry.status = signal.aborted ? 'stopped' : status;
      if (error) entry.error = error;
      if (current?.entry === entry) current = null;
      changed();
    };
    if (speech.voice()) {
      try {
        await within(limitMs(entry.spoken), signal, (s) => speakWith(speech, entry.spoken, s));
        return finish('done');
      } catch (e) {
        if (signal.aborted) return finish('stopped');
        entry.error = `speech: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (server === null) await askServer();
    if (server) {
      entry.via = 'server';
      changed();
      try {
        audio ??= new Audio();
        const a = audio;
        await within(limitMs(entry.spoken) + 10_000, signal, (s) => playThrough(a, href('guide', query), s));
        return finish('done');
      } catch (e) {
        return finish('failed', `server: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    entry.via = 'none';
    finish('failed', entry.error ?? 'no voice');
  }

  return {
    record,
    say(r) {
      this.stop();
      unlockSpeech(speech.synth);
      const entry: GuideEntry = { screen: r.screen, text: r.text, spoken: spokenGuide(r.text), via: speech.voice() ? 'speech' : 'server', status: 'speaking', at: Date.now() };
      record.push(entry);
      if (record.length > KEEP) record.splice(0, record.length - KEEP);
      const ctl = new AbortController();
      current = { ctl, entry };
      changed();
      void read(entry, r.query, ctl.signal);
    },
    stop() {
      if (!current) return;
      const { ctl, entry } = current;
      current = null;
      entry.status = 'stopped';
      ctl.abort();
      changed();
    },
    speaking: () => current !== null,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
