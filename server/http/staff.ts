// Sign-in and the clerk's window actions. Each handler: validate, one hall call, reply.
import { Router } from 'express';
import type { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';
import type { SessionReply } from '../../shared/types.ts';
import { counterState, staffTicket } from '../../shared/core/views.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from '../auth.ts';
import type { Hall, Order } from '../hall.ts';
import { authed, requireOwnCounter, requireRole } from './access.ts';
import { parse, schemas } from './validate.ts';

const SESSION_HOURS = 16; // a working day with overtime; clerks sign in each day (签到)

/** Clerk actions by URL segment: body schema and the command it becomes. */
const actions: Record<string, { schema: z.ZodType; order: (counterId: string, userId: string, body: any) => Order }> = {
  next: { schema: schemas.empty, order: (counterId, userId) => ({ type: 'next', counterId, userId }) },
  recall: { schema: schemas.empty, order: (counterId, userId) => ({ type: 'recall', counterId, userId }) },
  start: { schema: schemas.empty, order: (counterId, userId) => ({ type: 'start', counterId, userId }) },
  'no-show': { schema: schemas.empty, order: (counterId, userId) => ({ type: 'noShow', counterId, userId }) },
  complete: {
    schema: schemas.complete,
    order: (counterId, userId, b: z.output<typeof schemas.complete>) => ({ type: 'complete', counterId, userId, outcome: b.outcome ?? 'immediate', ...(b.note !== undefined && { note: b.note }) }),
  },
  transfer: { schema: schemas.transfer, order: (counterId, userId, b: z.output<typeof schemas.transfer>) => ({ type: 'transfer', counterId, userId, serviceId: b.serviceId }) },
  reinstate: { schema: schemas.reinstate, order: (counterId, userId, b: z.output<typeof schemas.reinstate>) => ({ type: 'reinstate', counterId, userId, ticketId: b.ticketId }) },
  pause: { schema: schemas.pause, order: (counterId, userId, b: z.output<typeof schemas.pause>) => ({ type: 'pause', counterId, userId, reason: b.reason ?? '' }) },
  resume: { schema: schemas.empty, order: (counterId, userId) => ({ type: 'resume', counterId, userId }) },
};

export function staffRoutes(hall: Hall): Router {
  const r = Router();
  // Compared against when the username is unknown, so timing does not tell which it was.
  let dummyHash: Promise<string> | null = null;

  r.post('/session', async (req, res) => {
    const body = parse(schemas.signIn, req.body);
    const user = hall.data.users.find((u) => u.username === body.username);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-password'))));
    if (!user || !ok) throw new HallError('bad_credentials', 401, '用户名或密码不正确');
    const token = newToken();
    const { role } = await hall.run({
      type: 'signIn',
      userId: user.id,
      counterId: body.counterId ?? null,
      tokenHash: tokenHash(token),
      expiresAtMs: hall.now() + SESSION_HOURS * 3_600_000,
    });
    const session = hall.session(token)!;
    const reply: SessionReply = { token, role: role!, counterId: session.counterId, user: { id: user.id, name: user.name, staffNo: user.staffNo } };
    res.json(reply);
  });

  r.get('/session', requireRole(hall, ['admin', 'supervisor', 'clerk']), (_req, res) => {
    const { session } = authed(res);
    const user = hall.data.users.find((u) => u.id === session.userId)!;
    res.json({ role: session.role, counterId: session.counterId, user: { id: user.id, name: user.name, staffNo: user.staffNo } });
  });

  r.delete('/session', requireRole(hall, ['admin', 'supervisor', 'clerk']), async (_req, res) => {
    await hall.run({ type: 'signOut', tokenHash: tokenHash(authed(res).token) });
    res.status(204).end();
  });

  r.get('/counters/:id/state', requireOwnCounter(hall), async (req, res) => {
    res.json(await hall.read((d) => counterState(d, String(req.params.id))));
  });

  // One route per action: the clerk's own window (401, 404, 403), then the body (400),
  // then one hall command. Any other action name is just an unknown URL (404).
  for (const [name, action] of Object.entries(actions)) {
    r.post(`/counters/:id/${name}`, requireOwnCounter(hall), async (req, res) => {
      const counterId = String(req.params.id);
      const order = action.order(counterId, authed(res).session.userId, parse(action.schema, req.body));
      const { ticket } = await hall.run(order);
      if (order.type === 'pause' || order.type === 'resume') res.json({ counter: counterState(hall.data, counterId) });
      else res.json({ ticket: ticket ? staffTicket(hall.data, ticket) : null });
    });
  }

  return r;
}
