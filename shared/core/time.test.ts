import { describe, expect, it } from 'vitest';
import { hall } from '../../test/fixture.ts';
import { digitsOneByOne, displayText, readInteger, spokenText } from './announce.ts';
import { addWorkingDays } from './calendar.ts';
import { isOpenAt, nextOpening } from './hours.ts';
import { percentile, stats, waitMinutes } from './stats.ts';
import { addDays, FIXED_SINCE_MS, isDay, isoLocal, isValidTimeZone, localDay, minutesBetween, nextMidnightMs } from './time.ts';
import type { Ticket } from '../types.ts';

describe('time in the hall zone', () => {
  it('formats ISO with the zone offset', () => {
    const ms = Date.parse('2026-11-26T16:30:05.042Z');
    expect(isoLocal(ms, 'Asia/Shanghai')).toBe('2026-11-27T00:30:05.042+08:00');
    expect(isoLocal(ms, 'America/New_York')).toBe('2026-11-26T11:30:05.042-05:00');
    expect(localDay(ms, 'Asia/Shanghai')).toBe('2026-11-27');
    expect(localDay(ms, 'UTC')).toBe('2026-11-26');
  });

  it('finds the next local midnight', () => {
    expect(nextMidnightMs(Date.parse('2026-11-26T23:59:59+08:00'), 'Asia/Shanghai')).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
    expect(nextMidnightMs(Date.parse('2026-11-26T00:00:00+08:00'), 'Asia/Shanghai')).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
  });

  it('validates calendar dates', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-2-1')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    const s = hall().settings;
    expect(addWorkingDays(s, '2026-11-27', 3)).toBe('2026-12-02'); // Fri + 3 → Wed
    expect(addWorkingDays(s, '2026-11-28', 1)).toBe('2026-11-30'); // Sat + 1 → Mon
  });

  it('skips holidays and counts make-up workdays', () => {
    const s = hall({
      specialDays: [
        { date: '2026-10-01', name: '国庆', kind: 'holiday', hours: null },
        { date: '2026-10-02', name: '国庆', kind: 'holiday', hours: null },
        { date: '2026-10-10', name: '调休', kind: 'workday', hours: null },
      ],
    }).settings;
    expect(addWorkingDays(s, '2026-09-30', 1)).toBe('2026-10-05'); // Thu/Fri holidays, weekend
    expect(addWorkingDays(s, '2026-10-09', 1)).toBe('2026-10-10'); // Saturday make-up day
  });

  it('knows opening hours', () => {
    const s = hall({ weekHours: [null, ...Array.from({ length: 6 }, () => ({ open: '08:30', close: '17:00' }))] }).settings;
    expect(isOpenAt(s, Date.parse('2026-11-29T10:00:00+08:00'))).toBe(false); // Sunday
    expect(isOpenAt(s, Date.parse('2026-11-30T10:00:00+08:00'))).toBe(true);
  });

  it('says when a closed hall opens next: later today, tomorrow, after a weekend or a holiday', () => {
    const s = hall({
      weekHours: [null, ...Array.from({ length: 5 }, () => ({ open: '08:30', close: '17:00' })), null],
      specialDays: [
        { date: '2026-12-02', name: '镇庆', kind: 'holiday', hours: null },
        { date: '2026-12-05', name: '逢场天', kind: 'market', hours: { open: '07:30', close: '12:00' } },
      ],
    }).settings;
    const at = (iso: string) => nextOpening(s, Date.parse(iso));
    expect(at('2026-11-30T10:00:00+08:00')).toBeNull(); // open now
    expect(at('2026-11-30T07:59:00+08:00')).toEqual({ day: '2026-11-30', time: '08:30' }); // Monday morning
    expect(at('2026-11-30T17:00:00+08:00')).toEqual({ day: '2026-12-01', time: '08:30' }); // closing time
    expect(at('2026-12-01T18:00:00+08:00')).toEqual({ day: '2026-12-03', time: '08:30' }); // Wednesday a holiday
    expect(at('2026-12-04T17:30:00+08:00')).toEqual({ day: '2026-12-05', time: '07:30' }); // a market Saturday
    expect(at('2026-12-05T12:00:00+08:00')).toEqual({ day: '2026-12-07', time: '08:30' }); // over the Sunday
    expect(nextOpening(hall({ weekHours: Array.from({ length: 7 }, () => null) }).settings, Date.parse('2026-11-30T10:00:00+08:00'))).toBeNull();
  });
});

describe('announcement text', () => {
  it('reads ticket digits one by one and window numbers as numbers', () => {
    expect(digitsOneByOne('A012')).toBe('A零一二');
    expect(readInteger(3)).toBe('三');
    expect(readInteger(10)).toBe('十');
    expect(readInteger(12)).toBe('十二');
    expect(readInteger(20)).toBe('二十');
    expect(readInteger(105)).toBe('一百零五');
    expect(spokenText('请{number}号到{counter}办理', 'A012', '3号窗口')).toBe('请A零一二号到三号窗口办理');
    expect(displayText('请{number}号到{counter}办理', 'A012', '3号窗口')).toBe('请 A012 号到3号窗口办理');
  });
});

describe('stats', () => {
  it('uses nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 90)).toBe(4);
    expect(percentile([5], 90)).toBe(5);
  });

  it('sums a hand-made day', () => {
    const t = (status: string, takenAt: string, calledAt?: string) => ({ status, takenAt, ...(calledAt && { calledAt }) }) as never;
    const s = stats(
      [
        t('done', '2026-11-26T09:00:00+08:00', '2026-11-26T09:10:00+08:00'),
        t('done', '2026-11-26T09:00:00+08:00', '2026-11-26T09:20:00+08:00'),
        t('no_show', '2026-11-26T09:00:00+08:00', '2026-11-26T09:30:00+08:00'),
        t('cancelled', '2026-11-26T09:00:00+08:00'),
      ],
      [{ level: 5 }, { level: 3 }, { level: 2 }, { level: 1 }],
    );
    expect(s).toEqual({
      tickets: 4,
      served: 2,
      noShows: 1,
      wait: { avgMin: 20, p50Min: 20, p90Min: 30, maxMin: 30 },
      ratings: { count: 4, byLevel: { '1': 1, '2': 1, '3': 1, '4': 0, '5': 1 }, satisfiedRate: 0.5 },
    });
  });
});

describe('cached zone offsets', () => {
  it('agree with Intl across a DST change and a half-hour zone', () => {
    const fmt = (ms: number, tz: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms).replace(' ', 'T');
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Australia/Adelaide', 'Asia/Kathmandu']) {
      // Around New York's 2026-03-08 and Adelaide's 2026-04-05 changes, every 7 minutes for two days.
      for (const start of [Date.parse('2026-03-07T12:00:00Z'), Date.parse('2026-04-03T12:00:00Z')]) {
        for (let ms = start; ms < start + 2 * 86_400_000; ms += 7 * 60_000 + 13_000) {
          expect(isoLocal(ms, tz).slice(0, 19), `${tz} ${new Date(ms).toISOString()}`).toBe(fmt(ms, tz));
        }
      }
    }
  });
});

describe('fixed-offset zones', () => {
  it('answer as Intl does from 1992 to 2100, without asking it', () => {
    const fmt = (ms: number, tz: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms).replace(' ', 'T');
    for (const tz of ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC', 'Asia/Urumqi', 'Asia/Kashgar', 'UTC', 'Etc/UTC']) {
      expect(isValidTimeZone(tz)).toBe(true);
      for (let ms = FIXED_SINCE_MS; ms < Date.UTC(2100, 0, 1); ms += 41 * 86_400_000 + 3_607_000) {
        expect(isoLocal(ms, tz).slice(0, 19), `${tz} ${new Date(ms).toISOString()}`).toBe(fmt(ms, tz));
      }
    }
  });

  it('leave earlier instants to Intl: Shanghai kept summer time until 1991', () => {
    expect(isoLocal(Date.parse('1990-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe('1990-07-01T09:00:00.000+09:00');
  });
});

describe('minutesBetween', () => {
  it('never goes below zero when the clock was set back between the two instants', () => {
    expect(minutesBetween('2026-11-26T09:30:00.000+08:00', '2026-11-26T09:00:00.000+08:00')).toBe(0);
    expect(minutesBetween('2026-11-26T09:00:00.000+08:00', '2026-11-26T09:30:00.000+08:00')).toBe(30);
    const t = { takenAt: '2026-11-26T09:30:00.000+08:00', calledAt: '2026-11-26T09:05:00.000+08:00' } as Ticket;
    expect(waitMinutes(t)).toBe(0);
  });
});
