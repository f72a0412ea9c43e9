// 最近解除: warnings that closed by themselves when the facts that caused them arrived
// (the case delivered, someone at the window, the hall speaking again). Fetched when
// opened, and again as the list of open warnings is.
import { useState } from 'preact/hooks';
import type { ClosedWarning } from '../../shared/county/types.ts';
import { useCountyData } from '../useCountyData.ts';
import { sinceText } from '../notices/age.ts';

export function Closed({ hallId, token, kindText, refresh }: { hallId: string | null; token: string; kindText: (kind: string) => string; refresh: number }) {
  const [open, setOpen] = useState(false);
  const { data: list, error } = useCountyData<ClosedWarning[]>('warnings', open ? { state: 'closed', ...(hallId && { hallId }) } : null, token, [refresh]);
  return (
    <details class="warnings-closed" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>最近解除的预警</summary>
      {error && <p class="error-text">{error}</p>}
      {open && list === null && !error && <p class="loading">正在加载…</p>}
      {list !== null && list.length === 0 && <p class="muted">还没有解除的预警</p>}
      {list !== null && list.length > 0 && (
        <ul>
          {list.map((w) => (
            <li key={w.id} class="warning warning-closed">
              <span class="warning-kind">{kindText(w.kind)}</span>
              <div class="warning-main">
                <p class="warning-subject">{w.subject}</p>
                <p class="warning-meta">
                  <strong>{w.hallName}</strong>
                  <span class="muted">
                    {w.level === 'red' ? '红色' : '黄色'}，自 {sinceText(w.since)}，{sinceText(w.closedAt)} 解除
                  </span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
