// 设置 → 取号与留言限制: the admin lowers the takes a minute allowed per address, and the
// kiosk, past it, tells the villager to wait a moment, without taking a ticket.
import type { ServiceView, Settings } from '../shared/types.ts';
import { apiSignIn, openSettings, shot, expect, test } from './helpers.ts';

test('an admin lowers the take limit; past it the kiosk asks the villager to wait, and takes nothing', async ({ page, browser, request }) => {
  const desk = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await openSettings(desk, 'admin', '大厅');
  const hall = desk.getByRole('form', { name: '大厅设置' });
  await expect(hall.getByLabel('每分钟取号上限')).toHaveValue('30');
  await expect(hall.getByLabel('每小时留言上限')).toHaveValue('20');
  await hall.getByLabel('每分钟取号上限').fill('2');
  await hall.getByRole('button', { name: '保存大厅设置' }).click();
  await expect(hall.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await hall.getByLabel('每分钟取号上限').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(desk, 'settings-limits');
  const token = await apiSignIn(request, 'supervisor');
  const settings = (await (await request.get('/api/settings', { headers: { authorization: `Bearer ${token}` } })).json()) as { settings: Settings };
  expect(settings.settings.limits).toEqual({ takesPerMinute: 2, commentsPerHour: 20 });

  const waiting = async () => ((await (await request.get('/api/services')).json()) as ServiceView[]).find((s) => s.id === 'civil')!.waiting;
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  const civil = page.getByRole('button', { name: /民政/ });
  for (let i = 0; i < 2; i++) {
    await civil.click();
    await page.getByRole('button', { name: '普通取号' }).click();
    await expect(page.getByTestId('ticket-number')).toBeVisible();
    await page.getByRole('button', { name: '完成' }).click();
  }
  expect(await waiting()).toBe(2);

  await civil.click();
  await page.getByRole('button', { name: '普通取号' }).click();
  await expect(page.getByRole('heading', { name: '没有取到号' })).toBeVisible();
  await expect(page.getByText('取号太频繁，请稍等一会儿再取')).toBeVisible();
  await expect(page.getByRole('button', { name: '再试一次' })).toBeVisible();
  await shot(page, 'kiosk-take-too-many');
  expect(await waiting()).toBe(2);
  await desk.context().close();
});
