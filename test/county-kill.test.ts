// kill -9 of the county center while halls ship, three times: the county (center/main.ts
// as a child process over one database) is killed mid-stream, restarted, and the halls'
// shippers carry on as a hall's would (a connection error: try again; 409 seq_mismatch:
// resume from `expected`). At the end every line is stored exactly once and the county's
// figures for each hall are the hall's own.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketDays, type ShippedDay } from '../bench/countyDay.ts';
import { live } from '../center/summary.ts';
import { upgrade } from '../server/seed.ts';
import type { ShipLine } from '../shared/county/wire.ts';
import { freshDatabaseUrl } from './countyDb.ts';
import { freePort } from './pgCluster.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'county-kill-pass';
const HALLS = 3;
const BATCH = 150;

let dbUrl: string;
let port: number;
let child: ChildProcess | null = null;
let day: ShippedDay;
let sql: pg.Client;
/** The county ended without our kill: a crash the test must report, not wait on. */
let crashed: string | null = null;
const killed = new WeakSet<ChildProcess>();

/** Starts the county and resolves once it listens (it prints its port). */
function startCounty(): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', 'center/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), COUNTY_ADMIN_PASSWORD: PASSWORD, DIST_DIR: path.join(root, 'no-pages') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = c;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    c.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(`listening on port ${port}`)) resolve(c);
    });
    c.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    c.once('exit', (code) => {
      if (!killed.has(c)) crashed = `county exited (${code}) by itself: ${err.slice(-2000)}`;
      reject(new Error(`county exited (${code}) before listening: ${err}`));
    });
  });
}

function kill9(c: ChildProcess): Promise<void> {
  killed.add(c);
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill('SIGKILL');
  });
}

const url = () => `http://127.0.0.1:${port}`;
/** Resolves while the county is up; replaced by a pending one just before each kill. */
let up: Promise<void> = Promise.resolve();
let markUp: () => void = () => {};
/** Lines the county has acknowledged, and who waits for a count of them. */
let acked = 0;
const ackWaiters: { n: number; resolve: () => void }[] = [];
const whenAcked = (n: number) => new Promise<void>((resolve) => (acked >= n ? resolve() : ackWaiters.push({ n, resolve })));
function ack(lines: number) {
  acked += lines;
  for (const w of ackWaiters.filter((x) => acked >= x.n)) {
    ackWaiters.splice(ackWaiters.indexOf(w), 1);
    w.resolve();
  }
}

async function call(method: string, p: string, body?: unknown, token?: string) {
  const r = await fetch(url() + p, { method, headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: r.status, body: (await r.json()) as any };
}

/** A hall's shipper as the link works: resume where the county says, retry when it is down. */
async function ship(hallId: string, key: string, lines: ShipLine[]): Promise<{ refusedReplays: number; connectionErrors: number }> {
  let next = 1;
  let baseline = true;
  let refusedReplays = 0;
  let connectionErrors = 0;
  const last = lines.at(-1)!.s;
  while (next <= last) {
    const batch = lines.slice(next - 1, next - 1 + BATCH);
    const body = { hallId, hallNow: new Date().toISOString(), lines: batch, ...(baseline && { baseline: { seq: 0, data: day.baseline } }) };
    let r: { status: number; body: any };
    try {
      r = await call('POST', '/api/county/ingest', body, key);
    } catch {
      if (crashed) throw new Error(crashed);
      connectionErrors++;
      // As a hall's shipper waits for the county to answer again; here we know when it does.
      await up;
      continue;
    }
    if (r.status === 200) {
      ack(r.body.lastSeq + 1 - next);
      next = r.body.lastSeq + 1;
      baseline = false;
    } else if (r.status === 409 && r.body.error.code === 'seq_mismatch') {
      const expected = r.body.error.expected as number | null;
      baseline = expected === null;
      if (expected !== null && expected < next) throw new Error(`county went back from ${next} to ${expected}: it lost a committed line`);
      // A batch stored before a kill whose answer was lost: the county now says it holds it.
      if (expected !== null && expected > next) {
        refusedReplays++;
        ack(expected - next);
      }
      next = expected ?? 1;
    } else {
      throw new Error(`ingest ${r.status}: ${JSON.stringify(r.body)}`);
    }
  }
  return { refusedReplays, connectionErrors };
}

const storedCount = async () => Number((await sql.query('select count(*)::int as n from hall_lines')).rows[0].n);

beforeAll(async () => {
  day = marketDays(7, 1);
  dbUrl = await freshDatabaseUrl();
  port = await freePort();
  sql = new pg.Client({ connectionString: dbUrl });
  await startCounty();
  await sql.connect();
});

afterAll(async () => {
  if (child && child.exitCode === null) await kill9(child);
  await sql?.end();
});

describe('county killed with -9 while halls ship', () => {
  it('stores every line exactly once across three kills, and shows each hall as the hall itself', { timeout: 300_000 }, async () => {
    const admin = (await call('POST', '/api/session', { username: 'county-admin', password: PASSWORD })).body.token as string;
    const halls: { id: string; key: string }[] = [];
    for (let i = 0; i < HALLS; i++) halls.push((await call('POST', '/api/county/halls', { name: `第${i + 1}乡为民服务中心` }, admin)).body);
    const total = day.lines.length * HALLS;

    const shipping = Promise.all(halls.map((h) => ship(h.id, h.key, day.lines)));
    // A shipper's failure ends the wait for the next kill at once.
    const failure = shipping.then(() => new Promise<never>(() => {}));
    // Each kill when a further quarter of all lines is acknowledged: always with lines still to come.
    const atKill: number[] = [];
    for (let k = 1; k <= 3; k++) {
      await Promise.race([whenAcked((total * k) / 4), failure]);
      up = new Promise((resolve) => (markUp = resolve));
      await kill9(child!);
      atKill.push(await storedCount());
      await startCounty();
      markUp();
    }
    const results = await shipping;
    expect(crashed).toBeNull();

    for (const n of atKill) expect(n).toBeLessThan(total);
    expect(results.reduce((a, r) => a + r.connectionErrors, 0)).toBeGreaterThan(0);

    const rows = (await sql.query('select hall_id, count(*)::int as n, count(distinct seq)::int as distinct_seq, min(seq)::int as first, max(seq)::int as last from hall_lines group by hall_id')).rows;
    expect(rows).toHaveLength(HALLS);
    for (const r of rows) {
      expect(r).toMatchObject({ n: day.lines.length, distinct_seq: day.lines.length, first: 1, last: day.lines.at(-1)!.s });
      expect(r.n).toBe(r.last - r.first + 1);
    }
    // What was stored is what was shipped, line for line.
    const sample = (await sql.query('select seq::int as seq, facts from hall_lines where hall_id = $1 order by seq', [halls[0]!.id])).rows;
    expect(sample.map((r) => ({ s: r.seq, f: r.facts }))).toEqual(day.lines);

    // The figures after the last restart come from a mirror folded again from the database.
    await kill9(child!);
    await startCounty();
    const admin2 = (await call('POST', '/api/session', { username: 'county-admin', password: PASSWORD })).body.token as string;
    const list = (await call('GET', '/api/county/halls', undefined, admin2)).body as any[];
    const own = live(upgrade(structuredClone(day.end)), new Date().toISOString());
    expect(own.today.taken).toBeGreaterThan(100);
    for (const h of halls) {
      const seen = list.find((x) => x.id === h.id);
      expect(seen.today).toEqual(own.today);
      expect(seen.windows).toEqual(own.windows);
    }
  });
});
