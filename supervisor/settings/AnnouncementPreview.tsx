// What the wall screen will show and say with the template as typed, using the same
// functions as the screen itself, for a sample number at one of the hall's windows.
import { displayText, spokenText } from '../../shared/core/announce.ts';

interface Props {
  template: string;
  repeat: string;
  number: string;
  counterName: string;
}

export function AnnouncementPreview({ template, repeat, number, counterName }: Props) {
  const times = /^[1-5]$/.test(repeat.trim()) ? Number(repeat) : null;
  return (
    <div class="settings-preview" aria-live="polite">
      {!template.includes('{number}') ? (
        <p class="error-text">播报内容要包含 {'{number}'}（号码），否则群众听不到叫的是哪个号。</p>
      ) : (
        <dl>
          <dt>叫号屏显示</dt>
          <dd class="settings-screen" data-testid="preview-screen">
            {displayText(template, number, counterName)}
          </dd>
          <dt>语音播报</dt>
          <dd data-testid="preview-spoken">
            “{spokenText(template, number, counterName)}”{times && <span class="muted">，连读 {times} 遍</span>}
          </dd>
        </dl>
      )}
    </div>
  );
}
