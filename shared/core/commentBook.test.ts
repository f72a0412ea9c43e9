import { describe, expect, it } from 'vitest';
import { T0, hall, min, run } from '../../test/fixture.ts';
import type { CommentEntry, HallData } from '../types.ts';
import { apply } from './commands.ts';
import { cursorOf, PageBuilder, parseCursor, UNANSWERED_KEPT } from './commentBook.ts';
import { HallError } from './errors.ts';
import { evolve, type Fact } from './facts.ts';

const NEXT_DAY = Date.parse('2026-11-27T00:00:05+08:00');
let n = 0;
const comment = (d: HallData, at: number, text = '意见') => apply(d, { type: 'comment', id: `c${String(++n).padStart(5, '0')}`, kind: 'comment', text, at }).comment!;
const reply = (d: HallData, id: string, at: number, archived?: CommentEntry) => apply(d, { type: 'reply', commentId: id, userId: 'admin', text: '已处理', at, ...(archived && { archived }) });

describe('comments leave the live state with their day', () => {
  it('archives answered ones and unanswered ones beyond the newest kept, in the closing day', () => {
    const d = hall();
    const answered = comment(d, T0);
    reply(d, answered.id, T0 + min(1));
    const unanswered = Array.from({ length: UNANSWERED_KEPT + 5 }, (_, i) => comment(d, T0 + min(2) + i * 1000));
    const { facts } = run(d, { type: 'rollover', at: NEXT_DAY });
    expect(facts.slice(-2).map((f) => f.type)).toEqual(['DayClosed', 'CommentsArchived']);
    // The newest unanswered stay at hand; the oldest five and the answered one leave.
    expect(d.comments.map((c) => c.id)).toEqual(unanswered.slice(5).map((c) => c.id));
    expect(d.closing![0]!.comments!.map((c) => c.id).sort()).toEqual([answered.id, ...unanswered.slice(0, 5).map((c) => c.id)].sort());
    expect(d.commentsArchivedUnanswered).toBe(5);
  });

  it('writes no fact when there is nothing to archive', () => {
    const d = hall();
    comment(d, T0);
    expect(run(d, { type: 'rollover', at: NEXT_DAY }).facts.map((f) => f.type)).toEqual(['DayClosed']);
  });

  it('answers a comment still waiting to be filed, or one from the archive, by bringing it back', () => {
    const d = hall();
    const old = Array.from({ length: UNANSWERED_KEPT + 2 }, (_, i) => comment(d, T0 + i * 1000));
    run(d, { type: 'rollover', at: NEXT_DAY });
    const pending = old[0]!; // in `closing`, its file not written yet
    const r1 = reply(d, pending.id, NEXT_DAY + min(1));
    expect(r1.facts.map((f) => f.type)).toEqual(['CommentRestored', 'CommentReplied']);
    expect(r1.comment).toMatchObject({ id: pending.id, reply: { text: '已处理' } });
    expect(d.commentsArchivedUnanswered).toBe(1);
    // The file is written: the closed day leaves the state; old[1] is only in the archive now.
    run(d, { type: 'archived', day: '2026-11-26', at: NEXT_DAY + min(1) });
    expect(() => reply(d, old[1]!.id, NEXT_DAY + min(2))).toThrow(HallError);
    const r2 = reply(d, old[1]!.id, NEXT_DAY + min(2), old[1]);
    expect(r2.comment).toMatchObject({ id: old[1]!.id, at: old[1]!.at, reply: { text: '已处理' } });
    expect(d.commentsArchivedUnanswered).toBe(0);
    // A stranger's id, even with an archived comment in hand, is still unknown.
    expect(() => reply(d, '__proto__', NEXT_DAY, old[1])).toThrow(HallError);
    // Answered now, both leave again at the next close.
    run(d, { type: 'rollover', at: NEXT_DAY + 86_400_000 });
    expect(d.closing!.at(-1)!.comments!.map((c) => c.id).sort()).toEqual([old[0]!.id, old[1]!.id].sort());
  });

  it('replays to the same state (facts alone)', () => {
    const d = hall();
    const facts: Fact[] = [];
    const keep = (r: { facts: Fact[] }) => facts.push(...r.facts);
    for (let i = 0; i < UNANSWERED_KEPT + 3; i++) keep(apply(d, { type: 'comment', id: `r${i}`, kind: 'comment', text: 'x', at: T0 + i }));
    keep(run(d, { type: 'rollover', at: NEXT_DAY }));
    keep(reply(d, 'r0', NEXT_DAY + 1));
    const replayed = hall();
    for (const f of facts) evolve(replayed, f);
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(JSON.parse(JSON.stringify(d)));
  });
});

describe('pages', () => {
  const entry = (id: string, at: string, replied = false): CommentEntry => ({ id, kind: 'comment', text: id, at, ...(replied && { reply: { text: 'ok', at, by: 'u' } }) });

  it('reads newest first, page by page, each comment once, reading no older day than needed', () => {
    const live = [entry('l1', '2026-11-27T09:00:00.000+08:00'), entry('old-live', '2026-11-20T09:00:00.000+08:00')];
    const days: Record<string, CommentEntry[]> = {
      '2026-11-26': [entry('a2', '2026-11-26T10:00:00.000+08:00'), entry('a1', '2026-11-26T10:00:00.000+08:00')],
      '2026-11-25': [entry('b1', '2026-11-25T10:00:00.000+08:00'), entry('l1', '2026-11-27T09:00:00.000+08:00', true)],
      '2026-11-20': [entry('z1', '2026-11-20T08:00:00.000+08:00')],
    };
    const read = (before: string | null, limit: number, unansweredOnly = false) => {
      const p = new PageBuilder({ before: before === null ? null : parseCursor(before), limit, unansweredOnly });
      p.add(live);
      const opened: string[] = [];
      for (const day of Object.keys(days).sort().reverse()) {
        if (!p.wants(day)) continue;
        if (p.fullBefore(day)) break;
        opened.push(day);
        p.add(days[day]!);
      }
      return { ...p.build(), opened };
    };
    const first = read(null, 2);
    expect(first.comments.map((c) => c.id)).toEqual(['l1', 'a2']);
    expect(first.comments[0]!.reply).toBeUndefined(); // the live copy, not the archived one
    expect(first.next).toBe(cursorOf(first.comments[1]!));
    const second = read(first.next, 2);
    expect(second.comments.map((c) => c.id)).toEqual(['a1', 'b1']);
    expect(second.opened).toEqual(['2026-11-26', '2026-11-25']);
    const third = read(second.next, 2);
    expect(third.comments.map((c) => c.id)).toEqual(['old-live', 'z1']);
    expect(third.next).toBeNull();
    // A page filled by later days opens no older file.
    expect(read(null, 1).opened).toEqual([]); // the live day fills it, and more is at hand
    expect(read(null, 10, true).comments.map((c) => c.id)).toEqual(['l1', 'a2', 'a1', 'b1', 'old-live', 'z1']);
  });

  it('refuses cursors that are not one', () => {
    for (const bad of ['', 'x', '2026-13-45T00:00:00+08:00~a', '2026-11-26T10:00:00+08:00~__proto__!', '2026-11-26T10:00:00+08:00']) expect(parseCursor(bad)).toBeNull();
    expect(parseCursor('2026-11-26T10:00:00.000+08:00~abc_-1')).toEqual({ at: '2026-11-26T10:00:00.000+08:00', id: 'abc_-1' });
  });
});
