// The clerk console's safety rules on the wire (issue 12): a window does not pause with a
// villager at it, a finish made a moment ago can be undone (and its rating request goes),
// and a committed case records whom to tell, masked wherever it is shown. And 申诉复核:
// a clerk appeals a bad rating, a supervisor upholds or voids it; a voided rating leaves
// every satisfaction figure and the appraisal but stays on record, and its follow-up is
// still owed to the villager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHall, tempDir, type Harness } from './harness.ts';

// Friday 2026-12-04, 10:00 in the hall: a committed case of 3 working days is due Wednesday.
let now = Date.parse('2026-12-04T10:00:00+08:00');
let h: Harness;
let clerk: string;
let other: string;
let clerk1: string;
let sup: string;
beforeAll(async () => {
  h = await startHall({ clock: () => now });
  clerk = await h.signIn('clerk3', '3');
  other = await h.signIn('clerk4', '3'); // window 3's B post
  clerk1 = await h.signIn('clerk1', '1');
  sup = await h.signIn('supervisor');
});
afterAll(() => h.close());

const post = (action: string, body?: unknown, token = clerk) => h.request('POST', `/api/counters/3/${action}`, body, token);
const take = async () => (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;

describe('pausing a window', () => {
  it('is refused while a ticket is called or serving, and allowed once it has left', async () => {
    await take();
    await post('next');
    const called = await post('pause', { reason: '临时离开' });
    expect(called.status).toBe(409);
    expect(called.body.error.code).toBe('ticket_open');
    expect(called.body.error.message).toContain('请先办结、过号或转办');
    await post('start');
    expect((await post('pause', { reason: '临时离开' })).body.error.code).toBe('ticket_open');
    const hall = (await h.request('GET', '/api/hall')).body;
    expect(hall.counters.find((c: { id: string }) => c.id === '3').paused).toBe(false);
    await post('complete', {});
    const paused = await post('pause', { reason: '临时离开' });
    expect(paused.status).toBe(200);
    expect(paused.body.counter.paused).toBe(true);
    await post('resume');
  });
});

describe('undoing a finish (撤销办结)', () => {
  it('reopens the visit, withdraws the pad request, takes back a committed case, and is audited', async () => {
    now += 60_000;
    const padToken = (await h.request('POST', '/api/pads', { counterId: '3' }, sup)).body.token as string;
    const pad = await h.socket({ role: 'pad', token: padToken });
    const t = await take();
    await post('next');
    await post('start');
    const done = await post('complete', { outcome: 'committed', notify: { name: '王大爷', phone: '139 1234 5678' } });
    expect(done.body.ticket).toMatchObject({ status: 'done', outcome: 'committed', dueDate: '2026-12-09', dueWorkingDays: 3 });
    await eventually(pad, 'pad:state', (s) => s.request?.ticketId === t.id);
    expect((await h.request('GET', '/api/commitments?status=open', undefined, clerk)).body.some((c: { ticketId: string }) => c.ticketId === t.id)).toBe(true);

    // Only the clerk who finished it may undo it.
    const notMine = await post('reopen', undefined, other);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('not_your_visit');

    now += 60_000;
    const undone = await post('reopen');
    expect(undone.status).toBe(200);
    expect(undone.body.ticket).toMatchObject({ id: t.id, status: 'serving' });
    expect(undone.body.ticket.outcome).toBeUndefined();
    await eventually(pad, 'pad:state', (s) => s.request === null);
    expect((await h.request('GET', '/api/commitments?status=all', undefined, clerk)).body.some((c: { ticketId: string }) => c.ticketId === t.id)).toBe(false);
    // The villager's phone no longer says the visit is over, nor can it be rated.
    expect((await h.request('GET', `/api/tickets/${t.id}`)).body.status).toBe('serving');
    expect((await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 5 })).body.error.code).toBe('not_served');
    const state = (await h.request('GET', '/api/counters/3/state', undefined, clerk)).body;
    expect(state.current.id).toBe(t.id);

    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body as { action: string; target: string; detail: string; byName: string }[];
    expect(audit).toContainEqual(expect.objectContaining({ action: '撤销办结', target: `${t.number} 号`, detail: '3号窗口，原办结方式：承诺件', byName: '张敏' }));

    // While the window holds the reopened ticket there is nothing else to undo.
    expect((await post('reopen')).body.error.code).toBe('ticket_open');
    expect((await post('complete', {})).body.ticket.outcome).toBe('immediate');
  });

  it('is refused after two minutes, and after the visit was rated', async () => {
    now += 60_000;
    const t = await take();
    await post('next');
    await post('complete', {});
    now += 2 * 60_000 + 1000;
    const late = await post('reopen');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('reopen_expired');

    const r = await take();
    await post('next');
    now += 1000;
    await post('complete', {});
    expect((await h.request('POST', '/api/ratings', { ticketId: r.id, key: r.ratingKey, level: 4 })).status).toBe(201);
    expect((await post('reopen')).body.error.code).toBe('already_rated');
    expect(t.id).not.toBe(r.id);
  });
});

describe('committed cases (承诺件) record whom to notify', () => {
  it('keeps the name and phone, masks the phone in every view, and validates it', async () => {
    const bad = await take();
    await post('next');
    for (const notify of [{ name: '', phone: '13912345678' }, { name: '李四', phone: '123' }]) {
      const r = await post('complete', { outcome: 'committed', notify });
      expect(r.status, JSON.stringify(notify)).toBe(400);
    }
    expect((await post('complete', { outcome: 'committed', notify: { name: '李四', phone: 'abc' } })).status).toBe(400);
    const ok = await post('complete', { outcome: 'committed', notify: { name: '李四', phone: '13912345678' } });
    expect(ok.status).toBe(200);
    const row = (await h.request('GET', '/api/commitments?status=open', undefined, clerk)).body.find((c: { ticketId: string }) => c.ticketId === bad.id);
    expect(row.notify).toEqual({ name: '李四', phone: '139****5678' });
    const delivered = await h.request('POST', `/api/commitments/${bad.id}/deliver`, {}, clerk);
    expect(delivered.body.notify).toEqual({ name: '李四', phone: '139****5678' });
    // The villager's phone page learns what happens next: come back after the due date.
    expect((await h.request('GET', `/api/tickets/${bad.id}`)).body).toMatchObject({ status: 'done', outcome: 'committed', dueDate: '2026-12-09', dueWorkingDays: 3 });
  });
});

/** A household visit served at window 3 and rated `level`: its follow-up id, if bad. */
async function rated(level: number): Promise<{ ticketId: string; followUpId: string | null }> {
  now += 60_000;
  const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
  await post('next');
  await post('complete', {});
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

describe('after a restart', () => {
  it('replays an undone finish and an appeal from the journal as they were', async () => {
    const dir = tempDir('reopen');
    let at = Date.parse('2026-12-04T11:00:00+08:00');
    const h1 = await startHall({ dir, clock: () => at });
    const c = await h1.signIn('clerk3', '3');
    const t = (await h1.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    await h1.request('POST', '/api/counters/3/next', undefined, c);
    await h1.request('POST', '/api/counters/3/complete', { outcome: 'committed', notify: { name: '李四', phone: '13912345678' } }, c);
    at += 30_000;
    expect((await h1.request('POST', '/api/counters/3/reopen', undefined, c)).status).toBe(200);
    const bad = (await h1.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    await h1.request('POST', '/api/counters/3/complete', {}, c);
    await h1.request('POST', '/api/counters/3/next', undefined, c);
    await h1.request('POST', '/api/counters/3/complete', {}, c);
    const { followUpId } = (await h1.request('POST', '/api/ratings', { ticketId: bad.id, key: bad.ratingKey, level: 1, reasons: ['态度差'] })).body;
    await h1.request('POST', `/api/follow-ups/${followUpId}/appeal`, { reason: '不属实' }, c);
    const s1 = await h1.signIn('supervisor');
    await h1.request('POST', `/api/follow-ups/${followUpId}/review`, { verdict: 'voided', reason: '核实不属实' }, s1);
    const before = { ticket: (await h1.request('GET', `/api/tickets/${t.id}`)).body, cases: (await h1.request('GET', '/api/follow-ups', undefined, s1)).body, figures: (await h1.request('GET', '/api/ratings/summary', undefined, s1)).body };
    await h1.close();

    const h2 = await startHall({ dir, clock: () => at });
    const s2 = await h2.signIn('supervisor');
    expect((await h2.request('GET', `/api/tickets/${t.id}`)).body).toEqual(before.ticket);
    expect(before.ticket).toMatchObject({ status: 'done', outcome: 'immediate' });
    expect((await h2.request('GET', '/api/follow-ups', undefined, s2)).body).toEqual(before.cases);
    expect((await h2.request('GET', '/api/ratings/summary', undefined, s2)).body).toEqual(before.figures);
    expect((await h2.request('GET', '/api/commitments?status=all', undefined, s2)).body.some((x: { ticketId: string }) => x.ticketId === t.id)).toBe(false);
    await h2.close();
  });
});
