// The coming five weeks as the hall will keep them, read back from the server after
// each save: so an admin checks that 逢场天 fall where the village expects (农历 too),
// that holidays close and 调休 opens, and what the hours and the lunch break are.
import type { DayPlan } from '../../shared/core/hours.ts';
import { useResource } from '../useResource.ts';

interface Props {
  token: string;
  onExpired: () => void;
  /** Changes with every save: the preview is read again. */
  version: unknown;
}

const KIND: Record<DayPlan['kind'], string> = { market: '逢场', holiday: '休息', workday: '调休上班', normal: '' };
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** Monday-first column of a YYYY-MM-DD. */
const column = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

export function MonthPreview({ token, onExpired, version }: Props) {
  const { data, error } = useResource(token, 'calendar', { days: 35 }, onExpired, version);
  if (error) return <p class="settings-error" role="alert">{error}</p>;
  if (!data) return <p class="loading">正在读取日历…</p>;
  const blanks = data.length ? column(data[0]!.day) : 0;
  return (
    <div class="settings-month" role="table" aria-label="未来五周的办公日历">
      <div role="row" class="month-row month-head">
        {WEEK.map((w) => (
          <span role="columnheader" key={w}>
            {w}
          </span>
        ))}
      </div>
      <div role="rowgroup" class="month-grid">
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`b${i}`} class="month-blank" />
        ))}
        {data.map((d) => (
          <div role="cell" key={d.day} class={`month-day month-${d.hours ? d.kind : 'closed'}`} data-day={d.day} aria-label={describe(d)}>
            <span class="month-date">
              {Number(d.day.slice(5, 7))}/{Number(d.day.slice(8))} <small>{d.lunar}</small>
            </span>
            {d.hours ? (
              <>
                <span class="month-hours">
                  {d.hours.open}–{d.hours.close}
                </span>
                {d.hours.lunch && <span class="month-lunch">午休 {d.hours.lunch.from}–{d.hours.lunch.to}</span>}
              </>
            ) : (
              <span class="month-hours">不开放</span>
            )}
            {(d.name || KIND[d.kind]) && <span class="month-kind">{d.name ?? KIND[d.kind]}</span>}
          </div>
        ))}
      </div>
    </div>
  );
}

function describe(d: DayPlan): string {
  const when = d.hours ? `${d.hours.open}至${d.hours.close}${d.hours.lunch ? `，午休${d.hours.lunch.from}至${d.hours.lunch.to}` : ''}` : '不开放';
  return `${d.day}（农历${d.lunar}）${d.name ?? KIND[d.kind]} ${when}`;
}
