// 好差评 and 意见簿: rating a visit (any channel), the supervisor's follow-up cases and
// comment book, and a clerk's view of their own ratings (never who gave them).
import type { Router } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { PAGE_SIZE, parseCursor } from '../../shared/core/commentBook.ts';
import type { RatingReply } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { padCounter } from '../../shared/core/state.ts';
import { newToken, tokenHash } from '../auth.ts';
import { authed, bearer } from './access.ts';
import { KeyGuard } from './keyGuard.ts';
import { routesOn } from './route.ts';
import { dateRange } from './stats.ts';
import * as schemas from '../../shared/schemas.ts';
import { parse } from './validate.ts';

/** Registers its routes on `r`, the one API router. */
export function ratingRoutes(r: Router, hall: Hall, queries: Queries, newId: () => string): void {
  const on = routesOn(r, hall);

  const keys = new KeyGuard(() => hall.now());

  // The rater must hold the visit: its 评价码, or the paired pad of the window that
  // served it (its token as the bearer). Wrong keys are counted per ticket and address.
  on('rate', async ({ body: b }, req) => {
    const bearerToken = bearer(req.headers.authorization);
    const pad = bearerToken ? hall.view((s) => padCounter(s, tokenHash(bearerToken))) : null;
    const address = req.ip ?? '';
    if (pad === null) keys.check(b.ticketId, address);
    try {
      const { ticket, followUp } = await hall.run({
        type: 'rate',
        ticketId: b.ticketId,
        ...(b.key !== undefined && { key: b.key }),
        ...(pad !== null && { pad }),
        level: b.level,
        reasons: b.reasons ?? [],
        channel: b.channel ?? (pad !== null ? 'pad' : 'api'),
        followUpId: newId(),
        ...(b.comment !== undefined && { comment: b.comment }),
        ...(b.phone !== undefined && { phone: b.phone }),
      });
      return { ticketId: ticket!.id, number: ticket!.number, level: ticket!.rating!.level, channel: ticket!.rating!.channel, followUpId: followUp?.id ?? null } satisfies RatingReply;
    } catch (e) {
      if (pad === null && e instanceof HallError && e.code === 'not_your_ticket') keys.failed(b.ticketId, address);
      throw e;
    }
  });

  on('pads', () =>
    hall.read((d) =>
      Object.values(d.pads ?? {}).map((p) => ({
        counterId: p.counterId,
        counterName: d.counters.find((c) => c.id === p.counterId)?.name ?? p.counterId,
        at: p.at,
        byName: d.users.find((u) => u.id === p.by)?.name ?? p.by,
      })),
    ),
  );

  // Pairing gives the pad its own token: no staff session stays on the device.
  on('pairPad', async ({ body }, _req, res) => {
    const token = newToken();
    await hall.run({ type: 'pairPad', counterId: body.counterId, tokenHash: tokenHash(token), userId: authed(res).session.userId });
    const counterName = hall.view((d) => d.counters.find((c) => c.id === body.counterId)?.name ?? body.counterId);
    return { token, counterId: body.counterId, counterName };
  });

  on('unpairPad', async ({ params }, _req, res) => {
    await hall.run({ type: 'unpairPad', counterId: params.counterId, userId: authed(res).session.userId });
  });

  // The kiosk's 评价 entry and the pad find a visit by the number on the ticket.
  on('ticketByNumber', async (_in, req, res) => {
    const number = String(req.params.number).toUpperCase();
    const view = await queries.ratableTicket(number);
    if (!view) throw new HallError('unknown_ticket', 404, `今天没有 ${number} 号`);
    res.json(view);
  });

  on('ratingReasons', async (_in, _req, res) => {
    res.json(await queries.ratingReasons());
  });

  on('comment', async (_in, req, res) => {
    const b = parse(schemas.comment, req.body);
    const { comment } = await hall.run({ type: 'comment', id: newId(), kind: b.kind ?? 'comment', text: b.text, ...(b.contact !== undefined && { contact: b.contact }) });
    res.status(201).json({ id: comment!.id, at: comment!.at });
  });

  on('comments', ({ query }) => {
    const before = query.before === undefined ? null : parseCursor(query.before);
    if (query.before !== undefined && !before) throw new HallError('invalid_request', 400, '翻页位置无效，请从第一页重新查看');
    return queries.comments({ before, limit: query.limit ?? PAGE_SIZE, unansweredOnly: query.status === 'unanswered' });
  });

  on('replyComment', async (_in, req, res) => {
    const b = parse(schemas.reply, req.body);
    const commentId = String(req.params.id);
    // A comment archived with its day is looked up there; the rules bring it back.
    const live = await hall.read((d) => d.comments.some((c) => c.id === commentId) || (d.closing ?? []).some((x) => x.comments?.some((c) => c.id === commentId)));
    const archived = live ? null : await queries.archivedComment(commentId);
    const { comment } = await hall.run({ type: 'reply', commentId, userId: authed(res).session.userId, text: b.text, ...(archived && { archived }) });
    res.json(comment);
  });

  on('followUps', async (_in, req, res) => {
    res.json(await queries.followUps(parse(schemas.followUpQuery, req.query).status ?? 'all'));
  });

  on('callBack', async (_in, req, res) => {
    const b = parse(schemas.callBack, req.body);
    const { followUp } = await hall.run({ type: 'callBack', followUpId: String(req.params.id), userId: authed(res).session.userId, reached: b.reached, note: b.note });
    res.json(followUp);
  });

  on('resolve', async (_in, req, res) => {
    const b = parse(schemas.resolve, req.body);
    const { followUp } = await hall.run({ type: 'resolve', followUpId: String(req.params.id), userId: authed(res).session.userId, kind: b.kind, note: b.note, close: b.close ?? false });
    res.json(followUp);
  });

  // 申诉复核: the clerk rated appeals, a supervisor reviews; the rules check who may.
  on('appeal', async ({ params, body }, _req, res) => {
    const { followUp } = await hall.run({ type: 'appeal', followUpId: params.id, userId: authed(res).session.userId, reason: body.reason });
    return followUp!;
  });
  on('reviewAppeal', async ({ params, body }, _req, res) => {
    const { followUp } = await hall.run({ type: 'reviewAppeal', followUpId: params.id, userId: authed(res).session.userId, verdict: body.verdict, reason: body.reason });
    return followUp!;
  });

  on('ratingSummary', async (_in, req, res) => {
    res.json(await queries.satisfaction(dateRange(hall, req.query)));
  });

  // A clerk's own ratings: level, reasons and comment, never the rater's contact.
  on('myRatings', async (_in, req, res) => {
    res.json(await queries.clerkRatings(authed(res).session.userId, dateRange(hall, req.query)));
  });

}
