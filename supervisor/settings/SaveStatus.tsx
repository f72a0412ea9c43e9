// Every settings form's 保存 bar: the button, what else the form offers beside it
// (取消, 删除), and the server's refusal or 已保存 once it went through.
import type { ComponentChildren } from 'preact';
import type { Save } from './useSave.ts';

export function SaveBar({ save, label = '保存', children }: { save: Save; label?: string; children?: ComponentChildren }) {
  return (
    <div class="settings-bar">
      <button type="submit" class="primary" disabled={save.busy}>
        {label}
      </button>
      {children}
      <SaveStatus save={save} />
    </div>
  );
}

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
