// Alerts the supervisor must act on, derived from the live hall state. Pure.
import type { HallState, PrinterHealth } from '../shared/types.ts';

/**
 * Fixed for this first version. They become hall settings (per business) once the
 * settings tab exists; until then every hall gets the same limits.
 */
export const ALERT_THRESHOLDS = {
  /** More than this many people waiting for one business. */
  waiting: 20,
  /** An estimated wait above this many minutes for one business. */
  estimatedWaitMin: 30,
} as const;

export interface Alert {
  key: string;
  level: 'bad' | 'warn';
  text: string;
}

export function hallAlerts(hall: HallState, printer: PrinterHealth | null = null): Alert[] {
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
  for (const s of hall.services) {
    if (s.waiting > ALERT_THRESHOLDS.waiting) {
      out.push({ key: `waiting-${s.id}`, level: 'warn', text: `${s.name}等候 ${s.waiting} 人，超过 ${ALERT_THRESHOLDS.waiting} 人` });
    }
    if (s.estimatedWaitMin > ALERT_THRESHOLDS.estimatedWaitMin) {
      out.push({ key: `wait-${s.id}`, level: 'warn', text: `${s.name}预计等候 ${s.estimatedWaitMin} 分钟，超过 ${ALERT_THRESHOLDS.estimatedWaitMin} 分钟` });
    }
  }
  return out;
}

/** Whether a business's row should be highlighted in the queue table. */
export function serviceOverThreshold(s: HallState['services'][number]): boolean {
  return s.waiting > ALERT_THRESHOLDS.waiting || s.estimatedWaitMin > ALERT_THRESHOLDS.estimatedWaitMin;
}
