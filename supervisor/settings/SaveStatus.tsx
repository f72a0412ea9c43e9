// Beside every 保存 button: the server's refusal, or 已保存 once it went through.
import type { Save } from './useSave.ts';

export function SaveStatus({ save }: { save: Save }) {
  if (save.error) {
    return (
      <p class="settings-error" role="alert">
        {save.error}
      </p>
    );
  }
  return (
    <p class="settings-saved" role="status">
      {save.busy ? '正在保存…' : save.saved && `✓ ${save.saved}`}
    </p>
  );
}
