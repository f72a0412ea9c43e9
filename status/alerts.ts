// When the phone page buzzes and shows a notification: when the ticket is called (and
// called again), and once when only a few people are left ahead of it.
import type { TicketView } from '../shared/types.ts';

/** "前面还有 3 人": time to head back to the hall. */
export const NEAR_AHEAD = 3;

export type Alert = { kind: 'called'; title: string; body: string } | { kind: 'near'; title: string; body: string };

/** What changed between two views of the same ticket that the villager should feel. */
export function alertFor(prev: TicketView | null, next: TicketView): Alert | null {
  if (next.status === 'called' && (prev?.status !== 'called' || next.callCount > prev.callCount)) {
    const where = next.counterName ? `请到 ${next.counterName}` : '请到窗口';
    return { kind: 'called', title: `轮到您了：${next.number}`, body: `${where}办理${next.serviceName}` };
  }
  if (prev && next.status === 'waiting' && next.ahead <= NEAR_AHEAD && !(prev.status === 'waiting' && prev.ahead <= NEAR_AHEAD)) {
    return { kind: 'near', title: `${next.number} 快到了`, body: `前面还有 ${next.ahead} 人，请回到大厅等候叫号` };
  }
  return null;
}

/** Vibration patterns (ms): long for a call, short for "nearly there". */
export const BUZZ: Record<Alert['kind'], number[]> = { called: [600, 200, 600, 200, 600], near: [300, 150, 300] };

/** Leave the village by this time (ms) to be back in the hall when the ticket is called. */
export function leaveBy(nowMs: number, waitMin: number, travelMin: number): number {
  return nowMs + (waitMin - travelMin) * 60_000;
}

/** Minutes still to wait: the server's estimate less the whole minutes since it came, never 0 while some remain. */
export function remainingMin(estimate: number, receivedAtMs: number, nowMs: number): number {
  return estimate > 0 ? Math.max(1, estimate - Math.floor((nowMs - receivedAtMs) / 60_000)) : 0;
}
