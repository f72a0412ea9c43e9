// Right-hand column: the last calls (so a villager who missed the voice can check) and
// how many are waiting for each business, each after its letter (the first letter of
// its ticket numbers, which the window cards show when their names do not fit). More
// businesses than fit turn pages every few seconds; names shrink to fit their row.
import { useEffect, useState } from 'preact/hooks';
import type { RecentCall, ServiceView } from '../shared/types.ts';
import { PAGE_MS } from './view.ts';

/** Height the column has for list rows, in vh (display.css): 75.8 less the gap, two titles and paddings. */
const ROOM_VH = 60;
const RECENT_ROW_VH = 5.6;
const WAIT_ROW_VH = 4.2;
/** The page counter under a paged waiting list. */
const PAGER_VH = 3.4;
const MIN_RECENT = 4;

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
              <span class="letter">{s.prefix}</span>
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

/** Rows for the waiting list (paged when they don't all fit beside the fewest recent calls) and for the recent calls. */
export function sideLayout(services: number): { pages: number; perPage: number; recentRows: number } {
  const fitAll = Math.floor((ROOM_VH - MIN_RECENT * RECENT_ROW_VH) / WAIT_ROW_VH);
  if (services <= fitAll) return { pages: 1, perPage: Math.max(1, services), recentRows: Math.floor((ROOM_VH - services * WAIT_ROW_VH) / RECENT_ROW_VH) };
  const perPage = Math.floor((ROOM_VH - PAGER_VH - MIN_RECENT * RECENT_ROW_VH) / WAIT_ROW_VH);
  const pages = Math.ceil(services / perPage);
  // Pages as even as can be: 16 businesses in 2 pages of 8, not 9 + 7.
  const even = Math.ceil(services / pages);
  return { pages, perPage: even, recentRows: Math.floor((ROOM_VH - PAGER_VH - even * WAIT_ROW_VH) / RECENT_ROW_VH) };
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
