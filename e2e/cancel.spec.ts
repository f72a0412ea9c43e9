// 作废号票: a supervisor clears a junk flood from the live page; the wall screen and the
// kiosk count fewer waiting, the phone page of a cancelled ticket says so, and the audit
// log (设置 → 操作日志) names who did it and why.
import { apiSignIn, expect, shot, signInAtSupervisor, takeTicket, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('a supervisor cancels junk tickets from the live page; wall and kiosk counts follow', async ({ page, browser, request, baseURL }) => {
  const junk = [];
  for (let i = 0; i < 12; i++) junk.push(await takeTicket(request, 'household'));
  const real = await takeTicket(request, 'forestry');
  const kept = await takeTicket(request, 'household');

  const screens = await browser.newContext({ baseURL: baseURL!, viewport: { width: 1920, height: 1080 } });
  const wall = await screens.newPage();
  await wall.goto('/display/');
  const wallHousehold = wall.locator('.waiting li', { hasText: '户籍' }).locator('.waiting-count');
  await expect(wallHousehold).toHaveText('13 人');
  const kiosk = await screens.newPage();
  await kiosk.goto('/kiosk/');
  const kioskHousehold = kiosk.getByRole('button', { name: /户籍/ });
  await expect(kioskHousehold).toContainText('13 人在等');
  const phone = await screens.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(junk[0]!.statusUrl);
  await expect(phone.getByText(junk[0]!.number).first()).toBeVisible();

  await signInAtSupervisor(page);
  await page.getByRole('button', { name: '打开队列调度' }).click();
  const household = page.getByTestId('queue-household');
  await expect(household).toContainText('等候 13 人');
  await expect(page.getByTestId('queue-forestry')).toContainText('等候 1 人');

  // The flood: select the whole business, then spare the one real villager.
  await household.getByLabel(/全选本业务/).check();
  await household.getByLabel(kept.number).uncheck();
  await page.getByRole('radio', { name: '作废' }).check();
  const go = page.getByRole('button', { name: /^作废选中的 12 个号$/ });
  await expect(go).toBeDisabled(); // a reason first
  await page.getByLabel(/^原因/).fill('同一人十秒内连续取号，恶意占号');
  await go.click();
  await expect(page.getByRole('alertdialog')).toContainText('确认作废 12 个号？');
  await shot(page, 'supervisor-cancel-confirm');
  await page.getByRole('button', { name: '确认作废' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已作废 12 个号' })).toBeVisible();
  await expect(household).toContainText('等候 1 人');
  await expect(household.getByLabel(kept.number)).not.toBeChecked();
  await shot(page, 'supervisor-cancel-done');

  await expect(wallHousehold).toHaveText('1 人');
  await expect(kioskHousehold).toContainText('1 人在等');
  await expect(kiosk.getByRole('button', { name: /林业/ })).toContainText('1 人在等');
  await expect(phone.getByText('这个号已被大厅工作人员作废')).toBeVisible();
  await shot(phone, 'status-cancelled-by-staff');
  expect((await (await request.get(`/api/tickets/${real.id}`)).json()).status).toBe('waiting');

  // The audit log shows who, which numbers and why.
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByRole('tab', { name: '操作日志' }).or(page.getByRole('button', { name: '操作日志' })).first().click();
  const entry = page.getByRole('row', { name: /作废号票/ });
  await expect(entry).toContainText(junk[0]!.number);
  await expect(entry).toContainText('原因：同一人十秒内连续取号，恶意占号');
  await shot(page, 'supervisor-cancel-audit');
  const sup = await apiSignIn(request, 'supervisor');
  const audit = await (await request.get('/api/audit', { headers: { authorization: `Bearer ${sup}` } })).json();
  expect(audit[0]).toMatchObject({ action: '作废号票', byName: expect.any(String) });
});

test.describe('a real hall', () => {
  test.use({ hallKind: 'big' });

  test('long business names and many businesses stay readable in the queue control panel', async ({ page, request }) => {
    for (const id of ['employment', 'land', 'aid', 'pension']) for (let i = 0; i < 3; i++) await takeTicket(request, id);
    await signInAtSupervisor(page);
    await page.getByRole('button', { name: '打开队列调度' }).click();
    const land = page.getByTestId('queue-land');
    await expect(land).toContainText('农村土地承包经营权流转');
    await expect(land).toContainText('等候 3 人');
    await land.scrollIntoViewIfNeeded();
    await shot(page, 'supervisor-cancel-big-hall');
    // Nothing in the panel is cut off or runs out of its box.
    const clipped = await page.locator('.cancel').evaluate((root) =>
      [...root.querySelectorAll('legend, label, .cancel-no, option')].filter((el) => el.tagName !== 'OPTION').filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
  });
});
