// The clerk console never records the wrong thing (issue 12), driven as a clerk works it:
// what is chosen and typed belongs to one ticket (kept across a reload, gone when it
// leaves), a visit never started is not finished by one key, a finish can be undone for a
// moment, the window does not pause with a villager walking up, the shortcuts are no
// browser keys, and a committed case records whom to tell and tells the villager when
// to come back.
import type { APIRequestContext, Page } from '@playwright/test';
import { BROWSER_KEYS } from '../clerk/keys.ts';
import { apiSignIn, clearCounter, pairPad, shot, signInAtConsole, takeTicket, expect, test } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const current = (page: Page) => page.getByTestId('current-number');
const notice = (page: Page) => page.getByTestId('notice');
const outcome = (page: Page, label: string) => page.locator('.outcomes').getByRole('radio', { name: new RegExp(`^${label}`) });

/** A shortcut pressed once the previous action's reply is in (keys wait for it). */
async function press(page: Page, key: string): Promise<void> {
  await expect(page.locator('main.work')).toHaveAttribute('aria-busy', 'false');
  await page.keyboard.press(key);
}

async function atWindow5(page: Page, request: APIRequestContext): Promise<void> {
  await clearCounter(request, await apiSignIn(request, 'clerk5', '5'), '5');
  await signInAtConsole(page, 'clerk5', '5');
  await expect(page.locator('header')).toContainText('5号窗口');
}

async function status(request: APIRequestContext, id: string) {
  return (await (await request.get(`/api/tickets/${id}`)).json()) as { status: string; outcome?: string };
}

test('what is chosen and typed belongs to one ticket: kept across a reload, gone when it leaves', async ({ page, request }) => {
  const a = await takeTicket(request, 'forestry');
  const b = await takeTicket(request, 'forestry');
  await atWindow5(page, request);

  await press(page, 'F2');
  await expect(current(page)).toHaveText(a.number);
  await outcome(page, '不予受理').check({ force: true });
  await page.getByLabel('不予受理理由（必填）').fill('材料不齐，缺户口本');
  // A reload (the browser's F5) keeps the ticket's draft.
  await page.reload();
  await expect(current(page)).toHaveText(a.number);
  await expect(outcome(page, '不予受理')).toBeChecked();
  await expect(page.getByLabel('不予受理理由（必填）')).toHaveValue('材料不齐，缺户口本');
  await shot(page, 'console-draft-after-reload');

  // 转办: the ticket leaves, and with it the refusal and its reason.
  await button(page, '转办…').click();
  await page.getByRole('dialog').getByRole('radio', { name: /社保劳保/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: '确认转办' }).click();
  await expect(notice(page)).toContainText(`${a.number} 号已转至「社保劳保」排队`);
  await expect(outcome(page, '不予受理')).toBeDisabled();

  await press(page, 'F2');
  await expect(current(page)).toHaveText(b.number);
  await expect(outcome(page, '即办')).toBeChecked();
  await expect(page.getByLabel('备注（可选）')).toHaveValue('');
  await expect(button(page, /^办结（即办）/)).toBeVisible();
  await shot(page, 'console-next-ticket-clean');

  // Same after 过号: nothing typed for one villager is there for the next.
  await page.getByLabel('备注（可选）').fill('本人未带身份证');
  await press(page, 'Shift+F4');
  await page.getByRole('dialog').getByRole('button', { name: /确认过号/ }).click();
  await expect(page.getByText('当前没有叫号')).toBeVisible();
  await expect(page.getByLabel('备注（可选）')).toHaveValue('');
  const drafts = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('clerk-draft:')));
  expect(drafts).toEqual([]);
});

test('the shortcuts are no browser keys, and the hints on screen say which they are', async ({ page, request }) => {
  await atWindow5(page, request);
  const hints = await page.locator('main.work kbd').allTextContents();
  expect(hints.length).toBeGreaterThanOrEqual(6);
  for (const key of hints) expect(BROWSER_KEYS, key).not.toContain(key.replace(/^Shift\+/, ''));
  expect(hints).toEqual(expect.arrayContaining(['F2', 'F4', 'F8', 'F9', 'Shift+F4', 'Shift+F9']));
});

test('a visit never started is not finished by one key; a finish can be undone for a moment, audited', async ({ page, request }) => {
  const t = await takeTicket(request, 'forestry');
  await atWindow5(page, request);
  await press(page, 'F2');
  await expect(current(page)).toHaveText(t.number);

  // F9 on a ticket only called: the console asks; Enter starts it first.
  await press(page, 'F9');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`${t.number} 号还没有开始办理`);
  await shot(page, 'console-finish-unstarted');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('当前号')).toContainText('办理中');
  expect((await status(request, t.id)).status).toBe('serving');

  await outcome(page, '上报件').check({ force: true });
  await page.getByLabel('备注（可选）').fill('报县民政局审批');
  await press(page, 'F9');
  const lastDone = page.getByTestId('last-done');
  await expect(lastDone).toContainText(`${t.number} 已办结 · 上报件`);
  expect((await status(request, t.id)).status).toBe('done');

  // Finished the wrong way: undo brings it back with what was chosen and written.
  await lastDone.getByRole('button', { name: '撤销办结' }).click();
  await expect(notice(page)).toContainText(`已撤销 ${t.number} 号的办结`);
  await expect(current(page)).toHaveText(t.number);
  await expect(outcome(page, '上报件')).toBeChecked();
  await expect(page.getByLabel('备注（可选）')).toHaveValue('报县民政局审批');
  await shot(page, 'console-undone');
  expect(await status(request, t.id)).toMatchObject({ status: 'serving' });
  // Its rating request is withdrawn: the visit cannot be rated until finished again.
  const rate = await request.post('/api/ratings', { data: { ticketId: t.id, key: t.ratingKey, level: 5 } });
  expect(rate.status()).toBe(409);

  await outcome(page, '即办').check({ force: true });
  await press(page, 'F9');
  await expect(lastDone).toContainText(`${t.number} 已办结 · 即办`);
  const sup = await apiSignIn(request, 'supervisor');
  const audit = (await (await request.get('/api/audit', { headers: { authorization: `Bearer ${sup}` } })).json()) as { action: string; target: string; detail: string }[];
  expect(audit).toContainEqual(expect.objectContaining({ action: '撤销办结', target: `${t.number} 号`, detail: '5号窗口，原办结方式：上报件' }));
});

test('the window pad stops asking when a finish is undone, and asks again when the visit is finished', async ({ page, browser, baseURL, request }) => {
  const t = await takeTicket(request, 'forestry');
  await atWindow5(page, request);
  const pad = await browser.newPage({ baseURL, viewport: { width: 1280, height: 800 } });
  await pairPad(pad, request, '5');
  await pad.goto('/pad/');
  await expect(pad.getByText('陈静')).toBeVisible();
  await press(page, 'F2');
  await press(page, 'F8');
  await expect(page.getByLabel('当前号')).toContainText('办理中');
  await press(page, 'F9');
  const asking = pad.getByText('请您对这次办事作出评价');
  await expect(asking).toBeVisible();
  await expect(pad.getByText(t.number)).toBeVisible();

  await page.getByTestId('last-done').getByRole('button', { name: '撤销办结' }).click();
  await expect(current(page)).toHaveText(t.number);
  await expect(asking).toBeHidden();
  await shot(pad, 'pad-after-undo');

  await press(page, 'F9');
  await expect(asking).toBeVisible();
  await pad.getByRole('button', { name: '非常满意', exact: true }).click();
  await expect.poll(async () => (await request.post('/api/ratings', { data: { ticketId: t.id, key: t.ratingKey, level: 5 } })).status()).toBe(409);
  await pad.close();
});

test('the window does not pause with a villager at it: it offers to finish, transfer or mark a no-show first', async ({ page, request }) => {
  const t = await takeTicket(request, 'forestry');
  await atWindow5(page, request);
  await press(page, 'F2');
  await expect(current(page)).toHaveText(t.number);

  await button(page, '暂停服务…').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('请先处理当前的号');
  await expect(dialog).toContainText(`${t.number} 号已呼叫`);
  await shot(page, 'console-pause-blocked');
  await dialog.getByRole('button', { name: '过号…' }).click();
  await expect(page.getByRole('dialog')).toContainText(`${t.number} 号过号？`);
  await page.getByRole('dialog').getByRole('button', { name: /确认过号/ }).click();
  await expect(page.getByText('当前没有叫号')).toBeVisible();

  // With nobody at the window it pauses as before.
  await button(page, '暂停服务…').click();
  await page.getByRole('dialog').getByRole('button', { name: '暂停服务', exact: true }).click();
  await expect(page.getByTestId('paused-banner')).toContainText('本窗口已暂停服务');
});

test('a committed case records whom to tell (phone masked) and the villager reads when to come back', async ({ page, request, browser, baseURL }) => {
  const t = await takeTicket(request, 'forestry');
  await atWindow5(page, request);
  await press(page, 'F2');
  await press(page, 'F8');
  await expect(page.getByLabel('当前号')).toContainText('办理中');

  await outcome(page, '承诺件').check({ force: true });
  await page.getByLabel('姓名').fill('王秀英');
  await page.getByLabel('联系电话').fill('13912345678');
  await shot(page, 'console-committed-notify');
  await press(page, 'F9');
  const lastDone = page.getByTestId('last-done');
  await expect(lastDone).toContainText(`${t.number} 已办结 · 承诺件`);
  await expect(lastDone).toContainText(/（7 个工作日，请告知群众于 \d{1,2}月\d{1,2}日 后来取）/);
  await shot(page, 'console-committed-done');

  await button(page, /^承诺件…/).click();
  const row = page.getByTestId(`cm-${t.number}`);
  await expect(row).toContainText('通知：王秀英 139****5678');
  await expect(page.getByRole('dialog')).not.toContainText('13912345678');
  await page.keyboard.press('Escape');

  // The villager's phone: not "已经办完" but when to come back, in working days.
  const phone = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await phone.goto(t.statusUrl);
  const said = phone.getByTestId('outcome');
  await expect(said).toContainText('已受理，还没有办完');
  await expect(said).toContainText(/请于 \d{1,2}月\d{1,2}日 后来取/);
  await expect(said).toContainText('承诺 7 个工作日内办好');
  await expect(phone.locator('.state')).toHaveText('已受理');
  await expect(phone.getByText('已经办完')).toHaveCount(0);
  await said.scrollIntoViewIfNeeded();
  await shot(phone, 'status-committed');
  await phone.close();
});

test('the phone page says what happens next for a case sent up (上报件)', async ({ page, request, browser, baseURL }) => {
  const t = await takeTicket(request, 'forestry');
  await atWindow5(page, request);
  await press(page, 'F2');
  await press(page, 'F8');
  await outcome(page, '上报件').check({ force: true });
  await press(page, 'F9');
  await expect(page.getByTestId('last-done')).toContainText(`${t.number} 已办结 · 上报件`);
  const phone = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await phone.goto(t.statusUrl);
  await expect(phone.getByTestId('outcome')).toContainText('已上报上级部门办理');
  await expect(phone.getByTestId('outcome')).toContainText('工作人员会通知您');
  await expect(phone.locator('.state')).toHaveText('已上报');
  await phone.getByTestId('outcome').scrollIntoViewIfNeeded();
  await shot(phone, 'status-forwarded');
  await phone.close();
});
