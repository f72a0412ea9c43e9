// What the screen says besides the numbers: the call in words, the sound prompt, the
// lost-connection banner and the missing-voice note for staff.

/**
 * The call being spoken when there is one (marked with a speaker: in a rush the voice
 * is behind the cards), else the last call.
 */
export function CallStrip({ text, seq, speaking }: { text: string | null; seq: string; speaking: boolean }) {
  return (
    <div class={`call-strip${speaking ? ' speaking' : ''}`} aria-live="polite" data-speaking={speaking ? 'true' : undefined}>
      {text ? (
        // Keyed on the call so its entrance animation plays once per call.
        <span key={seq} class="call-text">
          {speaking && <SpeakerIcon class="call-speaker" label="正在播报" />}
          {text}
        </span>
      ) : (
        <span class="call-idle">取号后请留意屏幕和语音叫号</span>
      )}
    </div>
  );
}

export function SpeakerIcon({ class: cls, label }: { class: string; label?: string }) {
  return (
    <svg viewBox="0 0 24 24" class={cls} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'}>
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" stroke-width="1.8" fill="none" stroke-linecap="round" />
    </svg>
  );
}

export function ConnectionBanner() {
  return (
    <div class="banner-lost" role="alert">
      <strong>与服务器连接中断，正在重新连接…</strong>
      <span>屏幕上的叫号可能不是最新的，请以窗口叫号为准</span>
    </div>
  );
}

/**
 * Shown until sound is on, in the footer beside the call strip, so it covers no call
 * and no count. Any click or key anywhere turns sound on (Display.tsx); this button
 * says so. Never shown where the browser allows sound by itself (kiosk mode, README).
 */
export function SoundPrompt() {
  return (
    <button type="button" class="sound-prompt">
      <SpeakerIcon class="sound-icon" />
      <span class="sound-words">
        <strong>点击任意处开启声音</strong>
        <span>开机后点一次即可语音叫号</span>
      </span>
    </button>
  );
}

/** Small on purpose: it is for staff, not for the villagers waiting. */
export function VoiceNote() {
  return <p class="voice-note">本机没有中文语音，叫号只有提示音：请在本机安装中文语音，或在服务器安装 espeak-ng</p>;
}
