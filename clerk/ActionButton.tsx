// One window action: its words, its shortcut key shown on it, its state.
import type { ComponentChildren } from 'preact';

interface Props {
  label: ComponentChildren;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  variant?: 'primary' | 'ok' | 'warn' | 'danger' | 'plain';
  big?: boolean;
  title?: string;
}

export function ActionButton({ label, shortcut, onClick, disabled, variant = 'plain', big, title }: Props) {
  return (
    <button
      type="button"
      class={`btn btn-${variant}${big ? ' btn-big' : ''}`}
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-keyshortcuts={shortcut}
    >
      <span class="btn-label">{label}</span>
      {shortcut && <kbd>{shortcut}</kbd>}
    </button>
  );
}
