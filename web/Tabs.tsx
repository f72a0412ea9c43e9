// A WAI-ARIA tab bar: arrow keys move between tabs, as screen-reader users expect.
// Only the shown panel is rendered, so only the current tab points at a panel.
import type { ComponentChildren } from 'preact';

export interface Tab {
  id: string;
  label: string;
}

interface Props<T extends Tab> {
  tabs: readonly T[];
  current: T['id'];
  onSelect: (id: T['id']) => void;
  label: string;
  /** Live figures shown after a tab's name (e.g. open follow-ups); part of its accessible name. */
  badges?: Partial<Record<T['id'], ComponentChildren>>;
}

export function Tabs<T extends Tab>({ tabs, current, onSelect, label, badges }: Props<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.findIndex((t) => t.id === current);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <nav class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === current}
          aria-controls={t.id === current ? `panel-${t.id}` : undefined}
          tabIndex={t.id === current ? 0 : -1}
          class={t.id === current ? 'tab tab-on' : 'tab'}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
          {badges?.[t.id as T['id']]}
        </button>
      ))}
    </nav>
  );
}
