// An ordered list of sentences (一次性告知 materials): each one editable in place, removable,
// and movable up, since the kiosk shows them in this order.
interface Props {
  /** One item's name, e.g. 材料: the fields read 材料 1, 材料 2, … */
  itemLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  maxLength: number;
  addLabel: string;
}

export function ListEditor({ itemLabel, items, onChange, maxLength, addLabel }: Props) {
  const set = (i: number, v: string) => onChange(items.map((x, j) => (j === i ? v : x)));
  const up = (i: number) => onChange(items.map((x, j) => (j === i - 1 ? items[i]! : j === i ? items[i - 1]! : x)));
  return (
    <div class="settings-list">
      <ol>
        {/* Index keys: the fields are controlled, so a removed row cannot leave stale text behind. */}
        {items.map((x, i) => (
          <li key={i}>
            <input aria-label={`${itemLabel} ${i + 1}`} value={x} maxLength={maxLength} onInput={(e) => set(i, e.currentTarget.value)} />
            <button type="button" class="settings-icon" aria-label={`上移${itemLabel} ${i + 1}`} title="上移" disabled={i === 0} onClick={() => up(i)}>
              ↑
            </button>
            <button type="button" class="settings-icon" aria-label={`删除${itemLabel} ${i + 1}`} title="删除" onClick={() => onChange(items.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="settings-link" onClick={() => onChange([...items, ''])}>
        + {addLabel}
      </button>
    </div>
  );
}
