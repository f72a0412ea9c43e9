// County report over 200 halls × 90 days (issue 13: ≤ 2 s, from kept daily aggregates).
// A throwaway Debian PostgreSQL cluster (test/pgCluster.ts) is seeded directly with
// `day_figures` rows as the projector writes them: a typical day 100–300 tickets, a
// market day (every fifth day, staggered by hall) 1,000, over the demo hall's eight
// businesses. Measured through the county's HTTP route, against a baseline in the same
// run: a plain scan of the same rows (count and sums, no waits decoded).
//
// Alone: `npx tsx bench/countyReport.ts`, or `BENCH_ONLY=county-report npx tsx bench/run.ts`.
// Settings (env): BENCH_COUNTY_HALLS (200), BENCH_COUNTY_DAYS (90).
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createCenter } from '../center/app.ts';
import { openDb } from '../center/db/connect.ts';
import { packWaits } from '../center/reportCells.ts';
import { addDays } from '../shared/core/time.ts';
import { startCluster } from '../test/pgCluster.ts';
import { round } from './lib.ts';

export interface CountyReportResult {
  halls: number;
  days: number;
  rows: number;
  tickets: number;
  seedSeconds: number;
  /** day_figures with its indexes and TOAST, MB. */
  tableMb: number;
  /** count(*) and sums over the period's rows, median of 3. */
  baselineMs: number;
  /** The first report after seeding (cold caches), shown apart. */
  firstReportMs: number;
  /** GET /api/county/report over the period, median of 3. */
  reportMs: number;
}

const SERVICES: [string, string, number][] = [
  ['social', '社保', 0.22], ['civil', '民政', 0.12], ['forestry', '林业', 0.06], ['finance', '财政', 0.08],
  ['household', '户籍', 0.2], ['family', '计生', 0.1], ['medical', '医保', 0.14], ['housing', '住建', 0.08],
];
const FROM = '2026-01-01';
const PASSWORD = 'bench-county-pass';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function countyReportBench(log: (m: string) => void, halls = Number(process.env.BENCH_COUNTY_HALLS ?? 200), days = Number(process.env.BENCH_COUNTY_DAYS ?? 90)): Promise<CountyReportResult> {
  const cluster = await startCluster();
  const db = await openDb(cluster.url);
  try {
    let s = 42;
    const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const t0 = performance.now();
    const hallRows = Array.from({ length: halls }, (_, i) => ({ id: `h${String(i + 1).padStart(3, '0')}`, name: `第${i + 1}乡镇为民服务中心`, key_hash: 'x', created_at: new Date(), last_seq: null, mirror_seq: null, revoked_at: null, last_heard_at: null, hall_now: null, skew_ms: null, mirror: null }));
    await db.insertInto('halls').values(hallRows).execute();
    let tickets = 0;
    let rows = 0;
    let batch: Parameters<ReturnType<typeof db.insertInto<'day_figures'>>['values']>[0] & unknown[] = [];
    const flush = async () => {
      if (batch.length) await db.insertInto('day_figures').values(batch).execute();
      rows += batch.length;
      batch = [];
    };
    for (let d = 0; d < days; d++) {
      const day = addDays(FROM, d);
      for (let h = 0; h < halls; h++) {
        const perDay = (d + h) % 5 === 0 ? 1000 : 100 + Math.floor(rand() * 201);
        tickets += perDay;
        for (const [id, name, share] of SERVICES) {
          const taken = Math.max(1, Math.round(perDay * share));
          const noShows = Math.round(taken * 0.05 * rand() * 2);
          const served = Math.max(0, Math.round(taken * 0.88) - noShows);
          const waits = Array.from({ length: served + noShows }, () => Math.round(-Math.log(1 - rand()) * 10 * 60_000));
          const rated = Math.round(served / 3);
          const r = [0, 0, 0, 0, 0];
          for (let k = 0; k < rated; k++) {
            const x = rand();
            r[x < 0.02 ? 0 : x < 0.05 ? 1 : x < 0.12 ? 2 : x < 0.4 ? 3 : 4]!++;
          }
          const bad = r[0]! + r[1]!;
          batch.push({
            hall_id: hallRows[h]!.id, day, service_id: id, service_name: name, taken, served, no_shows: noShows,
            r1: r[0]!, r2: r[1]!, r3: r[2]!, r4: r[3]!, r5: r[4]!, v1: 0, v2: 0, v3: 0, v4: 0, v5: 0,
            follow_ups: bad, follow_ups_closed: bad, follow_ups_on_time: Math.round(bad * 0.9), committed: Math.round(served * 0.1), committed_delivered: Math.round(served * 0.1), committed_on_time: Math.round(served * 0.09),
            waits: packWaits(waits),
          });
          if (batch.length >= 1000) await flush();
        }
      }
    }
    await flush();
    await sql`VACUUM ANALYZE day_figures`.execute(db);
    const seedSeconds = round((performance.now() - t0) / 1000, 1);
    const size = await sql<{ b: string }>`SELECT pg_total_relation_size('day_figures') AS b`.execute(db);
    const tableMb = round(Number(size.rows[0]!.b) / 1e6, 1);
    const to = addDays(FROM, days - 1);
    log(`county report: seeded ${rows} rows (${halls} halls × ${days} days, ${tickets} tickets) in ${seedSeconds} s`);

    const center = await createCenter({ db, adminPassword: PASSWORD, log: () => {} });
    await new Promise<void>((r) => center.server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(center.server.address() as AddressInfo).port}`;
    const signIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'county-admin', password: PASSWORD }) });
    const { token } = (await signIn.json()) as { token: string };
    const report = async () => {
      const a = performance.now();
      const res = await fetch(`${url}/api/county/report?from=${FROM}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { rows: { taken: number }[] };
      const ms = performance.now() - a;
      if (res.status !== 200 || body.rows.length !== halls) throw new Error(`county report answered ${res.status}`);
      const sum = body.rows.reduce((x, r) => x + r.taken, 0);
      if (sum <= 0) throw new Error('county report counted nothing');
      return ms;
    };
    const baseline = async () => {
      const a = performance.now();
      await sql`SELECT hall_id, count(*), sum(taken), sum(length(waits)) FROM day_figures WHERE day BETWEEN ${FROM} AND ${to} GROUP BY hall_id`.execute(db);
      return performance.now() - a;
    };
    try {
      const firstReportMs = await report();
      const base: number[] = [];
      const rep: number[] = [];
      for (let i = 0; i < 3; i++) {
        base.push(await baseline());
        rep.push(await report());
      }
      return { halls, days, rows, tickets, seedSeconds, tableMb, baselineMs: round(median(base), 1), firstReportMs: round(firstReportMs, 1), reportMs: round(median(rep), 1) };
    } finally {
      await center.close(); // destroys db
    }
  } finally {
    await db.destroy().catch(() => {});
    cluster.stop();
  }
}

export function printCountyReport(r: CountyReportResult): void {
  console.log(`\nCOUNTY REPORT  ${r.halls} halls × ${r.days} days (${r.rows} rows, ${r.tickets} tickets, ${r.tableMb} MB; seeded in ${r.seedSeconds} s)`);
  console.log(`   plain scan of the same rows (count, sums): ${r.baselineMs} ms`);
  console.log(`   GET /api/county/report: ${r.reportMs} ms (first after seeding ${r.firstReportMs} ms), ${round(r.reportMs / r.baselineMs, 1)}× the scan`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await countyReportBench((m) => process.stderr.write(`[bench] ${m}\n`));
  printCountyReport(r);
  console.log(`${r.reportMs <= 2000 ? 'PASS' : 'FAIL'} county report ≤ 2,000 ms: ${r.reportMs} ms`);
}
