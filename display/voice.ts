// The browser's sound devices for the announcer: a WebAudio chime, speech synthesis
// with a Chinese voice, and the server's WAV through one <audio> element. Also
// tracks which of them this screen can use, for the announcer and for the on-screen
// note when there is no Chinese voice at all.
import { call as request, href } from '../web/api.ts';
import type { Call, Voice } from './announcer.ts';

export interface VoiceInfo {
  /** Name of the Chinese speech voice in use, or null when the browser has none. */
  speech: string | null;
  /** Whether the server reads calls aloud (GET /api/voice); null until known. */
  server: boolean | null;
}

interface VoiceLike {
  lang: string;
  localService: boolean;
  default: boolean;
}

/**
 * The Chinese voice to use, or null. Mandarin before Cantonese (zh-HK), which most
 * villagers outside Guangdong would not follow; among Mandarin voices, offline ones
 * before network ones (Chrome's Google voices need the internet, and the hall LAN
 * must work without it), mainland before other regions.
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const rank = (v: V): number => {
    const lang = v.lang.toLowerCase().replace('_', '-');
    if (!lang.startsWith('zh') && !lang.startsWith('cmn') && !lang.startsWith('yue')) return Infinity;
    const remote = v.localService ? 0 : 1;
    const tie = v.default ? 0 : 0.5;
    if (lang === 'zh-hk' || lang.startsWith('yue')) return 4 + remote + tie;
    const mainland = lang === 'zh-cn' || lang.startsWith('zh-hans') || lang.startsWith('cmn') ? 0 : 1;
    return mainland + 2 * remote + tie;
  };
  let best: V | null = null;
  for (const v of voices) if (rank(v) < (best ? rank(best) : Infinity)) best = v;
  return best;
}

export interface BrowserSound {
  info(): VoiceInfo;
  /** Re-render hook: called when voices load, the server's answer arrives or WebAudio starts. */
  subscribe(fn: () => void): () => void;
  voices(): Voice[];
  chime(signal: AbortSignal): Promise<void>;
  /** `pace` times the usual rate. */
  speak(text: string, signal: AbortSignal, pace?: number): Promise<void>;
  /** At `pace`; resolves with the WAV's length at that pace, in ms, when the browser knows it. */
  play(call: Call, signal: AbortSignal, pace?: number): Promise<number | void>;
  /** Whether the browser lets this page make sound without a click (kiosk flag, policy). */
  allowedWithoutGesture(): boolean;
  /** Call from inside a click/keypress handler: wakes up WebAudio and speech synthesis. */
  unlock(): void;
  /** Ask the server whether it has a voice, unless already known. */
  checkServer(): Promise<void>;
}

export function browserSound(): BrowserSound {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((fn) => fn());
  const synth: SpeechSynthesis | null = 'speechSynthesis' in window ? window.speechSynthesis : null;
  let voice: SpeechSynthesisVoice | null = null;
  let server: boolean | null = null;
  let ctx: AudioContext | null = null;
  let audio: HTMLAudioElement | null = null;
  // Chrome stops firing `end` for utterances it has garbage-collected; hold them.
  const speaking = new Set<SpeechSynthesisUtterance>();

  const loadVoices = () => {
    const v = synth ? pickChineseVoice(synth.getVoices()) : null;
    if (v?.voiceURI !== voice?.voiceURI) {
      voice = v;
      notify();
    }
  };
  if (synth) {
    loadVoices(); // also starts loading in browsers that fill the list lazily
    synth.addEventListener('voiceschanged', loadVoices);
  }

  try {
    ctx = new AudioContext();
    // Where the browser allows sound without a click, the context starts running by itself.
    ctx.addEventListener('statechange', notify);
  } catch {
    ctx = null; // no WebAudio: the chime is silent, the flash remains
  }

  return {
    info: () => ({ speech: voice ? `${voice.name} (${voice.lang})` : null, server }),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    voices() {
      const list: Voice[] = [];
      if (voice) list.push('speech');
      if (server) list.push('server');
      return list;
    },

    async chime(signal) {
      const c = ctx;
      if (!c) return;
      // Right after the unlocking click, resume() may still be on its way.
      if (c.state === 'suspended') await c.resume();
      if (c.state !== 'running') return;
      // Ding-dong: E5 then C5, each a sine with a soft bell overtone and a long decay.
      const out = c.createGain();
      out.gain.value = 0.6;
      out.connect(c.destination);
      const t0 = c.currentTime + 0.05;
      const oscillators = [...tone(c, out, 659.25, t0, 1.0), ...tone(c, out, 523.25, t0 + 0.6, 1.4)];
      const total = 0.05 + 0.6 + 1.4;
      return new Promise<void>((resolve) => {
        const stop = () => {
          clearTimeout(timer);
          for (const o of oscillators) o.stop(); // a second stop() only moves the stop time
          out.disconnect();
          resolve();
        };
        const timer = setTimeout(() => {
          out.disconnect();
          signal.removeEventListener('abort', stop);
          resolve();
        }, total * 1000);
        signal.addEventListener('abort', stop, { once: true });
      });
    },

    speak(text, signal, pace = 1) {
      const v = voice;
      if (!synth || !v) return Promise.reject(new Error('no Chinese voice'));
      return new Promise((resolve, reject) => {
        const u = new SpeechSynthesisUtterance(text);
        u.voice = v;
        u.lang = v.lang;
        u.rate = 0.85 * pace; // a little slower: many listeners are elderly
        u.volume = 1;
        const finish = (fn: () => void) => {
          speaking.delete(u);
          signal.removeEventListener('abort', abort);
          fn();
        };
        const abort = () => finish(() => synth.cancel());
        u.onend = () => finish(resolve);
        u.onerror = (e) => finish(() => reject(new Error(e.error)));
        signal.addEventListener('abort', abort, { once: true });
        speaking.add(u);
        synth.resume(); // Chrome sometimes leaves synthesis paused after a cancel
        synth.speak(u);
      });
    },

    play(call, signal, pace = 1) {
      audio ??= new Audio();
      const a = audio;
      a.defaultPlaybackRate = pace; // loading a new src resets playbackRate to this; pitch is kept
      a.playbackRate = pace;
      const src = new URL(href('announce', { number: call.number, counterId: call.counterId }), location.href).href;
      return new Promise((resolve, reject) => {
        const finish = (fn: () => void) => {
          a.onended = null;
          a.onerror = null;
          signal.removeEventListener('abort', abort);
          fn();
        };
        const abort = () => finish(() => a.pause());
        a.onended = () => finish(() => resolve(Number.isFinite(a.duration) ? (a.duration * 1000) / pace : undefined));
        a.onerror = () => finish(() => reject(new Error(`audio error ${a.error?.code ?? ''}`.trim())));
        signal.addEventListener('abort', abort, { once: true });
        if (a.src === src) a.currentTime = 0;
        else a.src = src;
        a.play().catch((e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))));
      });
    },

    // Chromium started with --autoplay-policy=no-user-gesture-required starts the context
    // running; Firefox also answers the question directly.
    allowedWithoutGesture: () => ctx?.state === 'running' || (navigator as { getAutoplayPolicy?: (type: 'audiocontext') => string }).getAutoplayPolicy?.('audiocontext') === 'allowed',

    unlock() {
      void ctx?.resume();
      if (synth) {
        // Chrome lets a page speak only after it has spoken once inside a user gesture.
        const u = new SpeechSynthesisUtterance(' ');
        u.volume = 0;
        synth.speak(u);
      }
    },

    async checkServer() {
      if (server !== null) return;
      try {
        server = (await request('voice', {})).serverVoice === true;
        notify();
      } catch {
        // Unreachable now; asked again on the next connect.
      }
    },
  };
}

/** One bell-like note: the fundamental and a quieter inharmonic partial, both decaying. */
function tone(c: AudioContext, out: AudioNode, freq: number, at: number, dur: number): OscillatorNode[] {
  return [
    [freq, 0.5],
    [freq * 2.76, 0.08],
  ].map(([f, peak]) => {
    const g = c.createGain();
    g.gain.setValueAtTime(0.0001, at);
    g.gain.exponentialRampToValueAtTime(peak!, at + 0.015);
    g.gain.exponentialRampToValueAtTime(0.0001, at + dur);
    g.connect(out);
    const o = c.createOscillator();
    o.type = 'sine';
    o.frequency.value = f!;
    o.connect(g);
    o.start(at);
    o.stop(at + dur + 0.05);
    return o;
  });
}
