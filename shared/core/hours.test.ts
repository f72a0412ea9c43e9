import { describe, expect, it } from 'vitest';
import { hall, next, take } from '../../test/fixture.ts';
import { apply } from './commands.ts';
import { HallError } from './errors.ts';
import { dayPlan, isOpenAt, noTickets, plansFrom } from './hours.ts';
import type { Hours, Settings } from '../types.ts';

const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
const OFFICE: Hours = { open: '08:30', close: '17:00', lunch: { from: '12:00', to: '14:00' } };
const week = (h: Hours | null) => [null, h, h, h, h, h, null];
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof HallError) return `${e.status} ${e.code}`;
    throw e;
  }
};

describe("the hall's day", () => {
  it('takes no tickets and makes no calls at lunch, and stops tickets before closing', () => {
    const d = hall({ weekHours: week(OFFICE), lastTicketMin: 30 });
    const thu = '2026-11-26';
    take(d, 'a', at(thu, '11:00'));
    expect(code(() => apply(d, { type: 'take', id: 'x1', serviceId: 'a', priority: false, channel: 'kiosk', at: at(thu, '12:30') }))).toBe('409 service_closed');
    expect(code(() => apply(d, { type: 'next', counterId: '1', userId: 'u1', at: at(thu, '13:59') }))).toBe('409 lunch_break');
    expect(next(d, '1', at(thu, '14:00'))).not.toBeNull();
    expect(noTickets(d.settings, at(thu, '16:29'))).toBeNull();
    expect(noTickets(d.settings, at(thu, '16:30'))).toMatchObject({ reason: 'cutoff', message: '今天 16:30 已停止取号，请明天再来' });
    expect(isOpenAt(d.settings, at(thu, '16:45'))).toBe(true); // calls go on until closing
    expect(noTickets(d.settings, at(thu, '12:00'))).toMatchObject({ reason: 'lunch', message: '午休时间（12:00–14:00）暂停取号，14:00 恢复' });
    expect(noTickets(d.settings, at('2026-11-29', '10:00'))).toMatchObject({ reason: 'hours' }); // Sunday
  });

  it("keeps a business to its own weekdays and hours, and says when it is handled", () => {
    const d = hall({ weekHours: week(OFFICE) });
    d.services[0]!.schedule = { weekdays: [3], open: '09:00', close: '11:30' };
    const wed = '2026-11-25';
    expect(noTickets(d.settings, at(wed, '10:00'), d.services[0])).toBeNull();
    expect(noTickets(d.settings, at(wed, '11:30'), d.services[0])?.message).toBe('业务A每周三 09:00–11:30 办理，现在不能取号');
    expect(code(() => take(d, 'a', at('2026-11-26', '10:00')))).toBe('409 service_closed');
    expect(code(() => take(d, 'b', at('2026-11-26', '10:00')))).toBe('ok');
  });

  it('finds market days by a solar or a lunar pattern; a special date wins over both', () => {
    const solar: Settings = hall({ weekHours: week(OFFICE), marketDays: { calendar: 'solar', digits: [1, 4, 7], hours: { open: '07:30', close: '17:00' } } }).settings;
    expect(['2026-12-01', '2026-12-04', '2026-12-17', '2026-12-31'].map((d) => dayPlan(solar, d).kind)).toEqual(['market', 'market', 'market', 'market']);
    expect(dayPlan(solar, '2026-12-02').kind).toBe('normal');
    expect(dayPlan(solar, '2026-12-27')).toMatchObject({ kind: 'market', name: '逢场', hours: { open: '07:30' } }); // a Sunday market opens too
    // 2026-02-17 is 正月初一; 2026-12-07 is 十月廿九.
    const lunar = { ...solar, marketDays: { calendar: 'lunar' as const, digits: [1, 9], hours: null } };
    expect(dayPlan(lunar, '2026-02-17')).toMatchObject({ kind: 'market', lunar: '初一' });
    expect(dayPlan(lunar, '2026-02-18')).toMatchObject({ kind: 'normal', lunar: '初二' });
    expect(dayPlan(lunar, '2026-12-07')).toMatchObject({ kind: 'market', lunar: '廿九', hours: OFFICE });
    const holiday = { ...lunar, specialDays: [{ date: '2026-12-07', name: '停电检修', kind: 'holiday' as const, hours: null }] };
    expect(dayPlan(holiday, '2026-12-07')).toMatchObject({ kind: 'holiday', hours: null, name: '停电检修' });
    expect(plansFrom(lunar, '2026-11-30', 35)).toHaveLength(35);
  });

  it('refuses a lunch outside the hours, a market pattern without digits and a cutoff out of range', () => {
    const d = hall();
    const configure = (over: Partial<Settings>) => code(() => apply(d, { type: 'configure', userId: 'admin', settings: { ...d.settings, ...over }, at: at('2026-11-26', '09:00') }));
    expect(configure({ weekHours: week({ open: '08:30', close: '12:00', lunch: { from: '12:00', to: '14:00' } }) })).toBe('400 invalid_settings');
    expect(configure({ marketDays: { calendar: 'lunar', digits: [], hours: null } })).toBe('400 invalid_settings');
    expect(configure({ lastTicketMin: 300 })).toBe('400 invalid_settings');
    expect(configure({ weekHours: week(OFFICE), marketDays: { calendar: 'lunar', digits: [3, 6, 9], hours: null }, lastTicketMin: 30 })).toBe('ok');
  });
});

