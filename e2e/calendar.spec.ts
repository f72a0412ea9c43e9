// The hall's calendar as an admin sets it in 设置 › 大厅: a lunch break (no tickets, no
// calls), market days by the lunar calendar's "逢 1、4、7", checked on the five-week
// preview; then the kiosk and the windows keep to it.
import { SolarDay } from 'tyme4ts';
import { apiSignIn, openSettings, shot, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 900 } });

const pad = (n: number) => String(n).padStart(2, '0');

/** The hall's wall clock now (Asia/Shanghai), as minutes into the day. */
function hallMinutes(): number {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  return Number(p.find((x) => x.type === 'hour')!.value) * 60 + Number(p.find((x) => x.type === 'minute')!.value);
}
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

test('an admin sets the lunch break and lunar market days; the preview, the kiosk and the windows follow', async ({ page, browser, request }) => {
  const now = hallMinutes();
  // The demo hall is open 00:00–24:00: a lunch break around now must fit inside that.
  test.skip(now < 3 || now > 24 * 60 - 4, 'too close to midnight for a break around now');
  const from = Math.max(1, now - 30);
  const to = Math.min(24 * 60 - 1, now + 30);

  await openSettings(page, 'admin', '大厅');
  const hall = page.getByRole('form', { name: '大厅设置' });

  await hall.getByLabel('中午休息').check();
  await hall.getByLabel('午休开始').fill(hhmm(from));
  await hall.getByLabel('午休结束').fill(hhmm(to));
  await hall.getByLabel('下班前停止取号').fill('0');
  await hall.getByLabel('按农历日期').check();
  for (const d of [1, 4, 7]) await expect(hall.getByLabel(`逢${d}`, { exact: true })).toBeChecked();
  await expect(hall.getByText('农历每月逢 1、4、7')).toBeVisible();
  await hall.getByRole('button', { name: '保存大厅设置' }).click();
  await expect(hall.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  // The preview: every day's lunar date, and 逢场 exactly on lunar days ending in 1, 4 or 7.
  const month = hall.getByRole('table', { name: '未来五周的办公日历' });
  const cells = month.getByRole('cell');
  await expect(cells).toHaveCount(35);
  for (const cell of await cells.all()) {
    const day = (await cell.getAttribute('data-day'))!;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const lunar = SolarDay.fromYmd(y, m, d).getLunarDay();
    await expect(cell).toContainText(lunar.getName());
    if ([1, 4, 7].includes(lunar.getDay() % 10)) await expect(cell, day).toContainText('逢场');
    else await expect(cell, day).not.toContainText('逢场');
    await expect(cell).toContainText(`午休 ${hhmm(from)}–${hhmm(to)}`);
  }
  await month.scrollIntoViewIfNeeded();
  await shot(page, 'settings-calendar');

  // Lunch now: the kiosk says so on every business, takes nothing, and no window calls.
  const door = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await door.goto('/kiosk/');
  await expect(door.getByRole('button', { name: /社保劳保/ })).toContainText('午休暂停取号');
  await shot(door, 'kiosk-lunch');
  const refused = await request.post('/api/tickets', { data: { serviceId: 'social' } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(`午休时间（${hhmm(from)}–${hhmm(to)}）暂停取号，${hhmm(to)} 恢复`);
  const clerk = await apiSignIn(request, 'clerk1', '1');
  const call = await request.post('/api/counters/1/next', { headers: { authorization: `Bearer ${clerk}` } });
  expect(call.status()).toBe(409);
  expect(((await call.json()) as { error: { code: string } }).error.code).toBe('lunch_break');

  // Lunch taken away again: tickets at once.
  await hall.getByLabel('中午休息').uncheck();
  await hall.getByRole('button', { name: '保存大厅设置' }).click();
  await expect(door.getByRole('button', { name: /社保劳保/ })).not.toContainText('午休');
  expect((await request.post('/api/tickets', { data: { serviceId: 'social' } })).status()).toBe(201);
  await door.context().close();
});
