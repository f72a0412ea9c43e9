// 大厅登记 (county admin): registers a township hall and hands over its id and key once,
// with what the hall's admin must enter; stops a hall's key, or issues a new one.
import { useEffect, useState } from 'preact/hooks';
import type { HallSummary, NewHall } from '../../shared/county/types.ts';
import { countyCall } from '../api.ts';
import { lastHeard, stateOf } from '../board/figures.ts';
import type { TabProps } from '../tabs.ts';
import { Confirm, errorText, Secret, SecretLine, Copy } from './parts.tsx';

export function Halls({ session, halls }: TabProps) {
  const [list, setList] = useState<HallSummary[] | null>(halls);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ hall: NewHall; fresh: boolean } | null>(null);
  // The socket's pushes keep the list current; a reply of our own shows at once.
  useEffect(() => setList(halls), [halls]);
  const reload = async () => setList(await countyCall<HallSummary[]>('halls', {}, session.token));

  const add = async (e: Event) => {
    e.preventDefault();
    if (busy || !name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const hall = await countyCall<NewHall>('addHall', { name: name.trim() }, session.token);
      setIssued({ hall, fresh: true });
      setName('');
      await reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const act = async (f: () => Promise<void>) => {
    setError(null);
    try {
      await f();
      await reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div class="admin">
      <section class="card">
        <h2>登记乡镇大厅</h2>
        <form class="admin-form" onSubmit={add}>
          <label>
            大厅名称
            <input value={name} maxLength={40} placeholder="如：青山镇为民服务中心" onInput={(e) => setName(e.currentTarget.value)} required />
          </label>
          <button type="submit" class="primary" disabled={busy || !name.trim()}>
            {busy ? '正在登记…' : '登记并生成密钥'}
          </button>
        </form>
        {error && (
          <p class="error-box" role="alert">
            {error}
          </p>
        )}
      </section>
      {issued && <KeyCard hall={issued.hall} fresh={issued.fresh} onClose={() => setIssued(null)} />}
      <section class="card">
        <h2>已登记的大厅</h2>
        {!list ? (
          <p class="loading">正在加载…</p>
        ) : list.length === 0 ? (
          <p class="muted">还没有登记大厅。</p>
        ) : (
          <table class="admin-table">
            <thead>
              <tr>
                <th>大厅</th>
                <th>大厅编号</th>
                <th>状态</th>
                <th>最后联系</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {list.map((h) => (
                <tr key={h.id} class={h.revoked ? 'admin-off' : ''} data-hall={h.id}>
                  <th scope="row">{h.name}</th>
                  <td>
                    <code>{h.id}</code>
                  </td>
                  <td>{{ online: '在线', offline: '离线', never: '未接入', revoked: '密钥已停用' }[stateOf(h)]}</td>
                  <td>{lastHeard(h) ?? '—'}</td>
                  <td>
                    <div class="admin-actions">
                      <Confirm
                        label={h.revoked ? '重新发放密钥' : '更换密钥'}
                        question={h.revoked ? `为“${h.name}”发放新密钥并恢复接入？` : `为“${h.name}”生成新密钥？旧密钥立即失效。`}
                        yes="生成新密钥"
                        onYes={() =>
                          act(async () => {
                            const hall = await countyCall<NewHall>('rotateHallKey', { id: h.id }, session.token);
                            setIssued({ hall, fresh: false });
                          })
                        }
                      />
                      {!h.revoked && (
                        <Confirm
                          danger
                          label="停用密钥"
                          question={`停用“${h.name}”的密钥？该大厅发来的数据将被拒绝，已收到的数据保留。`}
                          yes="确定停用"
                          onYes={() => act(() => countyCall('revokeHall', { id: h.id }, session.token))}
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

function KeyCard({ hall, fresh, onClose }: { hall: NewHall; fresh: boolean; onClose: () => void }) {
  const url = location.origin;
  const env = `COUNTY_URL=${url}\nCOUNTY_HALL_ID=${hall.id}\nCOUNTY_KEY=${hall.key}`;
  return (
    <Secret title={fresh ? `“${hall.name}”已登记` : `“${hall.name}”的新密钥`} onClose={onClose}>
      <SecretLine label="县中心地址" value={url} />
      <SecretLine label="大厅编号" value={hall.id} />
      <SecretLine label="密钥" value={hall.key} />
      <ol>
        <li>把以上三项交给该乡镇大厅的管理员（当面或经政务内网，不要发到公开群）。</li>
        <li>
          在乡镇大厅的 <b>设置 › 县中心</b> 填入：县中心地址、大厅编号、密钥，保存后大厅即开始上报。
        </li>
        <li>或在大厅服务器的环境变量中设置（优先于设置页）：</li>
      </ol>
      <pre>
        <code>{env}</code>
      </pre>
      <div>
        <Copy text={env} label="复制环境变量" />
      </div>
      {url.includes('localhost') || url.includes('127.0.0.1') ? <p class="admin-once">当前地址是本机地址，大厅无法访问：请改为县中心在政务外网上的地址。</p> : null}
      {!fresh && <p class="muted">旧密钥已失效：大厅换上新密钥之前不会再上报。</p>}
    </Secret>
  );
}
