// No sign-in: kiosk, phone, wall screen.
import { Router } from 'express';
import QRCode from 'qrcode';
import { HallError } from '../../shared/core/errors.ts';
import { hallState, serviceViews, ticketView } from '../../shared/core/views.ts';
import type { TakenTicket } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { PrintService } from '../printer/service.ts';
import { statusPath, type Origin } from './origin.ts';
import { schemas, parse } from './validate.ts';

export interface PublicDeps {
  hall: Hall;
  printing: PrintService;
  newId: () => string;
  origin: Origin;
}

export function publicRoutes(deps: PublicDeps): Router {
  const { hall, printing, newId, origin } = deps;
  const r = Router();

  r.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  r.get('/services', async (_req, res) => {
    res.json(await hall.read((d) => serviceViews(d, hall.now())));
  });

  r.get('/hall', async (_req, res) => {
    res.json(await hall.read((d) => hallState(d, hall.now())));
  });

  // 201 once the ticket is durable; printing starts after the reply, and runs even when
  // the kiosk has gone by then: the ticket is valid on screen whatever the printer does.
  r.post('/tickets', async (req, res) => {
    const body = parse(schemas.takeTicket, req.body);
    const { ticket, ahead } = await hall.run({ type: 'take', id: newId(), serviceId: body.serviceId, priority: body.priority ?? false, channel: 'kiosk' });
    const t = ticket!;
    const statusUrl = origin(req) + statusPath(t.id);
    const print = printing.enabled && body.print !== false;
    const taken: TakenTicket = {
      // Its place when it was taken: counted then, not rescanned for the reply.
      ...ticketView(hall.data, t, ahead),
      priority: t.priority,
      statusUrl,
      print: print ? 'pending' : 'off',
    };
    try {
      res.status(201).json(taken);
    } finally {
      if (print) void printing.print(t.id, statusUrl);
    }
  });

  r.get('/tickets/:id', async (req, res) => {
    const view = await hall.read((d) => {
      const t = d.tickets[req.params.id];
      return t ? ticketView(d, t) : null;
    });
    if (!view) throw new HallError('unknown_ticket', 404, '没有这个号，可能已过期');
    res.json(view);
  });

  // The QR printed and shown with each ticket: it opens the ticket's status page.
  r.get('/tickets/:id/qr.svg', async (req, res) => {
    const exists = await hall.read((d) => Boolean(d.tickets[req.params.id]));
    if (!exists) throw new HallError('unknown_ticket', 404, '没有这个号，可能已过期');
    const svg = await QRCode.toString(origin(req) + statusPath(req.params.id), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(svg);
  });

  return r;
}
