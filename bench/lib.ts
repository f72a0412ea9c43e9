// Small helpers shared by the benchmark modules: clocks, statistics, a keep-alive
// HTTP client, and per-process CPU / memory readings from /proc.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Monotonic clock in milliseconds. process.hrtime is CLOCK_MONOTONIC, which is the
 * same clock in every process on the machine, so times taken in the display-client
 * child process can be compared with times taken here.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an already sorted array. */
function rank(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: rank(s, 50), p90: rank(s, 90), p99: rank(s, 99), max: s[s.length - 1] ?? NaN, mean: s.length ? sum / s.length : NaN };
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

// ------------------------------------------------------------------ HTTP client

export interface HttpResult {
  status: number;
  body: any;
}

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
}

/** One JSON request over a keep-alive agent. `onSent` fires right after the request is handed to the socket. */
export function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if (text && (res.headers['content-type'] ?? '').includes('json')) {
          try {
            parsed = JSON.parse(text);
          } catch {
            /* keep text */
          }
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Throws with the server's answer when the status is not the expected one. */
export function expectStatus(r: HttpResult, want: number, what: string): HttpResult {
  if (r.status !== want) throw new Error(`${what}: HTTP ${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`);
  return r;
}

// ------------------------------------------------------------------ /proc readings

const CLK_TCK = 100; // Linux USER_HZ

/** CPU time (user + system) a process has used so far, in ms; NaN when unreadable. */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    return ((utime + stime) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Resident set size from /proc/<pid>/status, in bytes. */
export function procRssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Busy CPU time of the whole machine so far (all cores), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!; // cpu user nice system idle iowait irq softirq steal
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
    return (busy * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/**
 * Measures how busy some processes were while it ran, in % of one core, plus `others`:
 * what every other process on the machine used meanwhile (other people's tests share
 * these cores), and `idle`: what was left of all cores. start()/stop() may alternate
 * several times; stop() returns the figures accumulated over all the intervals so far.
 */
export class CpuMeter {
  private t0 = 0;
  private machine0 = 0;
  private start0 = new Map<string, number>();
  private wall = 0;
  private machine = 0;
  private used = new Map<string, number>();
  constructor(private readonly pids: Record<string, number>) {}

  start(): this {
    this.t0 = nowMs();
    this.machine0 = machineBusyMs();
    for (const [name, pid] of Object.entries(this.pids)) this.start0.set(name, cpuOf(pid));
    return this;
  }

  stop(): Record<string, number> {
    this.wall += nowMs() - this.t0;
    this.machine += machineBusyMs() - this.machine0;
    for (const [name, pid] of Object.entries(this.pids)) this.used.set(name, (this.used.get(name) ?? 0) + cpuOf(pid) - (this.start0.get(name) ?? NaN));
    return this.result();
  }

  /** The figures accumulated so far. */
  result(): Record<string, number> {
    const out: Record<string, number> = {};
    let ours = 0;
    for (const [name, used] of this.used) {
      ours += used;
      out[name] = round((100 * used) / this.wall, 0);
    }
    out.others = Math.max(0, round((100 * (this.machine - ours)) / this.wall, 0));
    out.idle = Math.max(0, round((100 * (cpus().length * this.wall - this.machine)) / this.wall, 0));
    return out;
  }
}

const cpuOf = (pid: number) => (pid === process.pid ? selfCpuMs() : procCpuMs(pid));

function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/**
 * Appends a small record and fdatasyncs it every `everyMs` in the measuring process,
 * while a phase runs: the disk's own stalls (other people's builds and tests share it)
 * show up here, independent of the server under test.
 */
export class DiskProbe {
  private times: number[] = [];
  private running = false;
  private done: Promise<void> = Promise.resolve();
  constructor(
    private readonly file: string,
    private readonly everyMs = 50,
  ) {}

  start(): this {
    this.running = true;
    this.done = (async () => {
      const { open } = await import('node:fs/promises');
      const fh = await open(this.file, 'a');
      try {
        while (this.running) {
          const t0 = nowMs();
          await fh.write(`{"probe":${Date.now()}}\n`);
          await fh.datasync();
          this.times.push(nowMs() - t0);
          await sleep(this.everyMs);
        }
      } finally {
        await fh.close();
      }
    })();
    return this;
  }

  /** Stops probing; the summary covers every start()…stop() interval so far. */
  async stop(): Promise<Summary> {
    this.running = false;
    await this.done;
    const s = summarize(this.times);
    return { n: s.n, p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
  }
}
