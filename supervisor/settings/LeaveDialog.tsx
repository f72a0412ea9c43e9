// Asked before edits not yet saved are dropped: leaving a settings section, or the
// settings tab for another page tab. Staying is the default (Enter).
import { useId } from 'preact/hooks';

interface Props {
  /** Where the unsaved edits are: “业务”里 / 设置里 */
  where: string;
  /** The name of where the person wanted to go. */
  to: string;
  onStay: () => void;
  onLeave: () => void;
}

export function LeaveDialog({ where, to, onStay, onLeave }: Props) {
  const id = useId();
  return (
    <div class="settings-leave" role="alertdialog" aria-labelledby={id}>
      <strong id={id}>{where}有修改还没有保存，离开后这些修改会丢失。</strong>
      <button type="button" class="primary" autoFocus onClick={onStay}>
        留下继续修改
      </button>
      <button type="button" class="ghost" onClick={onLeave}>
        不保存，去“{to}”
      </button>
    </div>
  );
}
