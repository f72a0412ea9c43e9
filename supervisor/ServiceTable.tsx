// Waiting per business (业务) and the wait a ticket taken now would face.
import type { ServiceView } from '../shared/types.ts';
import { serviceOverThreshold } from './alerts.ts';

// Why the kiosk does not issue this business's tickets right now.
const CLOSED_TEXT: Record<NonNullable<ServiceView['closedReason']>, string> = {
  off: '已停办',
  hours: '非办理时间',
  quota: '今日号已发完',
};

export function ServiceTable({ services }: { services: ServiceView[] }) {
  return (
    <section class="card" aria-labelledby="services-title">
      <h2 id="services-title">业务排队</h2>
      <table class="services">
        <thead>
          <tr>
            <th scope="col">业务</th>
            <th scope="col" class="num">等候</th>
            <th scope="col" class="num">新取号预计等候</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} class={serviceOverThreshold(s) ? 'over' : undefined}>
              <th scope="row">
                <span class="prefix">{s.prefix}</span>
                {s.name}
                {!s.open && <span class="tag">{CLOSED_TEXT[s.closedReason ?? 'off']}</span>}
              </th>
              <td class="num" data-testid={`waiting-${s.id}`}>
                {s.waiting}
              </td>
              <td class="num">{s.waiting ? `${s.estimatedWaitMin} 分钟` : '无需等候'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
