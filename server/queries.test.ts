// The read service against a real hall on real files: closed days in archive/, the live
// day in the hall, and the rules the handlers used to apply themselves.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commitment, DayArchive, FollowUp, HallData, Ticket } from '../shared/types.ts';
import { T0, hall as smallHall, min } from '../test/fixture.ts';
import { Hall, type Order } from './hall.ts';
import { createQueries, type Queries } from './queries.ts';
import { fileStore } from './store/index.ts';

const on = (day: string, hhmm: string) => `${day}T${hhmm}:00.000+08:00`;

function ticket(day: string, n: number, over: Partial<Ticket>): Ticket {
  return { id: `${day}-${n}`, number: `A${String(n).padStart(3, '0')}`, serviceId: 'a', priority: false, day, seq: n, takenAt: on(day, '09:00'), status: 'done', callCount: 1, ...over };
}

/** Two closed days; the 24th names business a by an old name. */
const nov20: DayArchive = {
  day: '2026-11-20',
  tickets: [ticket('2026-11-20', 1, { calledAt: on('2026-11-20', '09:30'), startedAt: on('2026-11-20', '09:30'), finishedAt: on('2026-11-20', '09:40'), counterId: '2', clerkId: 'u2', rating: { level: 1, reasons: ['态度'], channel: 'pad', at: on('2026-11-20', '09:41') } })],
  signIns: [],
};
const nov24: DayArchive = {
  day: '2026-11-24',
  tickets: [
    ticket('2026-11-24', 1, { calledAt: on('2026-11-24', '09:10'), startedAt: on('2026-11-24', '09:10'), finishedAt: on('2026-11-24', '09:15'), counterId: '1', clerkId: 'u1', rating: { level: 5, reasons: [], comment: '很好', channel: 'pad', at: on('2026-11-24', '09:16') } }),
    ticket('2026-11-24', 2, { calledAt: on('2026-11-24', '09:20'), counterId: '1', clerkId: 'u1', status: 'no_show', noShowAt: on('2026-11-24', '09:25') }),
  ],
  signIns: [{ userId: 'u1', counterId: '1', at: on('2026-11-24', '08:30') }],
  names: { services: { a: '旧名A' }, counters: { '1': '1号窗口' }, clerks: { u1: '张三' } },
};

const commitment = (n: number, day: string, dueDate: string, over: Partial<Commitment> = {}): Commitment => ({
  ticketId: `old${n}`, number: `B00${n}`, day, serviceId: 'b', counterId: '2', clerkId: 'u2', dueDate, ...over,
});
const followUp = (id: string, day: string, dueDate: string, over: Partial<FollowUp> = {}): FollowUp => ({
  id, ticketId: `t-${id}`, number: 'A009', day, serviceId: 'a', counterId: '1', clerkId: 'u1', level: 1, reasons: ['态度'], openedAt: on(day, '10:00'), dueDate, callBacks: [], ...over,
});

/** The small test hall on 2026-11-26 with cases left from earlier days. */
function seeded(): HallData {
  const d = smallHall();
  d.commitments = [
    commitment(1, '2026-11-20', '2026-11-25'), // undelivered past its due date
    commitment(2, '2026-11-24', '2026-11-25', { deliveredAt: on('2026-11-25', '10:00') }),
    commitment(3, '2026-11-24', '2026-11-26'), // due today: not overdue yet
  ];
  d.followUps = [
    followUp('f-old', '2026-11-20', '2026-11-25', { phone: '13912345678' }),
    followUp('f-closed', '2026-11-24', '2026-11-27', { clerkId: 'u2', closedAt: on('2026-11-25', '11:00') }),
  ];
  return d;
}

let dir: string;
let hall: Hall;
let q: Queries;
let now = T0;
const run = (order: Order) => {
  now += min(1);
  return hall.run(order);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'queries-'));
  const store = await fileStore(dir);
  hall = await Hall.open({ store, clock: () => now, seed: async () => seeded() });
  await store.archive.write(nov20);
  await store.archive.write(nov24);
  // Out of every range asked below: reading it would throw.
  await writeFile(path.join(dir, 'archive', '2026-10-01.json'), '{"day": "2026-10-01", "tick');
  q = createQueries({ hall, archive: store.archive });

  // Today: A001 served by u1 at window 1 and rated 不满意; B001 committed by u2 at window 2.
  const a = (await run({ type: 'take', id: 'live-a', serviceId: 'a', priority: false, channel: 'kiosk' })).ticket!;
  await run({ type: 'next', counterId: '1', userId: 'u1' });
  await run({ type: 'complete', counterId: '1', userId: 'u1', outcome: 'immediate' });
  await run({ type: 'rate', ticketId: a.id, pad: '1', level: 2, reasons: ['等候时间太长'], comment: '太慢', phone: '13800001234', channel: 'pad', followUpId: 'f-live' });
  await run({ type: 'take', id: 'live-b', serviceId: 'b', priority: false, channel: 'kiosk' });
  await run({ type: 'next', counterId: '2', userId: 'u2' });
  await run({ type: 'complete', counterId: '2', userId: 'u2', outcome: 'committed' });
  await run({ type: 'comment', id: 'c1', kind: 'comment', text: '椅子不够' });
  await run({ type: 'comment', id: 'c2', kind: 'complaint', text: '没有热水' });
  await run({ type: 'reply', commentId: 'c1', userId: 'admin', text: '已添置' });
});
afterAll(async () => {
  await hall?.close();
  await rm(dir, { recursive: true, force: true });
});

const WEEK = { from: '2026-11-24', to: '2026-11-26' };
const WITH_20TH = { from: '2026-11-20', to: '2026-11-26' };

describe('report', () => {
  it('counts closed days in range and the live day together', async () => {
    const r = await q.report(WEEK);
    expect(r.totals).toEqual({ taken: 4, served: 3, noShows: 1, cancelled: 0, transferred: 0 });
    expect(r.outcomes).toMatchObject({ immediate: 1, committed: 1 });
    expect((await q.report({ from: '2026-11-24', to: '2026-11-24' })).totals.taken).toBe(2);
    expect((await q.report({ from: '2026-11-25', to: '2026-11-25' })).totals.taken).toBe(0);
    // The torn day is read only by a range that covers it; every other range here leaves it out.
    await expect(q.stats({ from: '2026-10-01', to: '2026-10-01' })).rejects.toThrow(SyntaxError);
  });

  it('counts committed cases taken in range, overdue once past due and undelivered', async () => {
    // old2 delivered, old3 due today, today's B001 due later.
    expect((await q.report(WEEK)).committed).toEqual({ total: 3, delivered: 1, open: 2, overdue: 0 });
    expect((await q.report(WITH_20TH)).committed).toEqual({ total: 4, delivered: 1, open: 3, overdue: 1 });
    expect((await q.report({ from: '2026-11-24', to: '2026-11-24' })).committed).toEqual({ total: 2, delivered: 1, open: 1, overdue: 0 });
  });
});

describe('stats and satisfaction', () => {
  it('rates levels 3–5 as satisfied over tickets of the range only', async () => {
    const s = await q.stats(WEEK);
    expect(s).toMatchObject({ tickets: 4, served: 3, noShows: 1 });
    expect(s.ratings).toMatchObject({ count: 2, satisfiedRate: 0.5 });
    expect((await q.stats(WITH_20TH)).ratings).toMatchObject({ count: 3, byLevel: { '1': 1, '2': 1, '5': 1 } });
  });

  it('takes the follow-ups of the range’s days, overdue as of today', async () => {
    const week = await q.satisfaction(WEEK);
    expect(week).toMatchObject({ from: WEEK.from, to: WEEK.to, count: 2, bad: 1 });
    expect(week.followUps).toMatchObject({ total: 2, open: 1, closed: 1, overdue: 0 });
    expect((await q.satisfaction(WITH_20TH)).followUps).toMatchObject({ total: 3, open: 2, overdue: 1 });
  });
});

describe("a clerk's own ratings", () => {
  it('lists only their served visits, newest first, named as today, without the contact', async () => {
    const mine = await q.clerkRatings('u1', WEEK);
    expect(mine).toMatchObject({ from: WEEK.from, to: WEEK.to, served: 2, count: 2 });
    expect(mine.ratings.map((r) => [r.day, r.level, r.comment, r.serviceName])).toEqual([
      ['2026-11-26', 2, '太慢', '业务A'],
      ['2026-11-24', 5, '很好', '业务A'],
    ]);
    expect(JSON.stringify(mine)).not.toContain('13800001234');
    expect((await q.clerkRatings('u2', WEEK)).ratings).toEqual([]);
  });
});

describe('case lists', () => {
  it('lists committed cases newest first; overdue ones alone on request', async () => {
    const open = await q.commitments('open');
    expect(open.map((c) => c.number)).toEqual(['B001', 'B003', 'B001']);
    expect(open.map((c) => c.overdue)).toEqual([false, false, true]);
    expect(open[0]!.serviceName).toBe('业务B');
    expect((await q.commitments('overdue')).map((c) => c.ticketId)).toEqual(['old1']);
    expect(await q.commitments('all')).toHaveLength(4);
    expect(await q.commitment('old2')).toMatchObject({ deliveredAt: expect.any(String) });
    expect(await q.commitment('__proto__')).toBeUndefined();
  });

  it('lists follow-ups by status with names and overdue as of today', async () => {
    const open = await q.followUps('open');
    expect(open.map((f) => [f.id, f.overdue, f.counterName, f.clerkName])).toEqual([
      ['f-live', false, '1号窗口', 'u1'],
      ['f-old', true, '1号窗口', 'u1'],
    ]);
    expect((await q.followUps('closed')).map((f) => f.id)).toEqual(['f-closed']);
    expect(await q.followUps('all')).toHaveLength(3);
  });
});

describe('staff badges', () => {
  it('count open cases, those overdue as of today, and unanswered comments', async () => {
    expect(await q.followUpCounts()).toEqual({ openFollowUps: 2, overdue: 1 });
    expect(await q.commitmentCounts()).toEqual({ open: 3, overdue: 1 });
    expect(await q.unansweredComments()).toEqual({ unanswered: 1 });
    expect((await q.comments({ before: null, limit: 20, unansweredOnly: false })).comments.map((c) => c.id)).toEqual(['c2', 'c1']);
  });
});

describe('appraisal', () => {
  it('ranks every clerk over the period and names it by its dates when unnamed', async () => {
    const a = await q.appraisal({ ...WEEK, label: '' });
    expect(a.label).toBe('2026-11-24 至 2026-11-26');
    expect(a.rows.map((r) => r.clerkId).sort()).toEqual(['u1', 'u2', 'u3']);
    expect(a.rows.find((r) => r.clerkId === 'u1')).toMatchObject({ served: 2, rated: 2, bad: 1, halfDays: 1 });
    expect((await q.appraisal({ ...WEEK, label: '第四季度' })).label).toBe('第四季度');
  });
});

describe('CSV tables', () => {
  it('masks contact numbers in the follow-up table', async () => {
    const t = await q.csv('followups', WITH_20TH);
    expect(t.filename).toBe('差评回访_2026-11-20_2026-11-26.csv');
    const text = JSON.stringify(t.rows);
    expect(text).toContain('139****5678');
    expect(text).toContain('138****1234');
    expect(text).not.toMatch(/13912345678|13800001234/);
  });

  it('lists each ticket of the range once, after the header', async () => {
    expect((await q.csv('tickets', { from: '2026-11-24', to: '2026-11-24' })).rows).toHaveLength(3);
    expect((await q.csv('tickets', WEEK)).rows).toHaveLength(5);
    expect((await q.csv('appraisal', { ...WEEK, label: '本周' })).rows[0]).toEqual(['综合测评 本周']);
    expect((await q.csv('summary', WEEK)).rows[1]).toEqual(['取号', 4, '办结', 3, '过号', 1, '转办', 0, '作废', 0]);
  });
});

describe('settings page', () => {
  it('shows accounts without password hashes and the audit log newest first, by name', async () => {
    expect((await q.settings()).users.find((u) => u.id === 'u1')).toEqual({ id: 'u1', username: 'u1', name: 'u1', staffNo: 'u1', role: 'clerk', disabled: false });
    expect((await q.staffAccounts()).every((u) => !('passwordHash' in u))).toBe(true);
    const service = { id: 'd', name: '业务D', prefix: 'D', materials: [], committedDays: 3, priorityAllowed: false, dailyQuota: null, enabled: true, avgServiceMin: 5 };
    await run({ type: 'saveService', userId: 'admin', service });
    await run({ type: 'saveService', userId: 'admin', service: { ...service, name: '业务丁' } });
    expect((await q.audit()).map((a) => [a.target, a.byName])).toEqual([['D 业务丁', '管理员'], ['D 业务D', '管理员']]);
  });
});

describe('accounts and the server voice', () => {
  it('finds an account by username or id; reads a call out for a known window only', async () => {
    expect(await q.account('u2')).toMatchObject({ id: 'u2', passwordHash: '' });
    expect(await q.account('__proto__')).toBeUndefined();
    expect(await q.user('admin')).toEqual({ id: 'admin', username: 'admin', name: '管理员', staffNo: 'A0', role: 'admin', disabled: false });
    expect(await q.spokenCall('2', 'A012')).toBe('请A零一二号到二号窗口办理');
    expect(await q.spokenCall('9', 'A012')).toBeNull();
  });
});

describe('ratable ticket', () => {
  it('finds today’s visit by its number', async () => {
    expect(await q.ratableTicket('A001')).toMatchObject({ number: 'A001', rated: true });
    expect(await q.ratableTicket('A999')).toBeNull();
  });
});
