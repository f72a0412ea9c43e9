// 人员: staff accounts. The list on the left with each clerk's posts (AB岗); the chosen
// account (or a new one) on the right, with its password reset below.
import { useState } from 'preact/hooks';
import { postsOf, ROLE_NAMES, type StaffAccount } from './recordForms.ts';
import { UserEditor } from './UserEditor.tsx';
import type { SectionProps } from './view.ts';

type Editing = { id: string | null } | null; // id null: a new account

export function UsersSection(props: SectionProps) {
  const { view, editable } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const [pick, setPick] = useState(0);
  const open = (e: Editing) => {
    setEditing(e);
    setPick((n) => n + 1);
  };
  const current = editing?.id ? (view.users.find((u) => u.id === editing.id) ?? null) : null;

  return (
    <div class="settings-split">
      <section class="settings-card" aria-labelledby="users-title">
        <div class="settings-head">
          <h2 id="users-title">
            人员账号 <small>{view.users.length} 个</small>
          </h2>
          {editable && (
            <button type="button" class="ghost" onClick={() => open({ id: null })}>
              新增账号
            </button>
          )}
        </div>
        <table class="settings-table settings-list-table">
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">用户名</th>
              <th scope="col">工号</th>
              <th scope="col">角色</th>
              <th scope="col">岗位</th>
              <th scope="col">状态</th>
              <th scope="col">
                <span class="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.users.map((u) => (
              <UserRow key={u.id} user={u} posts={postsOf(u.id, view.counters)} chosen={editing?.id === u.id} editable={editable} onPick={() => open({ id: u.id })} />
            ))}
          </tbody>
        </table>
      </section>
      {editing && (editing.id === null || current) ? (
        <UserEditor key={pick} {...props} user={current} onCreated={(id) => setEditing({ id })} onClose={() => setEditing(null)} />
      ) : (
        <p class="settings-card settings-hint">{editable ? '点“编辑”修改账号、停用或重置密码，或点“新增账号”。' : '点“查看”看一个账号。'}</p>
      )}
    </div>
  );
}

function UserRow({ user: u, posts, chosen, editable, onPick }: { user: StaffAccount; posts: string[]; chosen: boolean; editable: boolean; onPick: () => void }) {
  return (
    <tr class={chosen ? 'settings-chosen' : undefined}>
      <th scope="row">{u.name}</th>
      <td>{u.username}</td>
      <td>{u.staffNo}</td>
      <td>{ROLE_NAMES[u.role]}</td>
      <td class={posts.length ? 'settings-posts' : 'muted'}>{posts.length ? posts.map((p) => <span key={p}>{p}</span>) : u.role === 'clerk' ? '未安排' : '—'}</td>
      <td>{u.disabled ? <span class="settings-stopped">已停用</span> : <span class="ok">正常</span>}</td>
      <td>
        <button type="button" class="settings-link" aria-label={`${editable ? '编辑' : '查看'} ${u.username}`} onClick={onPick}>
          {editable ? '编辑' : '查看'}
        </button>
      </td>
    </tr>
  );
}
