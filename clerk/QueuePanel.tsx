// The queue this window calls from, in call order, and today's no-shows (过号) of its
// businesses, each of which can be put back in line when the villager turns up.
import type { CounterState, HallState } from '../shared/types.ts';
import { hhmm } from '../web/format.ts';
import { duration, minutesSince } from './format.ts';

interface Props {
  counter: CounterState;
  hall: HallState | null;
  serviceIds: string[];
  nowMs: number;
  busy: boolean;
  onReinstate: (ticketId: string, number: string) => void;
}

export function QueuePanel({ counter, hall, serviceIds, nowMs, busy, onReinstate }: Props) {
  const name = (id: string) => hall?.services.find((s) => s.id === id)?.name ?? id;
  const hidden = counter.waitingTotal - counter.queue.length;
  return (
    <aside class="side">
      <section class="panel queue" aria-labelledby="queue-title">
        <h2 id="queue-title">
          排队等候 <strong data-testid="waiting-total">{counter.waitingTotal}</strong> 人
          <span class="panel-sub">{serviceIds.map(name).join('、')}</span>
        </h2>
        {counter.queue.length === 0 ? (
          <p class="empty">本窗口的业务暂时没有人排队</p>
        ) : (
          <ol class="rows" data-testid="queue">
            {counter.queue.map((q, i) => (
              <li key={q.id} class="row">
                <span class="row-pos">{i + 1}</span>
                <span class="row-number">{q.number}</span>
                <span class="row-service">{name(q.serviceId)}</span>
                {q.priority ? <span class="tag tag-priority">优先</span> : <span />}
                <span class="row-time">
                  {hhmm(q.takenAt)} · 已等 {duration(minutesSince(q.takenAt, nowMs))}
                </span>
              </li>
            ))}
          </ol>
        )}
        {hidden > 0 && <p class="more">另有 {hidden} 人未列出</p>}
      </section>
      <section class="panel noshows" aria-labelledby="noshow-title">
        <h2 id="noshow-title">
          今日过号 <strong>{counter.noShows.length}</strong>
        </h2>
        {counter.noShows.length === 0 ? (
          <p class="empty">没有过号</p>
        ) : (
          <ul class="rows" data-testid="no-shows">
            {counter.noShows.map((n) => (
              <li key={n.id} class="row row-noshow">
                <span class="row-number">{n.number}</span>
                <span class="row-service">{name(n.serviceId)}</span>
                <span class="row-time">{hhmm(n.noShowAt)} 过号</span>
                <button type="button" class="btn btn-small" disabled={busy} onClick={() => onReinstate(n.id, n.number)} aria-label={`恢复排队 ${n.number}`}>
                  恢复排队
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
