// The wait estimate shown at the kiosk and on the ticket.
import type { HallData } from '../types.ts';

/** Average minutes of the latest visits of this business today, or the configured figure. */
export function avgServiceMin(data: HallData, serviceId: string): number {
  const recent = data.today.recentServiceMin[serviceId] ?? [];
  if (recent.length < 3) return data.services.find((s) => s.id === serviceId)?.avgServiceMin ?? 5; // too few to trust yet
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
