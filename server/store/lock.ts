// One server per data directory. Two servers on one directory would both issue A001
// and interleave their journals, so the first to start holds `hall.lock` (created
// exclusively, holding its pid and the pid's start time) and a second one refuses at
// once. A lock left by a process that is gone — killed, or a box that lost power —
// is taken over: its pid is not running, or is now another process (a different
// start time), so a restart after a crash never needs a person to clean up.
import { constants } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'hall.lock';

interface Holder {
  pid: number;
  /** Clock ticks since boot when the process started (Linux); null elsewhere. */
  start: number | null;
}

export class DirectoryInUse extends Error {
  constructor(dir: string, pid: number) {
    super(`数据目录 ${dir} 正由另一个服务器进程（pid ${pid}）使用；同一个数据目录只能运行一个服务器。 / the data directory is in use by another server (pid ${pid})`);
    this.name = 'DirectoryInUse';
  }
}

async function startTime(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

async function stale(holder: Holder): Promise<boolean> {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !running(holder.pid)) return true;
  if (holder.start === null) return false;
  const now = await startTime(holder.pid);
  return now !== null && now !== holder.start;
}

/** Takes the directory's lock, or throws DirectoryInUse. Resolves with its release. */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, start: await startTime(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await fh.writeFile(JSON.stringify(me));
        await fh.sync();
      } finally {
        await fh.close();
      }
      return async () => {
        await unlink(file).catch(() => {});
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DirectoryInUse(dir, (await holderOf(file))?.pid ?? 0);
        throw e;
      }
    }
    const holder = await holderOf(file);
    // A lock torn by a power cut mid-write (unreadable) belongs to no running server.
    if (holder && !(await stale(holder))) throw new DirectoryInUse(dir, holder.pid);
    await unlink(file).catch(() => {});
  }
}

async function holderOf(file: string): Promise<Holder | null> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' ? { pid: h.pid, start: typeof h.start === 'number' ? h.start : null } : null;
  } catch {
    return null;
  }
}
