// Who may call what: bearer sessions, roles, and a clerk's own window.
import type { RequestHandler, Response } from 'express';
import { counterById } from '../../shared/core/state.ts';
import { HallError } from '../../shared/core/errors.ts';
import type { Role, Session } from '../../shared/types.ts';
import type { Hall } from '../hall.ts';

export interface Authed {
  session: Session;
  token: string;
}

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export const authed = (res: Response): Authed => res.locals as Authed;

/** Any signed-in staff member of one of `roles`. */
export function requireRole(hall: Hall, roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const token = bearer(req.headers.authorization);
    const session = token ? hall.session(token) : null;
    if (!session) throw new HallError('unauthorized', 401, '请先登录');
    if (!roles.includes(session.role)) throw new HallError('forbidden', 403, '您的账号没有此项权限');
    Object.assign(res.locals, { session, token: token! } satisfies Authed);
    next();
  };
}

/** A clerk acting at the window they signed in at: 401, then 404, then 403. */
export function ownCounter(hall: Hall, authorization: string | undefined, counterId: string): Authed {
  const token = bearer(authorization);
  const session = token ? hall.session(token) : null;
  if (!session) throw new HallError('unauthorized', 401, '请先登录');
  if (!hall.view((s) => counterById(s, counterId))) throw new HallError('unknown_counter', 404, `没有 ${counterId} 号窗口`);
  if (session.role !== 'clerk' || session.counterId !== counterId) {
    throw new HallError('forbidden', 403, '只能操作您签到的窗口');
  }
  return { session, token: token! };
}

export function requireOwnCounter(hall: Hall): RequestHandler {
  return (req, res, next) => {
    Object.assign(res.locals, ownCounter(hall, req.headers.authorization, String(req.params.counterId)));
    next();
  };
}
