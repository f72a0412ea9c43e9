// Speech for the pages that talk: the wall screen's calls (display/voice.ts) and the
// kiosk's 听 button (kiosk/guide.ts). Both use the browser's Chinese voice when it has
// one and otherwise a WAV the server renders with espeak-ng; this module holds what
// they share: choosing the voice, speaking with it, and playing a WAV, each stoppable.

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

export interface ChineseSpeech {
  synth: SpeechSynthesis | null;
  /** The voice in use now; null until (or unless) the browser has a Chinese one. */
  voice(): SpeechSynthesisVoice | null;
}

/** The browser's best Chinese voice, followed as voices load; `onChange` when it changes. */
export function chineseSpeech(onChange: () => void): ChineseSpeech {
  const synth: SpeechSynthesis | null = 'speechSynthesis' in window ? window.speechSynthesis : null;
  let voice: SpeechSynthesisVoice | null = null;
  const load = () => {
    const v = synth ? pickChineseVoice(synth.getVoices()) : null;
    if (v?.voiceURI !== voice?.voiceURI) {
      voice = v;
      onChange();
    }
  };
  if (synth) {
    load(); // also starts loading in browsers that fill the list lazily
    synth.addEventListener('voiceschanged', load);
  }
  return { synth, voice: () => voice };
}

// Chrome stops firing `end` for utterances it has garbage-collected; hold them.
const speaking = new Set<SpeechSynthesisUtterance>();

/** Says `text` with the Chinese voice, `pace` times a little slower than usual; stops when `signal` aborts. */
export function speakWith(speech: ChineseSpeech, text: string, signal: AbortSignal, pace = 1): Promise<void> {
  const { synth } = speech;
  const v = speech.voice();
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
}

/**
 * Plays the WAV at `src` through `audio` at `pace`; resolves when it ends, with its
 * length at that pace in ms when the browser knows it; stops when `signal` aborts.
 */
export function playThrough(audio: HTMLAudioElement, src: string, signal: AbortSignal, pace = 1): Promise<number | void> {
  const a = audio;
  a.defaultPlaybackRate = pace; // loading a new src resets playbackRate to this; pitch is kept
  a.playbackRate = pace;
  const url = new URL(src, location.href).href;
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
    if (a.src === url) a.currentTime = 0;
    else a.src = url;
    a.play().catch((e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))));
  });
}

/** Chrome lets a page speak only after it has spoken once inside a user gesture: call from a tap. */
export function unlockSpeech(synth: SpeechSynthesis | null): void {
  if (!synth) return;
  const u = new SpeechSynthesisUtterance(' ');
  u.volume = 0;
  synth.speak(u);
}
