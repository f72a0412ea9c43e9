// A month's figures beside the month before (环比) and the same month last year (同比),
// read from the same reports endpoint; a side without data shows a dash and says so.
import type { Report } from '../../shared/core/reports.ts';
import { useResource } from '../useResource.ts';
import { compareNote, compareRows, comparedMonths } from './compare.ts';
import { monthTitle, type Range } from './period.ts';

interface Props {
  token: string;
  month: Range;
  report: Report;
  onExpired: () => void;
}

export function MonthCompare({ token, month, report, onExpired }: Props) {
  const { previous, lastYear } = comparedMonths(month);
  const prev = useResource(token, 'reports', previous, onExpired);
  const year = useResource(token, 'reports', lastYear, onExpired);
  const p = prev.data && prev.data.from === previous.from ? prev.data : null;
  const y = year.data && year.data.from === lastYear.from ? year.data : null;
  const rows = compareRows(report, p, y);
  const note = compareNote(p, y, prev.loading || year.loading) ?? (prev.error || year.error ? `对比数据暂时取不到：${prev.error ?? year.error}` : null);
  return (
    <section class="card rp-compare" aria-labelledby="rp-compare-title">
      <h3 id="rp-compare-title">环比与同比</h3>
      <table class="rp-grid" data-testid="rp-compare">
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{monthTitle(month.from)}</th>
            <th scope="col">上月（{monthTitle(previous.from)}）</th>
            <th scope="col">环比</th>
            <th scope="col">去年同月（{monthTitle(lastYear.from)}）</th>
            <th scope="col">同比</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td class="num">{r.value}</td>
              <td class="num">{r.previous}</td>
              <td class="num">{r.change}</td>
              <td class="num">{r.lastYear}</td>
              <td class="num">{r.yearChange}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p class="muted rp-compare-note">{note}</p>}
    </section>
  );
}
