// Alerts the supervisor must act on, derived from the live hall state. Pure.
import type { AlertSettings, HallState, PrinterHealth, ServiceView } from '../shared/types.ts';
import { unservedServices } from './queueControl.ts';

export interface Alert {
  key: string;
  level: 'bad' | 'warn';
  text: string;
  /** The control that fixes it: 队列调度, opened on this business when there is one. */
  fix?: { label: string; serviceId?: string };
}

const dispatch = (serviceId?: string): Alert['fix'] => ({ label: '去调度', ...(serviceId && { serviceId }) });

/**
 * The thresholds come with the hall state (`hall.alerts`): an admin's change applies at
 * the next push. `nowMs` is the hall clock, which moves the longest wait between pushes.
 */
export function hallAlerts(hall: HallState, printer: PrinterHealth | null = null, nowMs = Date.parse(hall.now)): Alert[] {
  const out: Alert[] = [];
  if (printer?.configured && printer.state === 'fault') {
    out.push({ key: 'printer', level: 'bad', text: `号票机故障：${printer.lastError ?? '未知'}（取号不受影响，群众需记住屏幕上的号码）` });
  } else if (printer?.configured && printer.paper === 'low') {
    out.push({ key: 'printer', level: 'warn', text: '号票机纸将用完，请及时换纸' });
  }
  // AB岗: while the hall is open, every window must have its A or B clerk signed in.
  // One line for all such windows: at opening time they can be all six at once.
  const gaps = hall.open ? hall.counters.filter((c) => !c.staffed) : [];
  if (gaps.length) out.push({ key: 'gap', level: 'bad', text: `无人在岗：${gaps.map((c) => c.name).join('、')}（A岗、B岗都未签到）` });
  // People wait for a business no window can call: move them, or close it at the kiosk.
  for (const s of unservedServices(hall)) {
    out.push({ key: `unserved-${s.id}`, level: 'bad', text: `${s.name}没有在岗的窗口办理，${s.waiting} 人在等`, fix: { label: '移号或暂停取号', serviceId: s.id } });
  }
  const limits = hall.alerts;
  for (const s of hall.services) {
    const longest = longestWaitNow(s, hall.now, nowMs);
    const over = overThresholds(s, limits, longest);
    const fix = dispatch(s.id);
    if (over.waiting) out.push({ key: `waiting-${s.id}`, level: 'warn', text: `${s.name}等候 ${s.waiting} 人，超过 ${limits.waiting} 人`, fix });
    if (over.estimate) out.push({ key: `wait-${s.id}`, level: 'warn', text: `${s.name}预计等候 ${s.estimatedWaitMin} 分钟，超过 ${limits.estimatedWaitMin} 分钟`, fix });
    if (over.longest) out.push({ key: `longest-${s.id}`, level: 'warn', text: `${s.name}已有群众等候 ${longest} 分钟，超过 ${limits.longestWaitMin} 分钟`, fix });
  }
  return out;
}

/**
 * Minutes the longest-waiting villager of a business has waited by `nowMs`: the server's
 * figure as of `hallNow`, plus the time since. Nothing is pushed while nobody moves, and
 * that is exactly when a wait grows long.
 */
export function longestWaitNow(s: ServiceView, hallNow: string, nowMs: number): number {
  if (!s.waiting) return 0;
  return s.longestWaitMin + Math.max(0, Math.floor((nowMs - Date.parse(hallNow)) / 60_000));
}

/** Which of a business's figures are strictly above the hall's thresholds. */
export function overThresholds(s: ServiceView, limits: AlertSettings, longestMin = s.longestWaitMin): { waiting: boolean; estimate: boolean; longest: boolean } {
  return {
    waiting: s.waiting > limits.waiting,
    estimate: s.estimatedWaitMin > limits.estimatedWaitMin,
    // Only someone still waiting has a longest wait worth raising.
    longest: s.waiting > 0 && longestMin > limits.longestWaitMin,
  };
}

/** Whether a business's row should be highlighted in the queue table. */
export function serviceOverThreshold(s: ServiceView, limits: AlertSettings, longestMin = s.longestWaitMin): boolean {
  const o = overThresholds(s, limits, longestMin);
  return o.waiting || o.estimate || o.longest;
}
