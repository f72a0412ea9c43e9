// Right-hand column: the last calls (so a villager who missed the voice can check) and
// how many are waiting for each business, each after its letter (the first letter of
// its ticket numbers, which the window cards show when their names do not fit) in its
// colour on the kiosk's buttons. More
// businesses than fit turn pages every few seconds; names shrink to fit their row.
import { useEffect, useState } from 'preact/hooks';
import { serviceColour } from '../kiosk/look.ts';
import type { RecentCall, ServiceView } from '../shared/types.ts';
import { PAGE_MS, sideLayout } from './view.ts';

export function SidePanel({ recent, services }: { recent: RecentCall[]; services: ServiceView[] }) {
  const { pages, perPage, recentRows } = sideLayout(services.length);
  const page = usePage(pages);
  const shown = services.slice(page * perPage, (page + 1) * perPage);
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
        <ul>
          {shown.map((s) => (
            <li key={s.id} class={s.open ? '' : 'service-closed'}>
              <span class="letter" style={{ background: serviceColour(services.indexOf(s)) }}>
                {s.prefix}
              </span>
              <span class="waiting-name" style={{ '--chars': Math.max(1, s.name.length) }}>
                {s.name}
              </span>
              <span class="waiting-count">
                {s.waiting}
                <small> 人</small>
              </span>
            </li>
          ))}
        </ul>
        {pages > 1 && (
          <p class="pager" aria-hidden="true">
            {Array.from({ length: pages }, (_, i) => (
              <span key={i} class={i === page ? 'dot on' : 'dot'} />
            ))}
            <span class="pager-text">
              第 {page + 1}/{pages} 页
            </span>
          </p>
        )}
      </section>
    </aside>
  );
}

function usePage(pages: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages < 2) return;
    const t = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(t);
  }, [pages]);
  return page % Math.max(1, pages);
}
