// Waiting per business (业务): how many, how long the first in line has waited, and the
// wait a ticket taken now would face. Figures past the hall's thresholds stand out.
import type { AlertSettings, ServiceView } from '../shared/types.ts';
import { longestWaitNow, overThresholds } from './alerts.ts';

// Why the kiosk does not issue this business's tickets right now.
const CLOSED_TEXT: Record<NonNullable<ServiceView['closedReason']>, string> = {
  off: '已停办',
  hours: '非办理时间',
  lunch: '午休',
  cutoff: '已停止取号',
  schedule: '不在本业务办理时间',
  quota: '今日号已发完',
  paused: '暂停取号',
};

interface Props {
  services: ServiceView[];
  limits: AlertSettings;
  /** The hall clock and the time of the last push: the longest wait keeps growing between pushes. */
  hallNow: string;
  nowMs: number;
}

export function ServiceTable({ services, limits, hallNow, nowMs }: Props) {
  return (
    <section class="card" aria-labelledby="services-title">
      <h2 id="services-title">业务排队</h2>
      <table class="services">
        <thead>
          <tr>
            <th scope="col">业务</th>
            <th scope="col" class="num">等候</th>
            <th scope="col" class="num">最长已等</th>
            <th scope="col" class="num">新取号预计</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => {
            const longest = longestWaitNow(s, hallNow, nowMs);
            const over = overThresholds(s, limits, longest);
            return (
              <tr key={s.id} class={over.waiting || over.estimate || over.longest ? 'over' : undefined}>
                <th scope="row">
                  <span class="prefix">{s.prefix}</span>
                  {s.name}
                  {!s.open && <span class="tag">{CLOSED_TEXT[s.closedReason ?? 'off']}{s.pauseReason && `：${s.pauseReason}`}</span>}
                </th>
                <td class={over.waiting ? 'num hot' : 'num'} data-testid={`waiting-${s.id}`}>
                  {s.waiting}
                </td>
                <td class={over.longest ? 'num hot' : 'num'} data-testid={`longest-${s.id}`}>
                  {s.waiting ? `${longest < 1 ? '<1' : longest} 分钟` : '—'}
                </td>
                <td class={over.estimate ? 'num hot' : 'num'}>{s.waiting ? `${s.estimatedWaitMin} 分钟` : '无需等候'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="services-note">
        预警：等候超过 {limits.waiting} 人、已等超过 {limits.longestWaitMin} 分钟或预计超过 {limits.estimatedWaitMin} 分钟
      </p>
    </section>
  );
}
