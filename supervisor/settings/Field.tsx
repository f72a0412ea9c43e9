// A labelled field: the label above, the control with its unit (分钟, 人) beside it,
// a hint below. Units and hints sit outside the <label> so the accessible name is the
// label alone (getByLabel('大厅名称'), and what a screen reader says).
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  unit?: string;
  hint?: ComponentChildren;
  /** The control, given the id its label points at. */
  children: (id: string) => ComponentChildren;
}

export function Field({ label, unit, hint, children }: FieldProps) {
  const id = useId();
  return (
    <div class="settings-field">
      <label for={id}>{label}</label>
      <div class="settings-control">
        {children(id)}
        {unit && <span class="settings-unit">{unit}</span>}
      </div>
      {hint && <small>{hint}</small>}
    </div>
  );
}

interface TextProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  unit?: string;
  hint?: ComponentChildren;
  size?: 'num' | 'short' | 'long';
  numeric?: boolean;
  maxLength?: number;
  placeholder?: string;
  type?: 'text' | 'password';
}

/** Numbers are typed as text (inputmode numeric) so what was typed is kept verbatim until saved. */
export function TextField({ label, value, onInput, unit, hint, size = 'long', numeric, maxLength, placeholder, type = 'text' }: TextProps) {
  return (
    <Field label={label} unit={unit} hint={hint}>
      {(id) => {
        const common = {
          id,
          class: `settings-${size}`,
          value,
          maxLength,
          placeholder,
          onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
        };
        // A password field is its own input type in Preact's typings (no inputmode, no role).
        return type === 'password' ? <input type="password" autoComplete="new-password" {...common} /> : <input type="text" autoComplete="off" inputMode={numeric ? 'decimal' : undefined} {...common} />;
      }}
    </Field>
  );
}

/** A tick with its words after it. */
export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="settings-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  );
}

/** Several controls under one caption (a tag list, a set of ticks), named as a group. */
export function Group({ label, hint, children }: { label: string; hint?: ComponentChildren; children: ComponentChildren }) {
  const id = useId();
  return (
    <div class="settings-field" role="group" aria-labelledby={id}>
      <span id={id} class="settings-caption">
        {label}
      </span>
      {children}
      {hint && <small>{hint}</small>}
    </div>
  );
}
