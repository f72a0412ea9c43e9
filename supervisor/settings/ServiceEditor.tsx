// One business to edit or create: name, prefix letter, 一次性告知 materials, quota,
// 承诺 time, priority, average minutes (the wait estimate before the day has its own).
import { useState } from 'preact/hooks';
import type { Service } from '../../shared/types.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { EditorHead } from './EditorHead.tsx';
import { Check, TextField } from './Field.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import { ListEditor } from './ListEditor.tsx';
import { fromServiceForm, newServiceForm, toServiceForm, type ServiceForm } from './recordForms.ts';
import { SaveBar } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';

interface Props extends SectionProps {
  /** null: a new business. */
  service: Service | null;
  newId: string;
  onCreated: (id: string) => void;
  onClose: () => void;
  onDeleted: (name: string) => void;
}

export function ServiceEditor({ view, editable, token, onExpired, onSaved, service, newId, onCreated, onClose, onDeleted }: Props) {
  const [form, setForm] = useState<ServiceForm>(() => (service ? toServiceForm(service) : newServiceForm(newId)));
  const save = useSave(token, onExpired);
  const isNew = service === null;
  const set = <K extends keyof ServiceForm>(key: K, value: ServiceForm[K]) => {
    save.edited();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const text = (key: 'id' | 'name' | 'prefix' | 'committedDays' | 'dailyQuota' | 'avgServiceMin') => ({ value: form[key], onInput: (v: string) => set(key, v) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = fromServiceForm(form, isNew ? view.services.map((s) => s.id) : null);
    if (!parsed.ok) return save.refuse(parsed.error);
    const { id, body } = parsed.value;
    const next = await save.run('saveService', { ...body, id });
    if (!next) return;
    const saved = next.services.find((s) => s.id === id);
    if (saved) setForm(toServiceForm(saved));
    onSaved(next);
    if (isNew) onCreated(id);
  };

  const remove = async () => {
    if (!service) return;
    const next = await save.run('removeService', { id: service.id });
    if (next) {
      onSaved(next);
      onDeleted(service.name);
    }
  };

  const title = isNew ? '新增业务' : `业务：${service.name}`;
  return (
    <form class="settings-card settings-editor" aria-label={title} onSubmit={submit}>
      <EditorHead title={title} onClose={onClose} />
      <fieldset class="settings-plain" disabled={!editable}>
        <div class="settings-row">
          {isNew ? (
            <TextField label="业务编号" size="short" maxLength={40} hint="英文字母、数字或 -，保存后不能改" {...text('id')} />
          ) : (
            <p class="settings-field">
              <span class="settings-caption">业务编号</span>
              <code>{service.id}</code>
            </p>
          )}
          <TextField label="业务名称" size="short" maxLength={30} {...text('name')} />
          <TextField label="号码前缀" size="num" maxLength={1} hint="一个字母，如 A" {...text('prefix')} />
        </div>
        <div class="settings-row">
          <TextField label="每日限号" unit="号" size="num" numeric hint="不填为不限" {...text('dailyQuota')} />
          <TextField label="承诺办结时限" unit="个工作日" size="num" numeric {...text('committedDays')} />
          <TextField label="平均办理时间" unit="分钟" size="num" numeric hint="用于估算等候时间" {...text('avgServiceMin')} />
        </div>
        <div class="settings-row">
          <Check label="启用（停用后取号机不能取这项业务的号）" checked={form.enabled} onChange={(v) => set('enabled', v)} />
          <Check label="可以优先取号" checked={form.priorityAllowed} onChange={(v) => set('priorityAllowed', v)} />
        </div>
        <ScheduleFields form={form.schedule} onChange={(v) => set('schedule', v)} />
        <div class="settings-field" role="group" aria-label="所需材料">
          <span class="settings-caption">所需材料（一次性告知，取号机按此顺序列出）</span>
          <ListEditor itemLabel="材料" items={form.materials} onChange={(v) => set('materials', v)} maxLength={100} addLabel="添加一项材料" />
        </div>
        <SaveBar save={save} label={isNew ? '保存新业务' : '保存'}>
          {!isNew && <DeleteButton what={`删除业务“${service.name}”`} disabled={save.busy} onConfirm={() => void remove()} />}
        </SaveBar>
      </fieldset>
    </form>
  );
}
