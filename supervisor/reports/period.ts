// Report periods (日/周/月/季度/自定义) as from/to days, counted from the hall's day
// rather than the office PC's clock. Pure: days are YYYY-MM-DD strings.
import { quarterOf } from '../../shared/core/appraisal.ts';
import { addDays, weekdayOf } from '../../shared/core/time.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'custom';
export type FixedKind = Exclude<PeriodKind, 'custom'>;

export const KIND_LABEL: Record<PeriodKind, string> = { day: '日', week: '周', month: '月', quarter: '季度', custom: '自定义' };

export interface Range {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const WEEKDAY = '日一二三四五六';

/** The first day of the month `n` months after `day`'s month. */
export function addMonths(day: string, n: number): string {
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${Math.floor(months / 12)}-${pad((months % 12) + 1)}-01`;
}

/** The period of `kind` that `day` falls in. Weeks run Monday to Sunday (the office week). */
export function periodOf(kind: FixedKind, day: string): Range {
  switch (kind) {
    case 'day':
      return { from: day, to: day };
    case 'week': {
      const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return { from: addMonths(day, 0), to: addDays(addMonths(day, 1), -1) };
    case 'quarter': {
      const q = quarterOf(day);
      return { from: q.from, to: q.to };
    }
  }
}

/** A day in the period `n` periods after the one `day` is in (the period's first day). */
export function shiftPeriod(kind: FixedKind, day: string, n: number): string {
  switch (kind) {
    case 'day':
      return addDays(day, n);
    case 'week':
      return addDays(periodOf('week', day).from, 7 * n);
    case 'month':
      return addMonths(day, n);
    case 'quarter':
      return addMonths(periodOf('quarter', day).from, 3 * n);
  }
}

export const weekdayText = (day: string) => `星期${WEEKDAY[weekdayOf(day)]}`;

export const monthTitle = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月`;

/** The heading of a report: 2026年3月, 2026年第一季度, 2026-03-02（星期一）… */
export function periodTitle(kind: PeriodKind, r: Range): string {
  switch (kind) {
    case 'day':
      return `${r.from}（${weekdayText(r.from)}）`;
    case 'month':
      return monthTitle(r.from);
    case 'quarter':
      return quarterOf(r.from).label;
    default:
      return r.from === r.to ? `${r.from}（${weekdayText(r.from)}）` : `${r.from} 至 ${r.to}`;
  }
}

/** "2026Q4": the appraisal endpoint's quarter parameter. */
export function quarterKey(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first day of a quarter key: "2026Q4" → "2026-10-01". */
export function quarterStart(key: string): string {
  const [y, q] = key.split('Q');
  return `${y}-${pad((Number(q) - 1) * 3 + 1)}-01`;
}
