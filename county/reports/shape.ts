// The county report shaped for the page: the satisfaction chart and the figures as the
// table shows them. Pure.
import type { CountyReport, ReportFigures } from '../../shared/county/types.ts';
import { localParts } from '../../shared/core/time.ts';
import type { Bars } from '../../supervisor/reports/shape.ts';

/** Satisfaction by hall, in rank order; halls nobody rated are left out (no rate to draw). */
export function satisfactionBars(r: CountyReport): Bars {
  const rated = r.rows.filter((h) => h.ratings > 0);
  return { labels: rated.map((h) => h.hallName), values: rated.map((h) => Math.round(h.satisfiedRate * 1000) / 10) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * A figure with nothing behind it (nobody rated, no case closed or overdue) shows as —,
 * not as 0%; a timeliness rate shows over how many cases it is known (按期/已知).
 */
export function shown(f: ReportFigures) {
  return {
    avgWait: f.avgWaitMin.toFixed(1),
    p90Wait: f.p90WaitMin.toFixed(1),
    satisfied: f.ratings ? pct(f.satisfiedRate) : '—',
    followUps: f.followUpsOnTimeRate === null ? '—' : `${pct(f.followUpsOnTimeRate)}（${f.followUpsOnTime}/${f.followUpsClosed + f.followUpsOverdue}）`,
    committed: f.committedOnTimeRate === null ? '—' : `${pct(f.committedOnTimeRate)}（${f.committedOnTime}/${f.committedDelivered + f.committedOverdue}）`,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-12-07 09:05", the county's wall clock: when a printed report was made. */
export function nowText(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
