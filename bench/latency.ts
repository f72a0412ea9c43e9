// Call latency: a window's "next" (or the baseline's POST /call) → `ticket:called` at the
// wall screens. Latency = from just before the request is sent to the client's
// `ticket:called` handler. One observer socket per server lives in this process and
// joins the display room first (the server writes each call to it first); the other
// clients live in a swarm child process, whose last client shows the end of the fan-out.
// Times are CLOCK_MONOTONIC in both processes, so they compare directly.
//
// The hall and its baseline are measured in alternating rounds (A B B A A B B A …), both
// servers up all along, so slow drifts in what else this shared machine is doing
// (other people's builds and tests) fall on both alike.
import { open } from 'node:fs/promises';
import { io, type Socket } from 'socket.io-client';
import { CpuMeter, DiskProbe, keepAliveAgent, nowMs, procRssBytes, request, round, sleep, summarize, type Summary } from './lib.ts';
import { startSwarm, type Swarm } from './servers.ts';

export interface Caller {
  counterId: string;
  /** Clerk token for the hall server; absent for the baseline. */
  token?: string;
}

export interface RigOptions {
  kind: 'hall' | 'baseline';
  port: number;
  serverPid: number;
  /** Display clients in all, the observer included. */
  clients: number;
  callers: Caller[];
  /** Pause after each cycle, so the call rate stays a realistic-but-busy hall's. */
  thinkMs: number;
  /** Where the disk probe may write. */
  scratchDir: string;
}

export interface LatencyResult {
  samples: number;
  lost: number;
  incompleteFanout: number;
  /** Windows that found nothing waiting, as `window@cycle`. */
  windowsOutOfTickets: string[];
  errors: string[];
  durationSec: number;
  callsPerSec: number;
  observerMs: Summary;
  lastOf300Ms: Summary;
  nextReplyMs: Summary;
  clients: number;
  /** The server's resident memory at the end, all clients still connected. */
  serverRssBytes: number;
  swarmMessages: { called: number; states: number };
  cpuPct: Record<string, number>;
  /** append+fdatasync latency in the measuring process while this server was measured (ms). */
  diskProbeMs: Summary;
  /** Per sample: [start s since the first round, HTTP reply ms, observer ms, last of all ms (-1: unknown)]. */
  timeline: number[][];
}

/** One display client in the measuring process: records when each call arrives. */
class Observer {
  private seen = new Map<string, number>();
  private waiting = new Map<string, (t: number) => void>();
  private constructor(readonly socket: Socket) {
    socket.on('ticket:called', (c: { counterId: string; number: string }) => {
      const t = nowMs();
      const key = `${c.counterId}|${c.number}`;
      const w = this.waiting.get(key);
      if (w) {
        this.waiting.delete(key);
        w(t);
      } else this.seen.set(key, t);
    });
  }

  static connect(port: number): Promise<Observer> {
    return new Promise((resolve, reject) => {
      const s = io(`http://127.0.0.1:${port}`, { auth: { role: 'display' }, transports: ['websocket'], reconnection: false });
      s.once('connect', () => resolve(new Observer(s)));
      s.once('connect_error', reject);
    });
  }

  /** Arrival time of the call, or NaN after `timeoutMs`. */
  waitFor(key: string, timeoutMs: number): Promise<number> {
    const t = this.seen.get(key);
    if (t !== undefined) {
      this.seen.delete(key);
      return Promise.resolve(t);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        resolve(NaN);
      }, timeoutMs);
      this.waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  close() {
    this.socket.close();
  }
}

interface Sample {
  key: string;
  t0: number;
  tReply: number;
  tObs: number;
}

/** One server under test with its display clients and window callers. */
export class LatencyRig {
  private readonly agent;
  private readonly fanout = new Map<string, { last: number; n: number }>();
  private readonly records: Sample[] = [];
  private readonly errors: string[] = [];
  private readonly outOfTickets: string[] = [];
  private readonly cpu: CpuMeter;
  private readonly disk: DiskProbe;
  private lost = 0;
  private measuredMs = 0;
  private epoch = 0;
  private stopped = new Set<string>(); // windows that hit an error or ran dry
  private swarmStats0 = { called: 0, states: 0 };

  private constructor(
    private readonly o: RigOptions,
    private readonly observer: Observer,
    private readonly swarm: Swarm,
  ) {
    this.agent = keepAliveAgent(o.callers.length);
    this.cpu = new CpuMeter({ server: o.serverPid, swarm: swarm.pid, bench: process.pid });
    this.disk = new DiskProbe(`${o.scratchDir}/disk-probe-${o.kind}.ndjson`);
    swarm.onCall((c) => {
      const [counterId, number] = c.key.split('|');
      this.fanout.set(`${counterId}|${number}`, { last: c.last, n: c.n });
    });
  }

  /** Connects the observer, then the other clients in a swarm process. */
  static async open(o: RigOptions): Promise<LatencyRig> {
    const observer = await Observer.connect(o.port);
    const swarm = await startSwarm();
    try {
      const c = await swarm.connect(o.port, o.clients - 1);
      if (c.failed > 0) throw new Error(`${c.failed} of ${o.clients - 1} display clients could not connect to the ${o.kind} server`);
    } catch (e) {
      observer.close();
      await swarm.close();
      throw e;
    }
    return new LatencyRig(o, observer, swarm);
  }

  /** Each window does `cycles` calls; recorded unless `warmup`. */
  async round(cycles: number, warmup: boolean, epoch: number): Promise<void> {
    const o = this.o;
    this.epoch = epoch;
    if (!warmup) {
      if (this.measuredMs === 0) this.swarmStats0 = await this.swarm.stats();
      this.cpu.start();
      this.disk.start();
    }
    const t0 = nowMs();
    await Promise.all(
      o.callers.map(async (c, i) => {
        await sleep((i * o.thinkMs) / o.callers.length); // spread the windows out
        for (let cycle = 0; cycle < cycles && !this.stopped.has(c.counterId); cycle++) {
          await this.cycle(c, warmup);
          if (o.thinkMs > 0) await sleep(o.thinkMs);
        }
      }),
    );
    if (!warmup) {
      this.measuredMs += nowMs() - t0;
      this.cpu.stop();
      await this.disk.stop();
    }
  }

  private async cycle(c: Caller, warmup: boolean): Promise<void> {
    const { kind, port } = this.o;
    const t0 = nowMs();
    const r =
      kind === 'hall'
        ? await request(this.agent, port, 'POST', `/api/counters/${c.counterId}/next`, undefined, c.token)
        : await request(this.agent, port, 'POST', '/call', { counterId: c.counterId });
    const tReply = nowMs();
    if (r.status !== 200) {
      this.errors.push(`window ${c.counterId}: next → ${r.status} ${JSON.stringify(r.body)}`);
      this.stopped.add(c.counterId);
      return;
    }
    const ticket = (r.body as { ticket: { number: string } | null }).ticket;
    if (!ticket) {
      this.outOfTickets.push(`${c.counterId}@${this.records.length}`);
      this.stopped.add(c.counterId);
      return;
    }
    const key = `${c.counterId}|${ticket.number}`;
    const tObs = await this.observer.waitFor(key, 5000);
    if (Number.isNaN(tObs)) this.lost++;
    else if (!warmup) this.records.push({ key, t0, tReply, tObs });
    if (kind === 'hall') {
      const done = await request(this.agent, port, 'POST', `/api/counters/${c.counterId}/complete`, {}, c.token);
      if (done.status !== 200) {
        this.errors.push(`window ${c.counterId}: complete → ${done.status} ${JSON.stringify(done.body)}`);
        this.stopped.add(c.counterId);
      }
    }
  }

  /** Waits for the last fan-out reports, reads the figures, disconnects everything. */
  async finish(): Promise<LatencyResult> {
    const deadline = nowMs() + 3000;
    while (this.records.some((r) => !this.fanout.has(r.key)) && nowMs() < deadline) await sleep(50);
    const stats = await this.swarm.stats();
    const serverRssBytes = procRssBytes(this.o.serverPid);
    const clients = stats.open + (this.observer.socket.connected ? 1 : 0);
    this.observer.close();
    await this.swarm.close();
    this.agent.destroy();

    const observerMs: number[] = [];
    const lastMs: number[] = [];
    const replyMs: number[] = [];
    const timeline: number[][] = [];
    let incomplete = 0;
    for (const r of this.records) {
      observerMs.push(r.tObs - r.t0);
      replyMs.push(r.tReply - r.t0);
      const f = this.fanout.get(r.key);
      const last = f ? Math.max(f.last, r.tObs) - r.t0 : -1;
      timeline.push([round((r.t0 - this.epoch) / 1000, 3), round(r.tReply - r.t0), round(r.tObs - r.t0), round(last)]);
      if (f) lastMs.push(last);
      else incomplete++;
    }
    timeline.sort((a, b) => a[0]! - b[0]!);
    const durationSec = this.measuredMs / 1000;
    return {
      samples: this.records.length,
      lost: this.lost,
      incompleteFanout: incomplete,
      windowsOutOfTickets: this.outOfTickets,
      errors: this.errors.slice(0, 5),
      durationSec: round(durationSec, 1),
      callsPerSec: round(this.records.length / durationSec, 1),
      observerMs: roundSummary(summarize(observerMs)),
      lastOf300Ms: roundSummary(summarize(lastMs)),
      nextReplyMs: roundSummary(summarize(replyMs)),
      clients,
      serverRssBytes,
      swarmMessages: { called: stats.called - this.swarmStats0.called, states: stats.states - this.swarmStats0.states },
      cpuPct: this.cpu.result(),
      diskProbeMs: await this.disk.stop(),
      timeline,
    };
  }

  async abort(): Promise<void> {
    this.observer.close();
    await this.swarm.close();
    this.agent.destroy();
  }
}

/**
 * Measures both rigs in alternating rounds after a warm-up round each:
 * A B, B A, A B, … so neither always goes first.
 */
export async function measureInterleaved(a: LatencyRig, b: LatencyRig, cycles: number, warmup: number, rounds: number): Promise<[LatencyResult, LatencyResult]> {
  const epoch = nowMs();
  await a.round(warmup, true, epoch);
  await b.round(warmup, true, epoch);
  const per = Math.ceil(cycles / rounds);
  for (let r = 0; r < rounds; r++) {
    const n = Math.min(per, cycles - r * per);
    if (n <= 0) break;
    const order = r % 2 === 0 ? [a, b] : [b, a];
    for (const rig of order) await rig.round(n, false, epoch);
  }
  return [await a.finish(), await b.finish()];
}

export function roundSummary(s: Summary): Summary {
  return { n: s.n, p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}

/** In-process append + fdatasync of a small record, like one journal line. */
export async function rawFsync(dir: string, count = 500): Promise<{ p50Us: number; p99Us: number; maxUs: number }> {
  const fh = await open(`${dir}/raw-fsync.ndjson`, 'a');
  const us: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const line = JSON.stringify({ s: i + 1, c: { type: 'next', counterId: '3', userId: 'u-clerk3', at: Date.now() } }) + '\n';
      const t0 = nowMs();
      await fh.write(line);
      await fh.datasync();
      us.push((nowMs() - t0) * 1000);
    }
  } finally {
    await fh.close();
  }
  const s = summarize(us);
  return { p50Us: round(s.p50, 0), p99Us: round(s.p99, 0), maxUs: round(s.max, 0) };
}

/**
 * Gets the 20-window hall ready to call: enough waiting tickets for every window
 * (each window's first business; windows 7..20 serve 'social'), and each window's
 * A clerk signed in there. Returns the callers.
 */
export async function prepareHallCalls(port: number, windows: number, perWindow: number, password: string): Promise<Caller[]> {
  const agent = keepAliveAgent(20);
  try {
    const services = (await request(agent, port, 'GET', '/api/hall')).body as { counters: { id: string; serviceIds: string[] }[] };
    const counters = services.counters.slice(0, windows);
    if (counters.length < windows) throw new Error(`the hall has only ${counters.length} windows, wanted ${windows}`);
    const takes: string[] = [];
    // Last window first: a window serving two businesses calls the older ticket of the
    // two, so window 6 (housing, forestry) must find its housing tickets older than
    // window 5's forestry ones, or it would use up window 5's.
    for (const c of [...counters].reverse()) for (let i = 0; i < perWindow; i++) takes.push(c.serviceIds[0]!);
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < takes.length) {
          const serviceId = takes[next++]!;
          const r = await request(agent, port, 'POST', '/api/tickets', { serviceId });
          if (r.status !== 201) throw new Error(`take ${serviceId}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
        }
      }),
    );
    return await Promise.all(
      counters.map(async (c) => {
        const r = await request(agent, port, 'POST', '/api/session', { username: `clerk${c.id}`, password, counterId: c.id });
        if (r.status !== 200) throw new Error(`sign-in clerk${c.id} at window ${c.id}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
        return { counterId: c.id, token: (r.body as { token: string }).token };
      }),
    );
  } finally {
    agent.destroy();
  }
}
