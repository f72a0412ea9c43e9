// The county's ingest under a province's morning: 200 halls ship a big market day each
// (three simulated market days in a row, ~1,000 tickets, ~4,750 journal lines: the same
// lines for every hall, under its own id) at once into one county center (center/main.ts,
// its own process) over one PostgreSQL. Measured against a bare batched INSERT of the
// same rows, same batches, same concurrency and pool size, into a table of the same shape
// in the same PostgreSQL. That cluster is test/pgCluster.ts's: fsync off, for both.
// Afterwards every hall's lines are checked: all there, none twice, and its figures on
// the board the hall's own. Run alone: BENCH_ONLY=county-ingest npx tsx bench/run.ts.
import http from 'node:http';
import pg from 'pg';
import { live } from '../center/summary.ts';
import { upgrade } from '../server/seed.ts';
import { startCluster } from '../test/pgCluster.ts';
import { marketDays } from './countyDay.ts';
import { expectStatus, keepAliveAgent, nowMs, procCpuMs, request, round } from './lib.ts';
import { startProcess, stopProcess, tempDir } from './servers.ts';

const HALLS = Number(process.env.BENCH_COUNTY_HALLS) || 200;
/** Lines per batch: a hall catching up after a while offline (the wire allows 2,000). */
const BATCH = 500;
/** The county's pool (center/db/connect.ts); the baseline gets as many connections. */
const POOL = 8;
const PASSWORD = 'bench-county-pass';

export interface CountyIngestResult {
  halls: number;
  linesPerHall: number;
  factsPerHall: number;
  ticketsPerHall: number;
  batches: number;
  countyMs: number;
  countyFactsPerSec: number;
  countyLinesPerSec: number;
  countyCpuPct: number;
  baselineMs: number;
  baselineLinesPerSec: number;
  ratio: number;
  lost: number;
  doubled: number;
  figuresWrong: number;
  bytesPerLine: { json: number; table: number };
  mirrorBytesPerHall: number;
}

/** POST a ready-made JSON body over a keep-alive agent. */
export function post(agent: http.Agent, port: number, path: string, body: string, key: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `nodeFlags`: for the county process (BENCH_PROF=1 profiles it). */
export async function countyIngestBench(log: (m: string) => void, nodeFlags?: string[]): Promise<CountyIngestResult> {
  log(`county ingest: simulating the market days (${HALLS} halls will ship them)`);
  const day = marketDays(1, 3);
  const lines = day.lines;
  const facts = lines.reduce((a, l) => a + l.f.length, 0);
  // Each batch's lines as JSON once: every hall sends the same text under its own id.
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += BATCH) chunks.push(JSON.stringify(lines.slice(i, i + BATCH)));
  const baselineJson = JSON.stringify({ seq: 0, data: day.baseline });

  const cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE county');
  await admin.query('CREATE DATABASE base');
  await admin.end();
  try {
    const baselineMs = await bareInsert(cluster.urlFor('base'), chunks);
    log(`county ingest: bare INSERT ${lines.length * HALLS} rows in ${round(baselineMs)} ms`);

    const county = await startProcess({ name: 'county', script: 'center/main.ts', dataDir: await tempDir('county'),
      // As `npm run county` starts it: a young generation of 32 MB for bursts of batches, not the hall box's 2 MB (servers.ts).
      nodeFlags: ['--max-semi-space-size=32', ...(nodeFlags ?? [])],
      env: { DATABASE_URL: cluster.urlFor('county'), COUNTY_ADMIN_PASSWORD: PASSWORD } });
    const agent = keepAliveAgent(HALLS + 4);
    try {
      const token = (expectStatus(await request(agent, county.port, 'POST', '/api/session', { username: 'county-admin', password: PASSWORD }), 200, 'county sign-in').body as { token: string }).token;
      const halls: { id: string; key: string }[] = [];
      for (let i = 0; i < HALLS; i++) halls.push(expectStatus(await request(agent, county.port, 'POST', '/api/county/halls', { name: `第${i + 1}乡` }, token), 201, 'add hall').body as { id: string; key: string });

      const cpu0 = procCpuMs(county.pid);
      const t0 = nowMs();
      await Promise.all(
        halls.map(async (h) => {
          for (let c = 0; c < chunks.length; c++) {
            const body = `{"hallId":${JSON.stringify(h.id)},"hallNow":${JSON.stringify(new Date().toISOString())},${c === 0 ? `"baseline":${baselineJson},` : ''}"lines":${chunks[c]}}`;
            const r = await post(agent, county.port, '/api/county/ingest', body, h.key);
            if (r.status !== 200) throw new Error(`ingest: HTTP ${r.status} ${r.text.slice(0, 300)}`);
          }
        }),
      );
      const countyMs = nowMs() - t0;
      const countyCpuPct = round(((procCpuMs(county.pid) - cpu0) / countyMs) * 100, 0);
      log(`county ingest: county stored ${lines.length * HALLS} lines in ${round(countyMs)} ms`);

      const check = await checkStored(cluster.urlFor('county'), lines.length, halls.map((h) => h.id));
      const list = expectStatus(await request(agent, county.port, 'GET', '/api/county/halls', undefined, token), 200, 'halls').body as { id: string; today: unknown }[];
      const own = JSON.stringify(live(upgrade(structuredClone(day.end)), new Date().toISOString()).today);
      const figuresWrong = halls.filter((h) => JSON.stringify(list.find((x) => x.id === h.id)?.today) !== own).length;
      const baselineLinesPerSec = (lines.length * HALLS) / (baselineMs / 1000);
      const countyLinesPerSec = (lines.length * HALLS) / (countyMs / 1000);
      return {
        halls: HALLS,
        linesPerHall: lines.length,
        factsPerHall: facts,
        ticketsPerHall: lines.reduce((a, l) => a + l.f.filter((f) => f.type === 'TicketTaken').length, 0),
        batches: chunks.length * HALLS,
        countyMs: round(countyMs),
        countyFactsPerSec: round((facts * HALLS) / (countyMs / 1000), 0),
        countyLinesPerSec: round(countyLinesPerSec, 0),
        countyCpuPct,
        baselineMs: round(baselineMs),
        baselineLinesPerSec: round(baselineLinesPerSec, 0),
        ratio: round(countyLinesPerSec / baselineLinesPerSec, 2),
        figuresWrong,
        ...check,
      };
    } finally {
      agent.destroy();
      await stopProcess(county);
    }
  } finally {
    cluster.stop();
  }
}

/** The same rows, the same batches and concurrency, into a hall_lines-shaped table. */
async function bareInsert(url: string, chunks: string[]): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  try {
    await pool.query('CREATE TABLE halls (id text PRIMARY KEY)');
    await pool.query('CREATE TABLE hall_lines (hall_id text NOT NULL REFERENCES halls(id), seq bigint NOT NULL, facts jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (hall_id, seq))');
    const ids = Array.from({ length: HALLS }, (_, i) => `hall${i}`);
    await pool.query('INSERT INTO halls SELECT unnest($1::text[])', [ids]);
    // Parsed back to lines outside the timing: the baseline is handed what the county is.
    const batches = chunks.map((c) => JSON.parse(c) as { s: number; f: unknown[] }[]);
    const t0 = nowMs();
    await Promise.all(
      ids.map(async (id) => {
        for (const batch of batches) {
          const params: unknown[] = [];
          const rows = batch.map((l) => `($${params.push(id)}, $${params.push(l.s)}, $${params.push(JSON.stringify(l.f))})`);
          await pool.query(`INSERT INTO hall_lines (hall_id, seq, facts) VALUES ${rows.join(',')}`, params);
        }
      }),
    );
    return nowMs() - t0;
  } finally {
    await pool.end();
  }
}

async function checkStored(url: string, perHall: number, ids: string[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = (await c.query('SELECT hall_id, count(*)::int AS n, count(DISTINCT seq)::int AS d, min(seq)::int AS first, max(seq)::int AS last FROM hall_lines GROUP BY hall_id')).rows as { hall_id: string; n: number; d: number; first: number; last: number }[];
    const by = new Map(rows.map((r) => [r.hall_id, r]));
    let lost = 0;
    let doubled = 0;
    for (const id of ids) {
      const r = by.get(id);
      lost += perHall - (r?.d ?? 0);
      doubled += (r?.n ?? 0) - (r?.d ?? 0);
      if (r && (r.first !== 1 || r.last !== perHall)) lost += Math.abs(r.last - perHall) + (r.first - 1);
    }
    const size = (await c.query(`SELECT pg_total_relation_size('hall_lines')::float8 AS table, avg(octet_length(facts::text))::float8 AS json, count(*)::float8 AS n FROM hall_lines`)).rows[0] as { table: number; json: number; n: number };
    const mirror = (await c.query('SELECT avg(octet_length(mirror::text))::float8 AS m FROM halls')).rows[0] as { m: number };
    return { lost, doubled, bytesPerLine: { json: round(size.json, 0), table: round(size.table / size.n, 0) }, mirrorBytesPerHall: round(mirror.m, 0) };
  } finally {
    await c.end();
  }
}

export function printCountyIngest(r: CountyIngestResult) {
  console.log(`\n7. COUNTY INGEST  ${r.halls} halls at once, each ${r.linesPerHall} journal lines (${r.factsPerHall} facts, ${r.ticketsPerHall} tickets: three market days), ${r.batches} batches of ≤ ${BATCH} lines`);
  console.log(`   PostgreSQL: test/pgCluster.ts's throwaway cluster, fsync off (the same for both)`);
  console.log(`   baseline: bare batched INSERT, ${POOL} connections      ${r.baselineLinesPerSec} rows/s (${r.baselineMs} ms)`);
  console.log(`   county center: POST /api/county/ingest             ${r.countyLinesPerSec} lines/s, ${r.countyFactsPerSec} facts/s (${r.countyMs} ms, county process ${r.countyCpuPct}% of a core)`);
  console.log(`   ratio county / baseline                            ${r.ratio}×`);
  console.log(`   check: ${r.lost} lines lost, ${r.doubled} stored twice, ${r.figuresWrong} halls whose board figures differ from the hall's own`);
  console.log(`   size: ${r.bytesPerLine.json} B of JSON per line, ${r.bytesPerLine.table} B per line in the table with its index; mirror ${r.mirrorBytesPerHall} B per hall`);
}
