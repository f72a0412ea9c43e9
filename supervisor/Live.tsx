// 实况: the hall as it is now, pushed by the staff socket; today's totals from /api/stats.
import { useState } from 'preact/hooks';
import type { HallState, PrinterHealth } from '../shared/types.ts';
import { countyText } from './countyText.ts';
import type { CountyStatus } from './useCounty.ts';
import { hhmm } from '../web/format.ts';
import { printerNeedsCare, printerText } from '../web/printer.ts';
import { Reprint } from './Reprint.tsx';
import { AlertList } from './AlertList.tsx';
import { QueueControl, type QueueFocus } from './QueueControl.tsx';
import { waitingKey } from './queueControl.ts';
import { hallAlerts } from './alerts.ts';
import { CounterCard } from './CounterCard.tsx';
import { Figure } from './Figure.tsx';
import { RecentCalls } from './RecentCalls.tsx';
import { ServiceTable } from './ServiceTable.tsx';
import { useHallClock } from './useHallClock.ts';
import { useLiveStats } from './useStats.ts';

const ELAPSED_TICK_MS = 15_000; // minutes shown on the cards; finer would only flicker

interface Props {
  hall: HallState;
  printer: PrinterHealth | null;
  /** The 县中心 link (null until read; not shown while the hall has none). */
  county?: CountyStatus | null;
  token: string;
  onExpired: () => void;
}

export function Live({ hall, printer, county, token, onExpired }: Props) {
  const nowMs = useHallClock(hall.now, ELAPSED_TICK_MS);
  const { stats, error } = useLiveStats(token, hall, onExpired);
  const waiting = hall.services.reduce((n, s) => n + s.waiting, 0);
  const staffed = hall.counters.filter((c) => c.staffed).length;
  const [focus, setFocus] = useState<QueueFocus | null>(null);
  return (
    <div class="live">
      <div class="live-top">
        <dl class="figs live-figs">
          <Figure label="今日取号" value={stats ? String(stats.tickets) : '…'} unit="张" testId="live-tickets" />
          <Figure label="今日已办结" value={stats ? String(stats.served) : '…'} unit="件" testId="live-served" />
          <Figure label="正在等候" value={String(waiting)} unit="人" testId="live-waiting" />
          <Figure label="在岗窗口" value={`${staffed} / ${hall.counters.length}`} testId="live-staffed" tone={hall.open && staffed < hall.counters.length ? 'bad' : undefined} />
        </dl>
        <p class="live-meta">
          <span class={hall.open ? 'open' : 'closed'}>{hall.open ? '大厅办公中' : '大厅已下班'}</span>
          <span>数据时间 {hhmm(hall.now)}</span>
          {printer && (
            <span class={printerNeedsCare(printer) ? 'error-text' : ''} data-testid="printer-health">
              {printerText(printer)}
            </span>
          )}
          {county && county.state !== 'off' && (
            <span class={county.state === 'failing' ? 'error-text' : county.state === 'ok' ? 'ok' : ''} data-testid="county-link">
              {countyText(county)}
            </span>
          )}
          {error && <span class="error-text">今日统计暂时取不到：{error}</span>}
        </p>
      </div>
      {printer?.configured && <Reprint token={token} onExpired={onExpired} />}
      <AlertList alerts={hallAlerts(hall, printer, nowMs)} onFix={(fix) => setFocus({ ...(fix.serviceId && { serviceId: fix.serviceId }), at: nowMs })} />
      <div class="live-main">
        <section class="counters" aria-label="各窗口状态">
          {hall.counters.map((c) => (
            <CounterCard key={c.id} counter={c} services={hall.services} hallOpen={hall.open} nowMs={nowMs} />
          ))}
        </section>
        <div class="live-side">
          <ServiceTable services={hall.services} limits={hall.alerts} hallNow={hall.now} nowMs={nowMs} />
          <RecentCalls calls={hall.recent} />
        </div>
      </div>
      <QueueControl token={token} hall={hall} focus={focus} version={`${waitingKey(hall.services)}|${hall.counters.map((c) => c.current?.number ?? '').join(',')}`} onExpired={onExpired} />
    </div>
  );
}
