// Waiting and service times by business, window, clerk or hour of day: one table shown
// at a time on screen (the switch above it), all four on paper.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ReportRow } from '../../shared/core/reports.ts';
import { percent } from '../format.ts';
import { minutesText, tableRows, type ReportReply } from './shape.ts';

type Group = 'byService' | 'byCounter' | 'byClerk' | 'byHour';

// Businesses and hours share out every ticket, so they get a 合计 row; windows and clerks
// do not (tickets nobody called belong to neither), and a total there would not add up.
const GROUPS: { id: Group; tab: string; title: string; what: string; empty: string; total: boolean }[] = [
  { id: 'byService', tab: '按业务', title: '各业务', what: '业务', empty: '这段时间没有取号', total: true },
  { id: 'byCounter', tab: '按窗口', title: '各窗口', what: '窗口', empty: '这段时间没有窗口叫号', total: false },
  { id: 'byClerk', tab: '按工作人员', title: '各工作人员', what: '工作人员', empty: '这段时间没有工作人员叫号', total: false },
  { id: 'byHour', tab: '按时段', title: '各时段', what: '时段', empty: '这段时间没有取号', total: true },
];

export function ReportTable({ report }: { report: ReportReply }) {
  const [shown, setShown] = useState<Group>('byService');
  return (
    <section class="card rp-tables" aria-labelledby="rp-tables-title">
      <div class="rp-tables-bar">
        <h3 id="rp-tables-title">分类统计</h3>
        <fieldset class="seg no-print">
          <legend class="sr-only">分类方式</legend>
          {GROUPS.map((g) => (
            <label key={g.id} class={shown === g.id ? 'on' : undefined}>
              <input type="radio" name="rp-group" checked={shown === g.id} onChange={() => setShown(g.id)} />
              {g.tab}
            </label>
          ))}
        </fieldset>
      </div>
      {GROUPS.map((g) => (
        <div key={g.id} class={g.id === shown ? 'rp-table' : 'rp-table rp-table-off'}>
          <TimesTable title={g.title} what={g.what} empty={g.empty} rows={tableRows(g.id, report)} total={g.total ? totalRow(report) : null} />
        </div>
      ))}
    </section>
  );
}

function totalRow(r: ReportReply): ReportRow {
  const t = r.totals;
  return { id: 'all', name: '合计', taken: t.taken, served: t.served, noShows: t.noShows, transferred: t.transferred, wait: r.wait, service: r.service, rated: r.satisfaction.count, satisfiedRate: r.satisfaction.satisfiedRate };
}

function TimesTable({ title, what, empty, rows, total }: { title: string; what: string; empty: string; rows: ReportRow[]; total: ReportRow | null }) {
  const id = `rp-t-${what}`;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <table class="grid rp-grid">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {what}
              </th>
              <th scope="col" rowSpan={2} class="num">取号</th>
              <th scope="col" rowSpan={2} class="num">办结</th>
              <th scope="col" rowSpan={2} class="num">过号</th>
              <th scope="col" rowSpan={2} class="num">转办</th>
              <th scope="colgroup" colSpan={4} class="rp-span">等候时间（分钟）</th>
              <th scope="colgroup" colSpan={4} class="rp-span">办理时间（分钟）</th>
              <th scope="col" rowSpan={2} class="num">评价</th>
              <th scope="col" rowSpan={2} class="num">满意率</th>
            </tr>
            <tr>
              {['wait', 'service'].map((k) => (
                <Fragment key={k}>
                  <th scope="col" class="num rp-first">平均</th>
                  <th scope="col" class="num">中位数</th>
                  <th scope="col" class="num">90%</th>
                  <th scope="col" class="num">最长</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.id} r={r} />
            ))}
          </tbody>
          {total && (
            <tfoot>
              <Row r={total} />
            </tfoot>
          )}
        </table>
      )}
    </section>
  );
}

function Row({ r }: { r: ReportRow }) {
  return (
    <tr>
      <th scope="row">{r.name}</th>
      <td class="num">{r.taken}</td>
      <td class="num">{r.served}</td>
      <td class="num">{r.noShows}</td>
      <td class="num">{r.transferred}</td>
      <td class="num rp-first">{minutesText(r.wait, 'avgMin')}</td>
      <td class="num">{minutesText(r.wait, 'p50Min')}</td>
      <td class="num">{minutesText(r.wait, 'p90Min')}</td>
      <td class="num">{minutesText(r.wait, 'maxMin')}</td>
      <td class="num rp-first">{minutesText(r.service, 'avgMin')}</td>
      <td class="num">{minutesText(r.service, 'p50Min')}</td>
      <td class="num">{minutesText(r.service, 'p90Min')}</td>
      <td class="num">{minutesText(r.service, 'maxMin')}</td>
      <td class="num">{r.rated}</td>
      <td class="num">{r.rated ? percent(r.satisfiedRate) : '—'}</td>
    </tr>
  );
}
