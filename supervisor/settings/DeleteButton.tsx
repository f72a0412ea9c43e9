// 删除 asks once more in place (no browser dialog): the hall's settings are live, and a
// removed window or business is gone for everyone at once.
import { useState } from 'preact/hooks';

interface Props {
  /** 删除业务“户籍” */
  what: string;
  disabled: boolean;
  onConfirm: () => void;
  /** The words for another kind of removal, e.g. 解除绑定 / 确定解除 / 不解除. */
  words?: { ask: string; yes: string; no: string };
}

const DELETE = { ask: '删除', yes: '确定删除', no: '不删除' };

export function DeleteButton({ what, disabled, onConfirm, words = DELETE }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="settings-danger" aria-label={what} disabled={disabled} onClick={() => setAsking(true)}>
        {words.ask}
      </button>
    );
  }
  return (
    <span class="settings-confirm" role="group" aria-label={`确认${words.ask}`}>
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
        {words.yes}
      </button>
      <button type="button" class="ghost" onClick={() => setAsking(false)}>
        {words.no}
      </button>
    </span>
  );
}
