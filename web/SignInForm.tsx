// The staff sign-in card the desks share (中心管理, 电子监察平台): user name and password,
// the server's refusal in words, the password cleared after a refusal, one request at a time.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Credentials } from './Credentials.tsx';

interface Props<S> {
  title: string;
  subtitle: string;
  /** Shown above the form until the next attempt (e.g. "登录已失效"). */
  notice: string | null;
  signIn: (username: string, password: string) => Promise<S>;
  onSignedIn: (s: S) => void;
  children?: ComponentChildren;
}

export function SignInForm<S>({ title, subtitle, notice, signIn, onSignedIn, children }: Props<S>) {
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
        <h1>{title}</h1>
        <p class="signin-sub">{subtitle}</p>
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
        {children}
      </form>
    </main>
  );
}
