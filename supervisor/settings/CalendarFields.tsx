// 午休、停止取号 and 逢场天规律: the parts of the hall's calendar that are not one span
// per weekday. The lunch break goes into every day whose hours contain it.
import { Check, Group, TextField } from './Field.tsx';
import { digitsText, type CalendarForm } from './calendarForm.ts';

interface Props {
  form: CalendarForm;
  onChange: (f: CalendarForm) => void;
}

const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];

export function CalendarFields({ form, onChange }: Props) {
  const set = (patch: Partial<CalendarForm>) => onChange({ ...form, ...patch });
  const toggleDigit = (d: number, on: boolean) => set({ marketDigits: on ? [...form.marketDigits, d] : form.marketDigits.filter((x) => x !== d) });
  return (
    <>
      <Group label="午休" hint="午休时不取号、不叫号；只用于包含这段时间的办公日">
        <Check label="中午休息" checked={form.lunchOn} onChange={(on) => set({ lunchOn: on })} />
        {form.lunchOn && (
          <div class="settings-row">
            <TextField label="午休开始" size="short" maxLength={5} placeholder="12:00" value={form.lunchFrom} onInput={(v) => set({ lunchFrom: v })} />
            <TextField label="午休结束" size="short" maxLength={5} placeholder="14:00" value={form.lunchTo} onInput={(v) => set({ lunchTo: v })} />
          </div>
        )}
      </Group>
      <TextField label="下班前停止取号" unit="分钟" size="num" numeric hint="0 表示取号到下班；窗口照常叫号到下班" value={form.lastTicketMin} onInput={(v) => set({ lastTicketMin: v })} />
      <Group label="逢场天规律" hint="按日期尾数，例如“逢 1、4、7”是每月 1、4、7、11、14、17、21、24、27、31 日；农历按农历日期算">
        <div class="settings-row" role="radiogroup" aria-label="逢场天按">
          {(
            [
              ['none', '不按规律（只用下面的特殊日期）'],
              ['solar', '按公历日期'],
              ['lunar', '按农历日期'],
            ] as const
          ).map(([v, label]) => (
            <label key={v} class="settings-check">
              <input type="radio" name="market-calendar" checked={form.market === v} onChange={() => set({ market: v })} />
              {label}
            </label>
          ))}
        </div>
        {form.market !== 'none' && (
          <>
            <div class="settings-row" role="group" aria-label="逢场日期尾数">
              {DIGITS.map((d) => (
                <Check key={d} label={`逢${d}`} checked={form.marketDigits.includes(d)} onChange={(on) => toggleDigit(d, on)} />
              ))}
            </div>
            <p class="settings-hint">
              {form.market === 'lunar' ? '农历' : '公历'}每月{digitsText(form.marketDigits)}
            </p>
            <Check label="逢场天另有办公时间" checked={form.marketOwnHours} onChange={(on) => set({ marketOwnHours: on })} />
            {form.marketOwnHours && (
              <div class="settings-row">
                <TextField label="逢场天上班" size="short" maxLength={5} value={form.marketFrom} onInput={(v) => set({ marketFrom: v })} />
                <TextField label="逢场天下班" size="short" maxLength={5} value={form.marketTo} onInput={(v) => set({ marketTo: v })} />
              </div>
            )}
          </>
        )}
      </Group>
    </>
  );
}
