// The buttons and refusal under a form opened inside a table row of a dialog (送达, 申诉).
// Plain buttons, not a <form>: the dialog around them already is one.
interface Props {
  label: string;
  /** The confirm button's look: btn-ok for a delivery, btn-primary for an appeal. */
  kind: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function InlineActions({ label, kind, busy, error, onConfirm, onCancel }: Props) {
  return (
    <>
      <div class="cm-form-buttons">
        <button type="button" class={`btn ${kind}`} onClick={onConfirm} disabled={busy}>
          {label}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
      {error && (
        <p class="msg msg-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
