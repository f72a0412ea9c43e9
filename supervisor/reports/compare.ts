// 环比 and 同比 of a month's report: against the month before and the same month a year
// before, when that month has data (a hall's first months have none to compare with). Pure.
import type { Report } from '../../shared/core/reports.ts';
import { addMonths, periodOf, type Range } from './period.ts';

/** The month before `month` and the same month a year before (each its from..to). */
export function comparedMonths(month: Range): { previous: Range; lastYear: Range } {
  return { previous: periodOf('month', addMonths(month.from, -1)), lastYear: periodOf('month', addMonths(month.from, -12)) };
}

export interface CompareRow {
  label: string;
  value: string;
  previous: string;
  change: string;
  lastYear: string;
  yearChange: string;
}

type Figure = { label: string; get: (r: Report) => number | null; unit: 'count' | 'minutes' | 'rate' };

const FIGURES: Figure[] = [
  { label: '取号（张）', get: (r) => r.totals.taken, unit: 'count' },
  { label: '办结（件）', get: (r) => r.totals.served, unit: 'count' },
  { label: '平均等候（分钟）', get: (r) => (r.wait.count ? r.wait.avgMin : null), unit: 'minutes' },
  { label: '平均办理（分钟）', get: (r) => (r.service.count ? r.service.avgMin : null), unit: 'minutes' },
  { label: '满意率', get: (r) => (r.satisfaction.count ? r.satisfaction.satisfiedRate : null), unit: 'rate' },
];

const DASH = '—';

function shown(v: number | null, unit: Figure['unit']): string {
  if (v === null) return DASH;
  return unit === 'count' ? String(v) : unit === 'minutes' ? v.toFixed(1) : `${(v * 100).toFixed(1)}%`;
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`;

/**
 * The change from `before` to `now`: a rate in percentage points (满意率 90% → 92% is +2.0
 * 个百分点, not +2.2%), anything else in percent of `before`. A dash when either side has
 * nothing measured, or `before` is 0 (no percent of nothing).
 */
export function change(now: number | null, before: number | null, unit: Figure['unit']): string {
  if (now === null || before === null) return DASH;
  if (unit === 'rate') return `${signed((now - before) * 100, 1)} 个百分点`;
  if (before === 0) return DASH;
  return `${signed(((now - before) / before) * 100, 1)}%`;
}

/** A month with no ticket at all has nothing to compare with. */
const hasData = (r: Report | null): r is Report => r !== null && r.totals.taken > 0;

export function compareRows(now: Report, previous: Report | null, lastYear: Report | null): CompareRow[] {
  const p = hasData(previous) ? previous : null;
  const y = hasData(lastYear) ? lastYear : null;
  return FIGURES.map((f) => {
    const v = f.get(now);
    const pv = p ? f.get(p) : null;
    const yv = y ? f.get(y) : null;
    return {
      label: f.label,
      value: shown(v, f.unit),
      previous: p ? shown(pv, f.unit) : DASH,
      change: p ? change(v, pv, f.unit) : DASH,
      lastYear: y ? shown(yv, f.unit) : DASH,
      yearChange: y ? change(v, yv, f.unit) : DASH,
    };
  });
}

/** What the table says when a side has no data to compare with. */
export function compareNote(previous: Report | null, lastYear: Report | null, loading: boolean): string | null {
  if (loading) return null;
  const none = [!hasData(previous) && '上月', !hasData(lastYear) && '去年同月'].filter(Boolean);
  return none.length ? `${none.join('和')}没有数据，无法比较。` : null;
}
