// Append-only command journal with group commit: every line appended while one
// write is in flight goes out in the next write together, so a burst of commands
// costs a few disk flushes, not one each. A line's promise resolves only once it is
// on disk. The file is opened O_DSYNC where the system has it (Linux, macOS): each
// write returns only once its data is on stable storage, as write + fdatasync would,
// in one trip to the thread pool instead of two.
import { constants } from 'node:fs';
import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { syncDir } from './durable.ts';
import path from 'node:path';

export interface JournalEntry<C> {
  s: number; // sequence number, consecutive
  c: C;
}

type Waiter = { resolve: () => void; reject: (e: unknown) => void };
type Item = { line: string } | { rotateTo: string };

const FILE_RE = /^journal-(\d{12})\.ndjson$/;
const RELEASE_SLICE = 8;
export const journalName = (firstSeq: number) => `journal-${String(firstSeq).padStart(12, '0')}.ndjson`;

const DSYNC = constants.O_DSYNC;

/**
 * Opens (creating) a journal file for appending. A last line cut off by a crash was
 * never acknowledged and is cut away first: appending after it would glue the next
 * entry onto the fragment. The directory is synced so a new file survives a power cut.
 */
async function openForAppend(file: string): Promise<FileHandle> {
  await dropTornTail(file);
  const fh = await (DSYNC ? open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND | DSYNC, 0o600) : open(file, 'a', 0o600));
  await syncDir(path.dirname(file));
  return fh;
}

async function dropTornTail(file: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const keep = bytes.lastIndexOf(0x0a) + 1;
  if (keep === bytes.length) return;
  const fh = await open(file, 'r+');
  try {
    await fh.truncate(keep);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

export class Journal {
  private fh: FileHandle | null = null;
  private items: Item[] = [];
  private waiters: Waiter[] = [];
  private flushing = false;
  private failed: unknown = null;
  /** Bytes of the current file known to be on disk: everything acknowledged, no more. */
  private durableSize = 0;

  private constructor(private readonly dir: string) {}

  /** Opens (creating) the journal file that starts at `firstSeq`. */
  static async open(dir: string, firstSeq: number): Promise<Journal> {
    const j = new Journal(dir);
    await j.openFile(path.join(dir, journalName(firstSeq)));
    return j;
  }

  private async openFile(file: string): Promise<void> {
    // The old file stays open until the new one is: a rotation that fails (disk full)
    // leaves a journal that can still be cut back and written.
    const fh = await openForAppend(file);
    const size = (await fh.stat()).size;
    await this.fh?.close().catch(() => {});
    this.fh = fh;
    this.durableSize = size;
  }

  /**
   * After a failed write (disk full, I/O error): cuts the file back to what was
   * acknowledged, so lines of refused commands that reached the disk in part or whole
   * never come back on replay, and accepts appends again. Throws (and stays failed)
   * while the disk still refuses.
   */
  async recover(): Promise<void> {
    if (!this.failed) return;
    await this.fh!.truncate(this.durableSize);
    await this.fh!.datasync();
    this.failed = null;
  }

  /** Durable when the promise resolves. */
  append(line: string): Promise<void> {
    this.items.push({ line: line + '\n' });
    return this.wait();
  }

  /** Resolves when everything appended before this call is durable. */
  barrier(): Promise<void> {
    if (!this.flushing && this.items.length === 0) return this.failed ? Promise.reject(this.failed) : Promise.resolve();
    return this.wait();
  }

  /** Lines appended after this call go to a new file starting at `firstSeq`. */
  rotate(firstSeq: number): Promise<void> {
    this.items.push({ rotateTo: path.join(this.dir, journalName(firstSeq)) });
    return this.wait();
  }

  async close(): Promise<void> {
    await this.barrier().catch(() => {});
    await this.fh?.close();
    this.fh = null;
  }

  private wait(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) {
      this.flushing = true;
      // Starts right after the current task: commands arriving while this write and
      // fsync are under way form the next batch, so bursts still share fsyncs.
      queueMicrotask(() => void this.flush());
    }
    return p;
  }

  private async flush(): Promise<void> {
    while (this.items.length > 0 || this.waiters.length > 0) {
      const items = this.items;
      const waiters = this.waiters;
      this.items = [];
      this.waiters = [];
      try {
        let buf = '';
        for (const item of items) {
          if ('line' in item) {
            buf += item.line;
            continue;
          }
          await this.writeOut(buf);
          buf = '';
          await this.openFile(item.rotateTo);
        }
        await this.writeOut(buf);
        // A batch can hold a hundred commands; their replies and broadcasts run when they
        // are resolved. Resolving them in slices lets the event loop breathe in between.
        for (let i = 0; i < waiters.length; i += RELEASE_SLICE) {
          if (i > 0) await new Promise<void>((r) => setImmediate(r));
          for (const w of waiters.slice(i, i + RELEASE_SLICE)) w.resolve();
        }
      } catch (e) {
        // A journal that cannot write must not acknowledge anything again.
        this.failed = e;
        for (const w of [...waiters, ...this.waiters]) w.reject(e);
        this.waiters = [];
        this.items = [];
      }
    }
    this.flushing = false;
  }

  private async writeOut(buf: string): Promise<void> {
    if (!buf) return;
    // A regular file takes the whole buffer in one write unless the disk is failing;
    // a short write is finished rather than left as half a line.
    const bytes = Buffer.from(buf);
    for (let at = 0; at < bytes.length; ) at += (await this.fh!.write(bytes, at)).bytesWritten;
    if (!DSYNC) await this.fh!.datasync();
    this.durableSize += bytes.length;
  }
}

/** Journal files in the directory, oldest first. */
export async function journalFiles(dir: string): Promise<{ file: string; firstSeq: number }[]> {
  const names = await readdir(dir);
  return names
    .map((n) => ({ n, m: FILE_RE.exec(n) }))
    .filter((x) => x.m)
    .map((x) => ({ file: path.join(dir, x.n), firstSeq: Number(x.m![1]) }))
    .sort((a, b) => a.firstSeq - b.firstSeq);
}

/**
 * Every entry after `afterSeq`, in order. A last line without its newline was cut
 * off by a crash mid-write and was never acknowledged: it is ignored. Anything
 * else unreadable is corruption, and loading stops with the file and line.
 */
export async function readJournal<E extends { s: number }>(dir: string, afterSeq: number): Promise<E[]> {
  const out: E[] = [];
  let expected = afterSeq + 1;
  for (const { file } of await journalFiles(dir)) {
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const torn = lines.pop(); // '' when the file ends with a newline
    if (torn) console.warn(`journal: ignoring an incomplete last line in ${path.basename(file)} (cut off by a crash)`);
    lines.forEach((line, i) => {
      let entry: E;
      try {
        entry = JSON.parse(line) as E;
      } catch {
        throw new Error(`journal ${file} line ${i + 1} is unreadable: the data directory is damaged`);
      }
      if (entry.s <= afterSeq) return;
      if (entry.s !== expected) throw new Error(`journal ${file} line ${i + 1}: expected entry ${expected}, found ${entry.s}`);
      out.push(entry);
      expected++;
    });
  }
  return out;
}

/** Deletes journal files whose entries are all at or before `seq` (now in a snapshot). */
export async function dropJournalsThrough(dir: string, seq: number): Promise<void> {
  const files = await journalFiles(dir);
  for (let i = 0; i < files.length; i++) {
    const nextFirst = files[i + 1]?.firstSeq;
    if (nextFirst !== undefined && nextFirst <= seq + 1) await unlink(files[i]!.file);
  }
}
