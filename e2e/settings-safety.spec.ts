// 设置, the admin's safety rails: leaving a section with unsaved changes asks first; the
// businesses are put in the kiosk's order with ↑ ↓; a prefix that reads as a digit (I, O)
// is refused; and a supervisor reads the settings with no control to press.
import type { Page } from '@playwright/test';
import { apiSignIn, expect, openSettings, shot, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const selected = (page: Page, name: string) => expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');

test('switching sections with unsaved changes asks first; staying keeps them, leaving drops them', async ({ page, request }) => {
  await openSettings(page, 'admin', '业务');
  await page.getByRole('button', { name: '编辑 户籍' }).click();
  const form = page.getByRole('form', { name: '业务：户籍' });
  await form.getByLabel('业务名称').fill('户籍户政');

  await page.getByRole('tab', { name: '窗口', exact: true }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('“业务”里有修改还没有保存，离开后这些修改会丢失。');
  await shot(page, 'settings-unsaved-warning');
  await ask.getByRole('button', { name: '留下继续修改' }).click();
  await selected(page, '业务');
  await expect(form.getByLabel('业务名称')).toHaveValue('户籍户政');

  await page.getByRole('tab', { name: '窗口', exact: true }).click();
  await ask.getByRole('button', { name: '不保存，去“窗口”' }).click();
  await selected(page, '窗口');
  const admin = await apiSignIn(request, 'admin');
  const view = await (await request.get('/api/settings', { headers: { authorization: `Bearer ${admin}` } })).json();
  expect(view.services.find((s: { id: string }) => s.id === 'household').name).toBe('户籍');

  // Saved changes leave without a question.
  await page.getByRole('tab', { name: '业务', exact: true }).click();
  await page.getByRole('button', { name: '编辑 户籍' }).click();
  await form.getByLabel('平均办理时间').fill('7');
  await form.getByRole('button', { name: '保存', exact: true }).click();
  await expect(form.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await page.getByRole('tab', { name: '人员', exact: true }).click();
  await selected(page, '人员');
  await expect(ask).toHaveCount(0);

  // Leaving 设置 for another page tab with an edit asks too.
  await page.getByRole('tab', { name: '窗口', exact: true }).click();
  await page.getByLabel('窗口名称').first().fill('1号综合窗口');
  await page.getByRole('tab', { name: '实况', exact: true }).click();
  await expect(ask).toContainText('设置里有修改还没有保存');
  await ask.getByRole('button', { name: '留下继续修改' }).click();
  await selected(page, '窗口');
  await expect(page.getByLabel('窗口名称').first()).toHaveValue('1号综合窗口');
  await page.getByRole('tab', { name: '实况', exact: true }).click();
  await ask.getByRole('button', { name: '不保存，去“实况”' }).click();
  await selected(page, '实况');
  await page.getByRole('tab', { name: '设置', exact: true }).click();
  await page.getByRole('tab', { name: '窗口', exact: true }).click();
  await expect(page.getByLabel('窗口名称').first()).toHaveValue('1号窗口');
});

test('an admin orders the businesses for the kiosk; I and O are refused as prefixes', async ({ page, browser, request, baseURL }) => {
  const kiosk = await (await browser.newContext({ baseURL: baseURL!, viewport: { width: 1080, height: 1920 } })).newPage();
  await kiosk.goto('/kiosk/');
  const names = async () => (await request.get('/api/services')).json().then((xs: { name: string }[]) => xs.map((x) => x.name));
  const before = await names();
  expect(before.slice(0, 5)).toEqual(['社保劳保', '民政救助', '林业', '财政惠农', '户籍']);

  await openSettings(page, 'admin', '业务');
  await expect(page.getByRole('button', { name: '上移 社保劳保' })).toBeDisabled();
  for (let i = 4; i > 0; i--) {
    await page.getByRole('button', { name: '上移 户籍' }).click();
    await expect(page.getByRole('row').nth(i)).toContainText('户籍');
  }
  await expect(page.getByRole('status').filter({ hasText: '已调整顺序：取号机上“户籍”上移一位' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText('户籍');
  await shot(page, 'settings-service-order');
  expect((await names()).slice(0, 5)).toEqual(['户籍', '社保劳保', '民政救助', '林业', '财政惠农']);
  // The kiosk follows the push: 户籍 is the first tile.
  await expect(kiosk.getByRole('button', { name: /户籍/ })).toBeVisible();
  const first = kiosk.locator('button.service').first(); // the first business tile
  await expect(first).toContainText('户籍');
  await page.getByRole('button', { name: '下移 户籍' }).click();
  await expect(page.getByRole('row').nth(2)).toContainText('户籍');
  await expect(first).toContainText('社保劳保');

  const admin = await apiSignIn(request, 'admin');
  const audit = await (await request.get('/api/audit', { headers: { authorization: `Bearer ${admin}` } })).json();
  expect(audit[0]).toMatchObject({ action: '调整业务顺序', detail: expect.stringMatching(/^社保劳保、户籍、民政救助/), byName: '系统管理员' });

  // Prefixes that read as digits: refused on the page, and by the server.
  await page.getByRole('button', { name: '新增业务' }).click();
  const editor = page.getByRole('form', { name: '新增业务' });
  await editor.getByLabel('业务名称').fill('税务');
  await editor.getByLabel('号码前缀').fill('O');
  await editor.getByRole('button', { name: '保存新业务' }).click();
  await expect(editor.getByRole('alert')).toHaveText('号码前缀不能用 I 或 O：在号票和叫号屏上容易看成 1 和 0');
  const res = await request.put('/api/settings/services/tax', {
    headers: { authorization: `Bearer ${admin}` },
    data: { name: '税务', prefix: 'I', materials: [], committedDays: 3, priorityAllowed: false, dailyQuota: null, enabled: true, avgServiceMin: 5 },
  });
  expect(res.status()).toBe(400);
  expect(JSON.stringify(await res.json())).toContain('号码前缀不能用 I 或 O');
  expect(await names()).not.toContain('税务');
});

test('a supervisor reads the settings with no control to press', async ({ page }) => {
  await openSettings(page, 'supervisor', '业务');
  await expect(page.getByRole('button', { name: /上移|下移/ })).toHaveCount(0);
  await page.getByRole('button', { name: '查看 户籍' }).click();
  const form = page.getByRole('form', { name: '业务：户籍' });
  await expect(form.getByLabel('业务名称')).toHaveValue('户籍');
  await expect(form.getByLabel('业务名称')).toBeDisabled();
  // The only button left is 关闭: no 保存, 删除, 添加一项材料, ↑ or ×.
  await expect(form.getByRole('button')).toHaveText(['关闭']);
  await shot(page, 'settings-readonly-service');
  await page.getByRole('tab', { name: '窗口', exact: true }).click();
  await expect(page.getByRole('form', { name: '2号窗口' }).getByRole('button')).toHaveCount(0);
  await page.getByRole('tab', { name: '人员', exact: true }).click();
  await expect(page.locator('.settings fieldset[disabled] button:visible')).toHaveCount(0);
  await page.getByRole('tab', { name: '大厅', exact: true }).click();
  await expect(page.getByRole('form', { name: '大厅设置' }).getByRole('button')).toHaveCount(0);
  await shot(page, 'settings-readonly-hall');
});
