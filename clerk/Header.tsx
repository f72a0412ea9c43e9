// Who sits where, whether the console is live, and how the day is going.
import type { PrinterHealth } from '../shared/types.ts';
import { printerNeedsCare, printerText } from '../web/printer.ts';
import type { ClerkSession } from './session.ts';

interface Props {
  hallName: string;
  counterName: string;
  user: ClerkSession['user'];
  post: 'A' | 'B' | null;
  connected: boolean;
  servedToday: number | null;
  printer: PrinterHealth | null;
  onSignOut: () => void;
  onMyRatings: () => void;
}


export function Header({ hallName, counterName, user, post, connected, servedToday, printer, onSignOut, onMyRatings }: Props) {
  return (
    <header class="top">
      <div class="top-where">
        <span class="top-hall">{hallName}</span>
        <strong class="top-counter">{counterName}</strong>
      </div>
      <div class="top-who">
        <span class="top-name">{user.name}</span>
        <span class="top-staffno">工号 {user.staffNo}</span>
        {post && <span class={`tag ${post === 'B' ? 'tag-warn' : 'tag-plain'}`}>{post === 'A' ? 'A岗' : 'B岗代岗'}</span>}
      </div>
      <div class={`top-conn ${connected ? 'is-on' : 'is-off'}`} role="status">
        <span class="dot" aria-hidden="true" />
        {connected ? '实时连接' : '连接中断，正在重连…'}
      </div>
      {printer && (
        <div class={`top-printer${printerNeedsCare(printer) ? ' is-bad' : ''}`} role="status" data-testid="printer-health">
          {printerText(printer)}
        </div>
      )}
      <div class="top-served">
        今日已办 <strong data-testid="served-today">{servedToday ?? '—'}</strong> 件
      </div>
      <button type="button" class="btn btn-quiet" onClick={onMyRatings}>
        我的评价
      </button>
      <button class="btn btn-quiet" onClick={onSignOut}>
        退出登录
      </button>
    </header>
  );
}
