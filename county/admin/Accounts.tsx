// 账号管理 (county admin): the county's accounts; a new one or a reset one gets a
// password shown once; an account is disabled rather than deleted, so 操作记录 keeps
// saying who did what.
import { useEffect, useState } from 'preact/hooks';
import type { AccountPassword, CountyAccount, CountyRole } from '../../shared/county/types.ts';
import { countyCall } from '../api.ts';
import type { TabProps } from '../tabs.ts';
import { Confirm, dateTime, errorText, roleText, Secret, SecretLine } from './parts.tsx';

export function Accounts({ session }: TabProps) {
  const [list, setList] = useState<CountyAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ title: string; p: AccountPassword } | null>(null);
  const [form, setForm] = useState<{ username: string; name: string; role: CountyRole }>({ username: '', name: '', role: 'county_viewer' });
  const [busy, setBusy] = useState(false);
  const reload = async () => setList(await countyCall<CountyAccount[]>('accounts', {}, session.token));
  useEffect(() => {
    reload().catch((e: unknown) => setError(errorText(e)));
  }, []);
  const act = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    await act(async () => {
      const p = await countyCall<AccountPassword>('addAccount', { ...form, username: form.username.trim(), name: form.name.trim() }, session.token);
      setShown({ title: `账号“${p.username}”已创建`, p });
      setForm({ username: '', name: '', role: 'county_viewer' });
    });
    setBusy(false);
  };

  return (
    <div class="admin">
      <section class="card">
        <h2>新建账号</h2>
        <form class="admin-form" onSubmit={add}>
          <label>
            用户名
            <input value={form.username} maxLength={32} pattern="[A-Za-z0-9_.\-]{2,32}" title="2–32 位字母、数字、下划线、点或短横" onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} required />
          </label>
          <label>
            姓名
            <input value={form.name} maxLength={20} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} required />
          </label>
          <label>
            角色
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value === 'county_admin' ? 'county_admin' : 'county_viewer' })}>
              <option value="county_viewer">查看员（只能查看看板、预警、报表）</option>
              <option value="county_admin">管理员（可登记大厅、管理账号、督办）</option>
            </select>
          </label>
          <button type="submit" class="primary" disabled={busy}>
            创建账号
          </button>
        </form>
      </section>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <Secret title={shown.title} onClose={() => setShown(null)}>
          <SecretLine label="用户名" value={shown.p.username} />
          <SecretLine label="初始密码" value={shown.p.password} />
          <p class="muted">请把密码交给本人，并提醒其登录后在“我的账号”中修改。</p>
        </Secret>
      )}
      <section class="card">
        <h2>县中心账号</h2>
        {!list ? (
          <p class="loading">正在加载…</p>
        ) : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>用户名</th>
                <th>姓名</th>
                <th>角色</th>
                <th>状态</th>
                <th>创建时间</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} class={a.disabled ? 'admin-off' : ''} data-account={a.username}>
                  <th scope="row">{a.username}</th>
                  <td>{a.name}</td>
                  <td>{roleText(a.role)}</td>
                  <td>{a.disabled ? '已停用' : '正常'}</td>
                  <td>{dateTime(a.createdAt)}</td>
                  <td>
                    <div class="admin-actions">
                      <Confirm
                        label="重置密码"
                        question={`重置“${a.username}”的密码？其已登录的会话将退出。`}
                        yes="确定重置"
                        onYes={() =>
                          act(async () => {
                            const p = await countyCall<AccountPassword>('resetPassword', { id: a.id }, session.token);
                            setShown({ title: `“${p.username}”的新密码`, p });
                          })
                        }
                      />
                      {a.username === session.username ? null : a.disabled ? (
                        <button type="button" class="ghost admin-act" onClick={() => void act(() => countyCall('setAccountDisabled', { id: a.id, disabled: false }, session.token))}>
                          启用
                        </button>
                      ) : (
                        <Confirm
                          danger
                          label="停用"
                          question={`停用“${a.username}”？停用后立即退出且无法登录。`}
                          yes="确定停用"
                          onYes={() => act(() => countyCall('setAccountDisabled', { id: a.id, disabled: true }, session.token))}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
