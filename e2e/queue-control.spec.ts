// 队列调度: a business has nobody to serve it. The live page warns, the warning links to
// the panel with that business's waiting tickets selected; the supervisor moves them to a
// staffed window (they keep their numbers and place, and that window calls them next),
// moves another to a different business, and closes the business at the kiosk for now
// with a reason the kiosk shows. Every action is in the audit log.
import { apiSignIn, expect, shot, signInAtConsole, signInAtSupervisor, takeTicket, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('a supervisor moves the tickets of an unstaffed business to a staffed window and closes it at the kiosk', async ({ page, browser, request, baseURL }) => {
  const household = [await takeTicket(request, 'household'), await takeTicket(request, 'household')];
  const social = await takeTicket(request, 'social');
  const forestry = await takeTicket(request, 'forestry');

  const others = await browser.newContext({ baseURL: baseURL!, viewport: { width: 1366, height: 768 } });
  const clerk = await others.newPage();
  await signInAtConsole(clerk, 'clerk1', '1'); // 1号窗口: 社保劳保, 新农合医保
  await expect(clerk.getByTestId('queue')).toContainText(social.number);
  const kiosk = await others.newPage();
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await kiosk.goto('/kiosk/');
  await expect(kiosk.getByRole('button', { name: /户籍/ })).toContainText('2 人在等');

  await signInAtSupervisor(page);
  const warning = page.locator('.alert', { hasText: '户籍没有在岗的窗口办理，2 人在等' });
  await expect(warning).toBeVisible();
  await shot(page, 'queue-control-warning');
  await warning.getByRole('link', { name: '移号或暂停取号' }).click();

  // The panel opens on 户籍 with its waiting tickets selected.
  const panel = page.locator('#queue-control');
  const row = page.getByTestId('queue-household');
  await expect(row).toContainText('等候 2 人');
  for (const t of household) await expect(row.getByLabel(t.number)).toBeChecked();
  await expect(page.getByLabel('由哪个窗口叫号').locator('option[value="1"]')).toHaveText('1号窗口（王芳在岗）');
  await expect(page.getByLabel('由哪个窗口叫号').locator('option[value="3"]')).toHaveText('3号窗口（无人在岗）');
  await page.getByLabel('由哪个窗口叫号').selectOption('1');
  await expect(page.getByRole('radio', { name: '指定窗口' })).toBeChecked();
  await page.getByLabel(/^原因/).fill('户籍民警下村，今天由1号窗口代办');
  await page.getByRole('button', { name: '移动选中的 2 个号' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('确认把 2 个号移到1号窗口？号码和排队顺序不变，只由1号窗口叫号。');
  await shot(page, 'queue-control-confirm');
  await page.getByRole('button', { name: '确认移动' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已把 2 个号移到1号窗口' })).toBeVisible();
  await expect(row.getByText('指定1号窗口').first()).toBeVisible();
  await expect(warning).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'queue-control-moved');

  // Window 1 sees them in taking order, ahead of the 社保 ticket taken after, and calls them.
  const queue = clerk.getByTestId('queue');
  await expect(queue.locator('li').first()).toContainText(household[0]!.number);
  await expect(queue.locator('li').nth(1)).toContainText(household[1]!.number);
  await expect(queue.locator('li').nth(2)).toContainText(social.number);
  await clerk.getByRole('button', { name: '叫号 F1', exact: true }).click();
  await expect(clerk.getByTestId('current-number')).toHaveText(household[0]!.number);
  const status = await (await request.get(`/api/tickets/${household[0]!.id}`)).json();
  expect(status).toMatchObject({ number: household[0]!.number, status: 'called', counterId: '1', takenAt: expect.any(String) });

  // Another business: the 林业 ticket goes to 社保劳保, keeping its number.
  await expect(page.getByTestId('queue-forestry')).toContainText('等候 1 人');
  await page.getByTestId('queue-forestry').getByLabel(forestry.number).check();
  await page.getByLabel('移到哪项业务').selectOption('social');
  await expect(page.getByRole('button', { name: '移动选中的 1 个号' })).toBeDisabled(); // a reason first
  await page.getByLabel(/^原因/).fill('林业站今天没人');
  await page.getByRole('button', { name: '移动选中的 1 个号' }).click();
  await page.getByRole('button', { name: '确认移动' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已把 1 个号移到社保劳保' })).toBeVisible();
  await expect(page.getByTestId('queue-social')).toContainText(forestry.number);
  expect(await (await request.get(`/api/tickets/${forestry.id}`)).json()).toMatchObject({ number: forestry.number, serviceName: '社保劳保', status: 'waiting' });

  // Close 户籍 at the kiosk for now: the kiosk says why, and opens again on 恢复取号.
  await page.getByLabel('暂停哪项业务').selectOption('household');
  await page.getByLabel(/取号机上显示的原因/).fill('户籍民警下村，请明天再来');
  await page.getByRole('button', { name: '暂停取号', exact: true }).click();
  await expect(page.getByTestId('paused-household')).toContainText('取号机显示“暂停取号：户籍民警下村，请明天再来”');
  const which = page.getByLabel('暂停哪项业务');
  await expect(which.locator('option:checked')).toHaveText('请选择业务');
  await expect(which.locator('option[value="household"]')).toBeDisabled();
  await page.locator('.qc-pause').scrollIntoViewIfNeeded();
  await shot(page, 'queue-control-paused');
  const tile = kiosk.getByRole('button', { name: /户籍/ });
  await expect(tile).toContainText('暂停取号：户籍民警下村，请明天再来');
  await shot(kiosk, 'kiosk-service-paused');
  expect((await request.post('/api/tickets', { data: { serviceId: 'household', priority: false } })).status()).toBe(409);
  await page.getByTestId('paused-household').getByRole('button', { name: '恢复取号' }).click();
  await expect(page.getByTestId('paused-household')).toHaveCount(0);
  await expect(tile).not.toContainText('暂停取号');

  // The audit log: who moved what where and why; who closed and reopened the business.
  const sup = await apiSignIn(request, 'supervisor');
  const audit = (await (await request.get('/api/audit', { headers: { authorization: `Bearer ${sup}` } })).json()) as { action: string; target: string; detail: string; byName: string }[];
  expect(audit.map((a) => a.action).slice(0, 4)).toEqual(['恢复取号', '暂停取号', '移号', '移号']);
  expect(audit[3]).toMatchObject({ target: household.map((t) => t.number).join('、'), detail: expect.stringContaining('移到1号窗口（只由该窗口叫号'), byName: '中心主任' });
  expect(audit[2]).toMatchObject({ target: forestry.number, detail: expect.stringContaining('原因：林业站今天没人') });
  await others.close();
});
