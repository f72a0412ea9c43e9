// 队列调度 (作废号票, 移号, 暂停取号): the supervisor's list of what may be moved or
// cancelled, and the acting. Thin: validate (the route's schema), one hall call, reply
// with what the facts did.
import type { Router } from 'express';
import { queueView } from '../../shared/core/cancel.ts';
import type { CancelReply, MoveReply } from '../../shared/types.ts';
import { serviceViews } from '../../shared/core/views.ts';
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

  on('moveTickets', async ({ body }, _req, res) => {
    const { facts } = await hall.run({ type: 'moveTickets', userId: authed(res).session.userId, ...body });
    return hall.view((d): MoveReply => {
      const moved = facts.flatMap((f) => (f.type === 'TicketMoved' ? [d.tickets[f.ticketId]!] : []));
      return { moved: moved.map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, ...(t.forCounterId && { forCounterId: t.forCounterId }) })), at: moved[0]!.moves!.at(-1)!.at };
    });
  });

  on('pauseService', async ({ body }, _req, res) => {
    await hall.run({ type: 'pauseService', userId: authed(res).session.userId, ...body });
    return hall.view((d) => serviceViews(d, hall.now()));
  });

  on('resumeService', async ({ body }, _req, res) => {
    await hall.run({ type: 'resumeService', userId: authed(res).session.userId, ...body });
    return hall.view((d) => serviceViews(d, hall.now()));
  });
}
