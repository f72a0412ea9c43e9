// The signed-in page: header, tab bar, and the one staff socket every tab shares.
import { useState } from 'preact/hooks';
import type { PrinterHealth } from '../shared/types.ts';
import { useSocket } from '../web/useSocket.ts';
import { Live } from './Live.tsx';
import type { SupervisorSession } from './session.ts';
import { Tabs, type Tab } from './Tabs.tsx';
import { Today } from './Today.tsx';

// Only tabs that work are listed; reports, settings and ratings join here when they exist.
const TABS = [
  { id: 'live', label: '实况' },
  { id: 'today', label: '今日统计' },
] as const satisfies readonly Tab[];
type TabId = (typeof TABS)[number]['id'];

const ROLE_TEXT = { supervisor: '主任', admin: '管理员', clerk: '窗口' } as const;

interface Props {
  session: SupervisorSession;
  onSignOut: () => void;
  onExpired: () => void;
}

export function Console({ session, onSignOut, onExpired }: Props) {
  const [tab, setTab] = useState<TabId>('live');
  const [printer, setPrinter] = useState<PrinterHealth | null>(null);
  const { hall, connected } = useSocket({ role: 'staff', token: session.token }, (socket) => {
    socket.on('printer:status', setPrinter);
    // The server refuses an unknown or expired token at the handshake, and ends the
    // socket when the session is signed out elsewhere: both mean "sign in again".
    socket.on('connect_error', (err) => err.message === 'unauthorized' && onExpired());
    socket.on('session:ended', () => onExpired());
  });

  return (
    <div class="console">
      <header class="topbar">
        <div class="topbar-title">
          <span class="topbar-hall">{hall?.hallName ?? '为民服务中心'}</span>
          <span class="topbar-page">中心管理</span>
        </div>
        <div class="topbar-right">
          <span class={connected ? 'conn conn-ok' : 'conn conn-bad'}>{connected ? '实时连接' : '连接中断'}</span>
          <span class="topbar-user">
            {session.user.name}
            <small>
              {ROLE_TEXT[session.role]} · 工号 {session.user.staffNo}
            </small>
          </span>
          <button type="button" class="ghost" onClick={onSignOut}>
            退出登录
          </button>
        </div>
      </header>
      <Tabs tabs={TABS} current={tab} onSelect={setTab} label="管理页面" />
      {!connected && hall && (
        <p class="stale" role="status">
          与服务器的连接已断开，正在重新连接；下面是断开前的数据。
        </p>
      )}
      <main class="panel">
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'live' ? (
            hall ? (
              <Live hall={hall} printer={printer} token={session.token} onExpired={onExpired} />
            ) : (
              <p class="loading">正在连接大厅…</p>
            )
          ) : (
            <Today token={session.token} day={hall?.day ?? null} onExpired={onExpired} />
          )}
        </div>
      </main>
    </div>
  );
}
