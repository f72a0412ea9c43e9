// Sign-in for supervisors and admins: no window to pick, clerks are turned away.
import { useState } from 'preact/hooks';
import { Credentials } from '../web/Credentials.tsx';
import { signIn, type SupervisorSession } from './session.ts';

interface Props {
  notice: string | null;
  onSignedIn: (s: SupervisorSession) => void;
}

export function SignIn({ notice, onSignedIn }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(username.trim(), password));
    } catch (err) {
      setError(err instanceof Error ? err.message : '登录失败');
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <form class="signin-card" onSubmit={submit}>
        <h1>中心管理</h1>
        <p class="signin-sub">为民服务中心主任、管理员登录</p>
        {notice && !error && <p class="signin-notice">{notice}</p>}
        <Credentials username={username} password={password} onUsername={setUsername} onPassword={setPassword} />
        {error && (
          <p class="signin-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        <p class="signin-hint">
          窗口工作人员请在<a href="/clerk/">窗口工作台</a>登录。
        </p>
      </form>
    </main>
  );
}
