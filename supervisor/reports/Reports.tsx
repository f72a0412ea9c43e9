// 报表: a period's report (日/周/月/季度 counted from the hall's day, or any range) as
// figures, charts and tables; CSV exports for Excel; the monthly report on paper; and
// the committed cases still to deliver.
import { useState } from 'preact/hooks';
import type { HallState } from '../../shared/types.ts';
import { dateTime } from '../format.ts';
import { useResource } from '../useResource.ts';
import { Commitments } from './Commitments.tsx';
import { useDownload } from './download.ts';
import { monthTitle, periodTitle } from './period.ts';
import { useMonthPrint } from './useMonthPrint.ts';
import { PeriodPicker, rangeOf, type PeriodChoice } from './PeriodPicker.tsx';
import { MonthCompare } from './MonthCompare.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFigures } from './ReportFigures.tsx';
import { ReportTable } from './ReportTable.tsx';
import { ErrorBox } from '../ErrorBox.tsx';
import './reports.css';
import { href } from '../../web/api.ts';

interface Props {
  token: string;
  hall: HallState | null;
  onExpired: () => void;
}

export function Reports({ token, hall, onExpired }: Props) {
  // Periods are counted from the hall's day, which only the socket knows.
  if (!hall) return <p class="loading">正在连接大厅…</p>;
  return <HallReports token={token} hall={hall} onExpired={onExpired} />;
}

const EXPORTS = [
  { kind: 'summary', label: '导出统计报表', file: '统计报表' },
  { kind: 'tickets', label: '导出取号明细', file: '取号明细' },
  { kind: 'followups', label: '导出差评回访', file: '差评回访' },
] as const;

function HallReports({ token, hall, onExpired }: Props & { hall: HallState }) {
  const today = hall.day;
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: 'month', anchor: today, custom: { from: today, to: today } }));
  const range = rangeOf(choice);
  // Moves after a delivery: the committed figures of the report change with it.
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useResource(token, 'reports', { from: range.from, to: range.to }, onExpired, version);
  const download = useDownload(token, onExpired);
  const current = data && data.from === range.from && data.to === range.to ? data : null;

  const { month, printing, printMonth, drawn } = useMonthPrint(range.from, setChoice, { current, loading, error });

  const title = periodTitle(choice.kind, range);
  return (
    <div class="reports">
      <PeriodPicker choice={choice} today={today} onChange={setChoice} />
      <header class="print-only rp-print-head">
        <h1>
          {hall.hallName} {title}
          {choice.kind === 'month' ? '月度报表' : '统计报表'}
        </h1>
        <p>
          统计期间：{range.from} 至 {range.to}　　制表时间：{dateTime(hall.now)}
        </p>
      </header>
      <div class="rp-head">
        <div class="rp-title">
          <h2 class="range-title">{title}</h2>
          <span class="muted">
            {range.from === range.to ? '' : `${range.from} 至 ${range.to}　`}
            {current ? `其中 ${current.days} 天有取号` : loading ? '正在统计…' : ''}
          </span>
        </div>
        <div class="rp-actions no-print">
          {EXPORTS.map((x) => (
            <button key={x.kind} type="button" class="ghost" disabled={download.busy !== null} onClick={() => download.run(x.kind, href('exportCsv', { kind: x.kind, from: range.from, to: range.to }), `${x.file}_${range.from}_${range.to}.csv`)}>
              {download.busy === x.kind ? '正在导出…' : x.label}
            </button>
          ))}
          <button type="button" class="primary" onClick={printMonth} disabled={printing}>
            打印月报（{monthTitle(month)}）
          </button>
        </div>
      </div>
      {download.error && <ErrorBox print={false}>导出失败：{download.error}</ErrorBox>}
      <ErrorBox>{error}</ErrorBox>
      {data ? (
        // The previous period stays on screen, dimmed, while the next one loads.
        <div class={current ? 'rp-body' : 'rp-body rp-stale'} aria-busy={!current}>
          <ReportFigures report={data} />
          {choice.kind === 'month' && current && <MonthCompare token={token} month={range} report={current} onExpired={onExpired} />}
          <ReportCharts report={data} today={today} onReady={drawn} />
          <ReportTable report={data} />
        </div>
      ) : (
        !error && <p class="loading">正在统计…</p>
      )}
      <Commitments token={token} today={today} counterName={(id) => hall.counters.find((c) => c.id === id)?.name ?? `${id}号窗口`} onExpired={onExpired} onDelivered={() => setVersion((n) => n + 1)} />
      <p class="footnote">
        等候时间：从取号到第一次叫号；办理时间：从开始办理到办结。中位数：一半群众不超过此时间；90%：九成群众不超过此时间。满意率：“基本满意”及以上评价占评价数的比例。承诺件按受理日期计入统计期间，超过承诺办结日期仍未送达即为超期。
      </p>
      <p class="print-only rp-sign">制表：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿</p>
    </div>
  );
}
