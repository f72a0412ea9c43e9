// 办理时间 of one business: whenever the hall is open, or only on set weekdays and
// hours (林木采伐许可 every Wednesday morning). The kiosk then takes no ticket for it
// outside them and says when it is handled.
import { Check, Group, TextField } from './Field.tsx';
import { WEEK_ORDER, weekdayName } from './hours.ts';
import type { ScheduleForm } from './recordForms.ts';

export function ScheduleFields({ form, onChange }: { form: ScheduleForm; onChange: (f: ScheduleForm) => void }) {
  const set = (patch: Partial<ScheduleForm>) => onChange({ ...form, ...patch });
  return (
    <Group label="办理时间" hint="不勾选时，大厅开放就能取号">
      <Check label="只在固定的日子和时间办理" checked={form.own} onChange={(own) => set({ own })} />
      {form.own && (
        <>
          <div class="settings-row" role="group" aria-label="办理的星期">
            {WEEK_ORDER.map((d) => (
              <Check key={d} label={weekdayName(d)} checked={form.weekdays.includes(d)} onChange={(on) => set({ weekdays: on ? [...form.weekdays, d] : form.weekdays.filter((x) => x !== d) })} />
            ))}
          </div>
          <div class="settings-row">
            <TextField label="开始" size="short" maxLength={5} placeholder="09:00" value={form.from} onInput={(v) => set({ from: v })} />
            <TextField label="结束" size="short" maxLength={5} placeholder="12:00" value={form.to} onInput={(v) => set({ to: v })} />
          </div>
        </>
      )}
    </Group>
  );
}
