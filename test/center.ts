// The county center on a random port over a fresh database in the test cluster, and a
// way to ship a real hall's journal to it by hand.
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { createCenter, type Center } from '../center/app.ts';
import { openDb } from '../center/db/connect.ts';
import { readJournal } from '../server/store/journal.ts';
import type { ShipLine } from '../shared/county/wire.ts';
import { freshDatabaseUrl } from './countyDb.ts';
import { requestJson } from './harness.ts';

export const ADMIN_PASSWORD = 'county-pass';

export interface CenterHarness {
  center: Center;
  url: string;
  dbUrl: string;
  request(method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  admin(): Promise<string>;
  /** Registers a hall; its id and key. */
  addHall(name?: string): Promise<{ id: string; key: string }>;
  close(): Promise<void>;
}

export async function startCenter(opts: { clock?: () => number; dbUrl?: string; port?: number } = {}): Promise<CenterHarness> {
  const dbUrl = opts.dbUrl ?? (await freshDatabaseUrl());
  const db = await openDb(dbUrl);
  const center = await createCenter({ db, adminPassword: ADMIN_PASSWORD, log: () => {}, ...(opts.clock && { clock: opts.clock }) });
  await new Promise<void>((resolve, reject) => {
    center.server.once('error', reject); // a port taken meanwhile fails the test instead of hanging it
    center.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(center.server.address() as AddressInfo).port}`;
  let adminToken: string | null = null;
  const h: CenterHarness = {
    center,
    url,
    dbUrl,
    request: (method, p, body, token) => requestJson(url, method, p, body, token),
    async admin() {
      if (adminToken) return adminToken;
      const r = await h.request('POST', '/api/session', { username: 'county-admin', password: ADMIN_PASSWORD });
      if (r.status !== 200) throw new Error(`county sign in: ${r.status} ${JSON.stringify(r.body)}`);
      return (adminToken = r.body.token as string);
    },
    async addHall(name = '青山镇为民服务中心') {
      const r = await h.request('POST', '/api/county/halls', { name }, await h.admin());
      if (r.status !== 201) throw new Error(`add hall: ${r.status} ${JSON.stringify(r.body)}`);
      return { id: r.body.id as string, key: r.body.key as string };
    },
    async close() {
      await center.close();
    },
  };
  return h;
}

/** A hall's journal lines after `afterSeq`, as the hall ships them. */
export async function journalLines(dir: string, afterSeq = 0): Promise<ShipLine[]> {
  const entries = await readJournal<{ s: number; f?: unknown[] }>(dir, afterSeq);
  return entries.map((e) => ({ s: e.s, f: (e.f ?? []) as ShipLine['f'] }));
}

/**
 * A stable address for a county that comes and goes: the hall keeps shipping to the
 * proxy's port while the county behind it stops and starts again on any free port.
 * With no county behind it, every connection is reset at once, as a county that is down.
 */
export async function countyProxy(): Promise<{ url: string; to(url: string | null): void; close(): Promise<void> }> {
  let target: number | null = null;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    if (target === null) return void client.resetAndDestroy();
    const upstream = createConnection(target, '127.0.0.1');
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    to(url) {
      target = url === null ? null : Number(new URL(url).port);
      for (const s of open) s.destroy(); // kept-alive connections go to the old county no more
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      server.close(() => resolve());
    }),
  };
}
