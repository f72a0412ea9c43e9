// The optional call-back number. A phone has its own number keyboard; a kiosk or a
// window pad may have no usable one, so there the digits come from a big on-screen pad
// that opens over the form and closes with 确定.
import { useId, useState } from 'preact/hooks';
import { PHONE_MAX, spacedPhone, typePhone } from './draft.ts';
import { Keypad, DIGIT_PAD } from './Keypad.tsx';
import './rating.css';

interface Props {
  phone: string;
  onChange: (phone: string) => void;
  /** On-screen pad (kiosk, pad) rather than the device's own keyboard (phone). */
  keypad: boolean;
  label: string;
}

export function PhoneEntry({ phone, onChange, keypad, label }: Props) {
  const [open, setOpen] = useState(false);
  const labelId = useId();
  if (!keypad) {
    return (
      <label class="field">
        <span class="field-label">{label}</span>
        <input
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          onInput={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
        />
      </label>
    );
  }
  return (
    <div class="field">
      <span class="field-label" id={labelId}>
        {label}
      </span>
      <button type="button" class={phone ? 'phone-open phone-set' : 'phone-open'} aria-describedby={labelId} onClick={() => setOpen(true)}>
        {phone ? spacedPhone(phone) : '点这里输入电话号码'}
      </button>
      {open && (
        <div class="sheet" role="dialog" aria-modal="true" aria-label="输入电话号码">
          <div class="sheet-panel">
            <p class="sheet-title">{label}</p>
            <output class="phone-shown" aria-live="polite" data-testid="phone-shown">
              {phone ? spacedPhone(phone) : '　'}
            </output>
            <p class="sheet-note">最多 {PHONE_MAX} 位数字</p>
            <Keypad keys={DIGIT_PAD} columns={3} label="电话号码数字键" onKey={(k) => onChange(typePhone(phone, k))} />
            <button type="button" class="sheet-ok" onClick={() => setOpen(false)}>
              确定
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
