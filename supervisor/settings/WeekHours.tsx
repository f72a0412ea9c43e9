// 办公时间: one row per weekday, Monday first. Unticking 开放 keeps the times (greyed),
// so ticking it again brings them back.
import { WEEK_ORDER, weekdayName, weekdayPreset, type DayHoursForm } from './hours.ts';

interface Props {
  week: DayHoursForm[];
  onChange: (week: DayHoursForm[]) => void;
}

export function WeekHours({ week, onChange }: Props) {
  const set = (i: number, patch: Partial<DayHoursForm>) => onChange(week.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div class="settings-week">
      <table class="settings-table">
        <thead>
          <tr>
            <th scope="col">星期</th>
            <th scope="col">开放</th>
            <th scope="col">上班</th>
            <th scope="col">下班</th>
          </tr>
        </thead>
        <tbody>
          {WEEK_ORDER.map((i) => {
            const d = week[i]!;
            const name = weekdayName(i);
            return (
              <tr key={i} class={d.open ? undefined : 'settings-off'}>
                <th scope="row">{name}</th>
                <td>
                  <input type="checkbox" aria-label={`${name}开放`} checked={d.open} onChange={(e) => set(i, { open: e.currentTarget.checked })} />
                </td>
                <td>
                  <input class="settings-time" aria-label={`${name}上班时间`} value={d.from} disabled={!d.open} maxLength={5} placeholder="08:30" onInput={(e) => set(i, { from: e.currentTarget.value })} />
                </td>
                <td>
                  <input class="settings-time" aria-label={`${name}下班时间`} value={d.to} disabled={!d.open} maxLength={5} placeholder="17:00" onInput={(e) => set(i, { to: e.currentTarget.value })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="settings-aside">
        <button type="button" class="ghost" onClick={() => onChange(weekdayPreset())}>
          周一至周五 08:30–17:00
        </button>
        <small>周末休息。全天开放填 00:00 至 24:00。</small>
      </div>
    </div>
  );
}
