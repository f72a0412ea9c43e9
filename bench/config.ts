// The bench's settings, from the environment (see the header of run.ts).
import path from 'node:path';
import { repoRoot } from './servers.ts';

const env = process.env;
const num = (name: string, dflt: number) => (env[name] ? Number(env[name]) : dflt);
export const cfg = {
  windows: 20,
  clients: 300,
  thinkMs: num('BENCH_THINK_MS', 200),
  cycles: num('BENCH_CYCLES', 55),
  warmup: 5,
  rounds: num('BENCH_ROUNDS', 6),
  concurrency: 100,
  pretake: num('BENCH_PRETAKE', 5000),
  takes: num('BENCH_TAKES', 10_000),
  baselineWarmup: 2000,
  maxSeconds: num('BENCH_MAX_SECONDS', 120),
  distDir: path.resolve(repoRoot, env.BENCH_DIST ?? 'dist'),
  prof: env.BENCH_PROF === '1',
  reportDays: num('BENCH_REPORT_DAYS', 90),
  reportPerDay: num('BENCH_REPORT_PER_DAY', 5000),
  keep: env.BENCH_KEEP === '1',
  only: new Set((env.BENCH_ONLY ?? 'latency,throughput,reports,signins,county-ingest,county-report,county-link').split(',').map((x) => x.trim())),
};
