// Starting and stopping the servers under test, each a separate child process with its
// own temp data directory and free port; and preparing the 20-window data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectStatus, keepAliveAgent, request, sleep } from './lib.ts';
import type { FromSwarm, ToSwarm } from './swarm.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'bench-Pass-2024';

const PORT_MIN = 4100;
const PORT_MAX = 4300;

export interface Proc {
  name: string;
  pid: number;
  port: number;
  dataDir: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

const running = new Set<Proc>();
const tempDirs = new Set<string>();

/** A port in 4100–4300 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const span = PORT_MAX - PORT_MIN + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = PORT_MIN + ((start + i) % span);
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error('no free port in 4100–4300');
}

export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(`/tmp/bench-${label}-`);
  tempDirs.add(dir);
  return dir;
}

export interface StartOptions {
  name: string;
  /** Script relative to the repo root, run with `node --import tsx`. */
  script: string;
  dataDir: string;
  port?: number;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Path answering 200 once the server is ready. */
  readyPath?: string;
  env?: Record<string, string>;
}

/**
 * What `npm start` gives the server (package.json): glibc returns large buffers to the
 * system; V8 keeps a 2 MB young generation and grows the old one by 20 % at a time (a
 * hall box is small). --optimize-for-size held RSS 5 MB lower but every full GC then
 * compacted, and stalls reached 20-35 ms under a burst of takes. Every server in the
 * bench, ours and the baselines, runs with the same.
 */
const START_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
const START_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=2 --heap-growing-percent=20').split(' ').filter(Boolean);

export async function startProcess(o: StartOptions): Promise<Proc> {
  const port = o.port ?? (await freePort());
  const logFile = path.join(o.dataDir, `..`, `${path.basename(o.dataDir)}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...START_FLAGS, ...(o.nodeFlags ?? []), '--import', 'tsx', o.script], {
    cwd: repoRoot,
    // Every server, ours and the baselines, runs with the allocator settings npm start uses.
    env: { ...process.env, ...START_ENV, NODE_ENV: 'production', PORT: String(port), DATA_DIR: o.dataDir, DEMO_PASSWORD, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Proc = { name: o.name, pid: child.pid!, port, dataDir: o.dataDir, child, logFile, exited };
  running.add(proc);
  void exited.then(() => running.delete(proc));

  const agent = keepAliveAgent(1);
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${o.name} exited with code ${child.exitCode}:\n${tail(logFile)}`);
      try {
        const r = await request(agent, port, 'GET', o.readyPath ?? '/api/health');
        if (r.status === 200) return proc;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`${o.name} did not become ready in 30 s:\n${tail(logFile)}`);
      await sleep(100);
    }
  } finally {
    agent.destroy();
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/** SIGTERM (the server saves a snapshot and exits), then SIGKILL after `graceMs`. */
export async function stopProcess(p: Proc, graceMs = 10_000): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  const code = await p.exited;
  clearTimeout(timer);
  return code;
}

/** Kills whatever is still running and removes the temp dirs (on success and on error). */
export async function cleanup(keepDirs = false): Promise<void> {
  await Promise.all([...running].map((p) => stopProcess(p, 3000)));
  if (!keepDirs) {
    for (const d of tempDirs) {
      await rm(d, { recursive: true, force: true });
      await rm(`${d}.log`, { force: true }).catch(() => {});
    }
  }
  tempDirs.clear();
}

/** Last-resort synchronous kill when the bench process itself is exiting. */
export function killAllSync(): void {
  for (const p of running) {
    try {
      p.child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/**
 * Every request of the bench comes from 127.0.0.1, standing for many kiosks at once: the
 * hall's per-address limits (设置 → 取号与留言限制, 30 takes a minute by default) are
 * raised to their highest through the settings API, as an admin would.
 */
export async function liftLimits(port: number): Promise<void> {
  const agent = keepAliveAgent(1);
  try {
    const { token } = expectStatus(await request(agent, port, 'POST', '/api/session', { username: 'admin', password: DEMO_PASSWORD }), 200, 'admin sign-in').body as { token: string };
    const { settings } = expectStatus(await request(agent, port, 'GET', '/api/settings', undefined, token), 200, 'GET /api/settings').body as { settings: Record<string, unknown> };
    const { printer: _, ...hall } = settings;
    expectStatus(await request(agent, port, 'PUT', '/api/settings/hall', { ...hall, limits: { takesPerMinute: 100_000, commentsPerHour: 100_000 } }, token), 200, 'PUT /api/settings/hall (limits)');
  } finally {
    agent.destroy();
  }
}

export const startHallServer = (name: string, dataDir: string, nodeFlags?: string[]) =>
  startProcess({ name, script: 'server/main.ts', dataDir, ...(nodeFlags && { nodeFlags }) });

/**
 * A data directory with 20 windows. There is no settings API yet, so:
 *  1. start the server once on an empty dir: it seeds the demo hall (windows "1".."6",
 *     clerk1..clerk6, every password = DEMO_PASSWORD);
 *  2. stop it gracefully (SIGTERM → it writes snapshot.json and exits);
 *  3. edit DATA_DIR/snapshot.json: add counters "7".."20" shaped like the seeded ones
 *     (serviceIds ['social'], clerkA = a new clerk7..clerk20, clerkB = the next one of
 *     those, AB岗), add those users by copying clerk1's record with a new id, username,
 *     name and staff number (clerk1's passwordHash is valid because every seeded
 *     account has the same DEMO_PASSWORD), and an idle runtime entry for each window;
 *  4. the caller then starts the server again on this directory. The journal after the
 *     snapshot is empty, so the edited snapshot is the whole state.
 */
export async function prepareTwentyWindowDir(windows = 20): Promise<string> {
  const dir = await tempDir('hall20');
  const first = await startHallServer('hall-seed', dir);
  const code = await stopProcess(first);
  if (code !== 0) throw new Error(`seeding server exited with ${code}:\n${tail(first.logFile)}`);

  const file = path.join(dir, 'snapshot.json');
  const snap = JSON.parse(await readFile(file, 'utf8')) as { data: any };
  const data = snap.data;
  const clerk1 = data.users.find((u: any) => u.username === 'clerk1');
  const counter1 = data.counters.find((c: any) => c.id === '1');
  const runtime1 = data.runtime['1'];
  if (!clerk1 || !counter1 || !runtime1) throw new Error('seeded snapshot does not have clerk1 / window 1');
  const existing = data.counters.length as number;
  for (let i = existing + 1; i <= windows; i++) {
    const next = i === windows ? existing + 1 : i + 1;
    data.users.push({ ...clerk1, id: `u-clerk${i}`, username: `clerk${i}`, name: `测试员${i}`, staffNo: `QS${String(100 + i).padStart(3, '0')}` });
    data.counters.push({ ...counter1, id: String(i), name: `${i}号窗口`, serviceIds: ['social'], clerkA: `u-clerk${i}`, clerkB: `u-clerk${next}` });
    data.runtime[String(i)] = { ...runtime1, signedIn: null, paused: null, currentTicketId: null, priorityStreak: 0 };
  }
  await writeFile(file, JSON.stringify(snap));
  return dir;
}

/** The snapshot's journal sequence number, read from the start of snapshot.json. */
export async function snapshotSeq(dataDir: string): Promise<number | null> {
  try {
    const fh = await open(path.join(dataDir, 'snapshot.json'), 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(200), 0, 200, 0);
      const m = /"seq":(\d+)/.exec(buffer.subarray(0, bytesRead).toString('utf8'));
      return m ? Number(m[1]) : null;
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ display-client swarm

export interface Swarm {
  pid: number;
  connect(port: number, count: number): Promise<{ count: number; failed: number; ms: number }>;
  /** Called for each call once every client of the swarm has received it. */
  onCall(fn: (c: { key: string; first: number; last: number; n: number }) => void): void;
  stats(): Promise<Extract<FromSwarm, { op: 'stats' }>>;
  pending(): Promise<Extract<FromSwarm, { op: 'pending' }>['calls']>;
  close(): Promise<void>;
}

/** Starts bench/swarm.ts as a child process with an IPC channel. */
export async function startSwarm(): Promise<Swarm> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/swarm.ts'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const proc: Proc = { name: 'swarm', pid: child.pid!, port: 0, dataDir: '', child, logFile: '', exited };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  let callHandler: (c: { key: string; first: number; last: number; n: number }) => void = () => {};
  const waiters = new Map<string, (m: FromSwarm) => void>();
  child.on('message', (m: FromSwarm) => {
    if (m.op === 'call') return callHandler(m);
    const w = waiters.get(m.op);
    waiters.delete(m.op);
    w?.(m);
  });
  const ask = <T extends FromSwarm>(msg: ToSwarm, reply: T['op']): Promise<T> =>
    new Promise((resolve, reject) => {
      waiters.set(reply, resolve as (m: FromSwarm) => void);
      child.send(msg, (e) => e && reject(e));
      void exited.then((code) => reject(new Error(`swarm exited (${code})`)));
    });
  return {
    pid: child.pid!,
    connect: (port, count) => ask<Extract<FromSwarm, { op: 'connected' }>>({ op: 'connect', port, count }, 'connected'),
    onCall: (fn) => {
      callHandler = fn;
    },
    stats: () => ask<Extract<FromSwarm, { op: 'stats' }>>({ op: 'stats' }, 'stats'),
    pending: async () => (await ask<Extract<FromSwarm, { op: 'pending' }>>({ op: 'pending' }, 'pending')).calls,
    close: async () => {
      if (child.exitCode === null) {
        await ask({ op: 'close' }, 'closed').catch(() => {});
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}
