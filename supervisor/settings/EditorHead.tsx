// The title of an editor panel with its 关闭 button.

/** Outside the form's fieldset, so a supervisor (whose fields are disabled) can still close it. */
export function EditorHead({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <div class="settings-head">
      <h2>{title}</h2>
      <button type="button" class="ghost" onClick={onClose}>
        关闭
      </button>
    </div>
  );
}
