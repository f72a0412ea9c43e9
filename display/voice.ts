// The browser's sound devices for the announcer: a WebAudio chime, speech synthesis
// with a Chinese voice, and the server's WAV through one <audio> element. Also
// tracks which of them this screen can use, for the announcer and for the on-screen
// note when there is no Chinese voice at all.
import { call as request, href } from '../web/api.ts';
import { chineseSpeech, pickChineseVoice, playThrough, speakWith, unlockSpeech } from '../web/voice.ts';
import type { Call, Voice } from './announcer.ts';

export interface VoiceInfo {
  /** Name of the Chinese speech voice in use, or null when the browser has none. */
  speech: string | null;
  /** Whether the server reads calls aloud (GET /api/voice); null until known. */
  server: boolean | null;
}

export { pickChineseVoice };

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
  const speech = chineseSpeech(notify);
  let server: boolean | null = null;
  let ctx: AudioContext | null = null;
  let audio: HTMLAudioElement | null = null;

  try {
    ctx = new AudioContext();
    // Where the browser allows sound without a click, the context starts running by itself.
    ctx.addEventListener('statechange', notify);
  } catch {
    ctx = null; // no WebAudio: the chime is silent, the flash remains
  }

  return {
    info: () => {
      const voice = speech.voice();
      return { speech: voice ? `${voice.name} (${voice.lang})` : null, server };
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    voices() {
      const list: Voice[] = [];
      if (speech.voice()) list.push('speech');
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
      return speakWith(speech, text, signal, pace);
    },

    play(call, signal, pace = 1) {
      audio ??= new Audio();
      return playThrough(audio, href('announce', { number: call.number, counterId: call.counterId }), signal, pace);
    },

    // Chromium started with --autoplay-policy=no-user-gesture-required starts the context
    // running; Firefox also answers the question directly.
    allowedWithoutGesture: () => ctx?.state === 'running' || (navigator as { getAutoplayPolicy?: (type: 'audiocontext') => string }).getAutoplayPolicy?.('audiocontext') === 'allowed',

    unlock() {
      void ctx?.resume();
      unlockSpeech(speech.synth);
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
