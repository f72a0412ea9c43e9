// 意见簿 over time. Comments used to stay in the live state for ever, so 3,000 comments
// of 1,000 characters rode in every snapshot and in one 9.5 MB answer. Now, when a day
// closes, its comments leave the live state for the archive (one file per day they were
// left on), the way the day's tickets do: every answered one, and unanswered ones beyond
// the newest UNANSWERED_KEPT, so a flood of junk cannot keep the snapshot big. What a
// supervisor still has to answer stays at hand; an archived comment can still be
// answered (it comes back into the live state with its reply, and leaves again at the
// next close). The book is read a page at a time, newest first, live and archived alike.
import type { CommentEntry, HallData } from '../types.ts';
import { refuse } from './errors.ts';
import { fact, type Fact } from './facts.ts';

/** Unanswered comments of closed days kept in the live state, newest first. */
export const UNANSWERED_KEPT = 100;
export const PAGE_SIZE = 20;
export const PAGE_MAX = 100;

/** The hall-local day a comment was left on (its `at` carries the hall's offset). */
export const dayOf = (c: Pick<CommentEntry, 'at'>): string => c.at.slice(0, 10);

/** Facts of a closing day: which comments leave the live state with it (none: no fact). */
export function archiveComments(data: HallData, day: string): Fact[] {
  const unanswered = data.comments.filter((c) => !c.reply);
  const kept = new Set(newestFirst(unanswered).slice(0, UNANSWERED_KEPT).map((c) => c.id));
  const leaving = data.comments.filter((c) => !kept.has(c.id));
  return leaving.length ? [fact('CommentsArchived', { day, commentIds: leaving.map((c) => c.id) })] : [];
}

/**
 * The comment a reply is for: live, waiting in a closed day not yet written, or (passed
 * in by the server, read from the archive) archived. An archived one comes back first.
 */
export function commentToReply(data: HallData, commentId: string, archived: CommentEntry | undefined): { entry: CommentEntry; restore: Fact[] } {
  const live = data.comments.find((c) => c.id === commentId);
  if (live) return { entry: live, restore: [] };
  const closing = (data.closing ?? []).flatMap((d) => d.comments ?? []).find((c) => c.id === commentId);
  const entry = closing ?? (archived?.id === commentId ? archived : undefined) ?? refuse('unknown_comment', 404, '没有这条意见');
  return { entry, restore: [fact('CommentRestored', { comment: entry })] };
}

// ------------------------------------------------------------------ pages

/** Newest first: by time, then id, so equal times still have one order. */
export function compareNewestFirst(a: CommentEntry, b: CommentEntry): number {
  const d = Date.parse(b.at) - Date.parse(a.at);
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export const newestFirst = (xs: readonly CommentEntry[]): CommentEntry[] => [...xs].sort(compareNewestFirst);

/** Where the next page starts: after this comment. */
export const cursorOf = (c: CommentEntry): string => `${c.at}~${c.id}`;

export const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2}))~([A-Za-z0-9_-]{1,64})$/;

export function parseCursor(cursor: string): Pick<CommentEntry, 'at' | 'id'> | null {
  const m = CURSOR.exec(cursor);
  return m && !Number.isNaN(Date.parse(m[1]!)) ? { at: m[1]!, id: m[2]! } : null;
}

export interface PageRequest {
  before: Pick<CommentEntry, 'at' | 'id'> | null;
  limit: number;
  unansweredOnly: boolean;
}

export interface CommentPage {
  comments: CommentEntry[];
  /** `before` for the next (older) page; null when there is none. */
  next: string | null;
}

/**
 * Gathers a page from the live comments and then archived days, newest day first,
 * reading no more days than the page needs. A comment seen once (the live copy first)
 * hides its older copies in later sources.
 */
export class PageBuilder {
  private readonly seen = new Set<string>();
  private readonly pool: CommentEntry[] = [];

  constructor(private readonly req: PageRequest) {}

  add(comments: Iterable<CommentEntry>): void {
    for (const c of comments) {
      if (this.seen.has(c.id)) continue;
      this.seen.add(c.id);
      if (this.req.unansweredOnly && c.reply) continue;
      if (this.req.before && compareNewestFirst(c, this.req.before as CommentEntry) <= 0) continue;
      this.pool.push(c);
    }
  }

  /** Archived days after `before`'s day cannot hold anything older than it. */
  wants(day: string): boolean {
    return !this.req.before || day <= dayOf(this.req.before);
  }

  /**
   * True once the page is certain without reading `day` (and older days): a page of
   * comments is from later days, so nothing older can come before them, and one more
   * comment is already at hand, so there is a next page.
   */
  fullBefore(day: string): boolean {
    if (this.pool.length <= this.req.limit) return false;
    let later = 0;
    for (const c of this.pool) if (dayOf(c) > day && ++later >= this.req.limit) return true;
    return false;
  }

  build(): CommentPage {
    const sorted = newestFirst(this.pool);
    const comments = sorted.slice(0, this.req.limit);
    return { comments, next: sorted.length > this.req.limit ? cursorOf(comments.at(-1)!) : null };
  }
}
