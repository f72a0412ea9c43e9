// createApp(deps) → {server, hall, close()}. Receives every adapter; reads no env.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { isoLocal } from '../shared/core/time.ts';
import type { HallData, PrinterHealth } from '../shared/types.ts';
import { newId as defaultNewId } from './auth.ts';
import { Hall } from './hall.ts';
import { errorHandler, notFound, requireJson } from './http/errors.ts';
import { openApi } from './http/openapi.ts';
import { limitRoutes } from './http/limits.ts';
import { printerRoutes } from './http/printer.ts';
import { cancelRoutes } from './http/cancel.ts';
import { ratingRoutes } from './http/ratings.ts';
import { reportRoutes } from './http/reports.ts';
import { settingsRoutes } from './http/settings.ts';
import { originResolver } from './http/origin.ts';
import { publicRoutes } from './http/public.ts';
import { routesOn } from './http/route.ts';
import { staffRoutes } from './http/staff.ts';
import { statsRoutes } from './http/stats.ts';
import { voiceRoutes, type Voice } from './http/voice.ts';
import { Metrics } from './metrics.ts';
import { networkPrinter } from './printer/escpos.ts';
import { PrintService, type PrintServiceOptions } from './printer/service.ts';
import { createQueries } from './queries.ts';
import { countyLink, type CountyDeps } from './county/index.ts';
import { attachSockets } from './sockets/index.ts';
import type { Store } from './store/index.ts';
import { realTimers, type Timers } from './timers.ts';

export interface AppDeps {
  store: Store;
  clock?: () => number;
  /** A clock that never jumps; performance.now with the real clock, else `clock` itself. */
  monotonic?: () => number;
  seed: () => Promise<HallData>;
  /** Built pages (vite's outDir); pages answer 503 with a hint when it is missing. */
  distDir: string;
  publicUrl?: string;
  voice?: Voice | null;
  /** PRINTER from the environment; otherwise the printer in the hall's settings. */
  printerUri?: string;
  /** The printer adapter; ESC/POS over TCP unless told otherwise. */
  connectPrinter?: PrintServiceOptions['connect'];
  printTimeoutMs?: number;
  /** What the state pushes and printer rechecks wait on; real timers unless a test moves time itself. */
  timers?: Timers;
  newId?: () => string;
  log?: (msg: string) => void;
  /** 县中心: `link` from COUNTY_* (wins over 设置); fetch, random and timings for tests. */
  county?: { link?: CountyDeps['envLink']; fetch?: typeof fetch; random?: () => number; tuning?: CountyDeps['tuning'] };
}

export interface App {
  server: Server;
  hall: Hall;
  close(): Promise<void>;
}

const BODY_LIMIT = '32kb';
const PAGES = ['kiosk', 'display', 'clerk', 'supervisor', 'status', 'pad'] as const;

export async function createApp(deps: AppDeps): Promise<App> {
  const log = deps.log ?? ((m: string) => console.error(m));
  const clock = deps.clock ?? Date.now;
  const monotonic = deps.monotonic ?? (deps.clock ? deps.clock : () => performance.now());
  const hall = await Hall.open({ store: deps.store, clock, monotonic, seed: deps.seed, log });
  const queries = createQueries({ hall, archive: deps.store.archive });
  const metrics = new Metrics();
  const printing = new PrintService({
    settings: hall.view((s) => s.settings.printer),
    clock,
    formatTime: (ms) => hall.view((s) => isoLocal(ms, s.settings.timeZone)),
    record: async (r) => {
      await hall.run({ type: 'printed', ticketId: r.ticketId, ok: r.ok, ...(!r.ok && { error: r.message }) });
    },
    connect: deps.connectPrinter ?? networkPrinter,
    ...(deps.printerUri && { envUri: deps.printerUri }),
    ...(deps.printTimeoutMs && { timeoutMs: deps.printTimeoutMs }),
    ...(deps.timers && { timers: deps.timers }),
    log,
  });
  const printerHealth = (): PrinterHealth => ({ ...printing.current(), printedToday: hall.view((s) => s.today.printed ?? 0) });
  hall.onApplied((facts) => {
    for (const f of facts) if (f.type === 'PrinterChanged') printing.configure(f.printer);
  });

  const app = express();
  app.disable('x-powered-by');
  // API answers are live data: hashing every body for an ETag nobody revalidates costs
  // a SHA-1 per request. Static files keep their own ETags (express.static).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  const origin = originResolver(deps.publicUrl);
  const publicDeps = { hall, printing, newId: deps.newId ?? defaultNewId, origin };
  const api = express.Router();
  api.use(requireJson);
  api.use(express.json({ limit: BODY_LIMIT, strict: true }));
  // Every route on this one router, in the route table's groups: a request walks one
  // list of routes, not a chain of nested routers.
  limitRoutes(api, hall, log); // before the routes it guards: a refused request reaches nothing
  publicRoutes(api, publicDeps);
  staffRoutes(api, hall, queries, deps.timers ?? realTimers);
  printerRoutes(api, hall, printing, printerHealth, origin);
  ratingRoutes(api, hall, queries, deps.newId ?? defaultNewId);
  reportRoutes(api, hall, queries);
  settingsRoutes(api, hall, queries);
  statsRoutes(api, hall, queries);
  cancelRoutes(api, hall);
  voiceRoutes(api, hall, queries, deps.voice ?? null);
  const county = await countyLink({ hall, store: deps.store, timers: deps.timers ?? realTimers, clock, log, envLink: deps.county?.link ?? null, ...(deps.county?.fetch && { fetch: deps.county.fetch }), ...(deps.county?.random && { random: deps.county.random }), ...(deps.county?.tuning && { tuning: deps.county.tuning }) }, api);
  const ops = routesOn(api, hall);
  ops('openapi', () => openApi);
  ops('metrics', () => ({ ...metrics.snapshot(), tickets: hall.view((s) => Object.keys(s.tickets).length), sockets: sockets.io.engine.clientsCount }));
  ops('resetMetrics', () => metrics.reset());
  api.use(notFound);
  api.use(errorHandler(log));
  app.use('/api', api);

  // Pages: one built HTML entry each; the phone status page also answers /s/:id.
  const built = existsSync(path.join(deps.distDir, 'kiosk', 'index.html'));
  const page = (name: string) => path.join(deps.distDir, name, 'index.html');
  if (built) {
    app.use('/assets', express.static(path.join(deps.distDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
    for (const p of PAGES) app.get([`/${p}`, `/${p}/`], (_req, res) => res.sendFile(page(p)));
    app.get('/s/:id', (_req, res) => res.sendFile(page('status')));
    app.get('/kiosk/rate', (_req, res) => res.sendFile(page('pad'))); // the window's rating pad: /kiosk/rate?counter=3
    app.get('/', (_req, res) => res.sendFile(path.join(deps.distDir, 'index.html')));
  } else {
    app.use((_req, res) => {
      res.status(503).type('text/plain; charset=utf-8').send('页面尚未构建：请先运行 npm run build（npm start 会自动构建）。\nPages are not built: run npm run build.');
    });
  }

  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  const sockets = attachSockets(server, hall, printing, printerHealth, queries, deps.timers ?? realTimers);
  county.attach(sockets.io);

  return {
    server,
    hall,
    async close() {
      await sockets.close(); // also closes the HTTP server
      server.closeAllConnections();
      printing.close();
      county.shipper.stop();
      await hall.close();
      metrics.close();
    },
  };
}
