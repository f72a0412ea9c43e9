// The wait estimate shown at the kiosk and on the ticket.
import type { HallData } from '../types.ts';

const SAMPLE = 20; // most recent finished visits of the business

/** Average minutes a visit of this business takes today, or the configured figure. */
export function avgServiceMin(data: HallData, serviceId: string): number {
  const durations: number[] = [];
  for (const id in data.tickets) {
    const t = data.tickets[id]!;
    if (t.status !== 'done' || t.serviceId !== serviceId || !t.finishedAt) continue;
    const from = t.startedAt ?? t.lastCalledAt;
    if (!from) continue;
    durations.push((Date.parse(t.finishedAt) - Date.parse(from)) / 60_000);
  }
  const service = data.services.find((s) => s.id === serviceId);
  const fallback = service?.avgServiceMin ?? 5;
  if (durations.length < 3) return fallback; // too few to trust over the configured figure
  const recent = durations.slice(-SAMPLE);
  return Math.max(0.5, recent.reduce((a, b) => a + b, 0) / recent.length);
}

/** Windows that are staffed, not paused, and serve this business (at least 1). */
export function activeWindows(data: HallData, serviceId: string): number {
  let n = 0;
  for (const c of data.counters) {
    const rt = data.runtime[c.id];
    if (c.serviceIds.includes(serviceId) && rt?.signedIn && !rt.paused) n++;
  }
  return Math.max(1, n);
}

export function estimateWaitMin(data: HallData, serviceId: string, ahead: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * avgServiceMin(data, serviceId)) / activeWindows(data, serviceId));
}
