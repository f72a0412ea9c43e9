// The signed-in page: header, tab bar, and the one staff socket every tab shares.
import { useState } from 'preact/hooks';
import type { HallState, PrinterHealth } from '../shared/types.ts';
import { useSocket } from '../web/useSocket.ts';
import { Live } from './Live.tsx';
import { lazy } from '../web/lazy.tsx';
import { loadSession, type SupervisorSession } from './session.ts';
import { LeaveDialog } from './settings/LeaveDialog.tsx';
import { settingsEdits } from './settings/unsaved.ts';
import { Tabs, type Tab } from '../web/Tabs.tsx';
import { useFollowUpPulse, type FollowUpPulse } from './useFollowUpPulse.ts';
import { useCounty, type CountyPulse } from './useCounty.ts';
import './county.css';

// The supervisor's tabs. Every tab but the live one loads its code when first opened.
const TABS = [
  { id: 'live', label: '实况' },
  { id: 'today', label: '今日统计' },
  { id: 'followups', label: '差评回访' },
  { id: 'satisfaction', label: '满意度' },
  { id: 'comments', label: '意见簿' },
  { id: 'reports', label: '报表' },
  { id: 'appraisal', label: '测评' },
  { id: 'notices', label: '督办通知' },
  { id: 'settings', label: '设置' },
] as const satisfies readonly Tab[];
type TabId = (typeof TABS)[number]['id'];

// Fetched when first opened: the reports bring the chart library, and most visits never open them.
const Reports = lazy(() => import('./reports/Reports.tsx').then((m) => m.Reports));
const Appraisal = lazy(() => import('./reports/Appraisal.tsx').then((m) => m.Appraisal));
const Settings = lazy(() => import('./settings/Settings.tsx').then((m) => m.Settings));
const Comments = lazy(() => import('./Comments.tsx').then((m) => m.Comments));
const FollowUps = lazy(() => import('./FollowUps.tsx').then((m) => m.FollowUps));
const Notices = lazy(() => import('./Notices.tsx').then((m) => m.Notices));
const Today = lazy(() => import('./Today.tsx').then((m) => m.Today));
const Satisfaction = lazy(() => import('./Satisfaction.tsx').then((m) => m.Satisfaction));

const ROLE_TEXT = { supervisor: '主任', admin: '管理员', clerk: '窗口' } as const;

interface Props {
  session: SupervisorSession;
  onSignOut: () => void;
  onExpired: () => void;
}

export function Console({ session, onSignOut, onExpired }: Props) {
  const [tab, setTab] = useState<TabId>('live');
  // Leaving 设置 with edits not saved asks first, as its own sections do.
  const [leavingTo, setLeavingTo] = useState<TabId | null>(null);
  const select = (id: TabId) => (tab === 'settings' && id !== tab && settingsEdits.any() ? setLeavingTo(id) : setTab(id));
  const [printer, setPrinter] = useState<PrinterHealth | null>(null);
  const { pulse, listen } = useFollowUpPulse(session.token, onExpired);
  const [book, setBook] = useState<{ unanswered: number; version: number } | null>(null);
  const { county, listen: listenCounty } = useCounty(session.token, onExpired);
  const { hall, connected } = useSocket({ role: 'staff', token: session.token }, (socket) => {
    socket.on('printer:status', setPrinter);
    socket.on('comments:changed', ({ unanswered }) => setBook((b) => ({ unanswered, version: (b?.version ?? 0) + 1 })));
    listen(socket);
    listenCounty(socket);
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
      <Tabs tabs={TABS} current={tab} onSelect={select} label="管理页面" badges={{ followups: <PulseBadge pulse={pulse} />, comments: book?.unanswered ? <span class="tab-badge">待答复 {book.unanswered}</span> : null, notices: <NoticeBadge county={county} /> }} />
      {county.fresh && (
        <p class="notice-alert" role="alert">
          收到县中心督办通知，请在“督办通知”中查看并回复。
        </p>
      )}
      {leavingTo && (
        <LeaveDialog
          where="设置里"
          to={TABS.find((t) => t.id === leavingTo)!.label}
          onStay={() => setLeavingTo(null)}
          onLeave={() => {
            settingsEdits.clear();
            setTab(leavingTo);
            setLeavingTo(null);
          }}
        />
      )}
      {!connected && hall && (
        <p class="stale" role="status">
          与服务器的连接已断开，正在重新连接；下面是断开前的数据。
        </p>
      )}
      <main class="panel">
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <Panel tab={tab} hall={hall} printer={printer} county={county} token={session.token} version={pulse?.version ?? 0} bookVersion={book?.version ?? 0} onExpired={onExpired} />
        </div>
      </main>
    </div>
  );
}

interface PanelProps {
  tab: TabId;
  hall: HallState | null;
  printer: PrinterHealth | null;
  county: CountyPulse;
  token: string;
  version: number;
  bookVersion: number;
  onExpired: () => void;
}

function Panel({ tab, hall, printer, county, token, version, bookVersion, onExpired }: PanelProps) {
  switch (tab) {
    case 'live':
      return hall ? <Live hall={hall} printer={printer} county={county.status} token={token} onExpired={onExpired} /> : <p class="loading">正在连接大厅…</p>;
    case 'today':
      return <Today token={token} day={hall?.day ?? null} onExpired={onExpired} />;
    case 'followups':
      return <FollowUps token={token} hall={hall} version={version} onExpired={onExpired} />;
    case 'satisfaction':
      return <Satisfaction token={token} hall={hall} version={version} onExpired={onExpired} />;
    case 'comments':
      return <Comments token={token} version={bookVersion} onExpired={onExpired} />;
    case 'reports':
      return <Reports token={token} hall={hall} onExpired={onExpired} />;
    case 'appraisal':
      return <Appraisal token={token} hall={hall} onExpired={onExpired} />;
    case 'notices':
      return <Notices token={token} version={county.version} onExpired={onExpired} />;
    case 'settings':
      // The role the server gave at sign-in; the server still refuses a supervisor's change (403).
      return <Settings token={token} editable={loadSession()?.role === 'admin'} printer={printer} county={county.status} onExpired={onExpired} />;
  }
}

/** Open cases on the 差评回访 tab, and how many are past due, kept live by the server's pushes. */
function PulseBadge({ pulse }: { pulse: FollowUpPulse | null }) {
  if (!pulse?.open) return null;
  return (
    <span class="tab-badges" data-testid="followups-badge">
      <span class="tab-badge">待办 {pulse.open}</span>
      {pulse.overdue > 0 && <span class="tab-badge tab-badge-bad">超期 {pulse.overdue}</span>}
    </span>
  );
}

/** Unanswered 督办 notices; it flashes for a while when one has just arrived. */
function NoticeBadge({ county }: { county: CountyPulse }) {
  if (!county.unanswered) return null;
  return (
    <span class={county.fresh ? 'tab-badge tab-badge-bad tab-badge-flash' : 'tab-badge tab-badge-bad'} data-testid="notices-badge">
      待回复 {county.unanswered}
    </span>
  );
}
