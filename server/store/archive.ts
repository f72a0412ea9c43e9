// Closed days, one file each: data/archive/YYYY-MM-DD.json. Written once at rollover,
// read by reports; the live snapshot never carries them. Comments that left the live
// state are filed apart, by the day each was left on: YYYY-MM-DD.comments.json (a day's
// file may be written again: a comment answered after it was archived is filed anew).
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dayFacts, type DayFacts } from '../../shared/core/reports.ts';
import { dayOf, newestFirst } from '../../shared/core/commentBook.ts';
import { isDay } from '../../shared/core/time.ts';
import type { CommentEntry, DayArchive, DayNames } from '../../shared/types.ts';
import { writeFileDurable } from './durable.ts';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
const COMMENTS_FILE = /^(\d{4}-\d{2}-\d{2})\.comments\.json$/;

export class Archive {
  constructor(private readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  async write(archive: DayArchive): Promise<void> {
    const { comments, ...day } = archive;
    // Comments first: the day leaves the live state only once both are durable.
    if (comments?.length) await this.writeComments(comments);
    await writeFileDurable(path.join(this.dir, `${archive.day}.json`), JSON.stringify(day));
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

  /**
   * Files comments by the day each was left on, merged with what that day's file holds:
   * a newer copy of a comment (answered since) replaces the older. Writing the same
   * comments again changes nothing, so a retried archive is harmless.
   */
  async writeComments(comments: CommentEntry[]): Promise<void> {
    const byDay = new Map<string, CommentEntry[]>();
    for (const c of comments) {
      const day = dayOf(c);
      if (!isDay(day)) throw new Error(`comment ${c.id} has no day: ${c.at}`);
      byDay.get(day)?.push(c) ?? byDay.set(day, [c]);
    }
    for (const [day, fresh] of byDay) {
      const merged = new Map((await this.comments(day)).map((c) => [c.id, c]));
      for (const c of fresh) merged.set(c.id, c);
      await writeFileDurable(path.join(this.dir, `${day}.comments.json`), JSON.stringify(newestFirst([...merged.values()])));
    }
  }

  /** A day's archived comments, newest first; [] for none. */
  async comments(day: string): Promise<CommentEntry[]> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, `${day}.comments.json`), 'utf8')) as CommentEntry[];
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  /** Days with archived comments, oldest first. */
  async commentDays(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.flatMap((n) => COMMENTS_FILE.exec(n)?.[1] ?? []).sort();
  }

  /** An archived comment by id, newest days first (replies mostly go to recent ones). */
  async findComment(id: string): Promise<CommentEntry | null> {
    for (const day of (await this.commentDays()).reverse()) {
      const c = (await this.comments(day)).find((x) => x.id === id);
      if (c) return c;
    }
    return null;
  }

  /** Archived days, oldest first. */
  async days(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.flatMap((n) => DAY_FILE.exec(n)?.[1] ?? []).sort();
  }
}
