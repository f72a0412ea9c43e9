// The 打印机 form and the printer's health in words. Pure.
import type { PaperWidth, PrinterHealth, PrinterSettings } from '../../shared/types.ts';
import { fail, ok, type Parsed } from './parse.ts';

export interface PrinterForm {
  uri: string;
  paperWidth: PaperWidth;
  checkStatus: boolean;
}

export const toPrinterForm = (p: PrinterSettings): PrinterForm => ({ uri: p.uri ?? '', paperWidth: p.paperWidth, checkStatus: p.checkStatus });

/** Empty address: no printer (tickets only on screen). The server checks the address itself. */
export function fromPrinterForm(f: PrinterForm): Parsed<PrinterSettings> {
  const uri = f.uri.trim();
  if (uri && !/^tcp:\/\/[^\s/:]+:\d{1,5}$/.test(uri)) return fail('打印机地址格式应为 tcp://IP地址:端口，例如 tcp://192.168.1.50:9100');
  return ok({ uri: uri || null, paperWidth: f.paperWidth, checkStatus: f.checkStatus });
}

const STATE: Record<PrinterHealth['state'], string> = { ok: '正常', fault: '故障', unknown: '尚未检查', off: '未接入' };
const PAPER: Record<PrinterHealth['paper'], string> = { ok: '充足', low: '将用完', out: '已用完', unknown: '未知' };

export const stateText = (h: PrinterHealth) => STATE[h.state];
export const paperText = (h: PrinterHealth) => PAPER[h.paper];

/** Where the address in use comes from: the PRINTER variable overrides these settings. */
export function sourceText(h: PrinterHealth): string {
  if (h.source === 'env') return '服务器环境变量 PRINTER（优先于此处的设置）';
  if (h.source === 'settings') return '此处的设置';
  return '未设置打印机，号票只显示在屏幕上';
}
