import { describe, expect, it } from 'vitest';
import { T0, hall, min, next, run, take } from '../../test/fixture.ts';
import type { Ticket } from '../types.ts';
import { appraisal, quarterOf } from './appraisal.ts';
import { apply } from './commands.ts';
import { dayNames } from './facts.ts';
import { HallError } from './errors.ts';
import { ratingFigures } from './ratingStats.ts';
import { dayFacts, Durations, ReportBuilder } from './reports.ts';

const iso = (hhmm: string, sec = 0) => `2026-11-26T${hhmm}:${String(sec).padStart(2, '0')}.000+08:00`;

/** A hand-made ticket: waits and service times are chosen so every figure is known. */
function t(over: Partial<Ticket> & Pick<Ticket, 'status'>): Ticket {
  return { id: Math.random().toString(36).slice(2), number: 'A001', serviceId: 'a', priority: false, day: '2026-11-26', seq: 1, takenAt: iso('09:00'), callCount: 1, ...over };
}

describe('Durations', () => {
  it('gives nearest-rank percentiles without sorting every value', () => {
    const d = new Durations();
    for (const s of [60, 120, 180, 240, 600]) d.add(s);
    expect(d.summary()).toEqual({ count: 5, avgMin: 4, p50Min: 3, p90Min: 10, maxMin: 10 });
    const e = new Durations();
    e.add(60);
    e.merge(d);
    expect(e.summary()).toMatchObject({ count: 6, p50Min: 2 });
    expect(new Durations().summary()).toEqual({ count: 0, avgMin: 0, p50Min: 0, p90Min: 0, maxMin: 0 });
  });
});

describe('a report over a hand-made day', () => {
  const names = { services: { a: '社保', b: '民政' }, counters: { '1': '1号窗口', '2': '2号窗口' }, clerks: { u1: '王芳', u2: '李强' } };
  const tickets: Ticket[] = [
    // served at window 1 by u1: waits 10 and 20 min, service 5 and 15 min; 即办 and 承诺件; rated 5 and 2
    t({ status: 'done', takenAt: iso('09:00'), calledAt: iso('09:10'), startedAt: iso('09:11'), finishedAt: iso('09:16'), counterId: '1', clerkId: 'u1', outcome: 'immediate', rating: { level: 5, reasons: [], channel: 'pad', at: iso('09:17') } }),
    t({ status: 'done', takenAt: iso('09:30'), calledAt: iso('09:50'), startedAt: iso('09:50'), finishedAt: iso('10:05'), counterId: '1', clerkId: 'u1', outcome: 'committed', rating: { level: 2, reasons: ['慢'], channel: 'phone', at: iso('10:06') } }),
    // served at window 2 by u2 after a transfer: wait 40 min, service 10 min, refused
    t({ status: 'done', serviceId: 'b', takenAt: iso('10:00'), calledAt: iso('10:40'), startedAt: iso('10:41'), finishedAt: iso('10:51'), counterId: '2', clerkId: 'u2', outcome: 'refused', transfers: [{ from: 'a', to: 'b', at: iso('10:30'), by: 'u1', counterId: '1' }] }),
    // a no-show after 70 min, and one cancelled at day end that was never called
    t({ status: 'no_show', takenAt: iso('14:00'), calledAt: iso('15:10'), counterId: '1', clerkId: 'u1' }),
    t({ status: 'cancelled', takenAt: iso('16:00') }),
  ];
  const facts = dayFacts({ day: '2026-11-26', tickets, signIns: [{ userId: 'u1', counterId: '1', at: iso('08:25') }, { userId: 'u1', counterId: '1', at: iso('13:55') }, { userId: 'u2', counterId: '2', at: iso('08:31') }] }, names);
  const b = new ReportBuilder('2026-11-26', '2026-11-26');
  b.addDay(facts);
  const r = b.build();

  it('counts the day', () => {
    expect(r.totals).toEqual({ taken: 5, served: 3, noShows: 1, cancelled: 1, transferred: 1 });
    expect(r.outcomes).toEqual({ immediate: 1, committed: 1, forwarded: 0, refused: 1 });
    expect(r.satisfaction).toEqual({ count: 2, byLevel: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 }, satisfiedRate: 0.5 });
  });

  it('summarises waiting (take → first call) and service (start → finish)', () => {
    expect(r.wait).toEqual({ count: 4, avgMin: 35, p50Min: 20, p90Min: 70, maxMin: 70 });
    expect(r.service).toEqual({ count: 3, avgMin: 10, p50Min: 10, p90Min: 15, maxMin: 15 });
  });

  it('breaks down by business, window, clerk and hour, with the day’s names', () => {
    expect(r.byService.map((x) => [x.name, x.taken, x.served])).toEqual([['社保', 4, 2], ['民政', 1, 1]]);
    expect(r.byCounter.map((x) => [x.name, x.served, x.noShows, x.wait.avgMin])).toEqual([['1号窗口', 2, 1, 100 / 3], ['2号窗口', 1, 0, 40]].map(([a, b, c, d]) => [a, b, c, Math.round((d as number) * 100) / 100]));
    expect(r.byClerk.find((x) => x.id === 'u1')).toMatchObject({ name: '王芳', served: 2, rated: 2, satisfiedRate: 0.5 });
    expect(r.byHour).toHaveLength(24);
    expect(r.byHour.filter((h) => h.taken > 0).map((h) => [h.name, h.taken])).toEqual([['09:00', 2], ['10:00', 1], ['14:00', 1], ['16:00', 1]]);
    expect(r.waitBuckets.map((x) => x.count)).toEqual([0, 0, 1, 1, 1, 1]); // 10, 20, 40, 70 min: ranges include their lower bound
  });

  it('ranks clerks in the appraisal and counts half-day sign-ins', () => {
    const d = hall();
    const rows = appraisal([facts], [], d.users, d.settings, '2026-11-26', '2026-11-26', '2026-11-26', 1);
    expect(rows.map((x) => [x.rank, x.clerkId, x.served, x.halfDays, x.expectedHalfDays])).toEqual([
      [1, 'u1', 2, 2, 2],
      [2, 'u2', 1, 1, 2],
      [3, 'u3', 0, 0, 2],
    ]);
    expect(rows[0]).toMatchObject({ avgServiceMin: 10, satisfiedRate: 0.5, attendanceRate: 1 });
  });
});

describe('quarters', () => {
  it('finds the quarter of a day', () => {
    expect(quarterOf('2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' });
    expect(quarterOf('2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
  });
});

describe('settings changes', () => {
  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof HallError ? e.message : String(e);
    }
    return null;
  };

  it('refuse a duplicate prefix or a window with no business, and change nothing', () => {
    const d = hall();
    const before = JSON.stringify(d);
    expect(refused(() => apply(d, { type: 'saveService', userId: 'u1', at: T0, service: { ...d.services[0]!, id: 'x', name: '新业务', prefix: 'B' } }))).toMatch(/前缀 B 已被/);
    expect(refused(() => apply(d, { type: 'saveCounter', userId: 'u1', at: T0, counter: { ...d.counters[0]!, serviceIds: [] } }))).toMatch(/至少要办理一项业务/);
    expect(refused(() => apply(d, { type: 'saveCounter', userId: 'u1', at: T0, counter: { ...d.counters[0]!, serviceIds: ['zz'] } }))).toMatch(/不存在/);
    expect(JSON.stringify(d)).toBe(before);
  });

  it('apply at once to routing and leave an audit entry', () => {
    const d = hall();
    const c1 = take(d, 'c', T0);
    apply(d, { type: 'saveCounter', userId: 'admin', at: T0 + 1, counter: { ...d.counters[0]!, serviceIds: ['a', 'c'] } });
    expect(next(d, '1', T0 + min(1))?.id).toBe(c1.id);
    expect(d.audit.at(-1)).toMatchObject({ by: 'admin', action: '修改窗口', target: '1号窗口', detail: expect.stringContaining('业务') });
    run(d, { type: 'complete', counterId: '1', userId: 'u1', outcome: 'committed', at: T0 + min(2) });
    expect(d.commitments).toMatchObject([{ ticketId: c1.id, dueDate: '2026-12-01' }]);
    apply(d, { type: 'deliver', ticketId: c1.id, userId: 'u1', at: T0 + min(3) });
    expect(d.commitments[0]!.deliveredAt).toBeDefined();
  });

  it('keeps the day’s names with the archive', () => {
    const d = hall();
    expect(dayNames(d).services).toMatchObject({ a: '业务A' });
  });
});

describe('names in a report', () => {
  it('leaves ids that are also Object.prototype keys as ids', () => {
    const day = dayFacts({ day: '2026-11-26', tickets: [t({ status: 'done', serviceId: 'constructor', counterId: 'toString', clerkId: 'valueOf', finishedAt: iso('09:05') })], signIns: [] }, { services: {}, counters: {}, clerks: {} });
    const b = new ReportBuilder('2026-11-26', '2026-11-26');
    b.addDay(day);
    const r = b.build();
    expect([r.byService[0]!.name, r.byCounter[0]!.name, r.byClerk[0]!.name]).toEqual(['constructor', 'toString号窗口', 'valueOf']);
    const sat = ratingFigures([t({ status: 'done', serviceId: 'constructor' })], [], hall().settings, '2026-11-26', { services: {}, counters: {}, clerks: {} });
    expect(sat.byService[0]!.name).toBe('constructor');
  });
});

describe('the day-by-day trend', () => {
  it('has every day of the range in order, days without tickets at 0, whatever order days come in', () => {
    const names = { services: {}, counters: {}, clerks: {} };
    const day = (d: string, statuses: Ticket['status'][]) => ({ day: d, names, attendance: [], facts: statuses.map((st) => ({ st }) as never) });
    const b = new ReportBuilder('2026-02-27', '2026-03-02');
    b.addDay(day('2026-03-02', ['done', 'no_show']));
    b.addDay(day('2026-02-28', ['done', 'done', 'cancelled']));
    expect(b.build().byDay).toEqual([
      { day: '2026-02-27', taken: 0, served: 0 },
      { day: '2026-02-28', taken: 3, served: 2 },
      { day: '2026-03-01', taken: 0, served: 0 },
      { day: '2026-03-02', taken: 2, served: 1 },
    ]);
  });
});
