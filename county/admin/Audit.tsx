// 操作记录 (county admin): who did what and when, newest first, from county_audit.
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../shared/county/types.ts';
import { countyCall } from '../api.ts';
import type { TabProps } from '../tabs.ts';
import { dateTime, errorText } from './parts.tsx';

/** The wording of each action; one the table does not know (a later feature's) shows as recorded. */
const ACTIONS = new Map<string, string>([
  ['sign_in', '登录'],
  ['add_hall', '登记大厅'],
  ['revoke_hall', '停用大厅密钥'],
  ['rotate_hall_key', '更换大厅密钥'],
  ['add_account', '新建账号'],
  ['disable_account', '停用账号'],
  ['enable_account', '启用账号'],
  ['reset_password', '重置密码'],
  ['change_own_password', '修改本人密码'],
  ['send_notice', '发出督办'],
]);

const ROLES = new Map([
  ['county_admin', '管理员'],
  ['county_viewer', '查看员'],
]);

/** The detail's known fields in words; hall ids are named from the live list. */
function detailText(detail: unknown, hallName: (id: string) => string | undefined): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = new Map(Object.entries(detail as Record<string, unknown>));
  const parts: string[] = [];
  const str = (k: string) => (typeof d.get(k) === 'string' ? (d.get(k) as string) : undefined);
  const hallId = str('hallId');
  const hall = str('name') && hallId ? str('name') : hallId ? (hallName(hallId) ?? hallId) : undefined;
  if (hall) parts.push(`大厅：${hall}`);
  if (str('username')) parts.push(`账号：${str('username')}${str('name') && !hallId ? `（${str('name')}）` : ''}`);
  const role = str('role');
  if (role) parts.push(`角色：${ROLES.get(role) ?? role}`);
  return parts.join('，');
}

export function Audit({ session, halls }: TabProps) {
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    countyCall<AuditEntry[]>('audit', {}, session.token).then(setRows, (e: unknown) => setError(errorText(e)));
  };
  useEffect(load, []);
  const names = new Map((halls ?? []).map((h) => [h.id, h.name]));
  return (
    <div class="admin">
      <section class="card">
        <div class="admin-actions">
          <h2>操作记录</h2>
          <button type="button" class="ghost admin-act" onClick={load}>
            刷新
          </button>
        </div>
        {error && (
          <p class="error-box" role="alert">
            {error}
          </p>
        )}
        {!rows ? (
          <p class="loading">正在加载…</p>
        ) : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>时间</th>
                <th>账号</th>
                <th>操作</th>
                <th>内容</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{dateTime(r.at)}</td>
                  <td>{r.username ? `${r.username}${r.name ? `（${r.name}）` : ''}` : '—'}</td>
                  <td>{ACTIONS.get(r.action) ?? r.action}</td>
                  <td>{detailText(r.detail, (id) => names.get(id))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p class="muted">显示最近 300 条。</p>
      </section>
    </div>
  );
}
