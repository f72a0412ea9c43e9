// Sign-in and the clerk's window actions. Each handler: validate, one hall call, reply.
import type { Router, Response } from 'express';
import { HallError } from '../../shared/core/errors.ts';
import { counterState, staffTicket } from '../../shared/core/views.ts';
import type { HallData, SessionReply } from '../../shared/types.ts';
import { hashPassword, newToken, tokenHash, verifyPassword } from '../auth.ts';
import type { Hall, Order } from '../hall.ts';
import type { Queries } from '../queries.ts';
import { authed } from './access.ts';
import { routesOn } from './route.ts';
import { SignInThrottle } from './throttle.ts';
import type { Timers } from '../timers.ts';

const SESSION_HOURS = 16; // a working day with overtime; clerks sign in each day (签到)

/**
 * A paused sign-in is answered only after this long: a client looping over guesses then
 * sends one a second instead of thousands, and the kiosks keep their share of the CPU.
 */
const TARPIT_MS = 1000;

/** Registers its routes on `r`, the one API router. */
export function staffRoutes(r: Router, hall: Hall, queries: Queries, timers: Timers): void {
  const on = routesOn(r, hall);
  // Compared against when the username is unknown, so timing does not tell which it was.
  let dummyHash: Promise<string> | null = null;

  const throttle = new SignInThrottle(() => hall.now());

  on('signIn', async ({ body }, req) => {
    const address = req.ip ?? '';
    try {
      throttle.check(body.username, address); // before any hashing
    } catch (e) {
      await new Promise<void>((resolve) => timers.setTimeout(resolve, TARPIT_MS));
      throw e;
    }
    let user: Awaited<ReturnType<Queries['account']>>;
    let ok: boolean;
    try {
      user = await queries.account(body.username);
      ok = await verifyPassword(body.password, user?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-password'))));
    } catch (e) {
      throttle.abandoned(body.username, address);
      throw e;
    }
    if (!user || !ok) {
      const paused = throttle.failed(body.username, address);
      if (paused) {
        const minutes = Math.round(paused.pauseMs / 60_000);
        await hall.run({ type: 'signInPaused', username: body.username.slice(0, 64), address, what: paused.what, failures: paused.failures, minutes }).catch(() => {});
      }
      throw new HallError('bad_credentials', 401, '用户名或密码不正确');
    }
    throttle.succeeded(body.username, address);
    const token = newToken();
    const { role } = await hall.run({
      type: 'signIn',
      userId: user.id,
      counterId: body.counterId ?? null,
      tokenHash: tokenHash(token),
      expiresAtMs: hall.now() + SESSION_HOURS * 3_600_000,
    });
    const session = hall.session(token)!;
    return { token, role: role!, counterId: session.counterId, user: { id: user.id, name: user.name, staffNo: user.staffNo } } satisfies SessionReply;
  });

  on('session', async (_in, _req, res) => {
    const { session } = authed(res);
    const user = (await queries.user(session.userId))!;
    return { role: session.role, counterId: session.counterId, user: { id: user.id, name: user.name, staffNo: user.staffNo } };
  });

  on('signOut', async (_in, _req, res) => {
    await hall.run({ type: 'signOut', tokenHash: tokenHash(authed(res).token) });
  });

  /** The window as its console shows it; gone between the access check and now: 404. */
  const windowState = (counterId: string, d?: HallData) => {
    const state = d ? counterState(d, counterId, hall.now()) : hall.view((s) => counterState(s, counterId, hall.now()));
    if (!state) throw new HallError('unknown_counter', 404, `没有 ${counterId} 号窗口`);
    return state;
  };
  const by = (res: Response) => authed(res).session.userId;
  /** An action on the window's current ticket, which the hall refuses when there is none. */
  const act = async (order: Order) => {
    const { ticket } = await hall.run(order);
    return { ticket: hall.view((s) => staffTicket(s, ticket!, hall.now())) };
  };

  on('counterState', ({ params }) => hall.read((d) => windowState(params.counterId, d)));

  // Each action is its own route: the clerk's own window (401, 404, 403), then the body
  // (400), then one hall command. Any other action name is an unknown URL (404).
  on('next', async ({ params: { counterId } }, _req, res) => {
    const { ticket } = await hall.run({ type: 'next', counterId, userId: by(res) });
    return { ticket: ticket ? hall.view((s) => staffTicket(s, ticket, hall.now())) : null };
  });
  on('recall', ({ params: { counterId } }, _req, res) => act({ type: 'recall', counterId, userId: by(res) }));
  on('start', ({ params: { counterId } }, _req, res) => act({ type: 'start', counterId, userId: by(res) }));
  on('noShow', ({ params: { counterId } }, _req, res) => act({ type: 'noShow', counterId, userId: by(res) }));
  on('complete', ({ params: { counterId }, body: b }, _req, res) =>
    act({ type: 'complete', counterId, userId: by(res), outcome: b.outcome ?? 'immediate', ...(b.note !== undefined && { note: b.note }), ...(b.notify && { notify: b.notify }) }),
  );
  on('reopen', ({ params: { counterId } }, _req, res) => act({ type: 'reopen', counterId, userId: by(res) }));
  on('transfer', ({ params: { counterId }, body }, _req, res) => act({ type: 'transfer', counterId, userId: by(res), serviceId: body.serviceId }));
  on('reinstate', ({ params: { counterId }, body }, _req, res) => act({ type: 'reinstate', counterId, userId: by(res), ticketId: body.ticketId }));

  on('pause', async ({ params: { counterId }, body }, _req, res) => {
    await hall.run({ type: 'pause', counterId, userId: by(res), reason: body.reason ?? '' });
    return { counter: windowState(counterId) };
  });
  on('resume', async ({ params: { counterId } }, _req, res) => {
    await hall.run({ type: 'resume', counterId, userId: by(res) });
    return { counter: windowState(counterId) };
  });

}
