// 业务: the businesses the kiosk offers, in the kiosk's order (an admin moves them up and
// down). The list on the left, the chosen one (or a new one) to edit on the right. Deleting is refused by the server while a business has
// tickets today or a window still serves it; the message says to disable it instead.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Service } from '../../shared/types.ts';
import { nextId } from './ids.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { useSave } from './useSave.ts';
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
  const order = useSave(props.token, props.onExpired);
  const move = async (i: number, by: -1 | 1) => {
    const ids = view.services.map((s) => s.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    const next = await order.run('orderServices', { serviceIds: ids }, `已调整顺序：取号机上“${view.services[i]!.name}”${by < 0 ? '上移' : '下移'}一位`);
    if (next) props.onSaved(next);
  };

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
        {editable && <p class="muted settings-order-hint">取号机按这个顺序列出业务；用“↑”“↓”调整。</p>}
        <SaveStatus save={order} />
        <table class="settings-table settings-list-table">
          <thead>
            <tr>
              {editable && <th scope="col">顺序</th>}
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
            {view.services.map((s, i) => (
              <ServiceRow key={s.id} service={s} counters={servedBy(s.id)} chosen={editing?.id === s.id} editable={editable} onPick={() => open({ id: s.id, isNew: false })}>
                {editable && (
                  <td class="settings-order">
                    <button type="button" class="settings-icon" aria-label={`上移 ${s.name}`} title="上移" disabled={i === 0 || order.busy} onClick={() => void move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" class="settings-icon" aria-label={`下移 ${s.name}`} title="下移" disabled={i === view.services.length - 1 || order.busy} onClick={() => void move(i, 1)}>
                      ↓
                    </button>
                  </td>
                )}
              </ServiceRow>
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

function ServiceRow({ service: s, counters, chosen, editable, onPick, children }: { service: Service; counters: string[]; chosen: boolean; editable: boolean; onPick: () => void; children?: ComponentChildren }) {
  return (
    <tr class={chosen ? 'settings-chosen' : undefined}>
      {children}
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
