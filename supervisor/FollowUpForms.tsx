// What the supervisor records on an open case: a call back (回访), then the fix (整改)
// or explanation (解释说明) and closing. The server enforces the order (no closing
// without a call back) and its refusal is shown as written.
import { useEffect, useState } from 'preact/hooks';
import type { FollowUp } from '../shared/types.ts';
import { RESOLUTION_KIND } from './followUps.ts';
import { useAction } from './useResource.ts';
import { ErrorBox } from './ErrorBox.tsx';

interface Props {
  followUp: FollowUp;
  token: string;
  onExpired: () => void;
  /** A change went through: the list is read again. */
  onChanged: () => void;
}

export function CallBackForm({ followUp: f, token, onExpired, onChanged }: Props) {
  const [reached, setReached] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const act = useAction(token, onExpired);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (reached === null) return act.setError('请选择是否联系上群众');
    if (await act.run('callBack', { id: f.id, reached, note })) {
      setReached(null);
      setNote('');
      onChanged();
    }
  };

  return (
    <form class="act" onSubmit={submit} aria-label="记录回访">
      <h4>记录回访{f.callBacks.length > 0 && <small>（已回访 {f.callBacks.length} 次）</small>}</h4>
      <Choices legend="回访结果" name="reached" options={REACHED} value={reached} onChange={setReached} />
      <NoteBox label="回访情况" max={500} value={note} onInput={setNote} placeholder="例如：已电话联系，群众反映等候时间长，已致歉" />
      <div class="act-buttons">
        <button type="submit" class="primary" disabled={act.busy}>
          记录回访
        </button>
      </div>
      <ErrorBox>{act.error}</ErrorBox>
    </form>
  );
}

export function ResolveForm({ followUp: f, token, onExpired, onChanged }: Props) {
  // A resolution saved earlier without closing is picked up to finish.
  const [kind, setKind] = useState<'fix' | 'explain' | null>(f.resolution?.kind ?? null);
  const [note, setNote] = useState(f.resolution?.note ?? '');
  const act = useAction(token, onExpired);
  // "请先记录回访" no longer holds once a call back is on record.
  useEffect(() => act.setError(null), [f.callBacks.length]);

  const save = async (close: boolean) => {
    if (!kind) return act.setError('请选择“整改”或“解释说明”');
    if (await act.run('resolve', { id: f.id, kind, note, close })) onChanged();
  };

  return (
    <form
      class="act"
      aria-label="整改或解释说明"
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <h4>
        整改或解释说明
        {f.resolution ? <small>（已保存，未办结）</small> : f.callBacks.length === 0 && <small>（办结前须先记录回访）</small>}
      </h4>
      <Choices legend="处理方式" name="kind" options={KINDS} value={kind} onChange={setKind} />
      <NoteBox
        label="处理情况"
        max={1000}
        value={note}
        onInput={setNote}
        placeholder={kind === 'explain' ? '向群众解释说明的内容' : '整改措施，例如：已对窗口人员批评教育，加强服务规范培训'}
      />
      <div class="act-buttons">
        <button type="submit" class="primary" disabled={act.busy}>
          保存并办结
        </button>
        <button type="button" class="ghost" disabled={act.busy} onClick={() => void save(false)}>
          仅保存
        </button>
      </div>
      <ErrorBox>{act.error}</ErrorBox>
    </form>
  );
}

const REACHED: [boolean, string][] = [
  [true, '已联系上'],
  [false, '未联系上'],
];
const KINDS = (['fix', 'explain'] as const).map((k): ['fix' | 'explain', string] => [k, RESOLUTION_KIND[k]]);

/** One of a few answers, as a row of segment buttons (radios). */
export function Choices<T extends string | boolean>(p: { legend: string; name: string; options: readonly (readonly [T, string])[]; value: T | null; onChange: (v: T) => void }) {
  return (
    <fieldset class="seg">
      <legend class="sr-only">{p.legend}</legend>
      {p.options.map(([v, label]) => (
        <label key={String(v)} class={p.value === v ? 'on' : undefined}>
          <input type="radio" name={p.name} checked={p.value === v} onChange={() => p.onChange(v)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** What was done, in the supervisor's words; the label is for screen readers. */
export function NoteBox(p: { label: string; max: number; value: string; onInput: (v: string) => void; placeholder: string }) {
  return (
    <label class="fld">
      <span class="sr-only">{p.label}</span>
      <textarea rows={2} maxLength={p.max} value={p.value} onInput={(e) => p.onInput(e.currentTarget.value)} placeholder={p.placeholder} />
    </label>
  );
}
