// A hall whose clock is hours off the county's: the county keeps the skew its batches
// show (`hallNow`), shows it on the board, and the hall's figures stay the hall's own:
// its own day (`today.day` from its state) and waits measured on its clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketDays, type ShippedDay } from '../bench/countyDay.ts';
import { live } from '../center/summary.ts';
import { upgrade } from '../server/seed.ts';
import { isoLocal } from '../shared/core/time.ts';
import { startCenter, type CenterHarness } from './center.ts';

const MIN = 60_000;
/** The county's clock: the evening before the hall's market day, Beijing time. */
const COUNTY_NOW = Date.parse('2026-03-01T22:00:00+08:00');

let county: CenterHarness;
let day: ShippedDay;

beforeAll(async () => {
  day = marketDays(3, 1, 10 * 60);
  county = await startCenter({ clock: () => COUNTY_NOW });
});

afterAll(async () => {
  await county?.close();
});

async function shipDay(skewMs: number) {
  const hall = await county.addHall();
  const hallNow = isoLocal(COUNTY_NOW + skewMs, 'Asia/Shanghai');
  const r = await county.request('POST', '/api/county/ingest', { hallId: hall.id, hallNow, baseline: { seq: 0, data: day.baseline }, lines: day.lines }, hall.key);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const list = await county.request('GET', '/api/county/halls', undefined, await county.admin());
  const row = await county.center.db.selectFrom('halls').select(['skew_ms', 'hall_now']).where('id', '=', hall.id).executeTakeFirstOrThrow();
  return { seen: list.body.find((h: any) => h.id === hall.id), row, hallNow };
}

describe('a hall whose clock is off', () => {
  it('hours ahead: the skew is stored and shown, the day and the waits are the hall’s', async () => {
    // 10:30 at the hall, half an hour after the simulated day stopped: people are waiting.
    const skew = 750 * MIN;
    const { seen, row, hallNow } = await shipDay(skew);
    expect(row).toEqual({ skew_ms: skew, hall_now: hallNow });
    expect(seen.skewMin).toBe(750);
    expect(seen.online).toBe(true);
    // The county's own date is still 2026-03-01; the hall is in its market day.
    expect(seen.today.day).toBe('2026-03-02');
    const own = live(upgrade(structuredClone(day.end)), hallNow);
    expect(seen.today).toEqual(own.today);
    expect(own.today.waiting).toBeGreaterThan(0);
    // Waits on the county's clock would be negative (the tickets were taken "tomorrow").
    expect(seen.longestWaitMin).toBe(own.longestWaitMin);
    expect(seen.longestWaitMin).toBeGreaterThan(0);
  });

  it('hours behind', async () => {
    const { seen, row } = await shipDay(-200 * MIN);
    expect(row.skew_ms).toBe(-200 * MIN);
    expect(seen.skewMin).toBe(-200);
    expect(seen.today.day).toBe('2026-03-02');
  });

  it('within a minute is not called skew', async () => {
    const { seen, row } = await shipDay(30_000);
    expect(row.skew_ms).toBe(30_000);
    expect(seen.skewMin).toBeNull();
  });
});
