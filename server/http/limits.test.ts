// The per-address bucket behind the take and comment limits: time is passed in.
import { describe, expect, it } from 'vitest';
import { AddressLimit } from './limits.ts';

describe('AddressLimit', () => {
  it('lets a burst of the limit through, then refills evenly over the period', () => {
    let now = 1_000_000;
    const l = new AddressLimit(() => now, 60_000);
    for (let i = 0; i < 30; i++) expect(l.take('kiosk', 30)).toBeNull();
    expect(l.take('kiosk', 30)).toEqual({ waitMs: 2000, first: true });
    expect(l.take('kiosk', 30)).toEqual({ waitMs: 2000, first: false }); // logged once per flood
    now += 1000;
    expect(l.take('kiosk', 30)?.waitMs).toBe(1000);
    now += 1000;
    expect(l.take('kiosk', 30)).toBeNull();
    expect(l.take('other', 30)).toBeNull(); // each address has its own
  });

  it('follows a changed limit: raising frees what it adds, lowering takes it away', () => {
    const l = new AddressLimit(() => 0, 60_000);
    for (let i = 0; i < 10; i++) l.take('a', 30); // 10 used of 30
    expect(l.take('a', 5)).not.toBeNull(); // 10 used is past 5
    expect(l.take('a', 12)).toBeNull(); // 12 - 10 = 2 left
    expect(l.take('a', 12)).toBeNull();
    expect(l.take('a', 12)).not.toBeNull();
  });

  it('refills nothing when the clock is set back', () => {
    let now = 10_000_000;
    const l = new AddressLimit(() => now, 60_000);
    l.take('a', 1);
    now -= 3_600_000;
    expect(l.take('a', 1)).not.toBeNull();
    now += 60_000; // a minute after the instant it went back to: still under the jump
    expect(l.take('a', 1)).toBeNull();
  });

  it('keeps at most 10,000 addresses, forgetting the least recently seen', () => {
    const l = new AddressLimit(() => 0, 60_000);
    l.take('kiosk', 1);
    for (let i = 0; i < 9_999; i++) l.take(`10.1.${i >> 8}.${i & 255}`, 1);
    expect(l.take('kiosk', 1)).not.toBeNull(); // seen again: now the most recent
    for (let i = 0; i < 20_000; i++) l.take(`fd00::${i.toString(16)}`, 1);
    expect(l.size).toBe(10_000);
  });
});
