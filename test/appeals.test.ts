// 申诉复核 on the wire: a clerk appeals a bad rating, a supervisor upholds or voids it;
// a voided rating leaves every satisfaction figure and the appraisal but stays on record,
// and its follow-up is still owed to the villager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from './harness.ts';

let now = Date.parse('2026-12-04T10:00:00+08:00');
let h: Harness;
let clerk: string;
let clerk1: string;
let sup: string;
beforeAll(async () => {
  h = await startHall({ clock: () => now });
  clerk = await h.signIn('clerk3', '3');
  clerk1 = await h.signIn('clerk1', '1');
  sup = await h.signIn('supervisor');
});
afterAll(() => h.close());

/** A household visit served at window 3 and rated `level`: its follow-up id, if bad. */
async function rated(level: number): Promise<{ ticketId: string; followUpId: string | null }> {
  now += 60_000;
  const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
  await h.request('POST', '/api/counters/3/next', undefined, clerk);
  await h.request('POST', '/api/counters/3/complete', {}, clerk);
  const r = await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level, reasons: level <= 2 ? ['办事效率低'] : [] });
  return { ticketId: t.id, followUpId: r.body.followUpId };
}

const figures = async () => ({
  summary: (await h.request('GET', '/api/ratings/summary', undefined, sup)).body,
  stats: (await h.request('GET', '/api/stats', undefined, sup)).body.ratings,
  report: (await h.request('GET', '/api/reports', undefined, sup)).body.satisfaction,
  appraisal: (await h.request('GET', '/api/reports/appraisal', undefined, sup)).body.rows.find((r: { clerkId: string }) => r.clerkId === 'u-clerk3'),
  mine: (await h.request('GET', '/api/me/ratings', undefined, clerk)).body,
});

describe('申诉复核', () => {
  it('only the clerk rated may appeal, once, with a reason; only a supervisor reviews, once, with a reason', async () => {
    const { followUpId } = await rated(1);
    const path = `/api/follow-ups/${followUpId}`;
    expect((await h.request('POST', `${path}/appeal`, { reason: '' }, clerk)).body.error.code).toBe('reason_required');
    expect((await h.request('POST', `${path}/appeal`, { reason: '不是我办的' }, clerk1)).body.error.code).toBe('not_your_rating');
    expect((await h.request('POST', `${path}/appeal`, { reason: 'x' }, sup)).status).toBe(403);
    expect((await h.request('POST', `${path}/review`, { verdict: 'voided', reason: '核实' }, sup)).body.error.code).toBe('no_appeal');
    const appealed = await h.request('POST', `${path}/appeal`, { reason: '群众要求当场办理不符合条件的业务' }, clerk);
    expect(appealed.status).toBe(200);
    expect(appealed.body.appeal).toMatchObject({ reason: '群众要求当场办理不符合条件的业务', by: 'u-clerk3' });
    expect((await h.request('POST', `${path}/appeal`, { reason: '再申诉' }, clerk)).body.error.code).toBe('already_appealed');
    expect((await h.request('POST', `${path}/review`, { verdict: 'voided', reason: '核实' }, clerk)).status).toBe(403);
    expect((await h.request('POST', `${path}/review`, { verdict: 'voided', reason: ' ' }, sup)).body.error.code).toBe('reason_required');
    expect((await h.request('POST', `${path}/review`, { verdict: 'maybe', reason: '核实' }, sup)).status).toBe(400);
    const upheld = await h.request('POST', `${path}/review`, { verdict: 'upheld', reason: '查看录像，确有推诿' }, sup);
    expect(upheld.body.appeal.review).toMatchObject({ verdict: 'upheld', reason: '查看录像，确有推诿', by: 'u-supervisor' });
    expect((await h.request('POST', `${path}/review`, { verdict: 'voided', reason: '改判' }, sup)).body.error.code).toBe('already_reviewed');
    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body as { action: string; detail: string }[];
    expect(audit).toContainEqual(expect.objectContaining({ action: '差评申诉', detail: '群众要求当场办理不符合条件的业务' }));
    expect(audit).toContainEqual(expect.objectContaining({ action: '差评复核', detail: '维持差评：查看录像，确有推诿' }));
  });

  it('a voided rating leaves the satisfaction figures and the appraisal, stays visible, and its follow-up stays owed', async () => {
    await rated(5);
    const { followUpId } = await rated(2);
    const before = await figures();
    await h.request('POST', `/api/follow-ups/${followUpId}/appeal`, { reason: '群众对政策不满，非服务问题' }, clerk);
    // A pending appeal changes nothing yet.
    expect((await figures()).summary.count).toBe(before.summary.count);
    const voided = await h.request('POST', `/api/follow-ups/${followUpId}/review`, { verdict: 'voided', reason: '经核实，差评针对政策本身' }, sup);
    expect(voided.status).toBe(200);
    const after = await figures();

    expect(after.summary.count).toBe(before.summary.count - 1);
    expect(after.summary.byLevel['2']).toBe(before.summary.byLevel['2'] - 1);
    expect(after.summary.bad).toBe(before.summary.bad - 1);
    expect(after.summary.satisfiedRate).toBeGreaterThan(before.summary.satisfiedRate);
    expect(after.stats.count).toBe(before.stats.count - 1);
    expect(after.stats.byLevel['2']).toBe(before.stats.byLevel['2'] - 1);
    expect(after.report.count).toBe(before.report.count - 1);
    expect(after.report.byLevel['2']).toBe(before.report.byLevel['2'] - 1);
    expect(after.appraisal.rated).toBe(before.appraisal.rated - 1);
    expect(after.appraisal.bad).toBe(before.appraisal.bad - 1);
    expect(after.appraisal.satisfiedRate).toBeGreaterThan(before.appraisal.satisfiedRate);
    expect(after.mine.count).toBe(before.mine.count - 1);

    // Still on record, shown as voided, to the clerk and the supervisor.
    const row = after.mine.ratings.find((r: { followUpId?: string }) => r.followUpId === followUpId);
    expect(row).toMatchObject({ level: 2, appeal: { review: { verdict: 'voided', reason: '经核实，差评针对政策本身' } } });
    const cases = (await h.request('GET', '/api/follow-ups?status=open', undefined, sup)).body as { id: string; appeal?: { review?: { verdict: string } } }[];
    const open = cases.find((f) => f.id === followUpId);
    expect(open?.appeal?.review?.verdict).toBe('voided');
    // The villager is still owed a call back.
    expect(after.summary.followUps.total).toBe(before.summary.followUps.total);
    expect(after.summary.followUps.open).toBe(before.summary.followUps.open);
  });
});
