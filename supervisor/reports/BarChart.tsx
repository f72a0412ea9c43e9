// One bar chart, drawn by Chartist (fetched with the first chart shown). Each bar carries
// its figure, so the chart reads on paper too; screen readers get the figures as words.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bars } from './shape.ts';

const loadChartist = () => import('./chartist.ts');

interface Props {
  bars: Bars;
  /** What the chart shows, e.g. 各时段取号: the start of its text alternative. */
  title: string;
  /** After each figure in the text alternative: 张, 人, %. */
  unit: string;
  percent?: boolean;
  /** Called each time the chart has been drawn (the page prints only after that). */
  onDrawn?: () => void;
}

export function BarChart({ bars, title, unit, percent = false, onDrawn }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(bars);

  useEffect(() => {
    let alive = true;
    let chart: { detach(): unknown } | null = null;
    loadChartist().then(
      ({ BarChart: Chart }) => {
        if (!alive || !box.current) return;
        const figure = (v: number) => (percent ? `${v}%` : String(v));
        const c = new Chart(
          box.current,
          { labels: bars.labels, series: [bars.values] },
          {
            height: '100%', // the box's height, set in the stylesheet for screen and for paper
            low: 0,
            ...(percent && { high: 100 }),
            chartPadding: { top: 22, right: 8, bottom: 0, left: 0 },
            axisX: { showGrid: false, offset: 36 },
            axisY: { onlyInteger: true, offset: percent ? 46 : 34, labelInterpolationFnc: (v) => figure(Number(v)) },
          },
          // Redrawn when the page goes to paper, where the box is sized for two charts across A4.
          [['print', { height: '100%' }]],
        );
        c.on('draw', (e) => {
          if (e.type !== 'bar') return;
          const width = Math.max(6, Math.min(48, (e.chartRect.width() / Math.max(1, bars.values.length)) * 0.6));
          e.element.attr({ style: `stroke-width: ${width}px` });
          const v = typeof e.value === 'number' ? e.value : 'y' in e.value ? e.value.y : 0;
          e.group.elem('text', { x: e.x2, y: e.y2 - 6, 'text-anchor': 'middle' }, 'rp-bar-value').text(figure(v));
        });
        c.on('created', () => drawn.current?.());
        chart = c;
      },
      () => {
        if (!alive) return;
        setFailed(true);
        drawn.current?.(); // nothing to wait for: printing goes ahead with the words
      },
    );
    return () => {
      alive = false;
      chart?.detach();
    };
  }, [key, percent]);

  const words = bars.labels.map((l, i) => `${l} ${bars.values[i]}${unit}`).join('，');
  if (failed) return <p class="muted rp-chart-failed">图表未能加载（{words}）</p>;
  return <div ref={box} class="rp-chart" role="img" aria-label={`${title}：${words}`} />;
}
