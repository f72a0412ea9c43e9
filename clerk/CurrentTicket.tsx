// The ticket at the window, large: what it is, how often it was called, how long it
// waited, and where it came from when another window transferred it (首问负责制).
import type { CounterView, HallState, StaffTicket } from '../shared/types.ts';
import { hhmm } from '../web/format.ts';
import { CURRENT_STATUS, duration, minutesSince } from './format.ts';

interface Props {
  ticket: StaffTicket;
  /** The hall view of this window: it carries the latest call time (recalls included). */
  view: CounterView | undefined;
  recallCap: number;
  hall: HallState | null;
  me: { id: string; name: string };
  nowMs: number;
}

export function CurrentTicket({ ticket: t, view, recallCap, hall, me, nowMs }: Props) {
  const serviceName = (id: string) => hall?.services.find((s) => s.id === id)?.name ?? id;
  const counterName = (id: string) => hall?.counters.find((c) => c.id === id)?.name ?? `${id}号窗口`;
  const lastCall = t.lastCalledAt;
  const waited = t.calledAt ? Math.max(0, Math.round((Date.parse(t.calledAt) - Date.parse(t.takenAt)) / 60_000)) : null;
  const atCap = t.callCount >= recallCap;

  return (
    <section class={`ticket is-${t.status}`} aria-label="当前号">
      <div class="ticket-main">
        <div class="ticket-number" data-testid="current-number">
          {t.number}
        </div>
        <div class="ticket-what">
          <span class="ticket-service">{t.serviceName}</span>
          {t.priority && <span class="tag tag-priority">优先</span>}
          {t.transfers?.length ? <span class="tag tag-transfer">转办件</span> : null}
          <span class={`tag tag-status is-${t.status}`}>{CURRENT_STATUS[t.status] ?? t.status}</span>
        </div>
      </div>
      <dl class="ticket-facts">
        <div>
          <dt>呼叫次数</dt>
          <dd class={atCap ? 'is-cap' : ''} data-testid="call-count">
            第{t.callCount}次呼叫 / 上限{recallCap}
          </dd>
        </div>
        <div>
          <dt>呼叫时间</dt>
          <dd>
            {t.calledAt ? hhmm(t.calledAt) : '—'}
            {lastCall && t.calledAt && hhmm(lastCall) !== hhmm(t.calledAt) && <span class="sub">（最近 {hhmm(lastCall)}）</span>}
          </dd>
        </div>
        <div>
          <dt>取号 · 等候</dt>
          <dd>
            {hhmm(t.takenAt)}
            {waited !== null && <span class="sub"> · 等了 {duration(waited)}</span>}
          </dd>
        </div>
        {t.startedAt && (
          <div>
            <dt>已办理</dt>
            <dd>{duration(minutesSince(t.startedAt, nowMs))}</dd>
          </div>
        )}
      </dl>
      {(t.transfers?.length || (t.firstClerkId && t.firstClerkId !== me.id)) && (
        <div class="ticket-history">
          {t.firstClerkId && <p class="first-clerk">首问：{firstClerk(t, me, counterName)}</p>}
          {t.transfers?.length ? (
            <ol class="transfers" aria-label="转办记录">
              {t.transfers.map((x, i) => (
                <li key={i}>
                  {hhmm(x.at)} 由{counterName(x.counterId)}从「{serviceName(x.from)}」转至「{serviceName(x.to)}」
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      )}
    </section>
  );
}

/** The first clerk by name (and where they worked, from their transfer). */
function firstClerk(t: StaffTicket, me: { id: string; name: string }, counterName: (id: string) => string): string {
  if (t.firstClerkId === me.id) return `${me.name}（本人）`;
  const at = t.transfers?.find((x) => x.by === t.firstClerkId);
  const who = t.firstClerk ? `${t.firstClerk.name}（工号 ${t.firstClerk.staffNo}）` : '其他窗口工作人员';
  return at ? `${counterName(at.counterId)} ${who}` : who;
}
