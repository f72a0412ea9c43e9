// The ticket printer: health for staff, 补打 (reprint), and the admin's choice of printer.
import type { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { ticketPrint } from '../../shared/core/printing.ts';
import { isoLocal } from '../../shared/core/time.ts';
import type { PrinterHealth } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import { parsePrinterUri } from '../printer/escpos.ts';
import type { PrintService } from '../printer/service.ts';
import { authed } from './access.ts';
import { statusPath, type Origin } from './origin.ts';
import { routesOn } from './route.ts';

/** Registers its routes on `r`, the one API router. */
export function printerRoutes(r: Router, hall: Hall, printing: PrintService, printerHealth: () => PrinterHealth, origin: Origin): void {
  const on = routesOn(r, hall);

  on('printer', () => printerHealth());

  on('reprint', async ({ params: { id } }, req) => {
    const doc = await hall.read((d) => ticketPrint(d, id, hall.now(), { statusUrl: origin(req) + statusPath(id), reprintAt: isoLocal(hall.now(), d.settings.timeZone) }));
    if (!doc) throw new HallError('unknown_ticket', 404, '今天没有这个号');
    if (!printing.enabled) throw new HallError('no_printer', 409, '没有配置打印机，无法补打');
    const result = await printing.print(doc);
    if (!result.ok) throw new HallError('printer_fault', 503, `补打失败：${result.message}`);
    return result;
  });

  on('setPrinter', async ({ body }, _req, res) => {
    const uri = body.uri ? body.uri : null;
    if (uri && !parsePrinterUri(uri)) throw new HallError('invalid_printer', 400, '打印机地址格式应为 tcp://IP地址:端口，例如 tcp://192.168.1.50:9100');
    await hall.run({ type: 'setPrinter', userId: authed(res).session.userId, printer: { uri, paperWidth: body.paperWidth, checkStatus: body.checkStatus ?? true } });
    return printerHealth();
  });

}
