// 好差评 and 意见簿: rating a visit (any channel), the supervisor's follow-up cases and
// comment book, and a clerk's view of their own ratings (never who gave them).
import { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { dayNames } from '../../shared/core/commands.ts';
import { followUpOverdue } from '../../shared/core/due.ts';
import { ratingFigures, type MyRatingsReply } from '../../shared/core/ratingStats.ts';
import { counterById, serviceById } from '../../shared/core/state.ts';
import type { FollowUpView, RatableTicket, RatingReply } from '../../shared/types.ts';
import { ticketView } from '../../shared/core/views.ts';
import type { Hall } from '../hall.ts';
import type { Archive } from '../store/archive.ts';
import { authed, requireRole } from './access.ts';
import { dateRange, ticketsBetween } from './stats.ts';
import { parse, schemas } from './validate.ts';

export function ratingRoutes(hall: Hall, archive: Archive, newId: () => string): Router {
  const r = Router();
  const supervisor = requireRole(hall, ['supervisor', 'admin']);

  r.post('/ratings', async (req, res) => {
    const b = parse(schemas.rate, req.body);
    const { ticket, followUp } = await hall.run({
      type: 'rate',
      ticketId: b.ticketId,
      level: b.level,
      reasons: b.reasons ?? [],
      channel: b.channel ?? 'api',
      followUpId: newId(),
      ...(b.comment !== undefined && { comment: b.comment }),
      ...(b.phone !== undefined && { phone: b.phone }),
    });
    const reply: RatingReply = { ticketId: ticket!.id, number: ticket!.number, level: ticket!.rating!.level, channel: ticket!.rating!.channel, followUpId: followUp?.id ?? null };
    res.status(201).json(reply);
  });

  // The kiosk's 评价 entry and the pad find a visit by the number on the ticket.
  r.get('/tickets/by-number/:number', async (req, res) => {
    const number = String(req.params.number).toUpperCase();
    const view = await hall.read((d) => {
      const t = Object.values(d.tickets).find((x) => x.number === number);
      return t ? ({ ...ticketView(d, t), rated: Boolean(t.rating) } satisfies RatableTicket) : null;
    });
    if (!view) throw new HallError('unknown_ticket', 404, `今天没有 ${number} 号`);
    res.json(view);
  });

  r.get('/rating-reasons', (_req, res) => {
    res.json(hall.data.settings.ratings);
  });

  r.post('/comments', async (req, res) => {
    const b = parse(schemas.comment, req.body);
    const { comment } = await hall.run({ type: 'comment', id: newId(), kind: b.kind ?? 'comment', text: b.text, ...(b.contact !== undefined && { contact: b.contact }) });
    res.status(201).json({ id: comment!.id, at: comment!.at });
  });

  r.get('/comments', supervisor, async (_req, res) => {
    res.json(await hall.read((d) => [...d.comments].reverse()));
  });

  r.post('/comments/:id/reply', supervisor, async (req, res) => {
    const b = parse(schemas.reply, req.body);
    const { comment } = await hall.run({ type: 'reply', commentId: String(req.params.id), userId: authed(res).session.userId, text: b.text });
    res.json(comment);
  });

  r.get('/follow-ups', supervisor, async (req, res) => {
    const q = parse(schemas.followUpQuery, req.query);
    const status = q.status ?? 'all';
    res.json(
      await hall.read((d) =>
        d.followUps
          .filter((f) => status === 'all' || (status === 'open') === !f.closedAt)
          .map(
            (f): FollowUpView => ({
              ...f,
              overdue: followUpOverdue(f, hall.today()),
              serviceName: serviceById(d, f.serviceId)?.name ?? f.serviceId,
              counterName: f.counterId ? (counterById(d, f.counterId)?.name ?? f.counterId) : null,
              clerkName: f.clerkId ? (d.users.find((u) => u.id === f.clerkId)?.name ?? f.clerkId) : null,
            }),
          )
          .reverse(),
      ),
    );
  });

  r.post('/follow-ups/:id/call-back', supervisor, async (req, res) => {
    const b = parse(schemas.callBack, req.body);
    const { followUp } = await hall.run({ type: 'callBack', followUpId: String(req.params.id), userId: authed(res).session.userId, reached: b.reached, note: b.note });
    res.json(followUp);
  });

  r.post('/follow-ups/:id/resolve', supervisor, async (req, res) => {
    const b = parse(schemas.resolve, req.body);
    const { followUp } = await hall.run({ type: 'resolve', followUpId: String(req.params.id), userId: authed(res).session.userId, kind: b.kind, note: b.note, close: b.close ?? false });
    res.json(followUp);
  });

  r.get('/ratings/summary', supervisor, async (req, res) => {
    const { from, to } = dateRange(hall, req.query);
    const tickets = await ticketsBetween(hall, archive, from, to);
    const followUps = hall.data.followUps.filter((f) => f.day >= from && f.day <= to);
    res.json({ from, to, ...ratingFigures(tickets, followUps, hall.data.settings, hall.today(), dayNames(hall.data)) });
  });

  // A clerk's own ratings: level, reasons and comment, never the rater's contact.
  r.get('/me/ratings', requireRole(hall, ['clerk']), async (req, res) => {
    const { from, to } = dateRange(hall, req.query);
    const me = authed(res).session.userId;
    const mine = (await ticketsBetween(hall, archive, from, to)).filter((t) => t.clerkId === me && t.status === 'done');
    const d = hall.data;
    const reply: MyRatingsReply = {
      from,
      to,
      ...ratingFigures(mine, [], d.settings, hall.today(), dayNames(d)),
      ratings: mine
        .filter((t) => t.rating)
        .map((t) => ({ number: t.number, day: t.day, serviceName: serviceById(d, t.serviceId)?.name ?? t.serviceId, level: t.rating!.level, reasons: t.rating!.reasons, comment: t.rating!.comment ?? null, at: t.rating!.at }))
        .reverse(),
    };
    res.json(reply);
  });

  return r;
}
