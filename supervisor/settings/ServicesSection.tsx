// 业务: the businesses the kiosk offers. The list on the left, the chosen one (or a new
// one) to edit on the right. Deleting is refused by the server while a business has
// tickets today or a window still serves it; the message says to disable it instead.
import { useState } from 'preact/hooks';
import type { Service } from '../../shared/types.ts';
import { nextId } from './ids.ts';
import { ServiceEditor } from './ServiceEditor.tsx';
import type { SectionProps } from './view.ts';

/** What the editor shows: a business by id, or a new one (its id proposed). */
type Editing = { id: string; isNew: boolean } | null;

export function ServicesSection(props: SectionProps) {
  const { view, editable } = props;
  const [editing, setEditing] = useState<Editing>(null);
  // Moves when another business is picked, so the editor starts afresh; saving a new
  // business keeps the same editor (and its 已保存) on what was just created.
  const [pick, setPick] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (e: Editing) => {
    setNotice(null);
    setEditing(e);
    setPick((n) => n + 1);
  };
  const current = editing && !editing.isNew ? (view.services.find((s) => s.id === editing.id) ?? null) : null;
  const servedBy = (id: string) => view.counters.filter((c) => c.serviceIds.includes(id)).map((c) => c.name);

  return (
    <div class="settings-split">
      <section class="settings-card" aria-labelledby="services-title">
        <div class="settings-head">
          <h2 id="services-title">
            业务 <small>{view.services.length} 项</small>
          </h2>
          {editable && (
            <button type="button" class="ghost" onClick={() => open({ id: nextId(view.services.map((s) => s.id), 'biz'), isNew: true })}>
              新增业务
            </button>
          )}
        </div>
        {notice && (
          <p class="settings-saved" role="status">
            ✓ {notice}
          </p>
        )}
        <table class="settings-table settings-list-table">
          <thead>
            <tr>
              <th scope="col">前缀</th>
              <th scope="col">名称</th>
              <th scope="col">状态</th>
              <th scope="col">每日限号</th>
              <th scope="col">承诺时限</th>
              <th scope="col">办理窗口</th>
              <th scope="col">
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.services.map((s) => (
              <ServiceRow key={s.id} service={s} counters={servedBy(s.id)} chosen={editing?.id === s.id} editable={editable} onPick={() => open({ id: s.id, isNew: false })} />
            ))}
          </tbody>
        </table>
      </section>
      {editing && (editing.isNew || current) ? (
        <ServiceEditor
          key={pick}
          {...props}
          service={current}
          newId={editing.id}
          onCreated={(id) => setEditing({ id, isNew: false })}
          onClose={() => setEditing(null)}
          onDeleted={(name) => {
            setEditing(null);
            setNotice(`已删除业务“${name}”`);
          }}
        />
      ) : (
        <p class="settings-card settings-hint">{editable ? '点“编辑”修改一项业务，或点“新增业务”。' : '点“查看”看一项业务的全部设置。'}</p>
      )}
    </div>
  );
}

function ServiceRow({ service: s, counters, chosen, editable, onPick }: { service: Service; counters: string[]; chosen: boolean; editable: boolean; onPick: () => void }) {
  return (
    <tr class={chosen ? 'settings-chosen' : undefined}>
      <td>
        <span class="prefix">{s.prefix}</span>
      </td>
      <th scope="row">
        {s.name}
        {s.priorityAllowed && <span class="tag">可优先</span>}
      </th>
      <td>{s.enabled ? <span class="ok">启用</span> : <span class="settings-stopped">停用</span>}</td>
      <td>{s.dailyQuota === null ? '不限' : `${s.dailyQuota} 号`}</td>
      <td>{s.committedDays} 个工作日</td>
      <td class={counters.length ? undefined : 'muted'}>{counters.length ? counters.join('、') : '无'}</td>
      <td>
        <button type="button" class="settings-link" aria-label={`${editable ? '编辑' : '查看'} ${s.name}`} onClick={onPick}>
          {editable ? '编辑' : '查看'}
        </button>
      </td>
    </tr>
  );
}
