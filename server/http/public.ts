// No sign-in: kiosk, phone, wall screen.
import type { Router } from 'express';
import QRCode from 'qrcode';
import { HallError } from '../../shared/core/errors.ts';
import { ticketPrint } from '../../shared/core/printing.ts';
import { hallState, serviceViews, ticketView } from '../../shared/core/views.ts';
import type { HallData, TakenTicket } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { PrintService } from '../printer/service.ts';
import { newRatingKey } from '../auth.ts';
import { statusPath, type Origin } from './origin.ts';
import { after, routesOn } from './route.ts';

export interface PublicDeps {
  hall: Hall;
  printing: PrintService;
  newId: () => string;
  origin: Origin;
}

/** A ticket of the live day by id from a URL: `constructor` or `__proto__` is just no ticket. */
export const ticketById = (d: HallData, id: string) => (Object.hasOwn(d.tickets, id) ? d.tickets[id] : undefined);

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The Idempotency-Key header of a take, if any: 1–64 of [A-Za-z0-9_-], or a 400. */
function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY.test(header)) throw new HallError('invalid_request', 400, 'Idempotency-Key 应为 1 到 64 个字母、数字、_ 或 -');
  return header;
}

/** Registers its routes on `r`, the one API router. */
export function publicRoutes(r: Router, { hall, printing, newId, origin }: PublicDeps): void {
  const on = routesOn(r, hall);

  // The truth about the hall: 503 while it cannot write (takes and calls are refused);
  // 'degraded' with what is wrong while it works around a fault (a day not yet archived).
  on('health', () => {
    const problems = hall.problems();
    const down = problems.find((p) => p.code === 'storage_unavailable');
    if (down) throw new HallError(down.code, 503, down.message);
    return problems.length ? { status: 'degraded' as const, problems } : { status: 'ok' as const };
  });

  on('services', () => hall.read((d) => serviceViews(d, hall.now())));

  on('hall', () => hall.read((d) => hallState(d, hall.now())));

  // 201 once the ticket is durable; printing starts after the reply, and runs even when
  // the kiosk has gone by then: the ticket is valid on screen whatever the printer does.
  on('takeTicket', async ({ body }, req, res) => {
    const key = idempotencyKey(req.get('idempotency-key'));
    const { ticket, ahead, facts } = await hall.run({ type: 'take', id: newId(), serviceId: body.serviceId, priority: body.priority ?? false, channel: 'kiosk', ratingKey: newRatingKey(), ...(key && { key }) });
    const t = ticket!;
    // The 评价码 leaves the hall here only: in this reply, on this paper and in this QR.
    const ratingKey = hall.view((s) => (s.today.ratingKeys && Object.hasOwn(s.today.ratingKeys, t.id) ? s.today.ratingKeys[t.id] : undefined));
    const statusUrl = origin(req) + statusPath(t.id, ratingKey);
    // A retried take (its key seen today) answers with the ticket it took; it was
    // printed then, if at all.
    const print = facts.length > 0 && printing.enabled && body.print !== false;
    const now = hall.now(); // screen and paper estimate at the same instant
    const taken = {
      // Its place when it was taken: counted then, not rescanned for the reply.
      ...hall.view((s) => ticketView(s, t, ahead, now)),
      priority: t.priority,
      statusUrl,
      ...(ratingKey && { ratingKey }),
      print: print ? 'pending' : 'off',
    } satisfies TakenTicket;
    // The paper says what the screen says: the document is read at the same instant.
    const doc = print ? hall.view((s) => ticketPrint(s, t.id, now, { statusUrl, ahead: taken.ahead, ...(ratingKey && { ratingKey }) })) : null;
    if (doc) after(res, () => void printing.print(doc));
    return taken;
  });

  on('ticket', async ({ params }) => {
    const view = await hall.read((d) => {
      const t = ticketById(d, params.id);
      return t ? ticketView(d, t, undefined, hall.now()) : null;
    });
    if (!view) throw new HallError('unknown_ticket', 404, '没有这个号，可能已过期');
    return view;
  });

  // The QR printed and shown with each ticket: it opens the ticket's status page.
  // The QR puts whatever 评价码 the page gives (`k`) in the link, unchecked: it proves
  // nothing and tells nothing, since only the rating itself checks it.
  on('ticketQr', async ({ params, query }, req, res) => {
    const exists = await hall.read((d) => Boolean(ticketById(d, params.id)));
    if (!exists) throw new HallError('unknown_ticket', 404, '没有这个号，可能已过期');
    const svg = await QRCode.toString(origin(req) + statusPath(params.id, query.k), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(svg);
  });

}
