// 特殊日期: market days (逢场天) with their own hours, holidays (closed all day) and
// make-up working days (调休, a weekday's hours unless given their own). Rows are sorted
// by date when saved, not while typing, so a row does not jump away from the cursor.
import { newSpecialDay, SPECIAL_KINDS, type SpecialDayForm, type SpecialKind } from './hallForm.ts';

interface Props {
  days: SpecialDayForm[];
  onChange: (days: SpecialDayForm[]) => void;
}

export function SpecialDays({ days, onChange }: Props) {
  const set = (i: number, patch: Partial<SpecialDayForm>) => onChange(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div class="settings-special">
      {days.length === 0 ? (
        <p class="muted settings-empty">没有特殊日期：每天按上面的办公时间。</p>
      ) : (
        <table class="settings-table">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">类型</th>
              <th scope="col">名称</th>
              <th scope="col">办公时间</th>
              <th scope="col">
                <span class="sr-only">删除</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {/* Index keys: every field is controlled, so removing a row cannot leave stale values behind. */}
            {days.map((d, i) => {
              const n = `特殊日期 ${i + 1}`;
              return (
                <tr key={i}>
                  <td>
                    <input type="date" aria-label={`${n} 日期`} value={d.date} onInput={(e) => set(i, { date: e.currentTarget.value })} />
                  </td>
                  <td>
                    <select aria-label={`${n} 类型`} value={d.kind} onChange={(e) => set(i, kindChange(d, e.currentTarget.value as SpecialKind))}>
                      {Object.entries(SPECIAL_KINDS).map(([k, label]) => (
                        <option key={k} value={k}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input class="settings-short" aria-label={`${n} 名称`} value={d.name} maxLength={30} placeholder={d.kind === 'holiday' ? '例如：国庆节' : ''} onInput={(e) => set(i, { name: e.currentTarget.value })} />
                  </td>
                  <td>
                    <SpecialHours day={d} label={n} onChange={(patch) => set(i, patch)} />
                  </td>
                  <td>
                    <button type="button" class="settings-icon" aria-label={`删除${n}`} title="删除" onClick={() => onChange(days.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="settings-row">
        {(Object.keys(SPECIAL_KINDS) as SpecialKind[]).map((k) => (
          <button key={k} type="button" class="settings-link" onClick={() => onChange([...days, newSpecialDay(k)])}>
            + 添加{SPECIAL_KINDS[k]}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A market day always has hours, so switching to one turns them on. */
function kindChange(d: SpecialDayForm, kind: SpecialKind): Partial<SpecialDayForm> {
  return { kind, ownHours: kind === 'market' ? true : kind === 'workday' ? d.ownHours : false };
}

function SpecialHours({ day: d, label, onChange }: { day: SpecialDayForm; label: string; onChange: (patch: Partial<SpecialDayForm>) => void }) {
  if (d.kind === 'holiday') return <span class="muted">全天休息</span>;
  const times = (
    <>
      <input class="settings-time" aria-label={`${label} 上班时间`} value={d.from} maxLength={5} onInput={(e) => onChange({ from: e.currentTarget.value })} />
      <span aria-hidden="true">–</span>
      <input class="settings-time" aria-label={`${label} 下班时间`} value={d.to} maxLength={5} onInput={(e) => onChange({ to: e.currentTarget.value })} />
    </>
  );
  if (d.kind === 'market') return <span class="settings-times">{times}</span>;
  return (
    <span class="settings-times">
      <label class="settings-check">
        <input type="checkbox" aria-label={`${label} 另定时间`} checked={d.ownHours} onChange={(e) => onChange({ ownHours: e.currentTarget.checked })} />
        另定时间
      </label>
      {d.ownHours ? times : <span class="muted">按周一时间</span>}
    </span>
  );
}
