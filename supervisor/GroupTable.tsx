// Satisfaction per window, clerk or business: one row each, the same columns as the totals.
import type { GroupFigures } from '../shared/core/ratingStats.ts';
import { percent } from './format.ts';

interface Props {
  title: string;
  /** What the first column is: 窗口, 工作人员, 业务. */
  what: string;
  rows: GroupFigures[];
  nameOf: (id: string) => string;
}

export function GroupTable({ title, what, rows, nameOf }: Props) {
  const id = `group-${what}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p class="muted">这段时间没有办结的业务</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">{what}</th>
              <th scope="col" class="num">办结</th>
              <th scope="col" class="num">评价</th>
              <th scope="col" class="num">参评率</th>
              <th scope="col" class="num">满意率</th>
              <th scope="col" class="num">差评</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <th scope="row">{nameOf(g.id)}</th>
                <td class="num">{g.served}</td>
                <td class="num">{g.count}</td>
                <td class="num">{percent(g.responseRate)}</td>
                <td class="num">{g.count ? percent(g.satisfiedRate) : '—'}</td>
                <td class={g.bad ? 'num bad' : 'num'}>{g.bad}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
