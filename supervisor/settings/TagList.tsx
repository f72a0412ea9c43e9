// A short list of words (优先对象, 差评原因): each shown as a tag that can be removed,
// and one field to add another. Enter adds rather than submitting the whole form.
import { useState } from 'preact/hooks';

interface Props {
  /** Names the list, e.g. 优先对象; the add field is labelled 新增{label}. */
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  placeholder?: string;
  maxLength: number;
}

export function TagList({ label, items, onChange, placeholder, maxLength }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft.trim();
    if (t && !items.includes(t)) onChange([...items, t]);
    setDraft('');
  };
  return (
    <div class="settings-tags">
      <ul aria-label={label}>
        {items.map((t) => (
          <li key={t}>
            {t}
            <button type="button" aria-label={`删除“${t}”`} title="删除" onClick={() => onChange(items.filter((x) => x !== t))}>
              ×
            </button>
          </li>
        ))}
        {items.length === 0 && <li class="settings-empty">（无）</li>}
      </ul>
      <div class="settings-add">
        <input
          aria-label={`新增${label}`}
          value={draft}
          maxLength={maxLength}
          placeholder={placeholder}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="ghost" onClick={add} disabled={!draft.trim()}>
          添加
        </button>
      </div>
    </div>
  );
}
