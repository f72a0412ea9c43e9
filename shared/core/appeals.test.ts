// Voided ratings as the figures count them, over report facts of closed days (which
// carry no ticket ids) and over tickets.
import { describe, expect, it } from 'vitest';
import type { FollowUp, Ticket } from '../types.ts';
import { countedDays, countedRatings } from './appeals.ts';
import type { DayFacts, Fact } from './reports.ts';

const fact = (over: Partial<Fact>): Fact => ({ s: 'household', c: '3', k: 'u-clerk3', h: 9, w: 60, v: 300, st: 'done', o: 'immediate', t: false, r: null, ...over });
const followUp = (over: Partial<FollowUp>): FollowUp => ({
  id: 'f1', ticketId: 't1', number: 'E001', day: '2026-12-01', serviceId: 'household', counterId: '3', clerkId: 'u-clerk3', level: 1, reasons: ['x'],
  openedAt: '2026-12-01T10:00:00+08:00', dueDate: '2026-12-04', callBacks: [], ...over,
});
const voided = { reason: 'r', at: '2026-12-02T10:00:00+08:00', by: 'u-clerk3', review: { verdict: 'voided' as const, reason: 'ok', at: '2026-12-02T11:00:00+08:00', by: 'u-supervisor' } };

describe('countedDays', () => {
  const day: DayFacts = { day: '2026-12-01', names: { services: {}, counters: {}, clerks: {} }, attendance: [], facts: [fact({ r: 5 }), fact({ r: 1, c: '4' }), fact({ r: 1 }), fact({ r: 1 })] };

  it('takes the rating off one matching visit per voided case, on its day only', () => {
    const [out] = countedDays([day], [followUp({ appeal: voided })]);
    expect(out!.facts.map((f) => f.r)).toEqual([5, 1, null, 1]);
    expect(day.facts.map((f) => f.r)).toEqual([5, 1, 1, 1]); // the input is left as it was
    expect(countedDays([{ ...day, day: '2026-12-02' }], [followUp({ appeal: voided })])[0]!.facts.map((f) => f.r)).toEqual([5, 1, 1, 1]);
  });

  it('leaves pending and upheld appeals counted', () => {
    const pending = followUp({ appeal: { reason: 'r', at: voided.at, by: 'u-clerk3' } });
    const upheld = followUp({ id: 'f2', appeal: { ...voided, review: { ...voided.review, verdict: 'upheld' } } });
    expect(countedDays([day], [pending, upheld])[0]).toBe(day);
  });
});

describe('countedRatings', () => {
  it('drops the rating of a voided case’s ticket and keeps the ticket', () => {
    const t = (id: string): Ticket => ({ id, number: id, serviceId: 'household', priority: false, day: '2026-12-01', seq: 1, takenAt: '', status: 'done', callCount: 1, rating: { level: 1, reasons: ['x'], channel: 'pad', at: '' } });
    const out = countedRatings([t('t1'), t('t2')], [followUp({ appeal: voided })]);
    expect(out.map((x) => [x.id, x.rating?.level ?? null])).toEqual([['t1', null], ['t2', 1]]);
  });
});
