// The county center for end-to-end tests: one throwaway PostgreSQL cluster per
// Playwright worker (test/pgCluster.ts), a fresh database and an in-process county
// center (center/app.ts, built page from dist-county/) per test, on a port of its own, with a
// clock the test can move. `shipHall` ships a hall's journal to it by hand, as the hall's
// shipper would: a baseline (its snapshot) the first time, then the lines after.
//
//   import { countyTest as test, expect, shipHall } from './county.ts';
//   test('…', async ({ county, hall, page }) => { … });
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { createCenter, type Center } from '../center/app.ts';
import { openDb } from '../center/db/connect.ts';
import type { IngestReply } from '../shared/county/wire.ts';
import { journalLines } from '../test/center.ts';
import { startCluster, type Cluster } from '../test/pgCluster.ts';
import { createApp, type AppDeps } from '../server/app.ts';
import { fileStore } from '../server/store/index.ts';
import type { HallData } from '../shared/types.ts';
import { test as hallTest, type HallServer } from './helpers.ts';

export { expect } from './helpers.ts';

/** county-admin's password in every test's county. */
export const COUNTY_PASSWORD = 'county-e2e-pass';
const DIST_DIR = path.resolve('dist');
const COUNTY_DIST_DIR = path.resolve('dist-county');

export interface CountyServer {
  url: string;
  center: Center;
  /** The county's clock: real time plus what the test moved it by. */
  now(): number;
  /** Moves the county's clock on (a hall falls silent without the test waiting). */
  advance(ms: number): void;
  /** An API call, signed in as `token` (default: county-admin). */
  api(method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** county-admin's token (signed in once per test). */
  adminToken(): Promise<string>;
  /** Registers a hall through the API: its id and key. */
  addHall(name: string): Promise<HallLink>;
  /** A new account through the API, signed in: its token and password. */
  addAccount(username: string, role: 'county_admin' | 'county_viewer'): Promise<{ token: string; password: string }>;
}

export interface HallLink {
  id: string;
  key: string;
}

async function createDatabase(cluster: Cluster): Promise<string> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`); // name is ours: hex only
  } finally {
    await c.end();
  }
  return cluster.urlFor(name);
}

export const countyTest = hallTest.extend<{ county: CountyServer }, { pgCluster: Cluster }>({
  // One cluster per worker: initdb costs seconds, a database a few milliseconds.
  pgCluster: [
    async ({}, use) => {
      const cluster = await startCluster();
      await use(cluster);
      cluster.stop();
    },
    { scope: 'worker' },
  ],
  county: async ({ pgCluster }, use) => {
    let offset = 0;
    const now = () => Date.now() + offset;
    const db = await openDb(await createDatabase(pgCluster));
    const center = await createCenter({ db, clock: now, distDir: COUNTY_DIST_DIR, adminPassword: COUNTY_PASSWORD, log: () => {} });
    // Port 0: the hall fixture owns E2E_PORT + worker; the county takes any free one.
    await new Promise<void>((resolve, reject) => {
      center.server.once('error', reject);
      center.server.listen(0, '127.0.0.1', () => resolve());
    });
    const url = `http://127.0.0.1:${(center.server.address() as AddressInfo).port}`;
    let admin: string | null = null;
    const api: CountyServer['api'] = async (method, p, body, token) => {
      const res = await fetch(url + p, {
        method,
        headers: { ...(body !== undefined && { 'content-type': 'application/json' }), authorization: `Bearer ${token ?? (await s.adminToken())}` },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const s: CountyServer = {
      url,
      center,
      now,
      advance: (ms) => void (offset += ms),
      api,
      async adminToken() {
        if (admin) return admin;
        const r = await fetch(url + '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'county-admin', password: COUNTY_PASSWORD }) });
        if (!r.ok) throw new Error(`county sign in: ${r.status}`);
        return (admin = ((await r.json()) as { token: string }).token);
      },
      async addHall(name) {
        const r = await api('POST', '/api/county/halls', { name });
        if (r.status !== 201) throw new Error(`add hall: ${r.status} ${JSON.stringify(r.body)}`);
        return { id: r.body.id, key: r.body.key };
      },
      async addAccount(username, role) {
        const r = await api('POST', '/api/county/accounts', { username, name: username, role });
        if (r.status !== 201) throw new Error(`add account: ${r.status} ${JSON.stringify(r.body)}`);
        const signIn = await fetch(url + '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: r.body.password }) });
        return { token: ((await signIn.json()) as { token: string }).token, password: r.body.password as string };
      },
    };
    await use(s);
    await center.close();
  },
});

/**
 * A second (third…) hall in the same test, beside the `hall` fixture: the demo hall (the
 * worker's `demoHall`) on a free port in a fresh data dir; `deps` adds to createApp's
 * (e.g. the county link's settings once the hall ships by itself). Close it at the end.
 */
export async function startExtraHall(demoHall: HallData, deps: Partial<AppDeps> = {}): Promise<HallServer & { close(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-hall-extra-'));
  const app = await createApp({ store: await fileStore(dataDir), distDir: DIST_DIR, seed: async () => structuredClone(demoHall), log: () => {}, ...deps });
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The last line the county acknowledged, per hall data dir: where the next ship starts. */
const shipped = new Map<string, number>();

/**
 * Ships everything the hall has journaled since the last ship (a heartbeat when
 * nothing): the first time, its snapshot as the baseline and the journal after it, as
 * the hall's own shipper starts. Returns the county's reply.
 */
export async function shipHall(county: CountyServer, hall: HallServer, link: HallLink, hallNow = new Date().toISOString()): Promise<IngestReply> {
  const key = `${county.url} ${hall.dataDir} ${link.id}`;
  let after = shipped.get(key);
  let baseline: { seq: number; data: unknown } | undefined;
  if (after === undefined) {
    const snap = JSON.parse(await readFile(path.join(hall.dataDir, 'snapshot.json'), 'utf8')) as { seq: number; data: unknown };
    baseline = { seq: snap.seq, data: snap.data };
    after = snap.seq;
  }
  const lines = await journalLines(hall.dataDir, after);
  if (lines.length && lines[0]!.s !== after + 1) throw new Error(`the hall's journal starts at ${lines[0]!.s}, not ${after + 1} (it took a snapshot): ship more often`);
  const res = await fetch(county.url + '/api/county/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${link.key}` },
    body: JSON.stringify({ hallId: link.id, hallNow, ...(baseline && { baseline }), lines }),
  });
  const body = (await res.json()) as IngestReply;
  if (res.status !== 200) throw new Error(`ship: ${res.status} ${JSON.stringify(body)}`);
  shipped.set(key, body.lastSeq);
  return body;
}

/** Signs in at the county page's form. */
export async function signInAtCounty(page: Page, county: CountyServer, username = 'county-admin', password = COUNTY_PASSWORD): Promise<void> {
  await page.goto(county.url + '/county/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
