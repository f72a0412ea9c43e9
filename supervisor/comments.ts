// 意见簿 as the supervisor reads it, a page at a time. Pure.
import type { CommentEntry } from '../shared/types.ts';

export const COMMENT_KIND: Record<CommentEntry['kind'], string> = { comment: '意见建议', complaint: '投诉' };

/** Comments per page, as the server pages them. */
export const COMMENT_PAGE = 20;

/** Newest first by time, then id: the server's page order (shared/core/commentBook.ts). */
const newestFirst = (a: CommentEntry, b: CommentEntry) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The first page (read again on every change) with the older pages loaded so far. A
 * comment in both is taken from the first page, the fresher read; nothing loaded is
 * lost when new comments push entries off the first page.
 */
export function mergeComments(first: readonly CommentEntry[], older: readonly CommentEntry[]): CommentEntry[] {
  const byId = new Map<string, CommentEntry>();
  for (const c of older) byId.set(c.id, c);
  for (const c of first) byId.set(c.id, c);
  return [...byId.values()].sort(newestFirst);
}
