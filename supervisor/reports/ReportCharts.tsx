// What people would rather look at than read: when villagers came, how long they waited,
// and how each window was rated. Tells the page when all three are drawn (for printing).
import { useEffect, useRef } from 'preact/hooks';
import { BarChart } from './BarChart.tsx';
import { arrivalsByHour, dailyTrend, satisfactionByCounter, waitDistribution, type Bars, type ReportReply } from './shape.ts';

interface Props {
  report: ReportReply;
  /** The hall's day: the trend stops there. */
  today: string;
  /** With the report's from~to once every chart of it has been drawn. */
  onReady: (key: string) => void;
}

interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  percent?: boolean;
  bars: Bars;
  empty: string;
  /** Drawn across the whole row (the day-by-day trend). */
  wide?: boolean;
}

export function ReportCharts({ report, today, onReady }: Props) {
  const key = `${report.from}~${report.to}`;
  const trend = dailyTrend(report.byDay, today);
  const charts: ChartSpec[] = [
    // Only for periods read day by day (a week, a month); a single day has no trend.
    ...(trend.labels.length ? [{ id: 'days', title: '每日取号（张）', unit: '张', bars: trend, empty: '', wide: true }] : []),
    { id: 'hours', title: '各时段取号（张）', unit: '张', bars: arrivalsByHour(report.byHour), empty: '这段时间没有取号' },
    { id: 'waits', title: '等候时间分布（人）', unit: '人', bars: waitDistribution(report.waitBuckets), empty: '这段时间没有叫号' },
    { id: 'satisfaction', title: '各窗口满意率', unit: '%', percent: true, bars: satisfactionByCounter(report.byCounter), empty: '这段时间没有评价' },
  ];
  const waiting = useRef<{ key: string; left: Set<string> } | null>(null);
  const ready = useRef(onReady);
  ready.current = onReady;

  // A new report: wait for each chart that has bars to draw it once.
  useEffect(() => {
    const left = new Set(charts.filter((c) => c.bars.labels.length).map((c) => c.id));
    waiting.current = { key, left };
    if (left.size === 0) ready.current(key);
  }, [key]);

  const drawn = (id: string) => {
    const w = waiting.current;
    if (!w) return;
    w.left.delete(id);
    if (w.left.size === 0) ready.current(w.key);
  };

  return (
    <div class="rp-charts">
      {charts.map((c) => (
        <section key={c.id} class={c.wide ? 'card rp-chart-card rp-chart-wide' : 'card rp-chart-card'} aria-labelledby={`chart-${c.id}`}>
          <h3 id={`chart-${c.id}`}>{c.title}</h3>
          {c.bars.labels.length ? (
            // Keyed by the report: a new period always redraws, so printing knows when it is done.
            <BarChart key={`${key}-${c.id}`} bars={c.bars} title={c.title} unit={c.unit} percent={c.percent} onDrawn={() => drawn(c.id)} />
          ) : (
            <p class="muted rp-chart-empty">{c.empty}</p>
          )}
        </section>
      ))}
    </div>
  );
}
