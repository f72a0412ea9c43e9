// The county center's page (电子监察平台): sign-in, then the tabs of tabs.ts under one
// header that says who is signed in and whether the board is live.
import { useEffect, useState } from 'preact/hooks';
import { Credentials } from '../web/Credentials.tsx';
import { Tabs } from '../web/Tabs.tsx';
import { countyCall, SESSION_ENDED } from './api.ts';
import { loadSession, saveSession, signIn, type CountySession } from './session.ts';
import { tabs } from './tabs.ts';
import { useCountyLive } from './useCounty.ts';

export function County() {
  const [session, setSession] = useState<CountySession | null>(loadSession);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (s: CountySession | null, why: string | null = null) => {
    saveSession(s);
    setSession(s);
    setNotice(why);
  };
  if (!session) return <SignIn notice={notice} onSignedIn={(s) => set(s)} />;
  return <Shell session={session} onSignOut={(why) => set(null, why)} />;
}

function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (s: CountySession) => void }) {
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
        <h1>电子监察平台</h1>
        <p class="signin-sub">县政务服务中心 · 各乡镇为民服务中心</p>
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
      </form>
    </main>
  );
}

function Shell({ session, onSignOut }: { session: CountySession; onSignOut: (why: string | null) => void }) {
  const shown = tabs.filter((t) => !t.admin || session.role === 'county_admin');
  const [current, setCurrent] = useState<{ id: string; arg?: string }>({ id: shown[0]?.id ?? '' });
  const live = useCountyLive(session.token);
  useEffect(() => {
    const ended = () => onSignOut('登录已失效，请重新登录');
    if (live.refused) ended();
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [live.refused]);
  const tab = shown.find((t) => t.id === current.id) ?? shown[0];
  const signOut = () => {
    void countyCall('signOut', {}, session.token).catch(() => {});
    onSignOut(null);
  };
  return (
    <div class="console county">
      <header class="topbar">
        <div class="topbar-title">
          <span class="topbar-hall">县政务服务中心</span>
          <span class="topbar-page">电子监察平台</span>
        </div>
        <div class="topbar-right">
          <span class={live.connected ? 'conn conn-ok' : 'conn conn-bad'}>{live.connected ? '实时' : '连接中断'}</span>
          <span class="topbar-user">
            {session.username}
            <small>{session.role === 'county_admin' ? '管理员' : '查看'}</small>
          </span>
          <button type="button" class="ghost" onClick={signOut}>
            退出
          </button>
        </div>
      </header>
      <Tabs tabs={shown} current={tab?.id ?? ''} onSelect={(id) => setCurrent({ id })} label="县中心" />
      {tab && (
        <section class="panel" id={`panel-${tab.id}`} role="tabpanel" aria-labelledby={`tab-${tab.id}`}>
          <tab.Component session={session} halls={live.halls} arg={current.arg} go={(id, arg) => setCurrent({ id, ...(arg !== undefined && { arg }) })} />
        </section>
      )}
    </div>
  );
}
