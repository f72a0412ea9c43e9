// The ticket, large, with a QR to follow the queue by phone. The one screen that
// goes back to the start by itself: the choice is made, the next villager is waiting.
import { hhmm, waitText } from '../web/format.ts';
import type { TakenTicket } from './take.ts';
import { useCountdown } from './useCountdown.ts';

interface Props {
  ticket: TakenTicket;
  colour: string;
  counters: string[];
  seconds: number;
  onDone: () => void;
}

export function TicketScreen({ ticket, colour, counters, seconds, onDone }: Props) {
  const { left, restart } = useCountdown(seconds, onDone);
  return (
    // Any touch gives a slow reader the full time again.
    <main class="ticket" onPointerDown={restart}>
      <div class="ticket-card">
        <p class="ticket-ok">取号成功，请记好您的号码</p>
        <p class="ticket-service">{ticket.serviceName}</p>
        <p class="ticket-number" data-testid="ticket-number" style={{ color: colour }}>
          {ticket.number}
        </p>
        {ticket.priority && <p class="ticket-priority">优先号 · 到窗口请出示证件</p>}
        <dl class="facts">
          <div>
            <dt>前面还有</dt>
            <dd data-testid="ticket-ahead">{ticket.ahead} 人</dd>
          </div>
          <div>
            <dt>预计等候</dt>
            <dd>{waitText(ticket.estimatedWaitMin)}</dd>
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
          <img src={`/api/tickets/${encodeURIComponent(ticket.id)}/qr.svg`} alt="查看排队进度的二维码" />
          <figcaption>扫码查看排队进度</figcaption>
        </figure>
        <button class="done" onClick={onDone}>
          完成
        </button>
        <p class="countdown" role="timer">
          {left} 秒后自动回到首页 · 号码当天有效
        </p>
      </div>
    </main>
  );
}
