// The county center's page (电子监察平台): sign-in, then the tabs of tabs.ts under one
// header that says who is signed in and whether the board is live.
import { useEffect, useState } from 'preact/hooks';
import { SignInForm } from '../web/SignInForm.tsx';
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
  if (!session) return <SignInForm title="电子监察平台" subtitle="县政务服务中心 · 各乡镇为民服务中心" notice={notice} signIn={signIn} onSignedIn={(s) => set(s)} />;
  return <Shell session={session} onSignOut={(why) => set(null, why)} />;
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
