// Sign-in and the clerk's window actions. Each handler: validate, one hall call, reply.
import { Router } from 'express';
import type { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';
import type { SessionReply } from '../../shared/types.ts';
import { counterState, staffTicket } from '../../shared/core/views.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from '../auth.ts';
import type { Hall, Order } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed, ownCounter, requireOwnCounter, requireRole } from './access.ts';
import { sendReply, type JsonHandler, type Reply } from './fast.ts';
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

export const clerkActions = Object.keys(actions);

/** The URLs counterAction answers, for the fast path: /api/counters/<id>/<action>. */
export const COUNTER_ACTION_PATH = /^\/api\/counters\/([A-Za-z0-9_-]{1,64})\/([a-z-]{1,20})$/;

/**
 * POST /api/counters/:id/:action with params [id, action]: the clerk's own window
 * (401, 404, 403), then the action (404), then its body (400), then one hall command.
 * Served by Express and, for plain requests, by the fast path in app.ts.
 */
export function counterAction(hall: Hall): JsonHandler {
  return async (raw, req, [counterId, actionName]): Promise<Reply> => {
    const { session } = ownCounter(hall, req.headers.authorization, counterId!);
    const action = Object.hasOwn(actions, actionName!) ? actions[actionName!] : undefined;
    if (!action) throw new HallError('not_found', 404, '没有这个窗口操作');
    const order = action.order(counterId!, session.userId, parse(action.schema, raw));
    const { ticket } = await hall.run(order);
    if (order.type === 'pause' || order.type === 'resume') return { status: 200, body: { counter: hall.view((s) => counterState(s, counterId!)) } };
    return { status: 200, body: { ticket: ticket ? hall.view((s) => staffTicket(s, ticket)) : null } };
  };
}

export function staffRoutes(hall: Hall, queries: Queries): Router {
  const r = Router();
  // Compared against when the username is unknown, so timing does not tell which it was.
  let dummyHash: Promise<string> | null = null;

  r.post('/session', async (req, res) => {
    const body = parse(schemas.signIn, req.body);
    const user = await queries.account(body.username);
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

  r.get('/session', requireRole(hall, ['admin', 'supervisor', 'clerk']), async (_req, res) => {
    const { session } = authed(res);
    const user = (await queries.user(session.userId))!;
    res.json({ role: session.role, counterId: session.counterId, user: { id: user.id, name: user.name, staffNo: user.staffNo } });
  });

  r.delete('/session', requireRole(hall, ['admin', 'supervisor', 'clerk']), async (_req, res) => {
    await hall.run({ type: 'signOut', tokenHash: tokenHash(authed(res).token) });
    res.status(204).end();
  });

  r.get('/counters/:id/state', requireOwnCounter(hall), async (req, res) => {
    res.json(await hall.read((d) => counterState(d, String(req.params.id))));
  });

  const act = counterAction(hall);
  r.post('/counters/:id/:action', async (req, res) => {
    sendReply(res, await act(req.body, req, [String(req.params.id), String(req.params.action)]));
  });

  return r;
}
