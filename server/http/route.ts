// Registers a route of the table (shared/routes.ts) on a router: its access check, then
// its path parameters, query and body parsed with the route's schemas (400 with the
// field and what is wrong), then the handler with typed input, then the reply with the
// route's status. A handler that answers itself (files, CSV, sound) returns nothing.
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { paths, type RouteName } from '../../shared/paths.ts';
import { routes, type CallReply, type RouteDef, type RouteInput } from '../../shared/routes.ts';
import type { Hall } from '../hall.ts';
import { requireOwnCounter, requireRole } from './access.ts';
import { parse } from './validate.ts';

export type Handler<N extends RouteName> = (input: RouteInput<N>, req: Request, res: Response) => Promise<CallReply<N> | void> | CallReply<N> | void;

const afterReply = new WeakMap<Response, (() => void)[]>();

/** Runs `fn` once the reply has been handed to the socket, or failed to be: even when the client has gone. */
export function after(res: Response, fn: () => void): void {
  const list = afterReply.get(res);
  if (list) list.push(fn);
  else afterReply.set(res, [fn]);
}

/** Each parameter on its own, so a bad one reads as today's message, without a field prefix. */
function parseParams(schema: z.ZodObject | undefined, raw: Record<string, string>): Record<string, unknown> {
  if (!schema) return {};
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, s] of Object.entries(schema.shape)) out[key] = parse(s as z.ZodType, raw[key]);
  return out;
}

export type On = <N extends RouteName>(name: N, handler: Handler<N>) => void;

/** `on(name, handler)` for routes mounted under /api on `router`. */
export function routesOn(router: Router, hall: Hall): On {
  return (name, handler) => {
    const { method, path } = paths[name];
    const def: RouteDef = routes[name];
    const guard = def.access === 'public' ? [] : def.access === 'ownCounter' ? [requireOwnCounter(hall)] : [requireRole(hall, [...def.access])];
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[verb](path.slice('/api'.length), ...guard, async (req: Request, res: Response) => {
      const input = {
        params: parseParams(def.params, req.params as Record<string, string>),
        query: def.query ? parse(def.query, req.query) : {},
        body: def.body ? parse(def.body, req.body) : {},
      } as RouteInput<typeof name>;
      const out = await handler(input, req, res);
      try {
        if (!res.headersSent) {
          if (def.status === 204) res.status(204).end();
          else res.status(def.status ?? 200).json(out);
        }
      } finally {
        for (const fn of afterReply.get(res) ?? []) fn();
      }
    });
  };
}
