// One window (窗口) on the live monitor: who sits there and what they are doing.
import type { CounterView, ServiceView } from '../shared/types.ts';
import { counterMode, type CounterMode } from './counterMode.ts';
import { durationText, minutesSince } from './format.ts';

const BADGE: Record<CounterMode, string> = {
  gap: '无人在岗',
  off: '未签到',
  paused: '暂停服务',
  called: '正在叫号',
  serving: '正在办理',
  idle: '空闲',
};

interface Props {
  counter: CounterView;
  services: ServiceView[];
  hallOpen: boolean;
  nowMs: number;
}

export function CounterCard({ counter: c, services, hallOpen, nowMs }: Props) {
  const mode = counterMode(c, hallOpen);
  const mine = services.filter((s) => c.serviceIds.includes(s.id));
  const waiting = mine.reduce((n, s) => n + s.waiting, 0);
  const titleId = `counter-${c.id}`;
  return (
    <article class={`card counter counter-${mode}`} aria-labelledby={titleId}>
      <header class="counter-head">
        <h3 id={titleId}>{c.name}</h3>
        <span class={`badge badge-${mode}`}>{BADGE[mode]}</span>
      </header>
      <ClerkLine counter={c} mode={mode} />
      <CurrentLine counter={c} nowMs={nowMs} />
      <footer class="counter-foot">
        <span class="counter-services">{mine.map((s) => s.name).join('、')}</span>
        <span class={waiting ? 'counter-waiting' : 'counter-waiting muted'}>等候 {waiting} 人</span>
      </footer>
    </article>
  );
}

function ClerkLine({ counter: c, mode }: { counter: CounterView; mode: CounterMode }) {
  if (!c.clerk) return <p class={mode === 'gap' ? 'counter-clerk gap' : 'counter-clerk muted'}>A岗、B岗都未签到</p>;
  return (
    <p class="counter-clerk">
      <strong>{c.clerk.name}</strong>
      <span>工号 {c.clerk.staffNo}</span>
      {c.clerk.post && <span class="post">{c.clerk.post}岗</span>}
    </p>
  );
}

function CurrentLine({ counter: c, nowMs }: { counter: CounterView; nowMs: number }) {
  // A paused window may still hold a ticket; both matter to the supervisor.
  const pause = c.paused && <p class="counter-pause">暂停原因：{c.pauseReason || '未填写'}</p>;
  if (!c.current) return pause || <p class="counter-current muted">{c.staffed ? '等待叫号' : '无人办理'}</p>;
  // Serving: how long the visit has lasted; still calling: how long since the latest call.
  const since = c.current.startedAt
    ? `已办理 ${durationText(minutesSince(c.current.startedAt, nowMs))}`
    : `叫号至今 ${durationText(minutesSince(c.current.calledAt, nowMs))}`;
  const doing = c.current.callCount > 1 ? `${since}（第 ${c.current.callCount} 次呼叫）` : since;
  return (
    <>
      <p class="counter-current">
        <span class="ticket-no">{c.current.number}</span>
        <span class="counter-elapsed">{doing}</span>
      </p>
      {pause}
    </>
  );
}
