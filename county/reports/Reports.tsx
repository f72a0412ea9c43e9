// 报表 (county): every hall over a period — ranked table, satisfaction chart, one hall's
// businesses, CSV for Excel and the monthly county report on paper. Periods are counted
// from the county's day (Asia/Shanghai), as the hall counts from its own.
import { useEffect, useState } from 'preact/hooks';
import { localDay } from '../../shared/core/time.ts';
import type { CountyReport, ReportFigures, ReportRow } from '../../shared/county/types.ts';
import { countyPaths } from '../../shared/county/paths.ts';
import { BarChart } from '../../supervisor/reports/BarChart.tsx';
import { useDownload } from '../../supervisor/reports/download.ts';
import { monthTitle, periodTitle } from '../../supervisor/reports/period.ts';
import { useMonthPrint } from '../../supervisor/reports/useMonthPrint.ts';
import { PeriodPicker, rangeOf, type PeriodChoice } from '../../supervisor/reports/PeriodPicker.tsx';
import '../../supervisor/reports/reports.css';
import { useCountyData } from '../useCountyData.ts';
import type { TabProps } from '../tabs.ts';
import { nowText, satisfactionBars, shown } from './shape.ts';
import './reports.css';

const ZONE = 'Asia/Shanghai';

const useReport = (token: string, from: string, to: string) => useCountyData<CountyReport>('report', { from, to }, token);

export function Reports({ session }: TabProps) {
  const today = localDay(Date.now(), ZONE);
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: 'month', anchor: today, custom: { from: today, to: today } }));
  const range = rangeOf(choice);
  const { data, error, loading } = useReport(session.token, range.from, range.to);
  const current = data && data.from === range.from && data.to === range.to ? data : null;
  const download = useDownload(session.token, () => {});
  const [hallId, setHallId] = useState<string | null>(null);

  const { month, printing, printMonth, drawn } = useMonthPrint(range.from, setChoice, { current, loading, error });

  const title = periodTitle(choice.kind, range);
  const chosen = data?.rows.find((r) => r.hallId === hallId) ?? data?.rows[0] ?? null;
  const bars = data ? satisfactionBars(data) : null;
  const csv = `${countyPaths.reportCsv.path}?${new URLSearchParams({ from: range.from, to: range.to }).toString()}`;
  return (
    <div class="reports county-reports">
      <PeriodPicker choice={choice} today={today} onChange={setChoice} />
      <header class="print-only rp-print-head">
        <h1>
          全县为民服务中心 {title}
          {choice.kind === 'month' ? '月度报表' : '统计报表'}
        </h1>
        <p>
          统计期间：{range.from} 至 {range.to}　　制表时间：{nowText(Date.now(), ZONE)}
        </p>
      </header>
      <div class="rp-head">
        <div class="rp-title">
          <h2 class="range-title">{title}</h2>
          <span class="muted">{range.from === range.to ? '' : `${range.from} 至 ${range.to}`}</span>
        </div>
        <div class="rp-actions no-print">
          <button type="button" class="ghost" disabled={download.busy !== null} onClick={() => download.run('csv', csv, `全县报表_${range.from}_${range.to}.csv`)}>
            {download.busy ? '正在导出…' : '导出 CSV'}
          </button>
          <button type="button" class="primary" onClick={printMonth} disabled={printing}>
            打印月报（{monthTitle(month)}）
          </button>
        </div>
      </div>
      {download.error && (
        <p class="error-box no-print" role="alert">
          导出失败：{download.error}
        </p>
      )}
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      {data ? (
        <div class={current ? 'rp-body' : 'rp-body rp-stale'} aria-busy={!current}>
          <section class="card">
            <h3>各大厅排名</h3>
            <HallTable rows={data.rows} chosen={chosen?.hallId ?? null} onChoose={setHallId} />
          </section>
          <section class="card rp-chart-card">
            <h3>各大厅满意率</h3>
            {/* Keyed by the period: drawn afresh for each, so 打印月报 always hears it was drawn. */}
            {bars && bars.values.length ? (
              <BarChart key={`${data.from}~${data.to}`} bars={bars} title="各大厅满意率" unit="%" percent onDrawn={() => drawn(`${data.from}~${data.to}`)} />
            ) : (
              <Undrawn key={`${data.from}~${data.to}`} onShown={() => drawn(`${data.from}~${data.to}`)} />
            )}
          </section>
          {chosen && (
            <section class="card">
              <div class="rp-tables-bar">
                <h3>{chosen.hallName} · 分业务</h3>
                <label class="no-print">
                  大厅{' '}
                  <select aria-label="选择大厅" value={chosen.hallId} onChange={(e) => setHallId(e.currentTarget.value)}>
                    {data.rows.map((r) => (
                      <option key={r.hallId} value={r.hallId}>
                        {r.hallName}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <ServiceTable row={chosen} />
            </section>
          )}
        </div>
      ) : (
        !error && <p class="loading">正在统计…</p>
      )}
      <p class="footnote">
        排名：按满意率从高到低，满意率相同按办结件数；期间内没有评价的大厅排在最后。等候时间：从取号到第一次叫号；90%：九成群众不超过此时间。满意率：“基本满意”及以上评价占评价数的比例，申诉成立作废的评价不计。回访按期：差评回访在到期日前办结；承诺件按期：在承诺日期前送达。各项数字与各大厅自己的报表一致；当天的数字来自大厅最近一次上报。
      </p>
      <p class="print-only rp-sign">制表：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿</p>
    </div>
  );
}

/** No chart to draw (nobody rated): printing need not wait for one. */
function Undrawn({ onShown }: { onShown: () => void }) {
  useEffect(onShown, []);
  return <p class="muted rp-chart-empty">期间内没有评价</p>;
}

function HallTable({ rows, chosen, onChoose }: { rows: ReportRow[]; chosen: string | null; onChoose: (id: string) => void }) {
  return (
    <table class="grid rp-grid cr-table cr-halls">
      <thead>
        <tr>
          <th>排名</th>
          <th>大厅</th>
          <FigureHeads />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          return (
            <tr key={r.hallId} class={r.hallId === chosen ? 'cr-chosen' : undefined}>
              <td class="num">{r.rank}</td>
              <th scope="row">
                <button type="button" class="link" onClick={() => onChoose(r.hallId)}>
                  {r.hallName}
                </button>
              </th>
              <FigureCells f={r} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ServiceTable({ row }: { row: ReportRow }) {
  if (row.byService.length === 0) return <p class="muted">期间内没有取号。</p>;
  return (
    <table class="grid rp-grid cr-table cr-services" aria-label={`${row.hallName}分业务`}>
      <thead>
        <tr>
          <th>业务</th>
          <FigureHeads />
        </tr>
      </thead>
      <tbody>
        {row.byService.map((b) => {
          return (
            <tr key={b.serviceId}>
              <th scope="row">{b.serviceName}</th>
              <FigureCells f={b} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The figures a hall's row and a business's row share, in the same columns. */
function FigureHeads() {
  return (
    <>
      <th>取号</th>
      <th>办结</th>
      <th>过号</th>
      <th>平均等候(分)</th>
      <th>90%等候(分)</th>
      <th>评价</th>
      <th>满意率</th>
      <th>差评</th>
      <th>回访按期</th>
      <th>承诺件按期</th>
    </>
  );
}

function FigureCells({ f }: { f: ReportFigures }) {
  const s = shown(f);
  return (
    <>
      <td class="num">{f.taken}</td>
      <td class="num">{f.served}</td>
      <td class="num">{f.noShows}</td>
      <td class="num">{s.avgWait}</td>
      <td class="num">{s.p90Wait}</td>
      <td class="num">{f.ratings}</td>
      <td class="num">{s.satisfied}</td>
      <td class="num">{f.badRatings}</td>
      <td class="num">{s.followUps}</td>
      <td class="num">{s.committed}</td>
    </>
  );
}
