// Phone status page, opened from the ticket's QR (/s/<id>): follows one ticket live,
// so a villager can wait outside or at the market and come back when it is near.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SocketAuth } from '../shared/events.ts';
import type { TicketView } from '../shared/types.ts';
import { call } from '../web/api.ts';
import { STATUS_TEXT, hhmm } from '../web/format.ts';
import { useSocket } from '../web/useSocket.ts';
import { Outcome, stateText } from './Outcome.tsx';
import { RateVisit } from './RateVisit.tsx';
import { ReminderSwitch, Waiting, useReminders } from './Waiting.tsx';

type Follow = { kind: 'loading' } | { kind: 'unknown' } | { kind: 'ticket'; ticket: TicketView };

const UNKNOWN = '没有这个号，可能已过期（号票只在当天有效）';

export function Status({ ticketId, ratingKey }: { ticketId: string | null; ratingKey: string | null }) {
  const [follow, setFollow] = useState<Follow>(ticketId ? { kind: 'loading' } : { kind: 'unknown' });
  const [hallName, setHallName] = useState<string | null>(null);
  // The hall's name is asked once; again on reconnect only if that first try failed.
  const hallAsked = useRef(false);
  const askHall = () => {
    if (hallAsked.current) return;
    hallAsked.current = true;
    call('hall', {}).then(
      (h) => setHallName(h.hallName),
      () => (hallAsked.current = false),
    );
  };
  useEffect(askHall, []);
  const auth = useMemo<SocketAuth | null>(() => (ticketId ? { role: 'ticket', ticketId } : null), [ticketId]);

  const { connected } = useSocket(auth, (socket) => {
    socket.on('ticket:status', (ticket) => setFollow({ kind: 'ticket', ticket }));
    // The server follows the ticket named in `auth` but says nothing when it does not
    // know it; asking once more with an ack tells us (also after the day has rolled over).
    socket.on('connect', () => {
      askHall();
      socket.emit('ticket:watch', ticketId!, (reply) => {
        if (!reply.ok) setFollow({ kind: 'unknown' });
      });
    });
  });

  const ticket = follow.kind === 'ticket' ? follow.ticket : null;
  useReminders(ticket);
  useEffect(() => {
    document.title = !ticket ? '排队进度' : ticket.status === 'called' && ticket.counterName ? `请到${ticket.counterName} · ${ticket.number}` : `${ticket.number} ${STATUS_TEXT[ticket.status]}`;
  }, [ticket]);

  return (
    <div class="page">
      <header class="bar">
        <span class="hall">{hallName ?? '排队进度'}</span>
        {ticketId && <span class={connected ? 'conn on' : 'conn off'}>{connected ? '实时更新中' : '正在连接…'}</span>}
      </header>
      <main>
        {follow.kind === 'loading' && <p class="note">正在查询您的号…</p>}
        {follow.kind === 'unknown' && (
          <section class="card unknown">
            <h1>{UNKNOWN}</h1>
            <p>请重新扫描号票上的二维码，或问大厅工作人员。</p>
          </section>
        )}
        {ticket?.status === 'done' && <RateVisit key={ticket.id} ticket={ticket} ratingKey={ratingKey} />}
        {ticket && <TicketStatus ticket={ticket} />}
      </main>
    </div>
  );
}

function TicketStatus({ ticket: t }: { ticket: TicketView }) {
  const called = t.status === 'called';
  return (
    <>
      {called && t.counterName && (
        <section class="call" role="alert">
          <p class="call-lead">轮到您了{t.callCount > 1 ? `（第 ${t.callCount} 次叫号）` : ''}</p>
          <p class="call-where">{`请到 ${t.counterName}`}</p>
        </section>
      )}
      <section class="card">
        <p class="label">您的号码</p>
        <p class="number">{t.number}</p>
        <p class="service">{t.serviceName}</p>
        <p class={`state state-${t.status}`}>{stateText(t)}</p>
        {t.status === 'waiting' && <Waiting ticket={t} />}
        <Outcome ticket={t} />
        {afterText(t) && <p class="hint">{afterText(t)}</p>}
        <p class="taken">取号时间 {hhmm(t.takenAt)}</p>
      </section>
      {(t.status === 'waiting' || t.status === 'called') && <ReminderSwitch />}
    </>
  );
}

function afterText(t: TicketView): string {
  switch (t.status) {
    case 'called':
      return '请带好材料，尽快到窗口办理。';
    case 'serving':
      return t.counterName ? `正在 ${t.counterName} 为您办理。` : '';
    case 'no_show':
      return '叫号时您不在，号已过。如果您还在大厅，请到窗口找工作人员恢复排队。';
    case 'cancelled':
      return t.cancelledByStaff ? '这个号已被大厅工作人员作废。如果您确实需要办理，请到服务台说明情况，或重新取号。' : '这个号已作废（号票只在当天有效），需要办理请重新取号。';
    default:
      return '';
  }
}
