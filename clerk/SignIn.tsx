// Sign-in at a window (签到上岗): username, password and the window the clerk sits at.
import { useEffect, useState } from 'preact/hooks';
import type { HallState } from '../shared/types.ts';
import { call } from '../web/api.ts';
import { lastSignIn, signIn, type ClerkSession } from './session.ts';

interface Props {
  notice: string | null;
  onSignedIn: (s: ClerkSession) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [last] = useState(lastSignIn);
  const [hall, setHall] = useState<HallState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [username, setUsername] = useState(last.username);
  const [password, setPassword] = useState('');
  const [counterId, setCounterId] = useState(last.counterId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    setLoadError(null);
    call('hall', {})
      .then((h) => {
        setHall(h);
        // A remembered window that no longer exists would make the select lie.
        setCounterId((id) => (h.counters.some((c) => c.id === id) ? id : ''));
      })
      .catch((e: Error) => setLoadError(e.message));
  };
  useEffect(load, []);

  const serviceNames = (ids: string[]) => ids.map((id) => hall?.services.find((s) => s.id === id)?.name ?? id).join('、');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password || !counterId) {
      setError('请填写用户名、密码，并选择窗口');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username.trim(), password, counterId));
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={submit} noValidate>
        <p class="signin-hall">{hall?.hallName ?? '为民服务中心'}</p>
        <h1>窗口工作台 · 签到上岗</h1>
        {notice && (
          <p class="msg msg-warn" role="status">
            {notice}
          </p>
        )}
        <div class="signin-field">
          <label for="signin-username">用户名</label>
          <input id="signin-username" name="username" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} autoFocus={!username} />
        </div>
        <div class="signin-field">
          <label for="signin-password">密码</label>
          <input id="signin-password" name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} autoFocus={Boolean(username)} />
        </div>
        <div class="signin-field">
          {/* Not wrapping: a label around the select would take the option texts into its name. */}
          <label for="signin-counter">窗口</label>
          <select id="signin-counter" name="counter" value={counterId} onChange={(e) => setCounterId(e.currentTarget.value)} disabled={!hall}>
            <option value="">{hall ? '请选择您所在的窗口' : '正在读取窗口…'}</option>
            {hall?.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{serviceNames(c.serviceIds)}）
              </option>
            ))}
          </select>
        </div>
        {loadError && (
          <p class="msg msg-error" role="alert">
            读取窗口失败：{loadError}{' '}
            <button type="button" class="link" onClick={load}>
              重试
            </button>
          </p>
        )}
        {error && (
          <p class="msg msg-error" role="alert">
            {error}
          </p>
        )}
        <button class="btn btn-primary signin-submit" type="submit" disabled={busy || !hall}>
          {busy ? '正在签到…' : '签到上岗'}
        </button>
        <p class="signin-hint">B 岗人员可在 A 岗的窗口签到（AB岗互补）。</p>
      </form>
    </main>
  );
}
