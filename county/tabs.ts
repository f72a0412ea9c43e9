// The county page's tabs, in order. Each loads the first time it is shown (web/lazy.tsx);
// `admin`: only county admins see it.
import type { ComponentType } from 'preact';
import type { HallSummary } from '../shared/county/types.ts';
import { lazy } from '../web/lazy.tsx';
import type { CountySession } from './session.ts';

/** What every tab receives from the shell. */
export interface TabProps {
  session: CountySession;
  /** The halls as last pushed over the socket; null until the first push. */
  halls: HallSummary[] | null;
  /** Opens another tab, e.g. a warning's 督办 form from the board. */
  go: (tab: string, arg?: string) => void;
  /** What `go` passed along (a hall id, a warning id), if anything. */
  arg?: string | undefined;
}

export interface TabDef {
  id: string;
  label: string;
  admin?: boolean;
  Component: ComponentType<TabProps>;
}

export const tabs: TabDef[] = [
  { id: 'board', label: '监察看板', Component: lazy(() => import('./board/Board.tsx').then((m) => m.Board)) },
  { id: 'warnings', label: '电子监察', Component: lazy(() => import('./warnings/Warnings.tsx').then((m) => m.Warnings)) },
  { id: 'notices', label: '督办', Component: lazy(() => import('./notices/Notices.tsx').then((m) => m.Notices)) },
  { id: 'reports', label: '报表', Component: lazy(() => import('./reports/Reports.tsx').then((m) => m.Reports)) },
  { id: 'halls', label: '大厅登记', admin: true, Component: lazy(() => import('./admin/Halls.tsx').then((m) => m.Halls)) },
  { id: 'accounts', label: '账号管理', admin: true, Component: lazy(() => import('./admin/Accounts.tsx').then((m) => m.Accounts)) },
  { id: 'audit', label: '操作记录', admin: true, Component: lazy(() => import('./admin/Audit.tsx').then((m) => m.Audit)) },
  { id: 'me', label: '我的账号', Component: lazy(() => import('./admin/Me.tsx').then((m) => m.Me)) },
];
