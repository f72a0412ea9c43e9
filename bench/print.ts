// The bench's printed report: one section per phase, then the targets.
import path from 'node:path';
import { cfg } from './config.ts';
import { mb, round } from './lib.ts';
import type { LatencyResult, rawFsync } from './latency.ts';
import type { ProfileTop } from './profile.ts';
import type { ReportsResult } from './reports.ts';
import type { HallLatency, HallThroughput, Target } from './run.ts';
import { repoRoot } from './servers.ts';
import type { PageSize } from './sizes.ts';
import type { checkLoopMonitor, IssueResult } from './throughput.ts';

const pad = (s: unknown, n: number) => String(s).padStart(n);
const padR = (s: unknown, n: number) => String(s).padEnd(n);

function table(head: string[], rows: unknown[][], widths: number[]): string {
  const line = (cells: unknown[]) => cells.map((c, i) => (i === 0 ? padR(c, widths[0]!) : pad(c, widths[i] ?? 10))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const cpuText = (c: Record<string, number>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v}%`)
    .join(', ');

export function printLatency(base: LatencyResult, hall: HallLatency, raw: Awaited<ReturnType<typeof rawFsync>>) {
  console.log(`\n1. CALL LATENCY  clerk "next" → ticket:called at the wall screens`);
  console.log(`   ${cfg.windows} windows calling, ${hall.clients} display clients (socket.io-client, websocket), ${cfg.thinkMs} ms pause between a window's calls`);
  console.log(`   time from sending the request to the client's handler; the observer (in the measuring process) connects before the other ${hall.clients - 1} (in a child process), so the server writes to it first`);
  console.log(`   both servers up together, measured in ${cfg.rounds} alternating rounds after a warm-up, so drifts in machine load hit both`);
  const row = (name: string, r: LatencyResult, s: LatencyResult['observerMs']) => [name, s.n, r.callsPerSec, s.p50, s.p90, s.p99, s.max];
  console.log(
    table(
      ['ms', 'samples', 'calls/s', 'p50', 'p90', 'p99', 'max'],
      [
        row('baseline: observer client', base, base.observerMs),
        row('baseline: last of 300', base, base.lastOf300Ms),
        row('hall: observer client', hall, hall.observerMs),
        row('hall: last of 300', hall, hall.lastOf300Ms),
        row('hall: HTTP reply to "next"', hall, hall.nextReplyMs),
      ],
      [30, 8, 8, 8, 8, 8, 8],
    ),
  );
  console.log(`   raw append+fdatasync of a small record, in-process: p50 ${raw.p50Us} µs, p99 ${raw.p99Us} µs, max ${raw.maxUs} µs`);
  console.log(`   ratio hall/baseline p99: observer ${round(hall.observerMs.p99 / base.observerMs.p99)}×, last of 300 ${round(hall.lastOf300Ms.p99 / base.lastOf300Ms.p99)}×`);
  console.log(`   CPU baseline run: ${cpuText(base.cpuPct)}`);
  console.log(`   CPU hall run:     ${cpuText(hall.cpuPct)}`);
  console.log(`   disk probe (append+fdatasync every 50 ms, bench process): during baseline rounds p50 ${base.diskProbeMs.p50} / p99 ${base.diskProbeMs.p99} / max ${base.diskProbeMs.max} ms; during hall rounds p50 ${hall.diskProbeMs.p50} / p99 ${hall.diskProbeMs.p99} / max ${hall.diskProbeMs.max} ms`);
  console.log(`   hall event loop over the whole latency phase (/api/metrics): max ${hall.eventLoopDelay.maxMs} ms, p99 ${hall.eventLoopDelay.p99Ms} ms`);
  console.log(`   hall also pushed ${hall.swarmMessages.states} hall:state messages to the ${hall.clients - 1} swarm clients (${round(hall.swarmMessages.states / (hall.clients - 1) / hall.durationSec, 1)}/s each, ${round(hall.hallStateBytes / 1000, 1)} kB each)`);
  for (const [name, r] of [['baseline', base], ['hall', hall]] as const) {
    if (r.lost || r.incompleteFanout || r.errors.length || r.windowsOutOfTickets.length)
      console.log(`   ${name}: ${r.lost} calls never reached the observer, ${r.incompleteFanout} not reported by every client, errors: ${r.errors.join('; ') || 'none'}, windows out of tickets: ${r.windowsOutOfTickets.join(' ') || 'none'}`);
  }
}

export function printThroughput(base: IssueResult, hall: HallThroughput) {
  console.log(`\n2. DURABLE TICKET ISSUANCE  POST take-a-ticket, ${cfg.concurrency} concurrent keep-alive clients, ${cfg.takes} requests`);
  console.log(`   hall: ${cfg.pretake} tickets taken first (${hall.pretake.perSec}/s), then idle; ${hall.sockets} display clients connected throughout; businesses round-robin`);
  const row = (name: string, r: IssueResult) => [name, r.ok, r.failed, r.seconds, r.perSec, r.latencyMs.p50, r.latencyMs.p99, r.latencyMs.max];
  console.log(table(['', 'ok', 'failed', 'seconds', 'per s', 'p50 ms', 'p99 ms', 'max ms'], [row('baseline node:http + fdatasync', base), row('hall POST /api/tickets', hall.load)], [30, 7, 7, 8, 7, 8, 8, 8]));
  console.log(`   ratio hall/baseline rate: ${round(hall.load.perSec / base.perSec)}×`);
  console.log(`   hall rate as tickets accumulate: first tenth of the pre-load ${hall.pretake.perSecFirstTenth}/s, last tenth of the pre-load ${hall.pretake.perSecLastTenth}/s, first tenth of the measured load ${hall.load.perSecFirstTenth}/s, last tenth ${hall.load.perSecLastTenth}/s (baseline: ${base.perSecFirstTenth} → ${base.perSecLastTenth}/s)`);
  console.log(`   CPU baseline run: ${cpuText(base.cpuPct)}`);
  console.log(`   CPU hall run:     ${cpuText(hall.load.cpuPct)}`);
  console.log(`   disk probe (append+fdatasync every 50 ms, bench process): baseline run p50 ${base.diskProbeMs?.p50} / p99 ${base.diskProbeMs?.p99} / max ${base.diskProbeMs?.max} ms; hall run p50 ${hall.load.diskProbeMs?.p50} / p99 ${hall.load.diskProbeMs?.p99} / max ${hall.load.diskProbeMs?.max} ms`);
  if (hall.load.cutShort) console.log(`   NOTE: the hall run was cut short after ${cfg.maxSeconds} s (BENCH_MAX_SECONDS); the rate is over what was issued`);
  if (hall.load.firstError || base.firstError) console.log(`   first error: hall ${hall.load.firstError ?? 'none'}, baseline ${base.firstError ?? 'none'}`);
  console.log(`   idle snapshot after the first ${cfg.pretake}: snapshot.json seq ${hall.snapshotSeqBefore} → ${hall.snapshotSeqAfterIdle}`);
}

export function printLoop(hall: HallThroughput, check: Awaited<ReturnType<typeof checkLoopMonitor>>) {
  const m = hall.metrics.eventLoopDelay;
  const idle = hall.idleControl.eventLoopDelay;
  console.log(`\n3. EVENT-LOOP STALLS during the issuance load (GET /api/metrics after POST /api/metrics/reset)`);
  console.log(`   hall under load: max ${m.maxMs} ms, p99 ${m.p99Ms} ms, mean ${m.meanMs} ms`);
  console.log(`   same server idle 2 s (control, noise floor of this machine): max ${idle.maxMs} ms, p99 ${idle.p99Ms} ms, mean ${idle.meanMs} ms`);
  if (hall.load.probeMs) console.log(`   outside view: GET /api/health every 20 ms during the load answered in p50 ${hall.load.probeMs.p50} ms, p99 ${hall.load.probeMs.p99} ms, max ${hall.load.probeMs.max} ms`);
  console.log(
    `   histogram self-check (resolution 5 ms, as in server/metrics.ts): quiet mean ${check.quietMeanMs} ms, a ${check.blockMs} ms busy loop read as ${check.seenMaxMs} ms → ${check.trustworthy ? 'stalls are reported' : 'NOT TRUSTWORTHY'}; figures are tick-to-tick times, so they include the 5 ms resolution`,
  );
}

export function printRss(base: LatencyResult & { rssAtStartBytes: number }, hallLat: HallLatency, hall: HallThroughput) {
  console.log(`\n4. MEMORY (VmRSS from /proc; both servers run under node --import tsx)`);
  console.log(
    table(
      ['', 'RSS MB', 'connections'],
      [
        ['baseline Socket.IO: at start', mb(base.rssAtStartBytes), 0],
        ['baseline Socket.IO: after calls', mb(base.serverRssBytes), base.clients],
        ['hall: at start (first start)', mb(hall.rssAtStartBytes), 0],
        ['hall after issuance load', mb(hall.rssProcBytes), hall.sockets],
        ['  (its /api/metrics rssBytes)', mb(hall.metrics.rssBytes), hall.sockets],
        ['hall after latency run', mb(hallLat.serverRssBytes), hallLat.clients],
      ],
      [32, 8, 12],
    ),
  );
  console.log(`   ratio hall/baseline: ${round(hall.rssProcBytes / base.serverRssBytes)}×  (heap used ${mb(hall.metrics.heapUsedBytes)} MB, ${hall.metrics.tickets} tickets live)`);
}

export function printSizes(sizes: PageSize[]) {
  console.log(`\n5. PAGE WEIGHT  gzipped JS loaded up front (scripts + modulepreloads + their static imports), ${path.relative(repoRoot, cfg.distDir)}/`);
  console.log(
    table(
      ['page', 'JS kB', 'gzip kB', 'CSS gz kB', 'files'],
      sizes.map((s) => (s.missing ? [s.page, '-', '-', '-', `skipped: ${s.missing}`] : [s.page, round(s.jsBytes / 1000, 1), round(s.jsGzip / 1000, 1), round(s.cssGzip / 1000, 1), s.files.map((f) => `${path.basename(f.file)} ${round(f.gzip / 1000, 1)}`).join(', ')])),
      [12, 8, 8, 10, 0],
    ),
  );
}

export function printTargets(targets: Target[]) {
  console.log(`\nTARGETS`);
  for (const t of targets) {
    const verdict = t.pass ? 'PASS' : 'FAIL';
    console.log(`  ${verdict}  ${padR(t.what, 58)} ${pad(t.value, 9)} ${t.unit} (${t.op} ${t.limit})${t.note ? `  ${t.note}` : ''}`);
  }
  const failed = targets.filter((t) => !t.pass).length;
  console.log(failed ? `\n${failed} of ${targets.length} targets FAIL` : `\nall ${targets.length} targets PASS`);
}

export function printProfiles(profiles: Record<string, ProfileTop[]>) {
  for (const [name, list] of Object.entries(profiles)) {
    for (const p of list) {
      console.log(`\nPROFILE hall-${name} (${path.relative(repoRoot, p.file)}, ${p.totalMs} ms sampled)`);
      console.log('  self time:');
      for (const r of p.self) console.log(`    ${pad(r.ms, 7)} ms ${pad(r.pct, 5)}%  ${r.fn}`);
      console.log('  inclusive:');
      for (const r of p.inclusive) console.log(`    ${pad(r.ms, 7)} ms ${pad(r.pct, 5)}%  ${r.fn}`);
    }
  }
}

export function printReports(r: ReportsResult) {
  console.log(`\n6. REPORTS OVER HISTORY  ${r.days} archived days × ${r.ticketsPerDay} tickets (${r.archiveMb} MB of archive JSON)`);
  console.log(`   baseline: read + JSON.parse every archive file        ${r.baselineMs} ms`);
  console.log(`   hall GET /api/reports for the whole range             ${r.reportMs} ms (median of 3; per-day facts cached)`);
  console.log(`   hall, first report after the files appeared          ${r.firstReportMs} ms (builds the facts caches, as the midnight rollover does)`);
}

