// 电子监察 and 督办 through the county's API: a real hall's journal shipped by hand, the
// county's clock (and the hall's) moved by the test, the county restarted on its database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from '../test/harness.ts';
import { ADMIN_PASSWORD, journalLines, startCenter, type CenterHarness } from '../test/center.ts';
import type { HallData } from '../shared/types.ts';
import type { NoticeOutView, WarningOut } from '../shared/county/types.ts';
import { localMs } from './warnings/rules.ts';

const TZ = 'Asia/Shanghai';
/** Thursday 2026-11-26, 00:40 at the hall (the demo hall is open all day): the windows have been empty 40 minutes. */
let now = Date.parse('2026-11-26T00:40:00+08:00');
const clock = () => now;

let hall: Harness;
let county: CenterHarness;
let hallId: string;
let key: string;
let otherHall: string;
let shipped = 0;
let token: string;
let commitment: { ticketId: string; dueDate: string };
let clerk1: string;

const ship = (body: unknown) =>
  county.request('POST', '/api/county/ingest', body, key);
/** Ships every line the hall wrote since the last call. */
async function shipNew(): Promise<any> {
  const lines = await journalLines(hall.dir, shipped);
  const r = await ship({ hallId, hallNow: new Date(now).toISOString(), lines });
  expect(r.status).toBe(200);
  shipped = r.body.lastSeq;
  return r.body;
}
/** A county session lasts hours; the test moves days: sign in afresh after each move. */
async function signIn(): Promise<void> {
  token = (await county.request('POST', '/api/session', { username: 'county-admin', password: ADMIN_PASSWORD })).body.token;
}
const warnings = async (): Promise<WarningOut[]> => {
  await signIn();
  await county.center.warnings.recomputeAll();
  const r = await county.request('GET', `/api/county/warnings?hallId=${hallId}`, undefined, token);
  expect(r.status).toBe(200);
  return r.body;
};
const ofKind = (ws: WarningOut[], kind: string) => ws.filter((w) => w.kind === kind);

beforeAll(async () => {
  hall = await startHall({ clock });
  const baseline: HallData = hall.app.hall.view((d) => structuredClone(d));
  county = await startCenter({ clock });
  token = await county.admin();
  ({ id: hallId, key } = await county.addHall());
  otherHall = (await county.addHall('白水镇为民服务中心')).id;
  // Window 3 staffed; one household case committed there.
  await hall.request('POST', '/api/tickets', { serviceId: 'household' });
  const clerk = await hall.signIn('clerk3', '3');
  await hall.request('POST', '/api/counters/3/next', {}, clerk);
  const done = await hall.request('POST', '/api/counters/3/complete', { outcome: 'committed' }, clerk);
  expect(done.status).toBe(200);
  const lines = await journalLines(hall.dir);
  const first = await ship({ hallId, hallNow: new Date(now).toISOString(), baseline: { seq: 0, data: baseline }, lines });
  expect(first.status).toBe(200);
  shipped = first.body.lastSeq;
  const c = county.center.mirrors.get(hallId)!.data.commitments[0]!;
  commitment = { ticketId: c.ticketId, dueDate: c.dueDate };
});

afterAll(async () => {
  await county?.close();
  await hall?.close();
});

describe('电子监察', () => {
  it('raises a red warning for each window empty beyond the hall\'s threshold, not for the staffed one', async () => {
    const ws = await warnings();
    const empty = ofKind(ws, 'empty_window');
    expect(empty.map((w) => w.link.id).sort()).toEqual(['1', '2', '4', '5', '6']);
    expect(empty[0]).toMatchObject({ hallId, level: 'red', hallName: '青山镇为民服务中心', since: new Date(localMs('2026-11-26', 30, TZ)).toISOString() });
    expect(ofKind(ws, 'commitment')).toEqual([]);
    const list = await county.request('GET', '/api/county/halls', undefined, token);
    expect(list.body.find((h: { id: string }) => h.id === hallId).openWarnings).toBe(ws.length);
  });

  it('lets the county admin change the threshold per hall, audited; a bad value is refused', async () => {
    expect((await county.request('PUT', `/api/county/halls/${hallId}/thresholds`, { emptyWindowMin: 2 }, token)).status).toBe(400);
    expect((await county.request('PUT', `/api/county/halls/nobody/thresholds`, { emptyWindowMin: 60 }, token)).status).toBe(404);
    expect((await county.request('PUT', `/api/county/halls/${hallId}/thresholds`, { emptyWindowMin: 60 })).status).toBe(401);
    const r = await county.request('PUT', `/api/county/halls/${hallId}/thresholds`, { emptyWindowMin: 60 }, token);
    expect(r).toMatchObject({ status: 200, body: { emptyWindowMin: 60 } });
    expect((await county.request('GET', `/api/county/halls/${hallId}/thresholds`, undefined, token)).body).toEqual({ emptyWindowMin: 60 });
    expect(ofKind(await warnings(), 'empty_window')).toEqual([]);
    const audit = await county.center.db.selectFrom('county_audit').select(['action', 'detail']).where('action', '=', 'set_thresholds').execute();
    expect(audit).toEqual([{ action: 'set_thresholds', detail: { hallId, emptyWindowMin: 60 } }]);
    // Past the new threshold, and then someone signs in at window 1: its warning closes.
    now += 30 * 60_000;
    await shipNew(); // the hall's heartbeat: what the county knows of its windows is as of now
    const later = ofKind(await warnings(), 'empty_window');
    expect(later).toHaveLength(5);
    // Dated by the new threshold: an hour after the day's opening.
    expect(later.map((w) => w.since)).toEqual(Array(5).fill(new Date(localMs('2026-11-26', 60, TZ)).toISOString()));
    clerk1 = await hall.signIn('clerk1', '1');
    await shipNew();
    expect(ofKind(await warnings(), 'empty_window').map((w) => w.link.id).sort()).toEqual(['2', '4', '5', '6']);
  });

  it('counts a window left by its clerk from the sign-out, by the hall\'s clock', async () => {
    now += 5 * 60_000;
    const left = now;
    expect((await hall.request('DELETE', '/api/session', undefined, clerk1)).status).toBe(204);
    await shipNew();
    now = left + 59 * 60_000;
    await shipNew();
    expect(ofKind(await warnings(), 'empty_window').map((w) => w.link.id)).not.toContain('1');
    now = left + 60 * 60_000;
    await shipNew();
    const w1 = ofKind(await warnings(), 'empty_window').find((w) => w.link.id === '1');
    expect(w1).toMatchObject({ level: 'red', since: new Date(left + 60 * 60_000).toISOString() });
  });

  it('turns a committed case red the day after its due date, keeps its id and since across a restart, and closes it when delivered', async () => {
    // The day before the due date is within one working day: yellow.
    now = localMs(commitment.dueDate, 10 * 60, TZ);
    const yellow = ofKind(await warnings(), 'commitment');
    expect(yellow).toMatchObject([{ level: 'yellow', link: { kind: 'ticket', id: commitment.ticketId } }]);
    now = localMs(commitment.dueDate, 24 * 60 + 9 * 60, TZ);
    const ws = await warnings();
    const red = ofKind(ws, 'commitment');
    expect(red).toMatchObject([{ id: yellow[0]!.id, level: 'red', since: new Date(localMs(commitment.dueDate, 24 * 60, TZ)).toISOString() }]);
    // Silent since the last batch, with whole opening days gone by.
    expect(ofKind(ws, 'silent')).toMatchObject([{ level: 'red' }]);

    // A restart: the same warnings, the same since.
    const dbUrl = county.dbUrl;
    await county.close();
    county = await startCenter({ clock, dbUrl });
    token = await county.admin();
    const again = await warnings();
    expect(ofKind(again, 'commitment')).toEqual(red);
    const rows = await county.center.db.selectFrom('county_warnings').select(['id', 'closed_at']).where('id', '=', red[0]!.id).execute();
    expect(rows).toEqual([{ id: red[0]!.id, closed_at: null }]);

    // The hall speaks and the case is delivered: both warnings close by themselves.
    const sup = await hall.signIn('supervisor');
    expect((await hall.request('POST', `/api/commitments/${commitment.ticketId}/deliver`, {}, sup)).status).toBe(200);
    await shipNew();
    const after = await warnings();
    expect(ofKind(after, 'commitment')).toEqual([]);
    expect(ofKind(after, 'silent')).toEqual([]);
    const closed = (await county.request('GET', `/api/county/warnings?state=closed&hallId=${hallId}`, undefined, token)).body;
    expect(closed.find((w: { id: string }) => w.id === red[0]!.id)).toMatchObject({ kind: 'commitment', level: 'red', since: red[0]!.since, closedAt: new Date(now).toISOString() });
    expect((await county.request('GET', '/api/county/warnings?state=gone', undefined, token)).status).toBe(400);
  });
});

describe('督办', () => {
  let noticeId: string;

  it('sends a notice from a warning, audited, and the next ingest reply carries it to the hall', async () => {
    await signIn();
    const closedWarning = (await county.center.db.selectFrom('county_warnings').select('id').where('hall_id', '=', hallId).where('kind', '=', 'commitment').executeTakeFirstOrThrow()).id;
    expect((await county.request('POST', '/api/county/notices', { hallId, text: '' }, token)).status).toBe(400);
    expect((await county.request('POST', '/api/county/notices', { hallId: 'nobody', text: '请说明' }, token)).status).toBe(404);
    // A warning of another hall cannot be named.
    expect((await county.request('POST', '/api/county/notices', { hallId: otherHall, text: '请说明', warningId: closedWarning }, token)).status).toBe(404);
    const sent = await county.request('POST', '/api/county/notices', { hallId, text: '承诺件超期，请说明原因并尽快办结', warningId: closedWarning }, token);
    expect(sent.status).toBe(201);
    noticeId = sent.body.id;
    const audit = await county.center.db.selectFrom('county_audit').select('detail').where('action', '=', 'send_notice').execute();
    expect(audit).toEqual([{ detail: { hallId, noticeId, warningId: closedWarning } }]);
    const reply = await shipNew();
    expect(reply.notices).toEqual([{ id: noticeId, text: '承诺件超期，请说明原因并尽快办结', sentAt: new Date(now).toISOString(), warningId: closedWarning }]);
  });

  it('ages while unanswered, on the list and on the halls', async () => {
    now += 125 * 60_000;
    await signIn();
    const list = (await county.request('GET', '/api/county/notices', undefined, token)).body as NoticeOutView[];
    expect(list).toMatchObject([{ id: noticeId, hallId, hallName: '青山镇为民服务中心', sentBy: '县中心管理员', ageMin: 125, overdue: false }]);
    expect(list[0]!.answer).toBeUndefined();
    const halls = (await county.request('GET', '/api/county/halls', undefined, token)).body;
    expect(halls.find((h: { id: string }) => h.id === hallId)).toMatchObject({ openNotices: 1, oldestNoticeMin: 125 });
    expect(halls.find((h: { id: string }) => h.id === otherHall)).toMatchObject({ openNotices: 0, oldestNoticeMin: null });
    now += 24 * 3_600_000;
    await signIn();
    expect((await county.request('GET', '/api/county/notices', undefined, token)).body[0].overdue).toBe(true);
  });

  it('takes the answer from a shipped NoticeAnswered of that hall only', async () => {
    const other = (await county.request('POST', '/api/county/notices', { hallId: otherHall, text: '请说明空岗原因' }, token)).body.id as string;
    const at = new Date(now).toISOString();
    // The hall's clock is two hours behind the county's: its answer's time is read on the county's clock.
    const hallAt = new Date(now - 2 * 3_600_000).toISOString();
    const supervisor = county.center.mirrors.get(hallId)!.data.users.find((u) => u.username === 'supervisor')!;
    // Hand-built as the hall writes them: received, then answered; and a try at the other hall's notice.
    const line = {
      s: shipped + 1,
      f: [
        { type: 'NoticeReceived', v: 1, notice: { id: noticeId, text: '承诺件超期，请说明原因并尽快办结', sentAt: at, receivedAt: at } },
        { type: 'NoticeAnswered', v: 1, noticeId, answer: '已于今日办结送达', by: supervisor.id, at: hallAt },
        { type: 'NoticeReceived', v: 1, notice: { id: other, text: 'x', sentAt: at, receivedAt: at } },
        { type: 'NoticeAnswered', v: 1, noticeId: other, answer: '冒名回复', by: supervisor.id, at },
      ],
    };
    const r = await ship({ hallId, hallNow: hallAt, lines: [line] });
    expect(r.status).toBe(200);
    shipped = r.body.lastSeq;
    expect(r.body.notices).toEqual([]);
    const list = (await county.request('GET', '/api/county/notices', undefined, token)).body as NoticeOutView[];
    expect(list.find((n) => n.id === noticeId)).toMatchObject({ answer: '已于今日办结送达', answeredAt: at, answeredBy: supervisor.name, overdue: false });
    expect(list.find((n) => n.id === other)!.answer).toBeUndefined();
    const halls = (await county.request('GET', '/api/county/halls', undefined, token)).body;
    expect(halls.find((h: { id: string }) => h.id === hallId)).toMatchObject({ openNotices: 0 });
    expect(halls.find((h: { id: string }) => h.id === otherHall)).toMatchObject({ openNotices: 1 });
  });
});

describe('a hall whose clock is hours off', () => {
  it('has a yellow skew warning, and its deadlines are judged on its own clock', async () => {
    await signIn();
    const fast = (await county.request('POST', '/api/county/halls', { name: '快钟镇为民服务中心' }, token)).body as { id: string; key: string };
    const baseline = county.center.mirrors.get(hallId)!.data;
    // The county's clock is on the due date; the hall's, three days later, is past it.
    const due = localMs(commitment.dueDate, 10 * 60, TZ);
    const saved = now;
    now = due;
    try {
      const hallNow = new Date(due + 3 * 86_400_000).toISOString();
      const r = await county.request('POST', '/api/county/ingest', { hallId: fast.id, hallNow, baseline: { seq: 0, data: { ...structuredClone(baseline), commitments: [{ ...baseline.commitments[0]!, deliveredAt: undefined }] } }, lines: [] }, fast.key);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      await county.center.warnings.recomputeAll();
      const ws = (await county.request('GET', `/api/county/warnings?hallId=${fast.id}`, undefined, token)).body as WarningOut[];
      expect(ofKind(ws, 'skew')).toMatchObject([{ level: 'yellow', subject: expect.stringContaining('快 4320 分钟') }]);
      expect(ofKind(ws, 'commitment')).toMatchObject([{ level: 'red', subject: expect.stringContaining('已超期 3 天') }]);
    } finally {
      now = saved;
    }
  });
});

describe('a county viewer', () => {
  it('reads warnings and notices but sends no notice and changes no threshold', async () => {
    await signIn();
    const made = await county.request('POST', '/api/county/accounts', { username: 'viewer1', name: '查看员', role: 'county_viewer' }, token);
    expect(made.status).toBe(201);
    const viewer = (await county.request('POST', '/api/session', { username: 'viewer1', password: made.body.password })).body.token as string;
    expect((await county.request('GET', '/api/county/warnings', undefined, viewer)).status).toBe(200);
    expect((await county.request('GET', '/api/county/notices', undefined, viewer)).status).toBe(200);
    expect((await county.request('POST', '/api/county/notices', { hallId, text: '请说明' }, viewer)).status).toBe(403);
    expect((await county.request('PUT', `/api/county/halls/${hallId}/thresholds`, { emptyWindowMin: 40 }, viewer)).status).toBe(403);
  });
});
