// One window's card. The posts list clerk accounts only (the server refuses others);
// a disabled account is marked so it is not picked by mistake.
import { useState } from 'preact/hooks';
import type { Counter } from '../../shared/types.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { Field, TextField } from './Field.tsx';
import { idProblem } from './ids.ts';
import { fromCounterForm, toCounterForm, toggle, type CounterForm, type StaffAccount } from './recordForms.ts';
import { SaveBar } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';

interface Props extends SectionProps {
  /** null: a new window, to be saved as `newId`. */
  counter: Counter | null;
  newId: string;
  /** Created or cancelled (new window), or deleted (`deleted` true). */
  onDone: (deleted: boolean) => void;
}

export function CounterEditor({ view, editable, token, onExpired, onSaved, counter, newId, onDone }: Props) {
  const [id, setId] = useState(newId);
  const [form, setForm] = useState<CounterForm>(() => (counter ? toCounterForm(counter) : { name: `${newId}号窗口`, serviceIds: [], clerkA: '', clerkB: '' }));
  const save = useSave(token, onExpired);
  const isNew = counter === null;
  const set = (patch: Partial<CounterForm>) => {
    save.edited();
    setForm((f) => ({ ...f, ...patch }));
  };
  const clerks = view.users.filter((u) => u.role === 'clerk');
  const title = isNew ? '新增窗口' : counter.name;

  const submit = async (e: Event) => {
    e.preventDefault();
    const problem = isNew ? idProblem(id.trim(), view.counters.map((c) => c.id)) : null;
    if (problem) return save.refuse(`窗口${problem}`);
    const parsed = fromCounterForm(form, view.services);
    if (!parsed.ok) return save.refuse(parsed.error);
    const target = isNew ? id.trim() : counter.id;
    const next = await save.run('saveCounter', { ...parsed.value, id: target });
    if (!next) return;
    onSaved(next);
    // A new window now has its own card (with the server's copy); this one goes away.
    if (isNew) onDone(false);
  };

  const remove = async () => {
    if (!counter) return;
    const next = await save.run('removeCounter', { id: counter.id });
    if (next) {
      onSaved(next);
      onDone(true);
    }
  };

  return (
    <form class={isNew ? 'settings-card settings-counter settings-new' : 'settings-card settings-counter'} aria-label={title} onSubmit={submit}>
      <fieldset class="settings-plain" disabled={!editable}>
        <div class="settings-row">
          {isNew && <TextField label="窗口编号" size="num" maxLength={40} value={id} onInput={setId} />}
          <TextField label="窗口名称" size="short" maxLength={30} value={form.name} onInput={(name) => set({ name })} />
        </div>
        <fieldset class="settings-ticks">
          <legend>办理业务</legend>
          {view.services.map((s) => (
            <label key={s.id} class={s.enabled ? 'settings-check' : 'settings-check muted'}>
              <input type="checkbox" checked={form.serviceIds.includes(s.id)} onChange={(e) => set({ serviceIds: toggle(form.serviceIds, s.id, e.currentTarget.checked) })} />
              {s.name}
              {!s.enabled && '（停用）'}
            </label>
          ))}
        </fieldset>
        <div class="settings-row">
          <PostSelect label="A岗" value={form.clerkA} clerks={clerks} onChange={(clerkA) => set({ clerkA })} />
          <PostSelect label="B岗" value={form.clerkB} clerks={clerks} onChange={(clerkB) => set({ clerkB })} />
        </div>
        <SaveBar save={save}>
          {isNew ? (
            <button type="button" class="ghost" onClick={() => onDone(false)}>
              取消
            </button>
          ) : (
            <DeleteButton what={`删除${counter.name}`} disabled={save.busy} onConfirm={() => void remove()} />
          )}
        </SaveBar>
      </fieldset>
    </form>
  );
}

function PostSelect({ label, value, clerks, onChange }: { label: string; value: string; clerks: StaffAccount[]; onChange: (id: string) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">（无人）</option>
          {clerks.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}（{u.staffNo || u.username}）{u.disabled ? '已停用' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
