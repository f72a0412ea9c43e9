// A new 督办 notice's sound (useCounty.ts loads this module when the first one arrives).
let audio: AudioContext | null = null;

/** Two short tones; silent where the browser has no WebAudio or has not been touched yet. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const at = audio.currentTime;
    for (const [freq, start] of [[880, 0], [660, 0.18]] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, at + start);
      gain.gain.exponentialRampToValueAtTime(0.001, at + start + 0.15);
      osc.connect(gain).connect(audio.destination);
      osc.start(at + start);
      osc.stop(at + start + 0.16);
    }
  } catch {
    audio = null; // the flashing badge remains
  }
}
