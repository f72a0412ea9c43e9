// Closed days, one file each: data/archive/YYYY-MM-DD.json. Written once at rollover,
// read by reports; the live snapshot never carries them.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DayArchive } from '../../shared/types.ts';
import { writeFileDurable } from './durable.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

export class Archive {
  constructor(private readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  write(archive: DayArchive): Promise<void> {
    return writeFileDurable(path.join(this.dir, `${archive.day}.json`), JSON.stringify(archive));
  }

  async read(day: string): Promise<DayArchive | null> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${day}.json`), 'utf8')) as DayArchive;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Archived days, oldest first. */
  async days(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.flatMap((n) => DAY_FILE.exec(n)?.[1] ?? []).sort();
  }
}
