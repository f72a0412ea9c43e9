// 我的账号: every county account, a viewer too, changes its own password here; its other
// sessions end, this one stays.
import { useState } from 'preact/hooks';
import { countyCall } from '../api.ts';
import type { TabProps } from '../tabs.ts';
import { errorText, roleText } from './parts.tsx';

export function Me({ session }: TabProps) {
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (next !== again) return setMsg({ ok: false, text: '两次输入的新密码不一致' });
    if (next.length < 8) return setMsg({ ok: false, text: '新密码至少 8 位' });
    setBusy(true);
    try {
      await countyCall('changeOwnPassword', { old, new: next }, session.token);
      setMsg({ ok: true, text: '密码已修改。其他地方的登录已退出。' });
      setOld('');
      setNext('');
      setAgain('');
    } catch (err) {
      setMsg({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="admin">
      <section class="card">
        <h2>
          {session.username}（{roleText(session.role)}）
        </h2>
        <form class="admin-form" onSubmit={submit}>
          <label>
            原密码
            <input type="password" autocomplete="current-password" value={old} onInput={(e) => setOld(e.currentTarget.value)} required />
          </label>
          <label>
            新密码（至少 8 位）
            <input type="password" autocomplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} required />
          </label>
          <label>
            再次输入新密码
            <input type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} required />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            修改密码
          </button>
        </form>
        {msg && (
          <p class={msg.ok ? 'admin-msg' : 'error-box'} role={msg.ok ? 'status' : 'alert'}>
            {msg.text}
          </p>
        )}
      </section>
    </div>
  );
}
