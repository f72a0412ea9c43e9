// The settings tab's pure helpers: form ↔ settings, hours as typed, presets, ids.
import { describe, expect, it } from 'vitest';
import type { Service, Settings } from '../../shared/types.ts';
import { fromHallForm, newSpecialDay, savedHallForm, toHallForm } from './hallForm.ts';
import { fromWeekForm, normalizeTime, parseHours, toDayForm, weekdayPreset } from './hours.ts';
import { idProblem, nextCounterId, nextId, slugify } from './ids.ts';
import { allOk, cleanList, intField, numberField } from './parse.ts';
import { fromPrinterForm } from './printerForm.ts';
import { fromCounterForm, fromServiceForm, fromUserForm, newServiceForm, postsOf, toServiceForm, toggle } from './recordForms.ts';

const settings = (over: Partial<Settings> = {}): Settings => ({
  hallName: '青山镇为民服务中心',
  timeZone: 'Asia/Shanghai',
  weekHours: [null, ...Array.from({ length: 5 }, () => ({ open: '08:30', close: '17:00' })), null],
  specialDays: [
    { date: '2025-10-01', name: '国庆节', kind: 'holiday', hours: null },
    { date: '2025-09-28', name: '调休', kind: 'workday', hours: null },
    { date: '2025-06-03', name: '逢场', kind: 'market', hours: { open: '09:00', close: '16:00' } },
  ],
  priorityCap: 2,
  recallCap: 5,
  announcement: { template: '请{number}号到{counter}办理', repeat: 2 },
  priorityKinds: ['70岁以上老人', '残疾人'],
  printer: { uri: null, paperWidth: 80, checkStatus: true },
  ratings: { reasons: ['等候时间太长'], followUpDays: 5, padIdleSec: 60 },
  alerts: { waiting: 20, estimatedWaitMin: 30, longestWaitMin: 30 },
  limits: { takesPerMinute: 30, commentsPerHour: 20 },
  marketDays: null,
  lastTicketMin: 0,
  ...over,
});

const social: Service = {
  id: 'social',
  name: '社保劳保',
  prefix: 'A',
  materials: ['身份证', '户口簿'],
  committedDays: 3,
  priorityAllowed: true,
  dailyQuota: null,
  enabled: true,
  avgServiceMin: 6,
};

describe('times as typed', () => {
  it('accepts the ways people type a time, and 24:00 for midnight', () => {
    expect(normalizeTime('8:30')).toBe('08:30');
    expect(normalizeTime(' 0830 ')).toBe('08:30');
    expect(normalizeTime('8：30')).toBe('08:30'); // a Chinese IME's colon
    expect(normalizeTime('17.00')).toBe('17:00');
    expect(normalizeTime('24:00')).toBe('24:00');
    expect(normalizeTime('00:00')).toBe('00:00');
  });

  it('refuses what is not a time of day', () => {
    for (const bad of ['', '8点半', '24:30', '25:00', '12:60', '8:3', '123:00']) expect(normalizeTime(bad), bad).toBeNull();
  });

  it('wants the opening before the closing and names the day', () => {
    expect(parseHours('8:30', '17:00', '星期一')).toEqual({ ok: true, value: { open: '08:30', close: '17:00' } });
    expect(parseHours('00:00', '24:00', '星期日')).toEqual({ ok: true, value: { open: '00:00', close: '24:00' } });
    expect(parseHours('17:00', '08:30', '星期二')).toEqual({ ok: false, error: '星期二的上班时间要早于下班时间' });
    expect(parseHours('09:00', '09:00', '星期三')).toEqual({ ok: false, error: '星期三的上班时间要早于下班时间' });
    expect(parseHours('24:00', '24:00', '星期四')).toEqual({ ok: false, error: '星期四的上班时间不能是 24:00' });
    expect(parseHours('八点', '17:00', '星期五')).toEqual({ ok: false, error: '星期五的时间格式应为 08:30' });
  });
});

describe('the week', () => {
  it('周一至周五 08:30–17:00 preset: weekdays open, weekend closed', () => {
    const week = weekdayPreset();
    expect(week.map((d) => d.open)).toEqual([false, true, true, true, true, true, false]);
    expect(fromWeekForm(week)).toEqual({ ok: true, value: [null, ...Array.from({ length: 5 }, () => ({ open: '08:30', close: '17:00' })), null] });
  });

  it('a closed day keeps office hours ready to tick back open, and sends null', () => {
    expect(toDayForm(null)).toEqual({ open: false, from: '08:30', to: '17:00' });
    const week = [...Array.from({ length: 7 }, () => toDayForm({ open: '00:00', close: '24:00' }))];
    week[3] = { ...week[3]!, open: false };
    const parsed = fromWeekForm(week);
    expect(parsed.ok && parsed.value[3]).toBeNull();
    expect(parsed.ok && parsed.value[2]).toEqual({ open: '00:00', close: '24:00' });
  });

  it('stops at the first bad day, by its name', () => {
    const week = weekdayPreset();
    week[1] = { open: true, from: '9:00', to: '8:00' };
    expect(fromWeekForm(week)).toEqual({ ok: false, error: '星期一的上班时间要早于下班时间' });
  });
});

describe('hall form', () => {
  it('round-trips the settings (less the printer), special days sorted by date', () => {
    const s = settings();
    const parsed = fromHallForm(toHallForm(s));
    const { printer: _, ...rest } = s;
    expect(parsed).toEqual({ ok: true, value: { ...rest, specialDays: [...s.specialDays].sort((a, b) => a.date.localeCompare(b.date)) } });
  });

  it('normalises what was typed: times, numbers, tags', () => {
    const f = toHallForm(settings());
    f.week[1] = { open: true, from: '8:00', to: '1200' };
    f.priorityCap = ' 3 ';
    f.priorityKinds = [' 孕妇 ', '孕妇', ''];
    f.hallName = '  新名字 ';
    const parsed = fromHallForm(f);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.weekHours[1]).toEqual({ open: '08:00', close: '12:00' });
    expect(parsed.value.priorityCap).toBe(3);
    expect(parsed.value.priorityKinds).toEqual(['孕妇']);
    expect(parsed.value.hallName).toBe('新名字');
  });

  it('names the field when a number is out of the range the API takes', () => {
    const f = toHallForm(settings());
    f.recallCap = '0';
    expect(fromHallForm(f)).toEqual({ ok: false, error: '呼叫次数上限要填 1 到 20 之间的整数' });
    f.recallCap = '5';
    f.alertWaiting = '二十';
    expect(fromHallForm(f)).toEqual({ ok: false, error: '等候人数预警要填 1 到 10000 之间的整数' });
  });

  it('special days: a market day keeps its hours, a holiday is closed, 调休 may keep a weekday', () => {
    const f = toHallForm(settings({ specialDays: [] }));
    f.specialDays = [
      { ...newSpecialDay('market'), date: '2025-06-06' },
      { ...newSpecialDay('holiday'), date: '2025-05-01', name: '劳动节', ownHours: true },
      { ...newSpecialDay('workday'), date: '2025-04-27' },
      { ...newSpecialDay('workday'), date: '2025-09-28', ownHours: true, from: '9:00', to: '12:00' },
    ];
    const parsed = fromHallForm(f);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.specialDays).toEqual([
      { date: '2025-04-27', name: '', kind: 'workday', hours: null },
      { date: '2025-05-01', name: '劳动节', kind: 'holiday', hours: null },
      { date: '2025-06-06', name: '逢场', kind: 'market', hours: { open: '09:00', close: '16:00' } },
      { date: '2025-09-28', name: '', kind: 'workday', hours: { open: '09:00', close: '12:00' } },
    ]);
  });

  it('after saving, a day closed in the form keeps its times to reopen with', () => {
    const allDay = settings({ weekHours: Array.from({ length: 7 }, () => ({ open: '00:00', close: '24:00' })) });
    const before = toHallForm(allDay);
    before.week = before.week.map((d) => ({ ...d, open: false }));
    before.specialDays = [{ ...newSpecialDay('market'), date: '2025-06-06' }];
    const saved = fromHallForm(before);
    if (!saved.ok) throw new Error(saved.error);
    const after = savedHallForm(before, saved.value);
    expect(after.week.every((d) => !d.open && d.from === '00:00' && d.to === '24:00')).toBe(true);
    expect(after.specialDays).toEqual(toHallForm(saved.value).specialDays);
  });

  it('a special day needs its date, and its hours checked under its own name', () => {
    const f = toHallForm(settings({ specialDays: [] }));
    f.specialDays = [newSpecialDay('market')];
    expect(fromHallForm(f)).toEqual({ ok: false, error: '请填写逢场天“逢场”的日期' });
    f.specialDays = [{ ...newSpecialDay('market'), date: '2025-06-06', from: '16:00', to: '09:00' }];
    expect(fromHallForm(f)).toEqual({ ok: false, error: '2025-06-06（逢场）的上班时间要早于下班时间' });
  });
});

describe('ids', () => {
  it('slugs latin text and gives nothing for Chinese alone', () => {
    expect(slugify(' Tax Office ')).toBe('tax-office');
    expect(slugify('A/B 窗口 2')).toBe('a-b-2');
    expect(slugify('户籍')).toBe('');
  });

  it('proposes the next free id', () => {
    expect(nextId(['social', 'civil'], 'biz')).toBe('biz-1');
    expect(nextId(['biz-1', 'biz-3'], 'biz')).toBe('biz-2');
    expect(nextCounterId(['1', '2', '6'])).toBe('7');
    expect(nextCounterId(['front'])).toBe('1');
    expect(nextCounterId([])).toBe('1');
  });

  it('refuses ids the API would not take, or one already used', () => {
    expect(idProblem('tax-1', ['social'])).toBeNull();
    expect(idProblem('social', ['social'])).toBe('编号 social 已被使用');
    expect(idProblem('户籍', [])).toMatch(/^编号只能用字母/);
    expect(idProblem('', [])).toMatch(/^编号只能用字母/);
  });
});

describe('records', () => {
  it('a business round-trips; the prefix is upper-cased, an empty quota means no limit', () => {
    const f = toServiceForm(social);
    expect(fromServiceForm(f, null)).toEqual({ ok: true, value: { id: 'social', body: { ...omitId(social), schedule: null } } });
    const g = { ...newServiceForm('biz-1'), name: ' 税务 ', prefix: 'j', materials: ['身份证', ' ', '身份证'], dailyQuota: '50', avgServiceMin: '4.5' };
    expect(fromServiceForm(g, ['social'])).toEqual({
      ok: true,
      value: { id: 'biz-1', body: { name: '税务', prefix: 'J', materials: ['身份证'], committedDays: 3, priorityAllowed: true, dailyQuota: 50, enabled: true, avgServiceMin: 4.5, schedule: null } },
    });
  });

  it("a business's own schedule: set weekdays and hours, or refused with what to fix", () => {
    const own = { ...toServiceForm(social), schedule: { own: true, weekdays: [3, 1], from: '9:00', to: '1200' } };
    expect(fromServiceForm(own, null)).toMatchObject({ ok: true, value: { body: { schedule: { weekdays: [1, 3], open: '09:00', close: '12:00' } } } });
    expect(toServiceForm({ ...social, schedule: { weekdays: [1, 3], open: '09:00', close: '12:00' } }).schedule).toEqual({ own: true, weekdays: [1, 3], from: '09:00', to: '12:00' });
    expect(fromServiceForm({ ...own, schedule: { ...own.schedule, weekdays: [] } }, null)).toMatchObject({ ok: false, error: expect.stringContaining('至少要选一天') });
    expect(fromServiceForm({ ...own, schedule: { ...own.schedule, from: '13:00' } }, null)).toMatchObject({ ok: false, error: expect.stringContaining('早于') });
  });

  it('a new business id typed in words becomes a slug; one already used is refused', () => {
    expect(fromServiceForm({ ...newServiceForm(' Tax Office '), name: '税务', prefix: 'J' }, ['social'])).toMatchObject({ ok: true, value: { id: 'tax-office' } });
    expect(fromServiceForm({ ...newServiceForm('户籍'), name: '户籍二', prefix: 'J' }, [])).toMatchObject({ ok: false, error: expect.stringMatching(/^业务编号只能用字母/) });
  });

  it('a new business needs a usable id and a letter prefix', () => {
    expect(fromServiceForm({ ...newServiceForm('social'), name: '社保', prefix: 'A' }, ['social'])).toEqual({ ok: false, error: '业务编号 social 已被使用' });
    expect(fromServiceForm({ ...newServiceForm('biz-1'), name: '税务', prefix: '1' }, [])).toEqual({ ok: false, error: '号码前缀应为一个英文字母，例如 A' });
    expect(fromServiceForm({ ...newServiceForm('biz-1'), name: '税务', prefix: 'J', dailyQuota: '0' }, [])).toEqual({ ok: false, error: '每日限号要填 1 到 100000 之间的整数' });
  });

  it('a window keeps its own order of businesses, the newly ticked last, and sends empty posts as null', () => {
    const services = [social, { ...social, id: 'civil' }, { ...social, id: 'household' }, { ...social, id: 'family' }];
    const ticked = toggle(['civil', 'family', 'gone'], 'household', true);
    expect(fromCounterForm({ name: ' 2号窗口 ', serviceIds: ticked, clerkA: 'u-clerk2', clerkB: '' }, services)).toEqual({
      ok: true,
      value: { name: '2号窗口', serviceIds: ['civil', 'family', 'household'], clerkA: 'u-clerk2', clerkB: null },
    });
    expect(toggle(['civil'], 'household', true)).toEqual(['civil', 'household']);
    expect(toggle(['civil', 'household'], 'household', false)).toEqual(['civil']);
    expect(toggle(['civil'], 'civil', true)).toEqual(['civil']);
  });

  it('an account: a password only when given, at least 8 characters', () => {
    const f = { username: ' clerk7 ', name: '赵磊', staffNo: 'QS009', role: 'clerk' as const, disabled: false };
    expect(fromUserForm(f, null)).toEqual({ ok: true, value: { username: 'clerk7', name: '赵磊', staffNo: 'QS009', role: 'clerk', disabled: false } });
    expect(fromUserForm(f, 'short')).toEqual({ ok: false, error: '密码至少 8 位' });
    expect(fromUserForm(f, 'long-enough')).toMatchObject({ ok: true, value: { password: 'long-enough' } });
    expect(fromUserForm({ ...f, username: '赵' }, null)).toMatchObject({ ok: false });
  });

  it('lists where a clerk may sign in', () => {
    const counters = [
      { id: '1', name: '1号窗口', serviceIds: [], clerkA: 'u1', clerkB: 'u2' },
      { id: '6', name: '6号窗口', serviceIds: [], clerkA: 'u6', clerkB: 'u1' },
    ];
    expect(postsOf('u1', counters)).toEqual(['1号窗口 A岗', '6号窗口 B岗']);
    expect(postsOf('u9', counters)).toEqual([]);
  });
});

describe('printer and plain fields', () => {
  it('an empty address means no printer; a bad one is caught before sending', () => {
    expect(fromPrinterForm({ uri: ' ', paperWidth: 58, checkStatus: false })).toEqual({ ok: true, value: { uri: null, paperWidth: 58, checkStatus: false } });
    expect(fromPrinterForm({ uri: 'tcp://192.168.1.50:9100', paperWidth: 80, checkStatus: true })).toMatchObject({ ok: true, value: { uri: 'tcp://192.168.1.50:9100' } });
    expect(fromPrinterForm({ uri: '192.168.1.50', paperWidth: 80, checkStatus: true })).toMatchObject({ ok: false });
  });

  it('numbers, lists and the first failing field', () => {
    expect(intField('3.5', '次数', 1, 5)).toEqual({ ok: false, error: '次数要填 1 到 5 之间的整数' });
    expect(numberField('0.5', '分钟', 0.5, 240)).toEqual({ ok: true, value: 0.5 });
    expect(numberField('-1', '分钟', 0.5, 240)).toMatchObject({ ok: false });
    expect(cleanList([' a', 'a', '', 'b '])).toEqual(['a', 'b']);
    expect(allOk({ a: intField('1', 'A', 0, 9), b: intField('x', 'B', 0, 9), c: intField('y', 'C', 0, 9) })).toEqual({ ok: false, error: 'B要填 0 到 9 之间的整数' });
  });
});

function omitId({ id: _, ...rest }: Service) {
  return rest;
}
