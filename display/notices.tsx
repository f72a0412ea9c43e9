// What the screen says besides the numbers: the last call in words, the sound
// overlay, the lost-connection banner and the missing-voice note for staff.

export function CallStrip({ text, seq }: { text: string | null; seq: string }) {
  return (
    <div class="call-strip" aria-live="polite">
      {text ? (
        // Keyed on the call so its entrance animation plays once per call.
        <span key={seq} class="call-text">
          {text}
        </span>
      ) : (
        <span class="call-idle">取号后请留意屏幕和语音叫号</span>
      )}
    </div>
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

export function SoundOverlay() {
  return (
    <div class="sound-overlay" role="button" tabIndex={0} aria-label="点击任意处开启声音">
      <div class="sound-panel">
        <svg viewBox="0 0 24 24" aria-hidden="true" class="sound-icon">
          <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
          <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" stroke-width="1.8" fill="none" stroke-linecap="round" />
        </svg>
        <strong>点击任意处开启声音</strong>
        <span>叫号屏开机后需点击一次（或按任意键），才能语音播报叫号</span>
      </div>
    </div>
  );
}

/** Small on purpose: it is for staff, not for the villagers waiting. */
export function VoiceNote() {
  return <p class="voice-note">本机没有中文语音，叫号只有提示音：请在本机安装中文语音，或在服务器安装 espeak-ng</p>;
}
