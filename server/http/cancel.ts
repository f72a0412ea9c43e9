// 作废号票: the supervisor's list of what may be cancelled, and the cancelling. Thin:
// validate (the route's schema), one hall call, reply with what the facts did.
import type { Router } from 'express';
import { queueView } from '../../shared/core/cancel.ts';
import type { CancelReply } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import { authed } from './access.ts';
import { routesOn } from './route.ts';

/** Registers its routes on `r`, the one API router. */
export function cancelRoutes(r: Router, hall: Hall): void {
  const on = routesOn(r, hall);

  on('queue', () => hall.read(queueView));

  on('cancelTickets', async ({ body }, _req, res) => {
    const { facts } = await hall.run({ type: 'cancelTickets', userId: authed(res).session.userId, ticketIds: body.ticketIds, reason: body.reason });
    // Durable now: the reply reads the tickets as the facts left them.
    return hall.view((d): CancelReply => {
      const cancelled = facts.flatMap((f) => (f.type === 'TicketCancelled' ? [d.tickets[f.ticketId]!] : []));
      return { cancelled: cancelled.map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId })), reason: body.reason, at: cancelled[0]!.finishedAt! };
    });
  });

}
