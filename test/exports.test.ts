// Honest exports and attendance: a figure with nothing behind it is blank (never 0 or
// 0.0%), windows are named as people say them (1号窗口), and attendance counts half-days
// from when the hall (or the person) started, not from the quarter's start.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayArchive } from '../shared/types.ts';
import { startHall, type Harness } from './harness.ts';

/** Thursday 2026-11-26, 10:00 in the hall: a new install's first morning. */
const NOW = Date.parse('2026-11-26T10:00:00+08:00');
let h: Harness;
let sup: string;
let admin: string;
beforeAll(async () => {
  h = await startHall({ clock: () => NOW });
  sup = await h.signIn('supervisor');
  admin = await h.signIn('admin');
});
afterAll(() => h.close());

type Row = { name: string; halfDays: number; expectedHalfDays: number; attendanceRate: number };
const appraisal = async () => (await h.request('GET', '/api/reports/appraisal?quarter=2026Q4', undefined, sup)).body.rows as Row[];
const csv = async (query: string) => {
  const res = await fetch(`${h.url}/api/reports/export.csv?${query}`, { headers: { authorization: `Bearer ${sup}` } });
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, '').split('\r\n').map((l) => l.split(','));
};

describe('attendance', () => {
  it('on a new install counts from the first day, not from the quarter’s start', async () => {
    await h.signIn('clerk1', '1');
    const rows = await appraisal();
    // Not 1 of the quarter's ~120 half-days (0.8%): 1 of today's 2.
    expect(rows.find((r) => r.name === '王芳')).toMatchObject({ halfDays: 1, expectedHalfDays: 2, attendanceRate: 0.5 });
    expect(rows.find((r) => r.name === '李强')).toMatchObject({ halfDays: 0, expectedHalfDays: 2, attendanceRate: 0 });
  });

  it('counts from the hall’s first archived day, and from an account’s creation', async () => {
    const tuesday: DayArchive = { day: '2026-11-24', tickets: [], signIns: [{ userId: 'u-clerk1', counterId: '1', at: '2026-11-24T08:20:00.000+08:00' }] };
    writeFileSync(path.join(h.dir, 'archive', `${tuesday.day}.json`), JSON.stringify(tuesday));
    const created = await h.request('PUT', '/api/settings/users/new', { username: 'clerk9', name: '周新', staffNo: 'QS019', role: 'clerk', disabled: false, password: 'new-pass-123' }, admin);
    expect(created.status).toBe(200);
    const rows = await appraisal();
    expect(rows.find((r) => r.name === '王芳')).toMatchObject({ halfDays: 2, expectedHalfDays: 6 }); // Tue, Wed, Thu
    expect(rows.find((r) => r.name === '周新')).toMatchObject({ halfDays: 0, expectedHalfDays: 2 }); // created today
  });
});

describe('exports', () => {
  it('leave empty figures blank and name windows', async () => {
    const clerk = await h.signIn('clerk3', '3');
    await h.request('POST', '/api/tickets', { serviceId: 'household' });
    await h.request('POST', '/api/counters/3/next', undefined, clerk);
    await h.request('POST', '/api/counters/3/complete', {}, clerk);

    const tickets = await csv('kind=tickets&from=2026-11-26&to=2026-11-26');
    const head = tickets[0]!;
    expect(tickets[1]![head.indexOf('窗口')]).toBe('3号窗口');
    expect(tickets[1]![head.indexOf('评价')]).toBe('');

    const summary = await csv('kind=summary&from=2026-11-26&to=2026-11-26');
    expect(summary.find((r) => r[0] === '评价数')).toEqual(['评价数', '0', '满意率', '']);
    const counter = summary.find((r) => r[0] === '3号窗口')!;
    expect(counter.at(-2)).toBe('0'); // nobody rated
    expect(counter.at(-1)).toBe(''); // so no rate, not 0.0%
    const social = summary.find((r) => r[0] === '社保劳保');
    expect(social ?? null).toBeNull(); // a business with nothing that day has no row at all

    const rows = await csv('kind=appraisal&quarter=2026Q4');
    const cols = rows[1]!;
    const li = rows.find((r) => r[1] === '李强')!;
    expect(li[cols.indexOf('办结件数')]).toBe('0');
    for (const c of ['平均办理时长(分钟)', '满意率', '差评已回访', '差评已办结']) expect(li[cols.indexOf(c)], c).toBe('');
    expect(li[cols.indexOf('出勤率')]).toBe('0.0%'); // a half-day was due and none was signed: a real 0
  });
});
