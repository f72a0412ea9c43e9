// Registers a route of the county's table (shared/county/routes.ts): access, then the
// parameters, query and body parsed with the route's schemas, then the handler, then the
// reply with the route's status.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { HallError } from '../../shared/core/errors.ts';
import { countyRoutes, type CountyRoute, type CountyRouteName } from '../../shared/county/routes.ts';
import { parse } from '../../server/http/validate.ts';
import type { Accounts, CountySession } from '../accounts.ts';

type Parsed<S> = S extends z.ZodObject ? z.output<S> : Record<string, never>;
type R<N extends CountyRouteName> = (typeof countyRoutes)[N];
export interface Input<N extends CountyRouteName> {
  params: Parsed<R<N> extends { params: infer P } ? P : undefined>;
  query: Parsed<R<N> extends { query: infer Q } ? Q : undefined>;
  body: Parsed<R<N> extends { body: infer B } ? B : undefined>;
  /** The signed-in county account; null on public and hall routes. */
  session: CountySession | null;
}

export type Handler<N extends CountyRouteName> = (input: Input<N>, req: Request, res: Response) => Promise<unknown> | unknown;

export const bearer = (req: Request) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];

export function countyOn(router: Router, accounts: Accounts) {
  return <N extends CountyRouteName>(name: N, handler: Handler<N>) => {
    const def: CountyRoute = countyRoutes[name];
    const verb = def.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[verb](def.path.slice('/api'.length), async (req: Request, res: Response) => {
      let session: CountySession | null = null;
      if (Array.isArray(def.access)) {
        session = await accounts.session(bearer(req));
        if (!session) throw new HallError('unauthorized', 401, '请先登录县中心');
        if (!def.access.includes(session.role)) throw new HallError('forbidden', 403, '当前账号没有这项权限');
      }
      const input = {
        params: def.params ? parse(def.params, req.params) : {},
        query: def.query ? parse(def.query, req.query) : {},
        body: def.body ? parse(def.body, req.body) : {},
        session,
      } as Input<N>;
      const out = await handler(input, req, res);
      if (res.headersSent) return;
      if (def.status === 204) res.status(204).end();
      else res.status(def.status ?? 200).json(out);
    });
  };
}
