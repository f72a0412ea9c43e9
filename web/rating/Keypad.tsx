// Big keys for hands that cannot use a small keyboard or an input method: the
// kiosk's ticket number and the call-back phone number on kiosk and pad.
import './rating.css';

export interface Key {
  value: string;
  label: string;
  /** Read out instead of the label, for keys drawn as symbols. */
  name?: string;
  action?: boolean;
}

/** 1–9, then 清空 0 删除 along the bottom as on a phone. */
export const DIGIT_PAD: Key[] = [
  ...[...'123456789'].map((d) => ({ value: d, label: d })),
  { value: 'clear', label: '清空', action: true },
  { value: '0', label: '0' },
  { value: 'back', label: '删除', action: true },
];

interface Props {
  keys: Key[];
  columns: number;
  onKey: (value: string) => void;
  label: string;
  class?: string;
}

export function Keypad({ keys, columns, onKey, label, class: cls }: Props) {
  return (
    <div class={`keypad ${cls ?? ''}`} role="group" aria-label={label} style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
      {keys.map((k) => (
        <button key={k.value} type="button" class={k.action ? 'key key-action' : 'key'} aria-label={k.name} onClick={() => onKey(k.value)}>
          {k.label}
        </button>
      ))}
    </div>
  );
}
