// The hall's storage port and its file implementation:
//   snapshot.json   lowdb: the live state as of journal entry `seq`
//   journal-*.ndjson  the facts of every command since, fsync'ed before they are
//                   acknowledged: one line per command, `{"s": seq, "f": [facts]}`
//                   (journals written before facts existed hold `{"s", "c": command}`)
//   archive/        closed days
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../../shared/core/commands.ts';
import type { Fact } from '../../shared/core/facts.ts';
import type { DayArchive, HallData } from '../../shared/types.ts';
import { Archive } from './archive.ts';
import { Journal, dropJournalsThrough, readJournal, type JournalEntry } from './journal.ts';
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
  /**
   * Saves the state as of `seq` and drops the journal it covers. Serialises
   * synchronously, so call it between commands.
   */
  snapshot(data: HallData, seq: number): Promise<void>;
  archive: Archive;
  close(): Promise<void>;
}

export async function fileStore(dir: string): Promise<Store> {
  await mkdir(dir, { recursive: true });
  const archive = new Archive(path.join(dir, 'archive'));
  await archive.init();
  const db = snapshotDb(path.join(dir, 'snapshot.json'));
  let journal: Journal | null = null;

  return {
    dir,
    archive,
    async load() {
      await db.read();
      const snap = db.data;
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
    async snapshot(data, seq) {
      const file: SnapshotFile = { format: 1, seq, savedAt: isoLocal(Date.now(), data.settings.timeZone), data };
      db.data = file;
      const written = db.write(); // serialised now, before any other command runs
      const rotated = journal?.rotate(seq + 1);
      await Promise.all([written, rotated]);
      await dropJournalsThrough(dir, seq);
    },
    async close() {
      await journal?.close();
    },
  };
}
