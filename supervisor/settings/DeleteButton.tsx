// 删除 asks once more in place (no browser dialog): the hall's settings are live, and a
// removed window or business is gone for everyone at once.
import { useState } from 'preact/hooks';

interface Props {
  /** 删除业务“户籍” */
  what: string;
  disabled: boolean;
  onConfirm: () => void;
}

export function DeleteButton({ what, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="settings-danger" aria-label={what} disabled={disabled} onClick={() => setAsking(true)}>
        删除
      </button>
    );
  }
  return (
    <span class="settings-confirm" role="group" aria-label="确认删除">
      <span>确定{what}？</span>
      <button
        type="button"
        class="settings-danger"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        确定删除
      </button>
      <button type="button" class="ghost" onClick={() => setAsking(false)}>
        不删除
      </button>
    </span>
  );
}
