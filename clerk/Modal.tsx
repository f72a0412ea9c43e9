// A modal built on <dialog>: the browser traps focus, Esc cancels, the page behind is inert.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  onClose: () => void;
  /** Absent for a dialog that only shows something. */
  onSubmit?: () => void;
  children: ComponentChildren;
  /** The buttons row; the submit button should be type="submit". */
  actions?: ComponentChildren;
  /** The dismiss button's words: 取消 for a choice, 关闭 for a dialog that only shows. */
  closeLabel?: string;
  /** Room for a table. */
  wide?: boolean;
}

let seq = 0;

export function Modal({ title, onClose, onSubmit, children, actions, closeLabel = '取消', wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`modal-title-${++seq}`).current;
  useEffect(() => {
    const d = ref.current!;
    d.showModal();
    return () => d.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={wide ? 'modal modal-wide' : 'modal'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div class="modal-body">{children}</div>
        <div class="modal-actions">
          {actions}
          <button type="button" class="btn" onClick={onClose}>
            {closeLabel} <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
}

export function ConfirmDialog(props: { title: string; children: ComponentChildren; confirm: string; danger?: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      onSubmit={props.onConfirm}
      actions={
        <button type="submit" class={`btn ${props.danger ? 'btn-danger-solid' : 'btn-primary'}`} autoFocus>
          {props.confirm} <kbd>Enter</kbd>
        </button>
      }
    >
      {props.children}
    </Modal>
  );
}
