// 大厅: name, time zone, hours, special days, calling rules, announcement, ratings,
// alert thresholds and the limits on takes and comments: the whole Settings (less the printer) goes out in one PUT, as the
// API takes it, with one 保存 for the section.
import { useState } from 'preact/hooks';
import { AnnouncementPreview } from './AnnouncementPreview.tsx';
import { CalendarFields } from './CalendarFields.tsx';
import { MonthPreview } from './MonthPreview.tsx';
import { Field, Group, TextField } from './Field.tsx';
import { fromHallForm, savedHallForm, TIME_ZONES, toHallForm, type HallForm } from './hallForm.ts';
import { SaveBar } from './SaveStatus.tsx';
import { SpecialDays } from './SpecialDays.tsx';
import { TagList } from './TagList.tsx';
import { useSave } from './useSave.ts';
import type { SectionProps } from './view.ts';
import { WeekHours } from './WeekHours.tsx';

export function HallSection({ view, editable, token, onExpired, onSaved }: SectionProps) {
  const [form, setForm] = useState<HallForm>(() => toHallForm(view.settings));
  const save = useSave(token, onExpired);
  const set = <K extends keyof HallForm>(key: K, value: HallForm[K]) => {
    save.edited();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const text = (key: { [K in keyof HallForm]: HallForm[K] extends string ? K : never }[keyof HallForm]) => ({ value: form[key], onInput: (v: string) => set(key, v) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = fromHallForm(form);
    if (!parsed.ok) return save.refuse(parsed.error);
    const next = await save.run('saveHall', parsed.value);
    if (next) {
      // The saved settings come back sorted and normalised (08:30, not 8:30).
      setForm((before) => savedHallForm(before, next.settings));
      onSaved(next);
    }
  };

  const sample = `${view.services[0]?.prefix ?? 'A'}012`;
  const counterName = view.counters[0]?.name ?? '1号窗口';

  return (
    <form class="settings-form" aria-label="大厅设置" onSubmit={submit}>
      <fieldset class="settings-plain" disabled={!editable}>
        <div class="settings-columns">
          <fieldset class="settings-card">
            <legend>基本信息</legend>
            <TextField label="大厅名称" maxLength={60} {...text('hallName')} />
            <TimeZoneField value={form.timeZone} onChange={(v) => set('timeZone', v)} />
          </fieldset>

          <fieldset class="settings-card">
            <legend>办公时间</legend>
            <WeekHours week={form.week} onChange={(w) => set('week', w)} />
          </fieldset>

          <fieldset class="settings-card">
            <legend>午休、停止取号与逢场天</legend>
            <CalendarFields form={form.calendar} onChange={(c) => set('calendar', c)} />
          </fieldset>

          <fieldset class="settings-card">
            <legend>特殊日期</legend>
            <SpecialDays days={form.specialDays} onChange={(d) => set('specialDays', d)} />
          </fieldset>

          <fieldset class="settings-card">
            <legend>叫号规则</legend>
            <div class="settings-row">
              <TextField label="连续优先上限" unit="个" size="num" numeric hint="一个窗口最多连续叫几个优先号，之后先叫一个普通号" {...text('priorityCap')} />
              <TextField label="呼叫次数上限" unit="次" size="num" numeric hint="含第一次呼叫" {...text('recallCap')} />
            </div>
            <Group label="优先对象" hint="取号机上“优先取号”列出的人群">
              <TagList label="优先对象" items={form.priorityKinds} onChange={(v) => set('priorityKinds', v)} maxLength={30} placeholder="例如：现役军人" />
            </Group>
          </fieldset>

          <fieldset class="settings-card">
            <legend>叫号播报</legend>
            <div class="settings-row">
              <TextField label="播报内容" maxLength={60} hint={<>{'{number}'} 是号码，{'{counter}'} 是窗口名称</>} {...text('template')} />
              <TextField label="播报遍数" unit="遍" size="num" numeric {...text('repeat')} />
            </div>
            <AnnouncementPreview template={form.template} repeat={form.repeat} number={sample} counterName={counterName} />
          </fieldset>

          <fieldset class="settings-card">
            <legend>评价与回访</legend>
            <Group label="差评原因" hint="群众选“不满意”“非常不满意”时可勾选的原因">
              <TagList label="差评原因" items={form.reasons} onChange={(v) => set('reasons', v)} maxLength={40} />
            </Group>
            <div class="settings-row">
              <TextField label="差评回访期限" unit="个工作日" size="num" numeric {...text('followUpDays')} />
              <TextField label="评价器空闲返回" unit="秒" size="num" numeric hint="无人评价时回到待机，不记录评价" {...text('padIdleSec')} />
            </div>
          </fieldset>

          <fieldset class="settings-card">
            <legend>实况预警</legend>
            <div class="settings-row">
              <TextField label="等候人数超过" unit="人" size="num" numeric hint="同一业务" {...text('alertWaiting')} />
              <TextField label="预计等候超过" unit="分钟" size="num" numeric {...text('alertEstimatedMin')} />
              <TextField label="最长等候超过" unit="分钟" size="num" numeric {...text('alertLongestMin')} />
            </div>
          </fieldset>

          <fieldset class="settings-card">
            <legend>取号与留言限制</legend>
            <p class="settings-hint">防止有人用程序刷号、刷留言。按来源地址计算，大厅的取号机也是一个地址，要留足余量；超过时不取号，取号机显示“取号太频繁，请稍等一会儿再取”。</p>
            <div class="settings-row">
              <TextField label="每分钟取号上限" unit="张" size="num" numeric hint="同一地址（含取号机）；逢场天一台取号机每分钟也很少超过 10 张，默认 30" {...text('takesPerMinute')} />
              <TextField label="每小时留言上限" unit="条" size="num" numeric hint="同一地址写意见簿的条数，默认 20" {...text('commentsPerHour')} />
            </div>
          </fieldset>
          <section class="settings-card settings-wide" aria-labelledby="month-title">
            <h3 id="month-title">日历核对（未来五周，保存后更新）</h3>
            <MonthPreview token={token} onExpired={onExpired} version={view} />
          </section>
        </div>
        <SaveBar save={save} label="保存大厅设置" />
      </fieldset>
    </form>
  );
}

const OTHER = '';

/** A few common zones to pick, or any IANA name typed (the server checks it). */
function TimeZoneField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const listed = TIME_ZONES.some(([z]) => z === value);
  const [typing, setTyping] = useState(!listed);
  return (
    <div class="settings-row">
      <Field label="时区">
        {(id) => (
          <select
            id={id}
            value={typing ? OTHER : value}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setTyping(v === OTHER);
              if (v !== OTHER) onChange(v);
            }}
          >
            {TIME_ZONES.map(([z, label]) => (
              <option key={z} value={z}>
                {label}
              </option>
            ))}
            <option value={OTHER}>其他（手动填写）</option>
          </select>
        )}
      </Field>
      {typing && <TextField label="时区名称" placeholder="例如 Asia/Shanghai" maxLength={60} value={value} onInput={onChange} />}
    </div>
  );
}
