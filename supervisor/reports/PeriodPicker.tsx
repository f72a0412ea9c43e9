// The report period: 日 / 周 / 月 / 季度 step through periods from the hall's day;
// 自定义 takes any two dates. Fixed periods apply at once, a custom range on 查询.
import { useState } from 'preact/hooks';
import { KIND_LABEL, periodOf, quarterKey, quarterStart, shiftPeriod, type FixedKind, type PeriodKind, type Range } from './period.ts';

export interface PeriodChoice {
  kind: PeriodKind;
  /** Any day in the chosen fixed period. */
  anchor: string;
  custom: Range;
}

/** The from/to a choice stands for. */
export const rangeOf = (c: PeriodChoice): Range => (c.kind === 'custom' ? c.custom : periodOf(c.kind, c.anchor));

const STEP: Record<FixedKind, [prev: string, current: string, next: string]> = {
  day: ['前一天', '今天', '后一天'],
  week: ['上一周', '本周', '下一周'],
  month: ['上个月', '本月', '下个月'],
  quarter: ['上一季度', '本季度', '下一季度'],
};

const KINDS = Object.keys(KIND_LABEL) as PeriodKind[];

interface Props {
  choice: PeriodChoice;
  /** The hall's day: "本月" is counted from it, and nothing after it can be picked. */
  today: string;
  onChange: (c: PeriodChoice) => void;
}

export function PeriodPicker({ choice, today, onChange }: Props) {
  const pick = (kind: PeriodKind) => onChange({ ...choice, kind, custom: choice.kind === 'custom' ? choice.custom : rangeOf(choice) });
  return (
    <div class="rp-period no-print">
      <fieldset class="seg">
        <legend class="sr-only">统计周期</legend>
        {KINDS.map((k) => (
          <label key={k} class={choice.kind === k ? 'on' : undefined}>
            <input type="radio" name="rp-kind" checked={choice.kind === k} onChange={() => pick(k)} />
            {KIND_LABEL[k]}
          </label>
        ))}
      </fieldset>
      {choice.kind === 'custom' ? (
        // Keyed by the range: a new range from outside starts the fields afresh, and
        // nothing resets what is being typed (an effect did, a moment after mount).
        <CustomRange key={`${choice.custom.from}/${choice.custom.to}`} range={choice.custom} today={today} onQuery={(custom) => onChange({ ...choice, custom })} />
      ) : (
        <Stepper kind={choice.kind} anchor={choice.anchor} today={today} onAnchor={(anchor) => onChange({ ...choice, anchor })} />
      )}
    </div>
  );
}

function Stepper({ kind, anchor, today, onAnchor }: { kind: FixedKind; anchor: string; today: string; onAnchor: (day: string) => void }) {
  const [prev, current, next] = STEP[kind];
  const later = shiftPeriod(kind, anchor, 1);
  return (
    <div class="rp-stepper">
      <button type="button" class="ghost" onClick={() => onAnchor(shiftPeriod(kind, anchor, -1))}>
        ‹ {prev}
      </button>
      <AnchorInput kind={kind} anchor={anchor} today={today} onAnchor={onAnchor} />
      <button type="button" class="ghost" onClick={() => onAnchor(later)} disabled={later > today}>
        {next} ›
      </button>
      <button type="button" class="ghost" onClick={() => onAnchor(today)} disabled={periodOf(kind, anchor).from === periodOf(kind, today).from}>
        {current}
      </button>
    </div>
  );
}

function AnchorInput({ kind, anchor, today, onAnchor }: { kind: FixedKind; anchor: string; today: string; onAnchor: (day: string) => void }) {
  // An emptied or half-typed field changes nothing until it holds a whole date again.
  const set = (v: string) => v && v <= today.slice(0, v.length) && onAnchor(v.length === 7 ? `${v}-01` : v);
  if (kind === 'month') {
    return <input type="month" aria-label="月份" value={anchor.slice(0, 7)} max={today.slice(0, 7)} onChange={(e) => set(e.currentTarget.value)} />;
  }
  if (kind === 'quarter') return <QuarterSelect value={quarterKey(anchor)} today={today} onChange={(k) => onAnchor(quarterStart(k))} />;
  return <input type="date" aria-label={kind === 'day' ? '日期' : '周内任一天'} value={anchor} max={today} onChange={(e) => set(e.currentTarget.value)} />;
}

/** Year and quarter as two selects: "2026Q4". Shared with the appraisal tab. */
export function QuarterSelect({ value, today, onChange }: { value: string; today: string; onChange: (key: string) => void }) {
  const [year, q] = value.split('Q') as [string, string];
  const last = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = Math.min(last, Number(year)) - 4; y <= last; y++) years.push(y);
  const maxQ = (y: number) => (y === last ? Number(quarterKey(today).slice(5)) : 4);
  return (
    <span class="rp-quarter">
      <select aria-label="年份" value={year} onChange={(e) => onChange(`${e.currentTarget.value}Q${Math.min(Number(q), maxQ(Number(e.currentTarget.value)))}`)}>
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}年
          </option>
        ))}
      </select>
      <select aria-label="季度" value={q} onChange={(e) => onChange(`${year}Q${e.currentTarget.value}`)}>
        {[1, 2, 3, 4].map((n) => (
          <option key={n} value={String(n)} disabled={n > maxQ(Number(year))}>
            第{'一二三四'[n - 1]}季度
          </option>
        ))}
      </select>
    </span>
  );
}

function CustomRange({ range, today, onQuery }: { range: Range; today: string; onQuery: (r: Range) => void }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const submit = (e: Event) => {
    e.preventDefault();
    // The server decides what a valid range is, and its message says why not.
    if (from && to) onQuery({ from, to });
  };
  return (
    <form class="rp-custom" onSubmit={submit} aria-label="自定义日期">
      <label>
        开始日期
        <input type="date" name="from" value={from} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        结束日期
        <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        查询
      </button>
    </form>
  );
}
