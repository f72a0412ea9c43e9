// Right-hand column: the last calls (so a villager who missed the voice can check) and
// how many are waiting for each business.
import type { RecentCall, ServiceView } from '../shared/types.ts';

/** Height the column has for list rows, in vh (display.css): 75.8 less the gap, two titles and paddings. */
const ROOM_VH = 60;
const RECENT_ROW_VH = 5.6;
const WAIT_ROW_VH = 4.2;
/** Beyond this many businesses the waiting list goes into two columns. */
const ONE_COLUMN_MAX = 8;

export function SidePanel({ recent, services }: { recent: RecentCall[]; services: ServiceView[] }) {
  const twoCol = services.length > ONE_COLUMN_MAX;
  const waitRows = twoCol ? Math.ceil(services.length / 2) : services.length;
  // Whole rows only: the recent list gets what the waiting list leaves, at least three.
  const recentRows = Math.max(3, Math.floor((ROOM_VH - waitRows * WAIT_ROW_VH) / RECENT_ROW_VH));
  return (
    <aside class="side">
      <section class="recent">
        <h2>最近叫号</h2>
        {recent.length === 0 ? (
          <p class="empty">暂无叫号</p>
        ) : (
          <ol>
            {recent.slice(0, recentRows).map((r) => (
              <li key={r.number + r.calledAt}>
                <span class="recent-number">{r.number}</span>
                <span class="recent-counter">{r.counterName}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="waiting">
        <h2>等候人数</h2>
        <ul class={twoCol ? 'two-col' : undefined}>
          {services.map((s) => (
            <li key={s.id} class={s.open ? '' : 'service-closed'}>
              <span class="waiting-name">{s.name}</span>
              <span class="waiting-count">
                {s.waiting}
                <small> 人</small>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
