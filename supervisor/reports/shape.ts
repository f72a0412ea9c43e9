// A report's figures shaped for the charts and tables. Pure.
import type { Report, ReportReply, ReportRow, Summary } from '../../shared/core/reports.ts';

export type { ReportReply };

/** One bar per label. */
export interface Bars {
  labels: string[];
  values: number[];
}

/**
 * Tickets taken per hour, from the first hour anyone came to the last: the hours the
 * hall was shut would only squeeze the bars. Empty when nobody came.
 */
export function arrivalsByHour(byHour: readonly ReportRow[]): Bars {
  const rows = [...byHour].sort((a, b) => Number(a.id) - Number(b.id));
  const first = rows.findIndex((r) => r.taken > 0);
  if (first < 0) return { labels: [], values: [] };
  const last = rows.length - 1 - [...rows].reverse().findIndex((r) => r.taken > 0);
  const span = rows.slice(first, last + 1);
  return { labels: span.map((r) => `${Number(r.id)}时`), values: span.map((r) => r.taken) };
}

/** Longest range drawn day by day: a month, or two; a quarter's 92 bars would not read. */
export const TREND_MAX_DAYS = 62;

/**
 * Tickets taken each day of the period up to `today` (the days still to come would only
 * be zeros), labelled by day of month. Empty for one day, or a range too long to read.
 */
export function dailyTrend(byDay: Report['byDay'] | undefined, today: string): Bars {
  const days = (byDay ?? []).filter((d) => d.day <= today);
  if (days.length < 2 || (byDay?.length ?? 0) > TREND_MAX_DAYS || !days.some((d) => d.taken > 0)) return { labels: [], values: [] };
  return { labels: days.map((d) => `${Number(d.day.slice(8))}日`), values: days.map((d) => d.taken) };
}

/** The wait distribution as the server bucketed it; empty when nobody was called. */
export function waitDistribution(buckets: Report['waitBuckets']): Bars {
  if (!buckets.some((b) => b.count > 0)) return { labels: [], values: [] };
  return { labels: buckets.map((b) => b.label), values: buckets.map((b) => b.count) };
}

/** Satisfaction rate (percent, one decimal) of each window that was rated at all. */
export function satisfactionByCounter(byCounter: readonly ReportRow[]): Bars {
  const rated = byCounter.filter((r) => r.rated > 0);
  return { labels: rated.map((r) => r.name), values: rated.map((r) => Math.round(r.satisfiedRate * 1000) / 10) };
}

/** The hour table lists only hours with tickets; the other groups list every row. */
export function tableRows(group: 'byService' | 'byCounter' | 'byClerk' | 'byHour', report: Report): ReportRow[] {
  return group === 'byHour' ? report.byHour.filter((r) => r.taken > 0) : report[group];
}

/** Minutes with one decimal, or a dash when nothing was measured (0.0 would be a lie). */
export function minutesText(s: Summary, key: 'avgMin' | 'p50Min' | 'p90Min' | 'maxMin'): string {
  return s.count ? s[key].toFixed(1) : '—';
}

/** The file name the server gave a download (RFC 5987 `filename*=UTF-8''…` first), else `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}
