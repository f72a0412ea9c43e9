// The rating tabs' pure helpers: deadlines as the supervisor reads them, the order cases
// and comments are worked in, the tab badge's figures, and the range defaults.
import { describe, expect, it } from 'vitest';
import type { CommentEntry } from '../shared/types.ts';
import { mergeComments } from './comments.ts';
import { deadline, openCounts, sortFollowUps, type FollowUpRow } from './followUps.ts';
import { dateTime, monthStart } from './format.ts';

const row = (over: Partial<FollowUpRow> = {}): FollowUpRow => ({
  id: 'f1',
  ticketId: 't1',
  number: 'E001',
  day: '2025-06-03',
  serviceId: 'household',
  serviceName: '户籍',
  counterName: '3号窗口',
  clerkName: '张敏',
  counterId: '3',
  clerkId: 'u-clerk3',
  level: 1,
  reasons: ['工作人员态度不好'],
  openedAt: '2025-06-03T10:00:00.000+08:00',
  dueDate: '2025-06-10',
  callBacks: [],
  overdue: false,
  ...over,
});

describe('deadline', () => {
  it('reads 已超期 N 天 in red once past due, a warning on the day, days left before', () => {
    expect(deadline(row({ overdue: true }), '2025-06-13')).toEqual({ text: '已超期 3 天', tone: 'bad' });
    expect(deadline(row(), '2025-06-10')).toEqual({ text: '今天到期', tone: 'warn' });
    expect(deadline(row(), '2025-06-09')).toEqual({ text: '还剩 1 天', tone: 'warn' });
    expect(deadline(row(), '2025-06-05')).toEqual({ text: '还剩 5 天', tone: 'plain' });
    // The server's count on the hall's calendar, when it gives one: the promise is in working days.
    expect(deadline({ ...row(), workingDaysLeft: 3 }, '2025-06-05')).toEqual({ text: '还剩 3 个工作日', tone: 'plain' });
    expect(deadline({ ...row(), workingDaysLeft: 1 }, '2025-06-09')).toEqual({ text: '还剩 1 个工作日', tone: 'warn' });
  });

  it('trusts the server when the hall day is not known yet, or lags the server by a day', () => {
    expect(deadline(row({ overdue: true }), null)).toEqual({ text: '已超期', tone: 'bad' });
    expect(deadline(row(), null)).toEqual({ text: '2025-06-10 前办结', tone: 'plain' });
    expect(deadline(row({ overdue: true }), '2025-06-10')).toEqual({ text: '已超期', tone: 'bad' });
  });

  it('says when a closed case was closed, however late', () => {
    expect(deadline(row({ closedAt: '2025-06-12T09:00:00.000+08:00', overdue: false }), '2025-06-20')).toEqual({ text: '已办结（2025-06-12）', tone: 'done' });
  });
});

describe('sortFollowUps', () => {
  it('puts open before closed, overdue first, then the nearest due date, then the oldest', () => {
    const rows = [
      row({ id: 'closed-early', closedAt: '2025-06-05T09:00:00.000+08:00' }),
      row({ id: 'due-later', dueDate: '2025-06-12' }),
      row({ id: 'due-soon-newer', dueDate: '2025-06-10', openedAt: '2025-06-03T11:00:00.000+08:00' }),
      row({ id: 'closed-late', closedAt: '2025-06-08T09:00:00.000+08:00' }),
      row({ id: 'overdue', dueDate: '2025-06-02', overdue: true }),
      row({ id: 'due-soon-older', dueDate: '2025-06-10' }),
    ];
    expect(sortFollowUps(rows).map((f) => f.id)).toEqual(['overdue', 'due-soon-older', 'due-soon-newer', 'due-later', 'closed-late', 'closed-early']);
  });

  it('leaves the list it was given alone', () => {
    const rows = [row({ id: 'b', dueDate: '2025-06-12' }), row({ id: 'a' })];
    sortFollowUps(rows);
    expect(rows.map((f) => f.id)).toEqual(['b', 'a']);
  });

  it('counts open and overdue cases for the tab badge', () => {
    expect(openCounts([row(), row({ overdue: true }), row({ closedAt: '2025-06-05T09:00:00.000+08:00' })])).toEqual({ open: 2, overdue: 1 });
    expect(openCounts([])).toEqual({ open: 0, overdue: 0 });
  });
});

describe('mergeComments', () => {
  const entry = (id: string, at: string, replied = false): CommentEntry => ({
    id,
    kind: 'comment',
    text: id,
    at,
    ...(replied && { reply: { text: '已处理', at, by: 'u-supervisor' } }),
  });
  it('joins the first page with older pages, newest first, the first page winning a repeat', () => {
    // The first page was read again after a new comment: 'b' moved from it to the older pages' edge.
    const first = [entry('new', '2025-06-04T09:00:00+08:00'), entry('a', '2025-06-03T09:00:00+08:00', true), entry('b', '2025-06-02T09:00:00+08:00', true)];
    const older = [entry('b', '2025-06-02T09:00:00+08:00'), entry('c', '2025-06-01T09:00:00+08:00')];
    const merged = mergeComments(first, older);
    expect(merged.map((c) => c.id)).toEqual(['new', 'a', 'b', 'c']);
    expect(merged[2]!.reply).toBeDefined();
  });
  it('orders equal times by id, as the server pages them', () => {
    expect(mergeComments([entry('x', '2025-06-01T09:00:00+08:00')], [entry('y', '2025-06-01T09:00:00+08:00')]).map((c) => c.id)).toEqual(['y', 'x']);
  });
});

describe('format', () => {
  it('reads the hall wall clock from an ISO time and starts a month on its first', () => {
    expect(dateTime('2025-06-10T09:05:33.120+08:00')).toBe('2025-06-10 09:05');
    expect(monthStart('2025-06-10')).toBe('2025-06-01');
    expect(monthStart('2025-12-31')).toBe('2025-12-01');
  });
});
