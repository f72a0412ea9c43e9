// Closed days, one file each: data/archive/YYYY-MM-DD.json. Written once at rollover,
// read by reports; the live snapshot never carries them.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dayFacts, type DayFacts } from '../../shared/core/reports.ts';
import type { DayArchive, DayNames } from '../../shared/types.ts';
import { writeFileDurable } from './durable.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

export class Archive {
  constructor(private readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  async write(archive: DayArchive): Promise<void> {
    await writeFileDurable(path.join(this.dir, `${archive.day}.json`), JSON.stringify(archive));
    await rm(this.factsFile(archive.day), { force: true }); // derived from the archive: rebuilt on demand
  }

  private factsFile(day: string): string {
    return path.join(this.dir, `${day}.facts.json`);
  }

  /**
   * The day reduced for reports, cached beside the archive: a quarter's report reads
   * these instead of whole days. `names` covers archives written before names were kept.
   */
  async facts(day: string, names: DayNames): Promise<DayFacts | null> {
    try {
      return JSON.parse(await readFile(this.factsFile(day), 'utf8')) as DayFacts;
    } catch (e) {
      // Missing, or cut short by a crash while caching: rebuild it from the archive.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(e instanceof SyntaxError)) throw e;
    }
    const archive = await this.read(day);
    if (!archive) return null;
    const facts = dayFacts(archive, names);
    // A cache: written plainly, and a torn one is rebuilt from the archive next time.
    await writeFile(this.factsFile(day), JSON.stringify(facts), { mode: 0o600 }).catch(() => {});
    return facts;
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
