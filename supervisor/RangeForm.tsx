// Two date pickers and a query button, plus one preset (今日, 本月) that both fills the
// pickers and queries. Shared by the figure tabs so ranges are picked the same way.
import { useEffect, useState } from 'preact/hooks';
import type { StatsRange } from './useStats.ts';

interface Props {
  /** What the pickers start on and the preset puts back; null until the hall's day is known. */
  preset: { from: string; to: string } | null;
  presetLabel: string;
  busy: boolean;
  onQuery: (r: StatsRange) => void;
  onPreset: () => void;
}

export function RangeForm({ preset, presetLabel, busy, onQuery, onPreset }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Start the pickers on the preset once it is known, without overwriting a choice.
  useEffect(() => {
    if (!preset) return;
    setFrom((f) => f || preset.from);
    setTo((t) => t || preset.to);
  }, [preset?.from, preset?.to]);

  const submit = (e: Event) => {
    e.preventDefault();
    // The server decides what a valid range is and says why not (400 message shown by the tab).
    onQuery({ ...(from && { from }), ...(to && { to }) });
  };
  const reset = () => {
    if (preset) {
      setFrom(preset.from);
      setTo(preset.to);
    }
    onPreset();
  };

  return (
    <form class="range" onSubmit={submit} aria-label="统计日期">
      <label>
        开始日期
        <input type="date" name="from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </label>
      <label>
        结束日期
        <input type="date" name="to" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={busy}>
        查询
      </button>
      <button type="button" class="ghost" onClick={reset} disabled={busy}>
        {presetLabel}
      </button>
    </form>
  );
}
