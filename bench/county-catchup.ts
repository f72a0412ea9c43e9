// Catch-up after a county outage (second half of bench/county-link.ts): the county stops,
// the real hall runs a busy stretch (a few thousand takes, calls and completes over HTTP,
// ≥ 5,000 journal lines), its windows then call at a busy hall's pace with the county
// still away; then the county starts again on the same port and the windows go on
// calling until the hall's GET /api/county-link says pending 0, state ok. Each round
// gives the time to catch up and, for the hall's own "next → ticket:called at a display
// socket" (as bench/latency.ts times it), the samples with the county away and those
// that overlapped the shipping. Rounds alternate the two, on the same hall, same load.
// The county runs niced here: in a county it is on its own machine, and on this shared
// 2-core box its folding of the backlog would otherwise be charged to the hall's calls.
import { setPriority } from 'node:os';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { CpuMeter, DiskProbe, expectStatus, keepAliveAgent, nowMs, request, sleep, summarize } from './lib.ts';
import { roundSummary } from './latency.ts';
import { countyNodeFlags, linkStatus, type LinkRig } from './county-link.ts';
import { startProcess, stopProcess, tempDir, type Proc } from './servers.ts';

const ROUNDS = Number(process.env.BENCH_LINK_ROUNDS) || 3;
/** Takes per round's busy stretch; about as many calls+completes follow (two lines each). */
const BACKLOG_TAKES = 2600;
const BACKLOG_CALLS = 1300;
const THINK_MS = 200;
/** Calls per window with the county away, per round. */
const AWAY_CYCLES = 8;
/** The county must be caught up with within this (back-off included), or the bench fails. */
const CATCH_UP_LIMIT_MS = 90_000;

export interface CatchUpRound {
  backlogLines: number;
  backlogFacts: number;
  waitMs: number;
  transferMs: number;
  caughtUpMs: number;
  countyLines: number;
  hallLines: number;
  gaps: number;
  /** % of a core: the hall, the county, this process, everything else; with the county away and while it shipped. */
  cpuAway: Record<string, number>;
  cpuCatchUp: Record<string, number>;
}

export interface CatchUpResult {
  windows: number;
  rounds: CatchUpRound[];
  noLinkMs: ReturnType<typeof roundSummary>;
  catchUpMs: ReturnType<typeof roundSummary>;
  lost: number;
  /** The hall's event-loop delay (GET /api/metrics), worst round: with the county away, and while it shipped. */
  loop: { away: LoopDelay; catchUp: LoopDelay };
  /** The HTTP reply to "next" alone (the hall's command path, journal fsync included). */
  replyMs: { away: ReturnType<typeof roundSummary>; catchUp: ReturnType<typeof roundSummary> };
  /** append+fdatasync in this process meanwhile: the disk's own stalls. */
  diskMs: { away: ReturnType<typeof roundSummary>; catchUp: ReturnType<typeof roundSummary> };
}

type LoopDelay = { maxMs: number; p99Ms: number };

/** A wall screen in this process: when each call arrives. */
function display(port: number): Promise<{ socket: Socket; wait(key: string, timeoutMs: number): Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}`, { auth: { role: 'display' }, transports: ['websocket'], reconnection: false });
    const seen = new Map<string, number>();
    const waiting = new Map<string, (t: number) => void>();
    socket.on('ticket:called', (c: { counterId: string; number: string }) => {
      const t = nowMs();
      const key = `${c.counterId}|${c.number}`;
      const w = waiting.get(key);
      if (w) {
        waiting.delete(key);
        w(t);
      } else seen.set(key, t);
    });
    const wait = (key: string, timeoutMs: number) => {
      const t = seen.get(key);
      if (t !== undefined) {
        seen.delete(key);
        return Promise.resolve(t);
      }
      return new Promise<number>((res) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          res(NaN);
        }, timeoutMs);
        waiting.set(key, (at) => {
          clearTimeout(timer);
          res(at);
        });
      });
    };
    socket.once('connect', () => resolve({ socket, wait }));
    socket.once('connect_error', (e) => reject(new Error(`display socket could not connect to the hall: ${e.message}`)));
  });
}

export async function catchUpBench(rig: LinkRig, log: (m: string) => void, track: (p: Proc) => void): Promise<CatchUpResult> {
  const { hall, clerks } = rig;
  const agent = keepAliveAgent(clerks.length + 20);
  const screen = await display(hall.port);
  const db = new pg.Client({ connectionString: rig.clusterUrl });
  await db.connect();
  let county: Proc | null = rig.county;
  const samples: { t0: number; tr: number; t1: number }[] = [];
  const replyAway: number[] = [];
  const replyDuring: number[] = [];
  const scratch = await tempDir('link-probe');
  const diskAway = new DiskProbe(`${scratch}/away.ndjson`);
  const diskDuring = new DiskProbe(`${scratch}/during.ndjson`);
  const away: number[] = [];
  const during: number[] = [];
  const rounds: CatchUpRound[] = [];
  let lost = 0;

  const take = async (n: number) => {
    let left = n;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (left-- > 0) expectStatus(await request(agent, hall.port, 'POST', '/api/tickets', { serviceId: 'social' }), 201, 'take');
      }),
    );
  };
  /** One call at a window, timed to the display socket; false when the window found nothing waiting. */
  const call = async (c: { counterId: string; token: string }, timed: boolean): Promise<boolean> => {
    const t0 = nowMs();
    const r = expectStatus(await request(agent, hall.port, 'POST', `/api/counters/${c.counterId}/next`, undefined, c.token), 200, 'next');
    const tr = nowMs();
    const ticket = (r.body as { ticket: { number: string } | null }).ticket;
    if (!ticket) return false;
    if (timed) {
      const t1 = await screen.wait(`${c.counterId}|${ticket.number}`, 5000);
      if (Number.isNaN(t1)) lost++;
      else samples.push({ t0, tr, t1 });
    }
    expectStatus(await request(agent, hall.port, 'POST', `/api/counters/${c.counterId}/complete`, {}, c.token), 200, 'complete');
    return true;
  };
  const loopAway: LoopDelay = { maxMs: 0, p99Ms: 0 };
  const loopCatchUp: LoopDelay = { maxMs: 0, p99Ms: 0 };
  const metrics = async (reset: boolean, into?: LoopDelay) => {
    if (reset) return void expectStatus(await request(agent, hall.port, 'POST', '/api/metrics/reset', undefined, rig.admin), 204, 'POST /api/metrics/reset');
    const m = (expectStatus(await request(agent, hall.port, 'GET', '/api/metrics', undefined, rig.admin), 200, 'GET /api/metrics').body as { eventLoopDelay: LoopDelay }).eventLoopDelay;
    into!.maxMs = Math.max(into!.maxMs, m.maxMs);
    into!.p99Ms = Math.max(into!.p99Ms, m.p99Ms);
  };
  const lastSeq = async () => Number((await db.query('SELECT coalesce(max(seq), 0)::int AS s FROM hall_lines WHERE hall_id = $1', [rig.hallId])).rows[0].s);

  try {
    for (let round = 0; round < ROUNDS; round++) {
      await stopProcess(county!, 10_000);
      county = null;
      const before = await lastSeq();
      // The busy stretch, as fast as the hall takes it: the backlog.
      await take(BACKLOG_TAKES + clerks.length * (AWAY_CYCLES + 60));
      let calls = BACKLOG_CALLS;
      await Promise.all(clerks.map(async (c) => {
        while (calls-- > 0) if (!(await call(c, false))) throw new Error(`catch-up: window ${c.counterId} ran out of tickets`);
      }));
      // The county away: the windows call at a busy hall's pace.
      samples.length = 0;
      await metrics(true);
      const cpuAway = new CpuMeter({ hall: hall.pid, bench: process.pid }).start();
      diskAway.start();
      await Promise.all(clerks.map(async (c, i) => {
        await sleep((i * THINK_MS) / clerks.length);
        for (let k = 0; k < AWAY_CYCLES; k++) {
          if (!(await call(c, true))) throw new Error(`catch-up: window ${c.counterId} ran out of tickets`);
          await sleep(THINK_MS);
        }
      }));
      cpuAway.stop();
      await diskAway.stop();
      away.push(...samples.map((s) => s.t1 - s.t0));
      replyAway.push(...samples.map((s) => s.tr - s.t0));
      await metrics(false, loopAway);
      const pending0 = (await linkStatus(hall.port, rig.admin)).pending;

      // The county back, on its port; the windows go on calling until the hall is caught up.
      samples.length = 0;
      county = await startProcess({ name: 'county', script: 'center/main.ts', dataDir: rig.countyDir, port: rig.county.port, nodeFlags: countyNodeFlags, env: rig.countyEnv });
      track(county);
      setPriority(county.pid, 10);
      const up = nowMs();
      let first = NaN;
      let caught = NaN;
      let stop = false;
      const cpuDuring = new CpuMeter({ hall: hall.pid, county: county.pid, bench: process.pid });
      const callers = Promise.all(clerks.map(async (c, i) => {
        await sleep((i * THINK_MS) / clerks.length);
        while (!stop) {
          if (!(await call(c, true))) throw new Error(`catch-up: window ${c.counterId} ran out of tickets`);
          await sleep(THINK_MS);
        }
      }));
      try {
        for (;;) {
          const s = await linkStatus(hall.port, rig.admin);
          const t = nowMs();
          if (Number.isNaN(first) && s.state !== 'failing') {
            first = t;
            cpuDuring.start();
            diskDuring.start();
            await metrics(true);
          }
          if (s.state === 'ok' && s.pending === 0) {
            caught = t;
            break;
          }
          if (t - up > CATCH_UP_LIMIT_MS) throw new Error(`catch-up: the hall still had ${s.pending} lines pending (${s.state}${s.lastError ? `: ${s.lastError}` : ''}) ${CATCH_UP_LIMIT_MS / 1000} s after the county came back`);
          await sleep(25);
        }
      } finally {
        stop = true;
        if (!Number.isNaN(caught)) {
          cpuDuring.stop();
          await diskDuring.stop();
        }
        await callers;
      }
      await metrics(false, loopCatchUp);
      // Calls that overlapped the shipping; the status poll's 25 ms is the resolution.
      const overlapped = samples.filter((s) => s.t1 >= first && s.t0 <= caught);
      during.push(...overlapped.map((s) => s.t1 - s.t0));
      replyDuring.push(...overlapped.map((s) => s.tr - s.t0));
      const after = await lastSeq();
      const stored = (await db.query('SELECT count(*)::int AS n, coalesce(sum(jsonb_array_length(facts)), 0)::int AS f FROM hall_lines WHERE hall_id = $1 AND seq > $2', [rig.hallId, before])).rows[0] as { n: number; f: number };
      const all = (await db.query('SELECT count(*)::int AS n, min(seq)::int AS lo, max(seq)::int AS hi FROM hall_lines WHERE hall_id = $1', [rig.hallId])).rows[0] as { n: number; lo: number; hi: number };
      const r: CatchUpRound = {
        backlogLines: pending0,
        backlogFacts: stored.f,
        waitMs: Math.round(first - up),
        transferMs: Math.round(caught - first),
        caughtUpMs: Math.round(caught - up),
        countyLines: all.n,
        hallLines: all.hi - all.lo + 1,
        gaps: all.hi - all.lo + 1 - all.n,
        cpuAway: cpuAway.result(),
        cpuCatchUp: cpuDuring.result(),
      };
      if (after - before !== stored.n) r.gaps += Math.abs(after - before - stored.n);
      rounds.push(r);
      log(`catch-up round ${round + 1}: ${r.backlogLines} lines pending, caught up ${r.caughtUpMs} ms after the county was up (wait ${r.waitMs} ms, shipping ${r.transferMs} ms)`);
      await sleep(1000);
    }
  } finally {
    screen.socket.close();
    agent.destroy();
    await db.end();
  }
  return { windows: clerks.length, rounds, noLinkMs: roundSummary(summarize(away)), catchUpMs: roundSummary(summarize(during)), lost, loop: { away: loopAway, catchUp: loopCatchUp },
    replyMs: { away: roundSummary(summarize(replyAway)), catchUp: roundSummary(summarize(replyDuring)) },
    diskMs: { away: await diskAway.stop(), catchUp: await diskDuring.stop() },
  };
}
