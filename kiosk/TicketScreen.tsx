// The ticket, large, with a QR to follow the queue by phone. The one screen that
// goes back to the start by itself: the choice is made, the next villager is waiting.
import type { TicketPrinted } from '../shared/types.ts';
import { href } from '../web/api.ts';
import { hhmm } from '../web/format.ts';
import { WaitOrNoWindow } from './WaitOrNoWindow.tsx';
import type { TakenTicket } from './take.ts';
import { Listen } from './Listen.tsx';
import { useCountdown } from './useCountdown.ts';

interface Props {
  ticket: TakenTicket;
  colour: string;
  counters: string[];
  seconds: number;
  /** The print result once the printer has answered; null while printing. */
  printed: TicketPrinted | null;
  onDone: () => void;
}

/** What the paper did: the number on screen is valid whatever the printer says. */
function PrintNote({ ticket, printed }: { ticket: TakenTicket; printed: TicketPrinted | null }) {
  if (ticket.print === 'off') return <p class="print-note">请记住您的号码，或用手机扫码</p>;
  if (!printed) return <p class="print-note" role="status">正在打印号票…</p>;
  if (printed.ok && printed.unconfirmed) {
    return (
      <p class="print-note print-ok" role="status">
        请取走下方的号票。如果没有出票，<b>屏幕上的号码同样有效</b>，请记住号码或用手机扫码。
      </p>
    );
  }
  if (printed.ok) return <p class="print-note print-ok" role="status">请取走下方的号票</p>;
  return (
    <p class="print-note print-failed" role="alert" data-testid="print-failed">
      号票没有打印出来（{printed.message}）。<b>屏幕上的号码同样有效</b>，请记住号码或用手机扫码。
    </p>
  );
}

export function TicketScreen({ ticket, colour, counters, seconds, printed, onDone }: Props) {
  const { left, restart } = useCountdown(seconds, onDone);
  return (
    // Any touch gives a slow reader the full time again.
    <main class="ticket" onPointerDown={restart}>
      {/* 完成 at the top, over the start screen's header: a second tap on it never lands on a business tile. */}
      <header class="ticket-bar">
        <p class="countdown" role="timer">
          {left} 秒后自动回到首页
        </p>
        <Listen />
        <button class="done" onClick={onDone}>
          完成
        </button>
      </header>
      <div class="ticket-main">
        <div class="ticket-card">
          <p class="ticket-ok">取号成功，请记好您的号码（当天有效）</p>
          <p class="ticket-service">{ticket.serviceName}</p>
          <p class="ticket-number" data-testid="ticket-number" style={{ color: colour }}>
            {ticket.number}
          </p>
          {ticket.priority && <p class="ticket-priority">优先号 · 到窗口请出示证件</p>}
          <PrintNote ticket={ticket} printed={printed} />
          <dl class="facts">
            <div>
              <dt>前面还有</dt>
              <dd data-testid="ticket-ahead">{ticket.ahead} 人</dd>
            </div>
            <div>
              <dt>预计等候</dt>
              <dd>
                <WaitOrNoWindow min={ticket.estimatedWaitMin} noWindow={ticket.noWindow} size="fact" />
              </dd>
            </div>
            <div>
              <dt>取号时间</dt>
              <dd>{hhmm(ticket.takenAt)}</dd>
            </div>
          </dl>
          {counters.length > 0 && (
            <p class="ticket-where">
              听到叫号后，请到
              <b>{counters.join(' 或 ')}</b>
            </p>
          )}
        </div>
        <div class="ticket-side">
          <figure class="qr">
            <img src={href('ticketQr', { id: ticket.id, ...(ticket.ratingKey && { k: ticket.ratingKey }) })} alt="查看排队进度的二维码" />
            <figcaption>扫码查看排队进度{ticket.ratingKey && '，办完可评价'}</figcaption>
          </figure>
          {ticket.ratingKey && (
            <p class="rating-key">
              评价码 <b data-testid="rating-key">{ticket.ratingKey}</b>
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
