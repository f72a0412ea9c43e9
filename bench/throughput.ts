// Durable ticket issuance: many concurrent keep-alive clients each sending
// POST take-a-ticket requests back to back; every 201 means the ticket is on disk.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CpuMeter, DiskProbe, keepAliveAgent, nowMs, request, round, sleep, summarize, type Summary } from './lib.ts';
import { roundSummary } from './latency.ts';

export interface IssueOptions {
  port: number;
  path: string;
  total: number;
  concurrency: number;
  /** Body of the i-th request. */
  body: (i: number) => unknown;
  /** Processes whose CPU use is reported, by name. */
  pids?: Record<string, number>;
  /** Stop sending new requests after this long (the run is then reported as cut short). */
  maxSeconds?: number;
  /** GET this path every 20 ms on its own connection during the load: an outside view of stalls. */
  probePath?: string;
  /** Run a disk probe (append+fdatasync every 50 ms) writing here during the load. */
  diskProbeFile?: string;
}

export interface IssueResult {
  ok: number;
  failed: number;
  firstError: string | null;
  seconds: number;
  perSec: number;
  latencyMs: Summary;
  cpuPct: Record<string, number>;
  cutShort: boolean;
  /** Completion rate over the first and the last tenth of the requests: shows a slowdown as state grows. */
  perSecFirstTenth: number;
  perSecLastTenth: number;
  /** Response times of the probe requests, when a probe ran. */
  probeMs: Summary | null;
  diskProbeMs: Summary | null;
}

export async function issue(o: IssueOptions): Promise<IssueResult> {
  const agent = keepAliveAgent(o.concurrency);
  const lat: number[] = [];
  const doneAt: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const cpu = new CpuMeter({ ...o.pids, bench: process.pid }).start();
  const t0 = nowMs();
  const stopAt = t0 + (o.maxSeconds ?? Infinity) * 1000;
  let cutShort = false;
  let running = true;
  const probe = o.probePath ? runProbe(o.port, o.probePath, () => running) : Promise.resolve(null);
  const disk = o.diskProbeFile ? new DiskProbe(o.diskProbeFile).start() : null;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < o.total) {
        if (nowMs() > stopAt) {
          cutShort = true;
          break;
        }
        const i = next++;
        const s = nowMs();
        try {
          const r = await request(agent, o.port, 'POST', o.path, o.body(i));
          if (r.status === 201) {
            const t = nowMs();
            lat.push(t - s);
            doneAt.push(t);
          }
          else {
            failed++;
            firstError ??= `HTTP ${r.status} ${JSON.stringify(r.body)}`;
          }
        } catch (e) {
          failed++;
          firstError ??= (e as Error).message;
        }
      }
    }),
  );
  const seconds = (nowMs() - t0) / 1000;
  const cpuPct = cpu.stop();
  running = false;
  const probeMs = await probe;
  const diskProbeMs = disk ? await disk.stop() : null;
  agent.destroy();
  return {
    ok: lat.length,
    failed,
    firstError,
    seconds: round(seconds, 2),
    perSec: round(lat.length / seconds, 0),
    latencyMs: roundSummary(summarize(lat)),
    cpuPct,
    cutShort,
    ...tenths(t0, doneAt),
    probeMs: probeMs && roundSummary(probeMs),
    diskProbeMs,
  };
}

function tenths(t0: number, doneAt: number[]): { perSecFirstTenth: number; perSecLastTenth: number } {
  const k = Math.floor(doneAt.length / 10);
  if (k < 2) return { perSecFirstTenth: NaN, perSecLastTenth: NaN };
  const first = k / ((doneAt[k - 1]! - t0) / 1000);
  const last = k / ((doneAt[doneAt.length - 1]! - doneAt[doneAt.length - 1 - k]!) / 1000);
  return { perSecFirstTenth: round(first, 0), perSecLastTenth: round(last, 0) };
}

async function runProbe(port: number, path: string, running: () => boolean): Promise<Summary> {
  const agent = keepAliveAgent(1);
  const times: number[] = [];
  while (running()) {
    const s = nowMs();
    await request(agent, port, 'GET', path).catch(() => null);
    times.push(nowMs() - s);
    await sleep(20);
  }
  agent.destroy();
  return summarize(times);
}

/**
 * Does monitorEventLoopDelay, set up as server/metrics.ts sets it up (resolution 5 ms),
 * see a stall? In Node 20 the histogram records the time between its timer ticks, so a
 * quiet loop reads about the resolution (≈5 ms) and a stall of X ms reads X to X+5 ms.
 * Blocks this process's loop for `blockMs` after a quiet control second.
 */
export async function checkLoopMonitor(blockMs = 30): Promise<{ quietMeanMs: number; quietMaxMs: number; blockMs: number; seenMaxMs: number; trustworthy: boolean }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  await sleep(1000);
  const quietMeanMs = h.mean / 1e6;
  const quietMaxMs = h.max / 1e6;
  h.reset();
  await sleep(50);
  const end = nowMs() + blockMs;
  while (nowMs() < end) {
    /* busy: the loop cannot run timers */
  }
  await sleep(50);
  const seenMaxMs = h.max / 1e6;
  h.disable();
  return { quietMeanMs: round(quietMeanMs), quietMaxMs: round(quietMaxMs), blockMs, seenMaxMs: round(seenMaxMs), trustworthy: seenMaxMs >= blockMs * 0.9 };
}

/** The demo hall's businesses, taken round-robin as a kiosk queue would. */
export const DEMO_SERVICES = ['social', 'civil', 'forestry', 'finance', 'household', 'family', 'medical', 'housing'];
export const takeBody = (i: number) => ({ serviceId: DEMO_SERVICES[i % DEMO_SERVICES.length] });
