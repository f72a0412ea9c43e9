// The hall's storage port and its file implementation:
//   snapshot.json   lowdb: the live state as of journal entry `seq`
//   journal-*.ndjson  the facts of every command since, fsync'ed before they are
//                   acknowledged: one line per command, `{"s": seq, "f": [facts]}`
//                   (journals written before facts existed hold `{"s", "c": command}`)
//   archive/        closed days
import { chmod, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { writeFileDurable } from './durable.ts';
import path from 'node:path';
import type { Command } from '../../shared/core/commands.ts';
import type { Fact } from '../../shared/core/facts.ts';
import type { DayArchive, HallData } from '../../shared/types.ts';
import { Archive } from './archive.ts';
import { Journal, dropJournalsThrough, readJournal, type JournalEntry } from './journal.ts';
import { LOCK_FILE, lockDirectory } from './lock.ts';
import { snapshotDb, type SnapshotFile } from './snapshot.ts';
import { isoLocal } from '../../shared/core/time.ts';

/** A journal line: a command's facts, or (in journals from before facts) the command. */
export type JournalLine = { s: number; f: Fact[] } | JournalEntry<Command>;

export interface Loaded {
  data: HallData | null; // null: a new, empty data directory
  seq: number;
  entries: JournalLine[];
}

export interface Store {
  readonly dir: string;
  load(): Promise<Loaded>;
  /** Starts journaling after `seq`; call once after load. */
  openJournal(seq: number): Promise<void>;
  /** Durable when resolved. */
  append(entry: { s: number; f: Fact[] }): Promise<void>;
  /** Resolves when everything appended so far is durable. */
  barrier(): Promise<void>;
  /** After a failed append: drops what was not acknowledged and accepts appends again. */
  recover(): Promise<void>;
  /**
   * Saves the state as of `seq` and drops the journal it covers. Serialises
   * synchronously, so call it between commands.
   */
  snapshot(data: HallData, seq: number, at: number): Promise<void>;
  archive: Archive;
  /**
   * 县中心: the last journal line the county acknowledged (county-shipped.json), or null
   * when the hall ships nowhere. While set, snapshots keep every journal file holding a
   * line after it, so the backlog of a hall long offline still ships after a restart.
   */
  shipped?: { read(): Promise<number | null>; write(seq: number | null): Promise<void> };
  close(): Promise<void>;
}

/**
 * Opens a data directory for one server: locked against a second one, readable by
 * its user only (it holds password hashes and raters' phones).
 */
export async function fileStore(dir: string): Promise<Store> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const release = await lockDirectory(dir);
  let journal: Journal | null = null;
  const shippedFile = path.join(dir, SHIPPED_FILE);
  let shipped = await readShipped(shippedFile);
  const archive = new Archive(path.join(dir, 'archive'));
  const db = snapshotDb(path.join(dir, 'snapshot.json'));
  try {
    await archive.init();
  } catch (e) {
    await release();
    throw e;
  }

  return {
    dir,
    archive,
    async load() {
      await db.read();
      const snap = db.data;
      // Only a truly empty directory becomes a new (demo) hall. One that holds a journal
      // or closed days but no readable snapshot is a hall whose state is missing:
      // seeding it would silently replace its accounts and numbering.
      if (!snap?.data) await mustBeEmpty(dir);
      const seq = snap?.seq ?? 0;
      const entries = await readJournal<JournalLine>(dir, seq);
      return { data: snap?.data ?? null, seq, entries };
    },
    async openJournal(seq) {
      journal = await Journal.open(dir, seq + 1);
    },
    append(entry) {
      return journal!.append(JSON.stringify(entry));
    },
    barrier() {
      return journal ? journal.barrier() : Promise.resolve();
    },
    async recover() {
      await journal?.recover();
    },
    async snapshot(data, seq, at) {
      const file: SnapshotFile = { format: 1, seq, savedAt: isoLocal(at, data.settings.timeZone), data };
      db.data = file;
      const written = db.write(); // serialised now, before any other command runs
      const rotated = journal?.rotate(seq + 1);
      await Promise.all([written, rotated]);
      // A stale acknowledged seq only keeps more files, never fewer.
      await dropJournalsThrough(dir, shipped === null ? seq : Math.min(seq, shipped));
    },
    shipped: {
      read: async () => shipped,
      async write(seq) {
        if (seq === null) await rm(shippedFile, { force: true });
        else await writeFileDurable(shippedFile, JSON.stringify({ seq }) + '\n');
        shipped = seq;
      },
    },
    async close() {
      await journal?.close();
      await release();
    },
  };
}

const SHIPPED_FILE = 'county-shipped.json';

/** A missing or unreadable file means nothing acknowledged yet: keep everything (0). */
async function readShipped(file: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 0;
  }
  try {
    const seq = (JSON.parse(text) as { seq?: unknown }).seq;
    return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0;
  } catch {
    return 0;
  }
}

/** What a new data directory may hold before its first snapshot. */
const FRESH = new Set([LOCK_FILE, 'initial-passwords.txt', 'archive', '.snapshot.json.tmp']);

async function mustBeEmpty(dir: string): Promise<void> {
  const found = (await readdir(dir)).filter((n) => !FRESH.has(n));
  const archived = await readdir(path.join(dir, 'archive'));
  if (found.length === 0 && archived.length === 0) return;
  const what = [...found, ...archived.map((n) => `archive/${n}`)].slice(0, 5).join(', ');
  throw new Error(
    `数据目录 ${dir} 不是空的（有 ${what}），但没有可读的 snapshot.json，不会重新初始化为演示大厅。请从备份恢复 snapshot.json，或把 DATA_DIR 指向一个空目录。 / ` +
      `the data directory holds ${what} but no readable snapshot.json: refusing to seed a new hall over it; restore snapshot.json from a backup or point DATA_DIR at an empty directory`,
  );
}
