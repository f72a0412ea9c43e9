// The county link under a county's ordinary day, two budgets of issue 13:
//  1. freshness: 200 halls online at one county center (center/main.ts, its own process,
//     over test/pgCluster.ts's PostgreSQL): 199 simulated halls ship a few lines of a
//     simulated market day about every second (an empty heartbeat every tenth time), as
//     the hall's shipper would, and ONE real hall server (server/main.ts, COUNTY_* env)
//     whose clerk calls tickets. A board client signed in as county-admin times each
//     call from sending "next" to the first `county:halls` push whose summary of that
//     hall shows the waiting count dropped.
//  2. catch-up (bench/county-catchup.ts): the same real hall, the county stopped, a day's
//     backlog driven in, the county started again; time until the hall's link reports
//     pending 0, and the hall's own "next → wall screen" meanwhile against the same
//     with the county away.
// Run alone: BENCH_ONLY=county-link npx tsx bench/run.ts.
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { CountyClientToServer, CountyServerToClient } from '../shared/county/events.ts';
import type { HallSummary } from '../shared/county/types.ts';
import { startCluster } from '../test/pgCluster.ts';
import { catchUpBench, type CatchUpResult } from './county-catchup.ts';
import { post } from './county-ingest.ts';
import { marketDays } from './countyDay.ts';
import { CpuMeter, expectStatus, keepAliveAgent, nowMs, request, round, sleep, summarize } from './lib.ts';
import { roundSummary } from './latency.ts';
import { DEMO_PASSWORD, liftLimits, prepareTwentyWindowDir, startProcess, stopProcess, tempDir, type Proc } from './servers.ts';

const HALLS = Number(process.env.BENCH_LINK_HALLS) || 200;
const CALLS = Number(process.env.BENCH_LINK_CALLS) || 100;
/** A simulated hall ships about this often (a busy hall's shipper, 200 ms coalesce, ships at most this). */
const SIM_EVERY_MS = 1000;
/** Every this many-th batch of a simulated hall is an empty heartbeat (the shipper's idle rhythm: 10 s). */
const SIM_HEARTBEAT_EVERY = 10;
const PASSWORD = 'bench-county-pass';
/** The one real hall's clerk: window 7 of the 20-window hall serves 'social' alone. */
const WINDOW = '7';

export interface CountyLinkResult {
  halls: number;
  simulatedBatchesPerSec: number;
  simulatedLinesPerBatch: number;
  calls: number;
  lost: number;
  freshnessMs: ReturnType<typeof roundSummary>;
  /** Each call's time to the board, in order. */
  freshnessSamples: number[];
  /** Between one board push and the next while the calls were made. */
  pushGapMs: ReturnType<typeof roundSummary>;
  pushesPerSec: number;
  pushBytes: number;
  /** % of a core while the calls were made: the county, the real hall, this process (the simulated halls and the board), everything else (PostgreSQL, other people's work). */
  cpuPct: Record<string, number>;
  catchUp: CatchUpResult;
}

export interface Board {
  socket: Socket<CountyServerToClient, CountyClientToServer>;
  /** Resolves with the push time of the first summary of `hallId` that satisfies `ok`, or NaN after `timeoutMs`. */
  until(hallId: string, ok: (h: HallSummary) => boolean, timeoutMs: number): Promise<{ at: number; hall: HallSummary | null }>;
  pushes: number;
  bytes: number;
}

function openBoard(port: number, token: string): Promise<Board> {
  return new Promise((resolve, reject) => {
    const socket: Socket<CountyServerToClient, CountyClientToServer> = io(`http://127.0.0.1:${port}`, { auth: { token }, transports: ['websocket'], reconnection: false });
    const latest = new Map<string, HallSummary>();
    let waiters: { hallId: string; ok: (h: HallSummary) => boolean; done: (at: number, h: HallSummary | null) => void }[] = [];
    const board: Board = {
      socket,
      pushes: 0,
      bytes: 0,
      until(hallId, ok, timeoutMs) {
        const now = latest.get(hallId);
        if (now && ok(now)) return Promise.resolve({ at: nowMs(), hall: now });
        return new Promise((res) => {
          const w = {
            hallId,
            ok,
            done: (at: number, h: HallSummary | null) => {
              clearTimeout(timer);
              waiters = waiters.filter((x) => x !== w);
              res({ at, hall: h });
            },
          };
          const timer = setTimeout(() => w.done(NaN, latest.get(hallId) ?? null), timeoutMs);
          waiters.push(w);
        });
      },
    };
    socket.on('county:halls', (halls) => {
      const at = nowMs();
      board.pushes++;
      for (const h of halls) latest.set(h.id, h);
      for (const w of [...waiters]) {
        const h = latest.get(w.hallId);
        if (h && w.ok(h)) w.done(at, h);
      }
    });
    socket.once('connect', () => resolve(board));
    socket.once('connect_error', (e) => reject(new Error(`board client could not connect to the county: ${e.message}`)));
  });
}

/** 199 simulated halls: a baseline each, then a few lines about every second, an empty heartbeat now and then. */
function simulatedHalls(port: number, halls: { id: string; key: string }[], log: (m: string) => void) {
  const day = marketDays(1, 1);
  const baselineJson = JSON.stringify({ seq: 0, data: day.baseline });
  const agent = keepAliveAgent(halls.length);
  let running = true;
  let batches = 0;
  let lines = 0;
  let failure: Error | null = null;
  const t0 = nowMs();
  const ship = async (h: { id: string; key: string }, from: number, n: number, baseline: boolean) => {
    const chunk = JSON.stringify(day.lines.slice(from, from + n));
    const body = `{"hallId":${JSON.stringify(h.id)},"hallNow":${JSON.stringify(new Date().toISOString())},${baseline ? `"baseline":${baselineJson},` : ''}"lines":${chunk}}`;
    const r = await post(agent, port, '/api/county/ingest', body, h.key);
    if (r.status !== 200) throw new Error(`simulated hall ${h.id}: ingest HTTP ${r.status} ${r.text.slice(0, 200)}`);
    batches++;
    lines += n;
  };
  const done = Promise.all(
    halls.map(async (h, i) => {
      let next = 0;
      try {
        await sleep((i * SIM_EVERY_MS) / halls.length); // spread over the second, as real halls are
        await ship(h, 0, 3, true);
        next = 3;
        for (let k = 1; running; k++) {
          await sleep(SIM_EVERY_MS * (0.8 + Math.random() * 0.4));
          if (!running) break;
          const n = k % SIM_HEARTBEAT_EVERY === 0 ? 0 : 1 + Math.floor(Math.random() * 4);
          if (next + n > day.lines.length) break; // the day is over: that hall goes quiet
          await ship(h, next, n, false);
          next += n;
        }
      } catch (e) {
        failure ??= e as Error;
        running = false;
      }
    }),
  );
  let stopped: Promise<{ perSec: number; linesPerBatch: number }> | null = null;
  const stop = async () => {
      running = false;
      await done;
      agent.destroy();
      if (failure) throw failure;
      const sec = (nowMs() - t0) / 1000;
      log(`county link: simulated halls shipped ${batches} batches (${lines} lines) in ${round(sec, 1)} s`);
      return { perSec: round(batches / sec, 0), linesPerBatch: round(lines / Math.max(1, batches), 1) };
  };
  return { failed: () => failure, stop: () => (stopped ??= stop()) };
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = nowMs() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (nowMs() > deadline) throw new Error(`county link: ${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

export interface LinkRig {
  clusterUrl: string;
  county: Proc;
  countyEnv: Record<string, string>;
  countyDir: string;
  hall: Proc;
  hallId: string;
  admin: string;
  /** Clerks signed in at windows 7..20 (all serving 'social'). */
  clerks: { counterId: string; token: string }[];
}

export const linkStatus = async (port: number, token: string) => {
  const agent = keepAliveAgent(1);
  try {
    return expectStatus(await request(agent, port, 'GET', '/api/county-link', undefined, token), 200, 'GET /api/county-link').body as { state: string; pending: number; lastError?: string };
  } finally {
    agent.destroy();
  }
};

export const countyNodeFlags = ['--max-semi-space-size=0', '--heap-growing-percent=0'];

/** `nodeFlags`: for the county process during the freshness half (BENCH_PROF=1 profiles it). */
export async function countyLinkBench(log: (m: string) => void, nodeFlags?: string[]): Promise<CountyLinkResult> {
  const cluster = await startCluster();
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  await c.query('CREATE DATABASE county');
  await c.end();
  const procs: Proc[] = [];
  try {
    const countyDir = await tempDir('county-link');
    const countyEnv = { DATABASE_URL: cluster.urlFor('county'), COUNTY_ADMIN_PASSWORD: PASSWORD };
    const county = await startProcess({ name: 'county', script: 'center/main.ts', dataDir: countyDir, nodeFlags: [...countyNodeFlags, ...(nodeFlags ?? [])], env: countyEnv });
    procs.push(county);
    const agent = keepAliveAgent(4);
    const token = (expectStatus(await request(agent, county.port, 'POST', '/api/session', { username: 'county-admin', password: PASSWORD }), 200, 'county sign-in').body as { token: string }).token;
    const halls: { id: string; key: string }[] = [];
    for (let i = 0; i < HALLS; i++) halls.push(expectStatus(await request(agent, county.port, 'POST', '/api/county/halls', { name: `第${i + 1}乡` }, token), 201, 'add hall').body as { id: string; key: string });
    const real = halls[0]!;

    log('county link: the real hall (20 windows) linked to the county');
    const hallDir = await prepareTwentyWindowDir(20);
    const hall = await startProcess({ name: 'hall-linked', script: 'server/main.ts', dataDir: hallDir, env: { COUNTY_URL: `http://127.0.0.1:${county.port}`, COUNTY_HALL_ID: real.id, COUNTY_KEY: real.key } });
    procs.push(hall);
    await liftLimits(hall.port);
    const admin = (expectStatus(await request(agent, hall.port, 'POST', '/api/session', { username: 'admin', password: DEMO_PASSWORD }), 200, 'hall admin sign-in').body as { token: string }).token;
    const clerks: { counterId: string; token: string }[] = [];
    for (let w = 7; w <= 20; w++) {
      const r = expectStatus(await request(agent, hall.port, 'POST', '/api/session', { username: `clerk${w}`, password: DEMO_PASSWORD, counterId: String(w) }), 200, `clerk${w} sign-in`);
      clerks.push({ counterId: String(w), token: (r.body as { token: string }).token });
    }
    for (let i = 0; i < CALLS + 20; i++) expectStatus(await request(agent, hall.port, 'POST', '/api/tickets', { serviceId: 'social' }), 201, 'take');
    await waitFor('the real hall catching up with the county', 30_000, async () => ((await linkStatus(hall.port, admin)).state === 'ok' ? true : null));

    log(`county link: ${HALLS - 1} simulated halls shipping about every ${SIM_EVERY_MS} ms, a board client signed in`);
    const sims = simulatedHalls(county.port, halls.slice(1), log);
    const board = await openBoard(county.port, token);
    let sizeSum = 0;
    let lastPush = NaN;
    let measuring = false;
    const gaps: number[] = [];
    board.socket.on('county:halls', (h) => {
      sizeSum += JSON.stringify(h).length;
      const t = nowMs();
      if (measuring && !Number.isNaN(lastPush)) gaps.push(t - lastPush);
      lastPush = t;
    });
    try {
      const first = await board.until(real.id, (h) => (h.today?.waiting ?? 0) > 0, 15_000);
      if (!first.hall?.today) throw new Error('county link: the board never showed the real hall with tickets waiting (15 s)');
      await sleep(3000); // every simulated hall has shipped its baseline and is on its rhythm
      const clerk = clerks[0]!;
      if (clerk.counterId !== WINDOW) throw new Error('county link: unexpected first window');
      const ms: number[] = [];
      let lost = 0;
      const pushes0 = board.pushes;
      const cpu = new CpuMeter({ county: county.pid, hall: hall.pid, bench: process.pid }).start();
      const t0 = nowMs();
      measuring = true;
      for (let i = 0; i < CALLS; i++) {
        if (sims.failed()) throw sims.failed()!;
        const before = (await board.until(real.id, () => true, 5000)).hall?.today?.waiting ?? NaN;
        const start = nowMs();
        const r = expectStatus(await request(agent, hall.port, 'POST', `/api/counters/${WINDOW}/next`, undefined, clerk.token), 200, 'next');
        if (!(r.body as { ticket: unknown }).ticket) throw new Error('county link: window 7 ran out of tickets');
        const seen = await board.until(real.id, (h) => (h.today?.waiting ?? Infinity) < before, 10_000);
        if (Number.isNaN(seen.at)) lost++;
        else ms.push(seen.at - start);
        expectStatus(await request(agent, hall.port, 'POST', `/api/counters/${WINDOW}/complete`, {}, clerk.token), 200, 'complete');
        // The next call falls anywhere in the shipper's and the board's rhythm.
        await sleep(200 + Math.random() * 400);
        if (lost > 5) throw new Error(`county link: ${lost} calls never showed on the board within 10 s`);
      }
      measuring = false;
      const sec = (nowMs() - t0) / 1000;
      const cpuPct = cpu.stop();
      const pushesPerSec = round((board.pushes - pushes0) / sec, 1);
      const sim = await sims.stop();
      board.socket.close();
      const freshnessMs = roundSummary(summarize(ms));
      log(`county link: freshness p50 ${freshnessMs.p50} ms, p99 ${freshnessMs.p99} ms over ${ms.length} calls`);
      agent.destroy();
      const catchUp = await catchUpBench({ clusterUrl: cluster.urlFor('county'), county, countyEnv, countyDir, hall, hallId: real.id, admin, clerks }, log, (p) => procs.push(p));
      return {
        halls: HALLS,
        simulatedBatchesPerSec: sim.perSec,
        simulatedLinesPerBatch: sim.linesPerBatch,
        calls: ms.length,
        lost,
        freshnessMs,
        freshnessSamples: ms.map((x) => round(x, 0)),
        pushGapMs: roundSummary(summarize(gaps)),
        pushesPerSec,
        pushBytes: round(sizeSum / Math.max(1, board.pushes), 0),
        cpuPct,
        catchUp,
      };
    } finally {
      board.socket.close();
      await sims.stop().catch(() => {});
    }
  } finally {
    for (const p of procs.reverse()) await stopProcess(p, 5000);
    cluster.stop();
  }
}

export function printCountyLink(r: CountyLinkResult) {
  const f = r.freshnessMs;
  console.log(`\n9. COUNTY LINK  one county center (its own process, PostgreSQL fsync off), ${r.halls} halls online`);
  console.log(`   ${r.halls - 1} simulated halls: ${r.simulatedBatchesPerSec} batches/s in all, ${r.simulatedLinesPerBatch} lines a batch (one about every ${SIM_EVERY_MS} ms each, every ${SIM_HEARTBEAT_EVERY}th empty); one real hall server, its shipper at its defaults (200 ms coalesce); the county pushes the board 250 ms after a batch`);
  console.log(`   freshness: clerk "next" at the real hall → the board's county:halls shows its waiting count dropped`);
  console.log(`     ${f.n} calls (${r.lost} never shown): p50 ${f.p50} ms, p90 ${f.p90} ms, p99 ${f.p99} ms, max ${f.max} ms`);
  console.log(`     board: ${r.pushesPerSec} pushes/s of ${r.pushBytes} B, between pushes p50 ${r.pushGapMs.p50} ms, p99 ${r.pushGapMs.p99} ms, max ${r.pushGapMs.max} ms`);
  console.log(`     CPU (% of a core): ${Object.entries(r.cpuPct).map(([k, v]) => `${k} ${v}%`).join(', ')}`);
  const c = r.catchUp;
  console.log(`   catch-up: the county stopped, the hall ran a busy stretch, the county started again, niced (${c.rounds.length} rounds)`);
  for (const [i, x] of c.rounds.entries()) {
    console.log(`     round ${i + 1}: ${x.backlogLines} lines (${x.backlogFacts} facts) pending; first batch taken ${x.waitMs} ms after the county was up (the hall's back-off), all held ${x.caughtUpMs} ms after it was up (${x.transferMs} ms shipping); county holds ${x.countyLines} of ${x.hallLines} lines`);
  }
  console.log(`   hall "next" → ticket:called at a display socket, ${c.windows} windows calling:`);
  console.log(`     county away:        ${c.noLinkMs.n} calls, p50 ${c.noLinkMs.p50} ms, p99 ${c.noLinkMs.p99} ms, max ${c.noLinkMs.max} ms`);
  console.log(`     during catch-up:    ${c.catchUpMs.n} calls, p50 ${c.catchUpMs.p50} ms, p99 ${c.catchUpMs.p99} ms, max ${c.catchUpMs.max} ms`);
  console.log(`     hall event-loop delay (worst round): county away max ${c.loop.away.maxMs} ms, p99 ${c.loop.away.p99Ms} ms; during catch-up max ${c.loop.catchUp.maxMs} ms, p99 ${c.loop.catchUp.p99Ms} ms`);
  console.log(`     HTTP reply to "next": county away p50 ${c.replyMs.away.p50} ms, p99 ${c.replyMs.away.p99} ms; during catch-up p50 ${c.replyMs.catchUp.p50} ms, p99 ${c.replyMs.catchUp.p99} ms`);
  console.log(`     disk (append+fdatasync here): county away p99 ${c.diskMs.away.p99} ms, max ${c.diskMs.away.max} ms; during catch-up p99 ${c.diskMs.catchUp.p99} ms, max ${c.diskMs.catchUp.max} ms`);
  const cpu = (x: Record<string, number>) => Object.entries(x).map(([k, v]) => `${k} ${v}%`).join(', ');
  for (const [i, x] of c.rounds.entries()) console.log(`     CPU round ${i + 1}: county away ${cpu(x.cpuAway)}; during catch-up ${cpu(x.cpuCatchUp)}`);
  if (c.lost) console.log(`     ${c.lost} calls never reached the display socket within 5 s`);
}
