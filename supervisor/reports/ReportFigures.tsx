// A report's headline figures: tickets, waiting and service times, outcomes (四制),
// committed cases and satisfaction. Minutes carry one decimal, as county reports do.
import type { Summary } from '../../shared/core/reports.ts';
import { Figure } from '../Figure.tsx';
import { percent } from '../format.ts';
import { minutesText, type ReportReply } from './shape.ts';

const LEVEL_NAMES = [
  ['5', '非常满意'],
  ['4', '满意'],
  ['3', '基本满意'],
  ['2', '不满意'],
  ['1', '非常不满意'],
] as const;

export function ReportFigures({ report: r }: { report: ReportReply }) {
  const sat = r.satisfaction;
  const bad = sat.byLevel['1'] + sat.byLevel['2'];
  return (
    <div class="rp-figures">
      <section class="card" aria-labelledby="rp-g-tickets">
        <h3 id="rp-g-tickets">取号与办结</h3>
        <dl class="figs">
          <Figure label="取号" value={String(r.totals.taken)} unit="张" testId="rp-taken" />
          <Figure label="办结" value={String(r.totals.served)} unit="件" testId="rp-served" />
          <Figure label="过号" value={String(r.totals.noShows)} testId="rp-noshows" />
          <Figure label="转办" value={String(r.totals.transferred)} testId="rp-transferred" />
          <Figure label="作废" value={String(r.totals.cancelled)} testId="rp-cancelled" />
        </dl>
      </section>
      <Times title="等候时间（分钟）" id="wait" s={r.wait} />
      <Times title="办理时间（分钟）" id="service" s={r.service} />
      <section class="card" aria-labelledby="rp-g-outcomes">
        <h3 id="rp-g-outcomes">办结方式</h3>
        <dl class="figs">
          <Figure label="即办" value={String(r.outcomes.immediate)} testId="rp-immediate" />
          <Figure label="承诺件" value={String(r.outcomes.committed)} testId="rp-committed" />
          <Figure label="上报件" value={String(r.outcomes.forwarded)} testId="rp-forwarded" />
          <Figure label="不予受理" value={String(r.outcomes.refused)} testId="rp-refused" />
        </dl>
      </section>
      <section class="card" aria-labelledby="rp-g-committed">
        <h3 id="rp-g-committed">承诺件办理</h3>
        <dl class="figs">
          <Figure label="本期受理" value={String(r.committed.total)} testId="rp-cm-total" />
          <Figure label="已送达" value={String(r.committed.delivered)} testId="rp-cm-delivered" />
          <Figure label="未办结" value={String(r.committed.open)} testId="rp-cm-open" tone={r.committed.open ? 'warn' : undefined} />
          <Figure label="已超期" value={String(r.committed.overdue)} testId="rp-cm-overdue" tone={r.committed.overdue ? 'bad' : undefined} />
        </dl>
      </section>
      <section class="card" aria-labelledby="rp-g-sat">
        <h3 id="rp-g-sat">群众评价</h3>
        <dl class="figs">
          <Figure label="满意率" value={sat.count ? percent(sat.satisfiedRate) : '暂无评价'} wordy={!sat.count} testId="rp-sat-rate" />
          <Figure label="评价数" value={String(sat.count)} unit="条" testId="rp-sat-count" />
          <Figure label="差评" value={String(bad)} unit="条" testId="rp-sat-bad" tone={bad ? 'bad' : undefined} />
        </dl>
        {sat.count > 0 && (
          <p class="levels">
            {LEVEL_NAMES.map(([k, name]) => (
              <span key={k}>
                {name} {sat.byLevel[k]}
              </span>
            ))}
          </p>
        )}
      </section>
    </div>
  );
}

function Times({ title, id, s }: { title: string; id: 'wait' | 'service'; s: Summary }) {
  return (
    <section class="card" aria-labelledby={`rp-g-${id}`}>
      <h3 id={`rp-g-${id}`}>
        {title}
        <small>{s.count} 人次</small>
      </h3>
      <dl class="figs">
        <Figure label="平均" value={minutesText(s, 'avgMin')} testId={`rp-${id}-avg`} />
        <Figure label="中位数" value={minutesText(s, 'p50Min')} testId={`rp-${id}-p50`} />
        <Figure label="90% 不超过" value={minutesText(s, 'p90Min')} testId={`rp-${id}-p90`} />
        <Figure label="最长" value={minutesText(s, 'maxMin')} testId={`rp-${id}-max`} />
      </dl>
    </section>
  );
}
