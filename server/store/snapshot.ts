// The lowdb side of storage: a snapshot of the live state, replaced whole.
// lowdb's own JSONFile renames without fsync, so it gets a durable adapter here.
import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { HallData } from '../../shared/types.ts';
import { writeFileDurable } from './durable.ts';

export interface SnapshotFile {
  format: 1;
  seq: number; // last journal entry included
  savedAt: string;
  data: HallData;
}

/**
 * Serialises synchronously on `write()` (before its first await), so the snapshot is
 * the state at that instant even while commands keep changing it.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(data));
  }
}

export function snapshotDb(file: string): Low<SnapshotFile | null> {
  return new Low<SnapshotFile | null>(new DurableJSONFile<SnapshotFile | null>(file), null);
}
