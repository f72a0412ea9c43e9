// 意见簿 as the supervisor answers it. Pure.
import type { CommentEntry } from '../shared/types.ts';

export const COMMENT_KIND: Record<CommentEntry['kind'], string> = { comment: '意见建议', complaint: '投诉' };

/** Unanswered entries first, newest first within each group: what still needs a reply is on top. */
export function sortComments(entries: readonly CommentEntry[]): CommentEntry[] {
  return [...entries].sort((a, b) => Number(Boolean(a.reply)) - Number(Boolean(b.reply)) || b.at.localeCompare(a.at));
}
