// The real app on a random port with real lowdb/journal files in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { createApp, type App, type AppDeps } from '../server/app.ts';
import { seedDemoHall } from '../server/seed.ts';
import { fileStore, type Store } from '../server/store/index.ts';
import type { Timers } from '../server/timers.ts';
import type { ClientToServer, ServerToClient, SocketAuth } from '../shared/events.ts';
import type { LimitSettings } from '../shared/types.ts';

export const PASSWORD = 'test-pass';

export interface Harness {
  app: App;
  url: string;
  dir: string;
  request(method: string, p: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  signIn(username: string, counterId?: string): Promise<string>;
  socket(auth: SocketAuth): Promise<Socket<ServerToClient, ClientToServer>>;
  close(): Promise<void>;
}

export const tempDir = (name = 'hall') => mkdtempSync(path.join(tmpdir(), `${name}-`));

/**
 * Every request of a test comes from 127.0.0.1, standing for all the hall's kiosks and
 * phones at once, many of them within one instant of a fixed clock: the tests' hall
 * lifts the per-address limits on takes and comments. A test of the limits themselves
 * passes `limits: 'demo'` (the seeded defaults) or its own.
 */
export const LIFTED_LIMITS: LimitSettings = { takesPerMinute: 100_000, commentsPerHour: 100_000 };

/** `clock` and `timers` together (a ManualClock) let a test move the server's time itself. */
export async function startHall(opts: { dir?: string; clock?: () => number; monotonic?: () => number; timers?: Timers; printerUri?: string; printTimeoutMs?: number; connectPrinter?: AppDeps['connectPrinter']; wrapStore?: (s: Store) => Store; limits?: LimitSettings | 'demo'; voice?: AppDeps['voice']; county?: AppDeps['county'] } = {}): Promise<Harness> {
  const dir = opts.dir ?? tempDir();
  const clock = opts.clock ?? Date.now;
  const files = await fileStore(dir);
  const store = opts.wrapStore ? opts.wrapStore(files) : files;
  const app = await createApp({
    store,
    clock,
    distDir: path.join(dir, 'no-pages'),
    seed: async () => {
      const { data } = await seedDemoHall(clock(), PASSWORD);
      if (opts.limits !== 'demo') data.settings.limits = { ...(opts.limits ?? LIFTED_LIMITS) };
      return data;
    },
    log: () => {},
    ...(opts.printerUri && { printerUri: opts.printerUri }),
    ...(opts.printTimeoutMs && { printTimeoutMs: opts.printTimeoutMs }),
    ...(opts.timers && { timers: opts.timers }),
    ...(opts.monotonic && { monotonic: opts.monotonic }),
    ...(opts.connectPrinter && { connectPrinter: opts.connectPrinter }),
    ...(opts.voice && { voice: opts.voice }),
    ...(opts.county && { county: opts.county }),
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];

  const h: Harness = {
    app,
    url,
    dir,
    request: (method, p, body, token, headers) => requestJson(url, method, p, body, token, headers),
    async signIn(username, counterId) {
      const r = await h.request('POST', '/api/session', { username, password: PASSWORD, ...(counterId && { counterId }) });
      if (r.status !== 200) throw new Error(`sign in ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    socket(auth) {
      const s: Socket<ServerToClient, ClientToServer> = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s as Socket);
      // Record from the start: the server sends state in the same breath as the connect.
      const last = new Map<string, unknown>();
      latest.set(s as Socket, last);
      s.onAny((name: string, payload: unknown) => last.set(name, payload));
      return new Promise((resolve, reject) => {
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    },
    async close() {
      for (const s of sockets) s.close();
      await app.close();
      // A dir the test passed in is the test's to reopen (restarts) or remove.
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

const latest = new WeakMap<Socket, Map<string, unknown>>();

/** The latest event of that name if it already matches, else the next one that does. */
export function eventually<K extends keyof ServerToClient>(s: Socket<ServerToClient, ClientToServer>, name: K, filter: (v: Parameters<ServerToClient[K]>[0]) => boolean = () => true): Promise<Parameters<ServerToClient[K]>[0]> {
  const last = latest.get(s as Socket)?.get(name) as Parameters<ServerToClient[K]>[0] | undefined;
  if (last !== undefined && filter(last)) return Promise.resolve(last);
  return nextEvent(s, name, filter as never);
}

/** Resolves with the next event of that name (and its payload). */
export function nextEvent<K extends keyof ServerToClient>(s: Socket<ServerToClient, ClientToServer>, name: K, filter: (...a: Parameters<ServerToClient[K]>) => boolean = () => true): Promise<Parameters<ServerToClient[K]>[0]> {
  return new Promise((resolve) => {
    const raw = s as unknown as { on(n: string, f: (...a: unknown[]) => void): void; off(n: string, f: (...a: unknown[]) => void): void };
    const on = (...args: unknown[]) => {
      if (!(filter as (...a: unknown[]) => boolean)(...args)) return;
      raw.off(name, on);
      resolve(args[0] as Parameters<ServerToClient[K]>[0]);
    };
    raw.on(name, on);
  });
}

/** One request to a test server, its body parsed as JSON when it is JSON (else its text). */
export async function requestJson(base: string, method: string, p: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(base + p, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}
