// The county center: createCenter({db, clock, …}) → {server, close()}. Halls ship their
// facts here (ingest.ts); county staff sign in to the board, reports, warnings and 督办.
import express from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { Server } from 'socket.io';
import { MAX_BODY_BYTES } from '../shared/county/wire.ts';
import { HallError } from '../shared/core/errors.ts';
import { body as errorBody, errorReply, notFound, requireJson } from '../server/http/errors.ts';
import { Accounts } from './accounts.ts';
import { AccountsAdmin } from './accountsAdmin.ts';
import { accountRoutes } from './accountsRoutes.ts';
import type { DB } from './db/schema.ts';
import { Halls } from './halls.ts';
import { bearer, countyOn } from './http/route.ts';
import { Ingest, SeqMismatchError, type Projector } from './ingest.ts';
import { Mirrors } from './mirror.ts';
import { Notices } from './notices.ts';
import { setEmptyWindowMin, Warnings } from './warnings/service.ts';
import { reportRoutes } from './reportRoutes.ts';
import { reportProjector } from './reportProjector.ts';
import { BoardPush } from './board.ts';
import type { CountyClientToServer, CountyServerToClient } from '../shared/county/events.ts';
import { realTimers, type Timers } from '../server/timers.ts';

export interface CenterDeps {
  db: Kysely<DB>;
  clock?: () => number;
  /** Built county page (dist-county/, vite.county.config.ts): dist-county/county/index.html. */
  distDir?: string;
  log?: (m: string) => void;
  adminPassword?: string;
  timers?: Timers;
}

export interface Center {
  server: HttpServer;
  io: Server<CountyClientToServer, CountyServerToClient>;
  db: Kysely<DB>;
  accounts: Accounts;
  halls: Halls;
  mirrors: Mirrors;
  warnings: Warnings;
  notices: Notices;
  /** The password given to `county-admin` on a new database; null otherwise. */
  initialPassword: string | null;
  close(): Promise<void>;
}

export async function createCenter(deps: CenterDeps): Promise<Center> {
  const { db } = deps;
  const clock = deps.clock ?? Date.now;
  const log = deps.log ?? ((m: string) => console.error(m));
  const accounts = new Accounts(db, clock);
  const initialPassword = await accounts.ensureAdmin(deps.adminPassword);
  const mirrors = new Mirrors(db);
  await mirrors.loadAll();
  const halls = new Halls(db, mirrors, clock);
  const warnings = new Warnings({ db, mirrors, clock, log, onChange: () => board.changed() });
  await warnings.load();
  const notices = new Notices(db, clock);
  const projectors: Projector[] = [reportProjector, warnings.projector, notices.projector];
  const ingest = new Ingest({
    db,
    mirrors,
    clock,
    projectors,
    onIngested: (hallId) => {
      board.changed();
      warnings.afterBatch(hallId);
    },
  });
  /** The halls as the list and the board show them, with their open warnings. */
  const listHalls = () => halls.list((id) => warnings.openCount(id));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  const api = express.Router();
  api.use(requireJson);
  api.use(express.json({ limit: MAX_BODY_BYTES, strict: true }));
  const on = countyOn(api, accounts);

  on('health', () => ({ status: 'ok' }));
  on('signIn', ({ body }) => accounts.signIn(body.username, body.password));
  on('session', ({ session }) => ({ role: session!.role }));
  on('signOut', async (_in, req) => {
    await accounts.signOut(bearer(req)!);
  });
  on('halls', () => listHalls());
  on('addHall', async ({ body, session }) => {
    const hall = await halls.add(body.name);
    await accounts.audit(session!.userId, 'add_hall', { hallId: hall.id, name: hall.name });
    board.changed();
    return hall;
  });
  on('revokeHall', async ({ params, session }) => {
    await halls.revoke(params.id);
    await accounts.audit(session!.userId, 'revoke_hall', { hallId: params.id });
    await warnings.recompute(params.id);
    board.changed();
    return { ok: true };
  });
  accountRoutes(on, { accounts, halls, admin: new AccountsAdmin(db, clock), changed: () => board.changed() });
  on('ingest', (_in, req) => ingest.handle(req.headers.authorization, req.body));
  on('warnings', ({ query }) => (query.state === 'closed' ? warnings.closed(query.hallId) : warnings.list(query.hallId)));
  on('thresholds', async ({ params }) => {
    const row = await db.selectFrom('halls').select('empty_window_min').where('id', '=', params.id).executeTakeFirst();
    if (!row) throw new HallError('unknown_hall', 404, '没有这个大厅');
    return { emptyWindowMin: row.empty_window_min };
  });
  on('setThresholds', async ({ params, body, session }) => {
    await setEmptyWindowMin(db, params.id, body.emptyWindowMin);
    await accounts.audit(session!.userId, 'set_thresholds', { hallId: params.id, emptyWindowMin: body.emptyWindowMin });
    await warnings.recompute(params.id);
    return { emptyWindowMin: body.emptyWindowMin };
  });
  on('notices', ({ query }) => notices.list(query.hallId));
  on('sendNotice', async ({ body, session }) => {
    const sent = await notices.send(body.hallId, body.text, body.warningId, session!.userId, (w, h) => warnings.belongsTo(w, h));
    await accounts.audit(session!.userId, 'send_notice', { hallId: body.hallId, noticeId: sent.id, ...(body.warningId && { warningId: body.warningId }) });
    // The board shows each hall's unanswered notices.
    board.changed();
    return sent;
  });
  reportRoutes(on, db, mirrors);

  api.use(notFound);
  api.use(((err, _req, res, _next) => {
    const r = errorReply(err, log);
    if (err instanceof SeqMismatchError) res.status(409).json({ error: { ...r.body.error, expected: err.expected } });
    else res.status(r.status).json(r.body);
  }) as express.ErrorRequestHandler);
  app.use('/api', api);

  const page = deps.distDir ? path.join(deps.distDir, 'county', 'index.html') : null;
  if (page && existsSync(page)) {
    app.use('/assets', express.static(path.join(deps.distDir!, 'assets'), { immutable: true, maxAge: '365d', index: false }));
    app.get(['/', '/county', '/county/'], (_req, res) => res.sendFile(page));
  } else {
    app.use((_req, res) => {
      res.status(503).type('text/plain; charset=utf-8').send('页面尚未构建：请先运行 npm run build。\nPages are not built: run npm run build.');
    });
  }

  const server = createServer(app);
  const io: Server<CountyClientToServer, CountyServerToClient> = new Server(server, { serveClient: false });
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    accounts.session(typeof token === 'string' ? token : undefined).then(
      (s) => (s ? next() : next(new Error(JSON.stringify(errorBody('unauthorized', '请先登录县中心'))))),
      () => next(new Error('unavailable')),
    );
  });
  const board = new BoardPush(io, listHalls, deps.timers ?? realTimers, log);

  const stopRecheck = warnings.start(deps.timers ?? realTimers);
  await warnings.recomputeAll();

  return {
    server,
    io,
    db,
    accounts,
    halls,
    mirrors,
    warnings,
    notices,
    initialPassword,
    async close() {
      stopRecheck();
      board.close();
      await io.close();
      server.closeAllConnections();
      await db.destroy();
    },
  };
}
