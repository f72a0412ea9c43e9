// 四季度综合测评: each clerk over a quarter (the current one by default), ranked as the
// server ranks them, with the rule spelled out below the table. Exported as CSV.
import { useState } from 'preact/hooks';
import type { AppraisalRow } from '../../shared/core/appraisal.ts';
import type { HallState } from '../../shared/types.ts';
import { percent } from '../format.ts';
import { useResource } from '../useResource.ts';
import { useDownload } from './download.ts';
import { quarterKey, quarterStart, shiftPeriod } from './period.ts';
import { QuarterSelect } from './PeriodPicker.tsx';
import { ErrorBox } from '../ErrorBox.tsx';
import './reports.css';
import { href } from '../../web/api.ts';


/** Fewer ratings than this and a clerk ranks after those with enough (the server's rule). */
const MIN_RATED = 5;

interface Props {
  token: string;
  hall: HallState | null;
  onExpired: () => void;
}

export function Appraisal({ token, hall, onExpired }: Props) {
  if (!hall) return <p class="loading">正在连接大厅…</p>;
  return <QuarterAppraisal token={token} today={hall.day} onExpired={onExpired} />;
}

function QuarterAppraisal({ token, today, onExpired }: { token: string; today: string; onExpired: () => void }) {
  const [quarter, setQuarter] = useState(() => quarterKey(today));
  const { data, error, loading } = useResource(token, 'appraisal', { quarter }, onExpired);
  const download = useDownload(token, onExpired);
  const step = (n: number) => setQuarter(quarterKey(shiftPeriod('quarter', quarterStart(quarter), n)));
  const later = quarterKey(shiftPeriod('quarter', quarterStart(quarter), 1));
  const current = data && quarterKey(data.from) === quarter ? data : null;

  return (
    <div class="reports appraisal">
      <div class="rp-period">
        <div class="rp-stepper">
          <button type="button" class="ghost" onClick={() => step(-1)}>
            ‹ 上一季度
          </button>
          <QuarterSelect value={quarter} today={today} onChange={setQuarter} />
          <button type="button" class="ghost" onClick={() => step(1)} disabled={later > quarterKey(today)}>
            下一季度 ›
          </button>
          <button type="button" class="ghost" onClick={() => setQuarter(quarterKey(today))} disabled={quarter === quarterKey(today)}>
            本季度
          </button>
        </div>
        <button type="button" class="ghost" disabled={download.busy !== null} onClick={() => download.run('appraisal', href('exportCsv', { kind: 'appraisal', quarter }), `综合测评_${quarter}.csv`)}>
          {download.busy ? '正在导出…' : '导出测评表'}
        </button>
      </div>
      {download.error && <ErrorBox>导出失败：{download.error}</ErrorBox>}
      <ErrorBox>{error}</ErrorBox>
      {data ? (
        <section class={current ? 'card' : 'card rp-stale'} aria-busy={!current} aria-labelledby="ap-title">
          <h2 id="ap-title" class="range-title">
            {data.label}综合测评 <small class="muted">{data.from} 至 {data.to}</small>
          </h2>
          <AppraisalTable rows={data.rows} />
        </section>
      ) : (
        !error && <p class="loading">{loading ? '正在统计…' : ''}</p>
      )}
      <p class="footnote">
        排名规则：先比满意率（“基本满意”及以上评价占评价数的比例），相同再比办结件数（多者在前），再比平均办理时长（短者在前）。本季度评价不足 {MIN_RATED} 条的工作人员排在评价足够的人员之后（标“评价不足”），以免一两条评价决定名次。应签到：季度内截至今天的工作日每天上午、下午各一次。
      </p>
    </div>
  );
}

function AppraisalTable({ rows }: { rows: AppraisalRow[] }) {
  if (rows.length === 0) return <p class="muted">还没有窗口工作人员</p>;
  return (
    <table class="grid ap-grid">
      <thead>
        <tr>
          <th scope="col" class="num">名次</th>
          <th scope="col">姓名</th>
          <th scope="col">工号</th>
          <th scope="col" class="num">办结件数</th>
          <th scope="col" class="num">平均办理时长</th>
          <th scope="col" class="num">评价数</th>
          <th scope="col" class="num">满意率</th>
          <th scope="col" class="num">差评数</th>
          <th scope="col" class="num">差评已回访 / 已办结</th>
          <th scope="col" class="num">签到（半天）/ 应签到</th>
          <th scope="col" class="num">出勤率</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.clerkId} class={r.rated < MIN_RATED ? 'ap-few' : undefined}>
            <td class="num ap-rank">{r.rank}</td>
            <th scope="row">{r.name}</th>
            <td>{r.staffNo}</td>
            <td class="num">{r.served}</td>
            <td class="num">{r.served ? `${r.avgServiceMin.toFixed(1)} 分钟` : '—'}</td>
            <td class="num">
              {r.rated}
              {r.rated < MIN_RATED && <span class="ap-tag">评价不足</span>}
            </td>
            <td class="num">{r.rated ? percent(r.satisfiedRate) : '—'}</td>
            <td class={r.bad ? 'num bad' : 'num'}>{r.bad}</td>
            <td class={r.bad && r.badClosed < r.bad ? 'num warn' : 'num'}>{r.bad ? `${r.badCalledBack} / ${r.badClosed}` : '—'}</td>
            <td class="num">
              {r.halfDays} / {r.expectedHalfDays}
            </td>
            <td class="num">{r.expectedHalfDays ? percent(r.attendanceRate) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
