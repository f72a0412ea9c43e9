// Reports over archived days, CSV exports for Excel, the appraisal, committed cases,
// and settings that apply live with an audit trail.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayArchive, Ticket } from '../shared/types.ts';
import { eventually, nextEvent, startHall, type Harness } from './harness.ts';

let h: Harness;
let sup: string;
let admin: string;
beforeAll(async () => {
  h = await startHall();
  sup = await h.signIn('supervisor');
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

const at = (hhmm: string) => `2026-03-02T${hhmm}:00.000+08:00`;
const ticket = (n: number, over: Partial<Ticket>): Ticket => ({
  id: `k${n}`, number: `A${String(n).padStart(3, '0')}`, serviceId: 'social', priority: false, day: '2026-03-02', seq: n, takenAt: at('09:00'), status: 'done', callCount: 1, ...over,
});

/** A closed day with known figures, as the rollover would have archived it. */
const knownDay: DayArchive = {
  day: '2026-03-02',
  tickets: [
    ticket(1, { calledAt: at('09:06'), startedAt: at('09:06'), finishedAt: at('09:12'), counterId: '1', clerkId: 'u-clerk1', outcome: 'immediate', rating: { level: 5, reasons: [], channel: 'pad', at: at('09:13') } }),
    ticket(2, { takenAt: at('09:10'), calledAt: at('09:22'), startedAt: at('09:23'), finishedAt: at('09:33'), counterId: '4', clerkId: 'u-clerk4', outcome: 'refused', note: '=HYPERLINK("x")', rating: { level: 1, reasons: ['态度不好'], channel: 'phone', at: at('09:40') } }),
    ticket(3, { takenAt: at('10:00'), calledAt: at('10:30'), counterId: '1', clerkId: 'u-clerk1', status: 'no_show', noShowAt: at('10:35') }),
    ticket(4, { takenAt: at('16:50'), status: 'cancelled', cancelReason: 'day_end', callCount: 0 }),
  ],
  signIns: [{ userId: 'u-clerk1', counterId: '1', at: at('08:20') }],
  names: { services: { social: '社保劳保' }, counters: { '1': '1号窗口', '4': '4号窗口' }, clerks: { 'u-clerk1': '王芳', 'u-clerk4': '刘洋' } },
};

describe('reports', () => {
  beforeAll(() => writeFileSync(path.join(h.dir, 'archive', `${knownDay.day}.json`), JSON.stringify(knownDay)));

  it('shows the known figures of an archived day', async () => {
    const r = await h.request('GET', '/api/reports?from=2026-03-02&to=2026-03-02', undefined, sup);
    expect(r.status).toBe(200);
    expect(r.body.totals).toEqual({ taken: 4, served: 2, noShows: 1, cancelled: 1, transferred: 0 });
    expect(r.body.wait).toEqual({ count: 3, avgMin: 16, p50Min: 12, p90Min: 30, maxMin: 30 });
    expect(r.body.service).toEqual({ count: 2, avgMin: 8, p50Min: 6, p90Min: 10, maxMin: 10 });
    expect(r.body.outcomes).toMatchObject({ immediate: 1, refused: 1 });
    expect(r.body.byClerk.map((x: any) => [x.name, x.served])).toEqual([['王芳', 1], ['刘洋', 1]]);
    expect(r.body.satisfaction.satisfiedRate).toBe(0.5);
    // The cached facts give the same answer the second time.
    expect((await h.request('GET', '/api/reports?from=2026-03-02&to=2026-03-02', undefined, sup)).body).toEqual(r.body);
    expect((await h.request('GET', '/api/reports', undefined, await h.signIn('clerk1', '1'))).status).toBe(403);
  });

  it('exports CSV that Excel opens: BOM, Chinese headers, CRLF, formulas kept as text', async () => {
    const res = await fetch(`${h.url}/api/reports/export.csv?kind=tickets&from=2026-03-02&to=2026-03-02`, { headers: { authorization: `Bearer ${sup}` } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^日期,号码,业务,优先,取号时间/);
    expect(lines).toHaveLength(6); // header, 4 tickets, final newline
    expect(text).toContain('A002');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    const summary = await fetch(`${h.url}/api/reports/export.csv?kind=summary&from=2026-03-02&to=2026-03-02`, { headers: { authorization: `Bearer ${sup}` } });
    expect(await summary.text()).toContain('按业务');
    expect((await h.request('GET', '/api/reports/export.csv?kind=everything', undefined, sup)).status).toBe(400);
  });

  it('masks contact numbers in the follow-up export', async () => {
    const clerk = await h.signIn('clerk3', '3');
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'household' })).body;
    await h.request('POST', '/api/counters/3/next', undefined, clerk);
    await h.request('POST', '/api/counters/3/complete', {}, clerk);
    await h.request('POST', '/api/ratings', { ticketId: t.id, key: t.ratingKey, level: 1, reasons: ['等候时间太长'], phone: '13800001234' });
    const text = await (await fetch(`${h.url}/api/reports/export.csv?kind=followups`, { headers: { authorization: `Bearer ${sup}` } })).text();
    expect(text).toContain('138****1234');
    expect(text).not.toContain('13800001234');
  });

  it('ranks clerks for the quarter', async () => {
    const r = await h.request('GET', '/api/reports/appraisal?quarter=2026Q1', undefined, sup);
    expect(r.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
    expect(r.body.rows).toHaveLength(6);
    expect(r.body.rows.find((x: any) => x.clerkId === 'u-clerk1')).toMatchObject({ served: 1, halfDays: 1 });
    expect((await h.request('GET', '/api/reports/appraisal?quarter=2026Q5', undefined, sup)).status).toBe(400);
  });
});

describe('committed cases (承诺件)', () => {
  it('are listed until delivered', async () => {
    const clerk = await h.signIn('clerk6', '6');
    const staff = await h.socket({ role: 'staff', token: clerk });
    const t = (await h.request('POST', '/api/tickets', { serviceId: 'housing' })).body;
    await h.request('POST', '/api/counters/6/next', undefined, clerk);
    const pushed = nextEvent(staff, 'commitments:changed');
    const done = await h.request('POST', '/api/counters/6/complete', { outcome: 'committed' }, clerk);
    expect((await pushed).open).toBeGreaterThanOrEqual(1);
    const open = (await h.request('GET', '/api/commitments', undefined, clerk)).body;
    expect(open.find((c: any) => c.ticketId === t.id)).toMatchObject({ number: t.number, dueDate: done.body.ticket.dueDate, overdue: false });
    // Another window's clerk may not mark it delivered; its own window may.
    const other = await h.signIn('clerk1', '1');
    const refused = await h.request('POST', `/api/commitments/${t.id}/deliver`, {}, other);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'not_your_counter']);
    expect((await h.request('POST', `/api/commitments/${t.id}/deliver`, { note: '已送达' }, clerk)).body.deliveredAt).toEqual(expect.any(String));
    expect((await h.request('GET', '/api/commitments', undefined, clerk)).body.some((c: any) => c.ticketId === t.id)).toBe(false);
    expect((await h.request('POST', `/api/commitments/${t.id}/deliver`, {}, clerk)).body.error.code).toBe('already_delivered');
  });
});

describe('settings (admin)', () => {
  it('refuses bad settings with a message and changes nothing', async () => {
    const before = (await h.request('GET', '/api/settings', undefined, sup)).body;
    expect(JSON.stringify(before)).not.toContain('scrypt');
    const dup = await h.request('PUT', '/api/settings/services/new-biz', { name: '新业务', prefix: 'A', materials: [], committedDays: 3, priorityAllowed: true, dailyQuota: null, enabled: true, avgServiceMin: 5 }, admin);
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toContain('前缀 A 已被');
    const empty = await h.request('PUT', '/api/settings/counters/2', { name: '2号窗口', serviceIds: [], clerkA: 'u-clerk2', clerkB: null }, admin);
    expect(empty.body.error.message).toContain('至少要办理一项业务');
    expect((await h.request('PUT', '/api/settings/counters/2', { name: '2号窗口', serviceIds: ['civil'], clerkA: null, clerkB: null }, sup)).status).toBe(403);
    expect((await h.request('GET', '/api/settings', undefined, sup)).body).toEqual(before);
  });

  it('changes a window’s businesses live and writes the audit log', async () => {
    const s = await h.socket({ role: 'display' });
    const r = await h.request('PUT', '/api/settings/counters/3', { name: '3号窗口', serviceIds: ['household', 'family'], clerkA: 'u-clerk3', clerkB: 'u-clerk4' }, admin);
    expect(r.status).toBe(200);
    const state = await eventually(s, 'hall:state', (st) => st.counters.find((c) => c.id === '3')!.serviceIds.includes('family'));
    expect(state.services.find((x) => x.id === 'family')!.counters).toContain('3号窗口');
    const audit = (await h.request('GET', '/api/audit', undefined, sup)).body;
    expect(audit[0]).toMatchObject({ action: '修改窗口', target: '3号窗口', byName: '系统管理员', detail: expect.stringContaining('计生') });
  });

  it('creates a clerk who can then sign in at their window, and disabling signs them out', async () => {
    const created = await h.request('PUT', '/api/settings/users/new', { username: 'clerk7', name: '赵六', staffNo: 'QS009', role: 'clerk', disabled: false, password: 'new-pass-123' }, admin);
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    await h.request('PUT', '/api/settings/counters/7', { name: '7号窗口', serviceIds: ['social'], clerkA: id, clerkB: null }, admin);
    const signIn = await h.request('POST', '/api/session', { username: 'clerk7', password: 'new-pass-123', counterId: '7' });
    expect(signIn.status).toBe(200);
    await h.request('PUT', `/api/settings/users/${id}`, { username: 'clerk7', name: '赵六', staffNo: 'QS009', role: 'clerk', disabled: true }, admin);
    expect((await h.request('POST', '/api/counters/7/next', undefined, signIn.body.token)).status).toBe(401);
    expect((await h.request('POST', '/api/session', { username: 'clerk7', password: 'new-pass-123', counterId: '7' })).status).toBe(401);
    expect((await h.request('PUT', '/api/settings/users/u-admin', { username: 'admin', name: '系统管理员', staffNo: 'QS001', role: 'admin', disabled: true }, admin)).status).toBe(400);
  });

  it('changes opening hours and the kiosk sees the hall closed', async () => {
    const cur = (await h.request('GET', '/api/settings', undefined, sup)).body.settings;
    const closed = { ...cur, weekHours: Array.from({ length: 7 }, () => null) };
    delete closed.printer;
    expect((await h.request('PUT', '/api/settings/hall', closed, admin)).status).toBe(200);
    const take = await h.request('POST', '/api/tickets', { serviceId: 'social' });
    expect(take.status).toBe(409);
    expect(take.body.error.code).toBe('service_closed');
    expect((await h.request('GET', '/api/services')).body.every((s: any) => s.closedReason === 'hours')).toBe(true);
    const bad = await h.request('PUT', '/api/settings/hall', { ...closed, weekHours: Array.from({ length: 7 }, () => ({ open: '17:00', close: '08:30' })) }, admin);
    expect(bad.body.error.message).toContain('上班时间要早于下班时间');
    const open = { ...cur };
    delete open.printer;
    expect((await h.request('PUT', '/api/settings/hall', open, admin)).status).toBe(200);
  });
});
