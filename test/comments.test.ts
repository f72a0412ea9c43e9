// 意见簿 over days, with real files: a flood of long comments leaves the live state (and
// so every snapshot) when its day closes, the book is read a page at a time through
// archived days, and an archived comment can still be answered, across a restart.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNANSWERED_KEPT } from '../shared/core/commentBook.ts';
import type { CommentEntry } from '../shared/types.ts';
import { startHall, tempDir, type Harness } from './harness.ts';

const DAY1 = Date.parse('2026-11-26T09:00:00+08:00');
const FLOOD = 3000;
const LONG = '意'.repeat(1000);

async function leave(h: Harness, id: string, text: string): Promise<void> {
  // Straight to the hall: a per-address limit on POST /api/comments must not slow the flood.
  await h.app.hall.run({ type: 'comment', id, kind: 'comment', text });
}

async function allPages(h: Harness, sup: string, query = ''): Promise<{ pages: CommentEntry[][]; bytes: number[] }> {
  const pages: CommentEntry[][] = [];
  const bytes: number[] = [];
  let before: string | null = null;
  do {
    const q: string = `/api/comments?limit=100${query}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const r = await h.request('GET', q, undefined, sup);
    expect(r.status, q).toBe(200);
    pages.push(r.body.comments);
    bytes.push(JSON.stringify(r.body).length);
    before = r.body.next;
  } while (before && pages.length < 100);
  return { pages, bytes };
}

describe('a flood of long comments', () => {
  it('leaves the live snapshot with its day; the book pages through it; archived ones can be answered', { timeout: 120_000 }, async () => {
    const dir = tempDir('comments');
    let now = DAY1;
    const clock = () => now;
    let h = await startHall({ dir, clock });
    let sup = await h.signIn('supervisor');
    const real = (await h.request('POST', '/api/comments', { kind: 'complaint', text: '大厅没有热水', contact: '13900001111' })).body;
    for (let i = 0; i < FLOOD; i++) {
      now += 10;
      await leave(h, `flood${String(i).padStart(5, '0')}`, LONG);
    }
    // The first page is small even now, before the day closes.
    const day1 = await h.request('GET', '/api/comments', undefined, sup);
    expect(day1.body.comments).toHaveLength(20);
    expect(JSON.stringify(day1.body).length).toBeLessThan(30_000);
    expect(day1.body.unanswered).toBe(FLOOD + 1);
    await h.request('POST', `/api/comments/${real.id}/reply`, { text: '已修好' }, sup);

    // The next day: the flood leaves the live state except the newest unanswered ones.
    now = Date.parse('2026-11-27T08:30:00+08:00');
    await h.request('POST', '/api/comments', { text: '第二天的留言' });
    await h.app.hall.archiveClosedDays(); // the archiving under way, or a pass that finds it done
    expect(statSync(path.join(dir, 'archive', '2026-11-26.comments.json')).size).toBeGreaterThan(FLOOD * 1000);
    await h.close();
    const snapshot = readFileSync(path.join(dir, 'snapshot.json'), 'utf8');
    const live = JSON.parse(snapshot).data.comments as CommentEntry[];
    expect(live).toHaveLength(UNANSWERED_KEPT + 1);
    expect(snapshot.length).toBeLessThan(UNANSWERED_KEPT * 3_500 + 100_000); // was 9 MB and growing
    expect(JSON.parse(snapshot).data.closing ?? []).toEqual([]);

    // After a restart the book reads every comment once, newest first, a page at a time.
    h = await startHall({ dir, clock });
    sup = await h.signIn('supervisor');
    const { pages, bytes } = await allPages(h, sup);
    const all = pages.flat();
    expect(all).toHaveLength(FLOOD + 2);
    expect(new Set(all.map((c) => c.id)).size).toBe(FLOOD + 2);
    expect(all[0]!.text).toBe('第二天的留言');
    expect(all.at(-1)).toMatchObject({ id: real.id, reply: { text: '已修好' } });
    const times = all.map((c) => Date.parse(c.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.max(...bytes)).toBeLessThan(350_000);
    const first = await h.request('GET', '/api/comments', undefined, sup);
    expect(JSON.stringify(first.body).length).toBeLessThan(30_000);
    expect(first.body.unanswered).toBe(FLOOD + 1);

    // The oldest flood comment is only in the archive; answering it still works.
    const oldest = all.at(-2)!;
    expect(oldest.id).toBe('flood00000');
    const answered = await h.request('POST', `/api/comments/${oldest.id}/reply`, { text: '无效留言，已核实' }, sup);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ id: oldest.id, at: oldest.at, text: LONG, reply: { text: '无效留言，已核实' } });
    const unanswered = await allPages(h, sup, '&status=unanswered');
    expect(unanswered.pages.flat().map((c) => c.id)).not.toContain(oldest.id);
    expect(unanswered.pages.flat()).toHaveLength(FLOOD);
    const again = (await allPages(h, sup)).pages.flat();
    expect(again.filter((c) => c.id === oldest.id)).toEqual([expect.objectContaining({ reply: expect.objectContaining({ text: '无效留言，已核实' }) })]);
    expect((await h.request('POST', '/api/comments/__proto__/reply', { text: 'x' }, sup)).status).toBe(404);
    expect((await h.request('GET', '/api/comments?before=nonsense', undefined, sup)).status).toBe(400);
    expect((await h.request('GET', '/api/comments?limit=5000', undefined, sup)).status).toBe(400);

    // The day after, the answered one is filed again under its own day, answered.
    now = Date.parse('2026-11-28T08:30:00+08:00');
    await h.request('POST', '/api/comments', { text: '第三天' });
    await h.app.hall.archiveClosedDays();
    const filed = JSON.parse(readFileSync(path.join(dir, 'archive', '2026-11-26.comments.json'), 'utf8')) as CommentEntry[];
    expect(filed.find((c) => c.id === oldest.id)?.reply?.text).toBe('无效留言，已核实');
    await h.close();
  });
});
