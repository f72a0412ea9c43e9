// The hall printer in a few words, for the consoles.
import type { PrinterHealth } from '../shared/types.ts';

export function printerText(p: PrinterHealth): string {
  if (!p.configured) return '号票机：未接入';
  if (p.state === 'fault') return `号票机故障：${p.lastError ?? '未知'}`;
  const paper = p.paper === 'low' ? '，纸将用完' : '';
  return `号票机正常${paper} · 今日已打 ${p.printedToday} 张`;
}

/** Worth a supervisor's or clerk's attention. */
export const printerNeedsCare = (p: PrinterHealth) => p.configured && (p.state === 'fault' || p.paper === 'low');
