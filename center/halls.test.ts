// What the board reads of each hall beyond the contract: minutes silent by the county's
// clock, the county's day beside the hall's, and unanswered 督办 with their age.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type Harness } from '../test/harness.ts';
import { ADMIN_PASSWORD, journalLines, startCenter, type CenterHarness } from '../test/center.ts';

let hall: Harness;
let county: CenterHarness;
let offset = 0;
const now = () => Date.now() + offset;

beforeAll(async () => {
  hall = await startHall();
  const baseline = hall.app.hall.view((d) => structuredClone(d));
  county = await startCenter({ clock: now });
  const { id, key } = await county.addHall('青山镇为民服务中心');
  await hall.request('POST', '/api/tickets', { serviceId: 'household' });
  const r = await fetch(county.url + '/api/county/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ hallId: id, hallNow: new Date(now() + 3 * 60_000).toISOString(), baseline: { seq: 0, data: baseline }, lines: await journalLines(hall.dir) }),
  });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await county?.close();
  await hall?.close();
});

// Signed in afresh each time: a session of the day before has expired by the moved clock.
const listed = async () => {
  const token = (await county.request('POST', '/api/session', { username: 'county-admin', password: ADMIN_PASSWORD })).body.token as string;
  return (await county.request('GET', '/api/county/halls', undefined, token)).body[0];
};

describe('the board’s figures of a hall', () => {
  it('right after a batch: online, silent 0 minutes, the hall’s skew, its day the county’s', async () => {
    const h = await listed();
    expect(h).toMatchObject({ online: true, silentMin: 0, skewMin: 3, openNotices: 0, oldestNoticeMin: null, today: { waiting: 1 } });
    expect(h.countyDay).toBe(h.today.day);
    expect(h.windows).toHaveLength(6);
  });

  it('a day later by the county’s clock: offline for 1440 minutes, its last-known day older than the county’s', async () => {
    offset = 24 * 3600_000;
    const h = await listed();
    expect(h.online).toBe(false);
    expect(h.silentMin).toBe(24 * 60);
    expect(h.countyDay > h.today.day).toBe(true);
    expect(h.today.waiting).toBe(1);
    // Its longest wait is as it was when last heard, not grown by the silent day.
    expect(h.longestWaitMin).toBeLessThan(10);
  });

  it('counts the 督办 the hall has not answered and how old the oldest is', async () => {
    const hallId = (await listed()).id;
    const at = (minAgo: number) => new Date(now() - minAgo * 60_000);
    await county.center.db
      .insertInto('notices')
      .values([
        { id: 'n1', hall_id: hallId, text: '请说明', warning_id: null, sent_at: at(90), sent_by: 'x', answer: null, answered_at: null, answered_by: null },
        { id: 'n2', hall_id: hallId, text: '请说明', warning_id: null, sent_at: at(10), sent_by: 'x', answer: null, answered_at: null, answered_by: null },
        { id: 'n3', hall_id: hallId, text: '已答复', warning_id: null, sent_at: at(300), sent_by: 'x', answer: '已整改', answered_at: at(200), answered_by: 'y' },
      ])
      .execute();
    expect(await listed()).toMatchObject({ openNotices: 2, oldestNoticeMin: 90 });
  });
});
